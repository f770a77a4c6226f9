/** The body of `configure` and its subcommands, loaded only when one of them runs. */
import { shellQuote } from '../../../core/shell-quote.js';
import { existsSync } from 'node:fs';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { canPrompt } from '../../../ui/terminal.js';
import { readStream } from '../../read-input.js';
import { InterruptedError, UsageError } from '../../../core/errors.js';
import { chooseProfile, maskAs, type MaskKind, type ProfileChoice } from '../../../config/index.js';
import { homeDir } from '../../../config/paths.js';
import { readTccliProfile, profileValue, type TccliProfile } from '../../../config/tccli.js';
import { updateTccliProfile } from '../../../config/profile-store.js';
import { printResult } from '../../../ui/output.js';
import { hasControlCharacters } from '../../../core/printable.js';
import {
  findProfileKey,
  PROFILE_KEYS,
  readProfileKey,
  REGION_PATTERN,
  removeProfileKey,
  writeProfileKey,
  type ProfileKey,
} from '../../../config/profile-keys.js';
import { isPromptCancel } from '../../../ui/interactive/asker.js';
import { type Language, listText, message, say } from '../../../core/i18n.js';
import { CONFIGURE } from './configure.messages.js';
import { unknownRegion } from '../../../config/regions.js';
import { USAGE_TEXTS } from '../../../core/usage-texts.js';

const DEFAULT_REGION = 'ap-guangzhou';
/** A secret piped on stdin is a few dozen bytes; this only stops a runaway pipe. */
const MAX_STDIN_BYTES = 64 * 1024;

type Prompts = typeof import('@inquirer/prompts');

/** Loaded only when a prompt is really shown, so ordinary start-up stays small. */
async function loadPrompts(ctx: CliContext, globals: GlobalOptions) {
  const [prompts, { promptOutput, promptLook, watchingTerminal }]: [Prompts, typeof import('../../../ui/interactive/asker.js')] =
    await Promise.all([import('@inquirer/prompts'), import('../../../ui/interactive/asker.js')]);
  // Inquirer ends its output after each question: each gets a wrapper of its own, so stdout stays
  // open. A hang-up of the terminal ends the question too (exit 129).
  const look = promptLook(ctx, globals.color !== false);
  const ask = <T>(question: (context: { input: typeof ctx.stdin; output: NodeJS.WritableStream; signal: AbortSignal }) => Promise<T>) =>
    watchingTerminal(ctx, (signal) => question({ input: ctx.stdin, output: promptOutput(ctx.stdout, look), signal }));
  const interrupted = (error: unknown): never => {
    // Ctrl-C at a prompt, or the run's signal: nothing written.
    if (isPromptCancel(error)) throw new InterruptedError();
    throw error;
  };
  return {
    input: (config: Parameters<Prompts['input']>[0]) => ask((context) => prompts.input(config, context)).catch(interrupted),
    // No ctrl+t reveal: a secret key on screen is one screenshot or screen-share away from leaking.
    password: (config: Parameters<Prompts['password']>[0]) =>
      ask((context) => prompts.password({ ...config, toggleMask: false }, context)).catch(interrupted),
  };
}

function label(language: Language, name: string, current: string | undefined, masked?: MaskKind): string {
  if (!current) return name;
  return say(language, CONFIGURE.keeps, { name, current: masked ? maskAs(masked, current) : current });
}

function note(ctx: CliContext, globals: GlobalOptions, text: string): void {
  if (!globals.quiet) ctx.stderr.write(`${text}\n`);
}

/** A region outside the SDKs' list is stored (new regions appear), with a warning and the closest known one. */
function warnUnknownRegion(ctx: CliContext, globals: GlobalOptions, region: string): void {
  const unknown = unknownRegion(region);
  if (!unknown) return;
  const language = ctx.language ?? 'en';
  const [first] = unknown.suggestion;
  note(
    ctx,
    globals,
    first
      ? say(language, USAGE_TEXTS.regionUnknownSuggest, { region, suggestion: first })
      : say(language, USAGE_TEXTS.regionUnknown, { region }),
  );
}

function savedNote(language: Language, profile: string, written: string[]): string {
  return written.length
    ? say(language, CONFIGURE.saved, { profile, files: written.join(', ') })
    : say(language, CONFIGURE.unchanged, { profile });
}

/**
 * What `configure` and `configure set` did: nothing on stdout in text (the note on stderr says
 * it), `{"Profile","Keys":[keys set],"Files":[files changed]}` with -o json, a table with -o table.
 */
async function printSaved(ctx: CliContext, globals: GlobalOptions, profile: string, keys: string[], files: string[]): Promise<void> {
  await printResult(ctx, globals, {
    json: { Profile: profile, Keys: keys, Files: files },
    text: [],
    table: [
      ['PROFILE', 'KEYS', 'FILES'],
      [profile, keys.join(', '), files.join(', ')],
    ],
  });
}

export async function runInteractive(ctx: CliContext, globals: GlobalOptions): Promise<void> {
  if (!canPrompt(ctx)) {
    throw new UsageError(message(CONFIGURE.onlyInTerminal), undefined, { hint: message(CONFIGURE.onlyInTerminalHint) });
  }
  const language = ctx.language ?? 'en';
  const { name } = chooseProfile(globals.profile, ctx.env);
  const home = homeDir(ctx.env);
  const current = readTccliProfile(home, name);
  const { input, password } = await loadPrompts(ctx, globals);

  const currentId = profileValue(current, 'secretId');
  const currentKey = profileValue(current, 'secretKey');
  const required = (existing: string | undefined) => (value: string) =>
    value.trim() || existing ? true : say(language, CONFIGURE.required);

  ctx.stdout.write(`${say(language, CONFIGURE.configuring, { name, file: current.paths.credential })}\n`);
  const typedId = (await input({ message: label(language, 'SecretId', currentId, 'identifier'), validate: required(currentId) })).trim();
  const typedKey = (
    await password({ message: label(language, 'SecretKey', currentKey, 'secret'), mask: '*', validate: required(currentKey) })
  ).trim();
  ctx.secrets.add(typedKey);
  const region = (
    await input({
      message: say(language, CONFIGURE.region),
      default: profileValue(current, 'region') ?? DEFAULT_REGION,
      validate: (value) => REGION_PATTERN.test(value.trim()) || say(language, CONFIGURE.regionCode),
    })
  ).trim();
  // No question about tccli's output format: clb-listener prints what -o says, so the answer would
  // change nothing here (configure set output json still stores it for tccli).
  warnUnknownRegion(ctx, globals, region);

  const { written } = updateTccliProfile(home, name, (files) => {
    const set = (key: string, value: string) => writeProfileKey(files, findProfileKey(key), value);
    if (typedId || typedKey) {
      // New keys replace the CVM role, and a session token belongs to the keys it was issued with.
      set('use-cvm-role', 'false');
      if (typedId && typedId !== currentId) delete files.credential.token;
    }
    set('secretId', typedId || currentId!);
    set('secretKey', typedKey || currentKey!);
    set('region', region);
  });
  ctx.stderr.write(`${savedNote(language, name, written)}\n`);
  await printSaved(ctx, globals, name, ['secretId', 'secretKey', 'region'], written);
}

async function readStdin(ctx: CliContext): Promise<string> {
  const text = await readStream(
    ctx.stdin,
    { maxBytes: MAX_STDIN_BYTES, tooLarge: () => new UsageError(message(CONFIGURE.stdinTooLarge, { size: MAX_STDIN_BYTES })) },
    ctx.signal,
  );
  // Surrounding whitespace (echo's newline) is dropped; keys and tokens never contain any.
  return text.trim();
}

/** The value of a `KEY -` pair: a masked prompt in a terminal, else all of stdin. */
async function valueFromStdin(ctx: CliContext, globals: GlobalOptions, key: ProfileKey): Promise<string> {
  if (canPrompt(ctx)) {
    const { input, password } = await loadPrompts(ctx, globals);
    return (key.secret ? await password({ message: key.name, mask: '*' }) : await input({ message: key.name })).trim();
  }
  // A terminal we may not prompt on (CI=true) would echo whatever is typed into it.
  if (ctx.stdin.isTTY) {
    throw new UsageError(message(CONFIGURE.stdinIsTerminal, { key: key.name }), undefined, {
      hint: message(CONFIGURE.pipeTheValue, { key: key.name }),
    });
  }
  const value = await readStdin(ctx);
  if (!value)
    throw new UsageError(message(CONFIGURE.noValueOnStdin, { key: key.name }), undefined, {
      hint: message(CONFIGURE.pipeExample, { key: key.name }),
    });
  return value;
}

export async function runSet(ctx: CliContext, globals: GlobalOptions, args: string[]): Promise<void> {
  if (args.length % 2 !== 0) {
    throw new UsageError(message(CONFIGURE.pairs), undefined, {
      hint: message(CONFIGURE.pairsExample),
    });
  }
  const pairs: [ProfileKey, string][] = [];
  for (let i = 0; i < args.length; i += 2) pairs.push([findProfileKey(args[i]!), args[i + 1]!]);

  for (const [key, value] of pairs) {
    if (hasControlCharacters(value)) {
      if (key.secret) ctx.secrets.add(value);
      // The value is not quoted back: it may be a secret typed in the wrong place.
      throw new UsageError(message(CONFIGURE.controlCharacter, { key: key.name }));
    }
    if (key.secret && value !== '-') {
      // Too late to keep it out of the shell history, but not too late to keep it out of our output.
      ctx.secrets.add(value);
      throw new UsageError(message(CONFIGURE.notOnCommandLine, { key: key.name }), undefined, {
        hint: message(CONFIGURE.passDash, { key: key.name }),
      });
    }
  }
  const fromStdin = pairs.filter(([, value]) => value === '-');
  if (fromStdin.length > 1) {
    throw new UsageError(message(CONFIGURE.oneFromStdin, { keys: listText(fromStdin.map(([k]) => k.name)) }));
  }
  for (const pair of fromStdin) {
    pair[1] = await valueFromStdin(ctx, globals, pair[0]);
    if (pair[0].secret) ctx.secrets.add(pair[1]);
    if (hasControlCharacters(pair[1])) {
      throw new UsageError(message(CONFIGURE.stdinControlCharacter, { key: pair[0].name }), undefined, {
        hint: message(CONFIGURE.pipeAlone, { key: pair[0].name }),
      });
    }
  }

  const { name } = chooseProfile(globals.profile, ctx.env);
  const { written } = updateTccliProfile(homeDir(ctx.env), name, (files) => {
    for (const [key, value] of pairs) writeProfileKey(files, key, value);
  });
  for (const [key, value] of pairs) if (key.name === 'region') warnUnknownRegion(ctx, globals, value);
  note(ctx, globals, savedNote(ctx.language ?? 'en', name, written));
  await printSaved(
    ctx,
    globals,
    name,
    pairs.map(([key]) => key.name),
    written,
  );
}

/** `configure unset KEY…`: removes keys from the profile (what `configure set` cannot: a value is never empty). */
export async function runUnset(ctx: CliContext, globals: GlobalOptions, names: string[]): Promise<void> {
  const keys = [...new Set(names.map((name) => findProfileKey(name)))];
  const { name } = chooseProfile(globals.profile, ctx.env);
  const removed: string[] = [];
  const { written } = updateTccliProfile(homeDir(ctx.env), name, (files) => {
    for (const key of keys) if (removeProfileKey(files, key)) removed.push(key.name);
  });
  const absent = keys.filter((key) => !removed.includes(key.name)).map((key) => key.name);
  const language = ctx.language ?? 'en';
  if (removed.length) note(ctx, globals, say(language, CONFIGURE.removed, { profile: name, keys: removed.join(', ') }));
  if (absent.length) note(ctx, globals, say(language, CONFIGURE.notSetNothingToRemove, { profile: name, keys: absent.join(', ') }));
  await printSaved(ctx, globals, name, removed, written);
}

function shown(key: ProfileKey, value: string | undefined): string | undefined {
  return value !== undefined && key.masked ? maskAs(key.masked, value) : value;
}

function loadProfile(ctx: CliContext, globals: GlobalOptions): TccliProfile & { choice: ProfileChoice } {
  const choice = chooseProfile(globals.profile, ctx.env);
  return { ...readTccliProfile(homeDir(ctx.env), choice.name), choice };
}

/** Neither of the profile's files is there: listing it is fine, but say so rather than look configured-but-empty. */
function missingProfileNote(language: Language, profile: TccliProfile & { choice: ProfileChoice }): string | undefined {
  if (existsSync(profile.paths.credential) || existsSync(profile.paths.configure)) return undefined;
  const create =
    profile.choice.source === 'default' ? 'clb-listener configure' : `clb-listener configure --profile ${shellQuote(profile.name)}`;
  return say(language, CONFIGURE.missingProfile, { profile: profile.name, file: profile.paths.credential, command: create });
}

export async function runGet(ctx: CliContext, globals: GlobalOptions, keyName: string): Promise<void> {
  const key = findProfileKey(keyName);
  const profile = loadProfile(ctx, globals);
  const value = shown(key, readProfileKey(profile.files, key));
  // Unset is an answer, not an error: `$(configure get region)` is then simply empty.
  if (value === undefined && (globals.output ?? 'text') === 'text' && !globals.query) {
    note(ctx, globals, say(ctx.language ?? 'en', CONFIGURE.notSet, { key: key.name, profile: profile.name }));
  }
  await printResult(ctx, globals, {
    json: { Profile: profile.name, Key: key.name, Value: value ?? null },
    text: value === undefined ? [] : [value],
    table: [
      ['KEY', 'VALUE'],
      [key.name, value ?? ''],
    ],
  });
}

export async function runList(ctx: CliContext, globals: GlobalOptions): Promise<void> {
  const profile = loadProfile(ctx, globals);
  const language = ctx.language ?? 'en';
  const missing = missingProfileNote(language, profile);
  if (missing) note(ctx, globals, missing);
  const rows = PROFILE_KEYS.map((key) => ({ key, value: shown(key, readProfileKey(profile.files, key)) }));
  const values = Object.fromEntries(rows.map(({ key, value }) => [key.name, value ?? null]));
  const width = Math.max(...PROFILE_KEYS.map((k) => k.name.length));
  const lines = [
    say(language, CONFIGURE.listHeading, {
      profile: profile.name,
      credential: profile.paths.credential,
      configure: profile.paths.configure,
    }),
  ];
  for (const { key, value } of rows) lines.push(`  ${key.name.padEnd(width)}  ${value ?? say(language, CONFIGURE.notSetValue)}`);
  await printResult(ctx, globals, {
    json: { Profile: profile.name, Files: { Credential: profile.paths.credential, Configure: profile.paths.configure }, Values: values },
    text: lines,
    table: [['KEY', 'VALUE'], ...rows.map(({ key, value }) => [key.name, value ?? ''])],
  });
}
