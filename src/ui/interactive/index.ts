/**
 * Interactive mode (`create -i`): asks, on a terminal, for what the flags did not give (with a
 * walk-through of the certificate), builds the request through the same model as flags, shows
 * it with the equivalent command, and asks before anything is sent. Off a terminal (or with
 * CI=true) it refuses, naming the flags to pass instead.
 */
import type { CliContext, GlobalOptions } from '../../core/context.js';
import type { CreateFlags } from '../../model/flags.js';
import { buildCreateListenerRequest, type BuildOptions, type BuiltRequest, type RawFlags } from '../../model/request.js';
import type { ReadText } from '../../model/coerce.js';
import { UsageError } from '../../core/errors.js';
import { CREATE_LISTENER_FIELDS, flagNames } from '../../model/fields.js';
import { isTrueWord } from '../../model/coerce.js';
import { needsListenerCertificate } from '../../model/rules.js';
import { loadValidator } from '../../model/validate.js';
import { attributeOf } from '../../model/flags.js';
import { colorEnabled, palette } from '../color.js';
import { createAsker, PromptCancelledError } from './asker.js';
import { isCi } from '../terminal.js';
import { askCreate } from './flow.js';
import { equivalentCommand, requestSummary } from './equivalent-command.js';
import type { AccountLookup } from './account.js';
import { say as sayText } from '../../core/i18n.js';
import { RULE_PROMPTS } from './rule-prompts.js';

export type { AccountLookup } from './account.js';
export { accountLookup } from './account.js';

/** What the account can offer the questions: a lookup, or a one-line note on why there is none. */
export interface Picking {
  account?: AccountLookup;
  note?: string;
  /** No credentials: nothing can be sent, so the end offers the request printed, as --dry-run does. */
  cannotSend?: boolean;
}

/** What the questions built; `printOnly` when it can only be printed (no credentials), not sent. */
/** `rules`: the --rule values the answers gave (the domains of an SNI listener), sent after the listener. */
export type InteractiveRequest = BuiltRequest & { printOnly?: boolean; rules?: string[] };

const has = (flags: RawFlags, ...names: string[]): boolean => names.some((n) => flags[n] !== undefined);

/** The flags a non-interactive run still needs, given what is there. */
export function missingFlags(flags: RawFlags, body: Record<string, unknown> = {}): string[] {
  const missing: string[] = [];
  // The table's required fields, named by their short alias where they have one.
  for (const spec of CREATE_LISTENER_FIELDS.filter((f) => f.required)) {
    if (!has(flags, ...flagNames(spec).map(attributeOf)) && body[spec.api] === undefined)
      missing.push(`--${spec.aliases?.[0] ?? spec.flag}`);
  }
  const protocol = (flags.protocol ?? body.Protocol) === undefined ? undefined : String(flags.protocol ?? body.Protocol).toUpperCase();
  const sni = isTrueWord(flags.sniSwitch ?? body.SniSwitch) ? 1 : 0;
  const tls = protocol === undefined || needsListenerCertificate(protocol, sni);
  const wholeCertificate = has(flags, 'certificate', 'multiCertInfo') || body.Certificate !== undefined || body.MultiCertInfo !== undefined;
  if (tls && !wholeCertificate) {
    const scope = protocol === undefined ? ' (HTTPS and TCP_SSL)' : '';
    if (!has(flags, 'certId', 'certFile')) missing.push(`--cert-id or --cert-file/--key-file${scope}`);
    const mutual = String(flags.sslMode ?? '').toUpperCase() === 'MUTUAL';
    if (mutual && !has(flags, 'caCertId', 'caFile')) missing.push('--ca-cert-id or --ca-file (with --ssl-mode MUTUAL)');
  }
  return missing;
}

function refuseWithoutTerminal(flags: RawFlags, ctx: CliContext, body: Record<string, unknown> | undefined): void {
  const reasons: string[] = [];
  if (ctx.stdin.isTTY !== true) reasons.push('stdin is not a terminal');
  if (ctx.stdout.isTTY !== true) reasons.push('stdout is not a terminal');
  if (isCi(ctx.env)) reasons.push(`CI=${ctx.env.CI}`);
  if (reasons.length === 0) return;
  const missing = missingFlags(flags, body);
  throw new UsageError(
    `--interactive needs a terminal (${reasons.join(', ')}); pass the flags instead${missing.length ? `: ${missing.join(', ')}` : ''}`,
    '--interactive',
    {
      hint: missing.length
        ? 'e.g. clb-listener create --lb lb-xxxxxxxx --port 443 --protocol HTTPS --cert-file server.crt --key-file server.key'
        : 'the flags already give everything: drop -i',
    },
  );
}

export async function interactiveCreate(
  flags: CreateFlags,
  globals: GlobalOptions,
  ctx: CliContext,
  options: BuildOptions,
  /** Connects to the account, once the terminal is known to be there (nothing is sent before). */
  connect?: () => Promise<Picking>,
): Promise<InteractiveRequest> {
  refuseWithoutTerminal(flags, ctx, options.body);
  const color = await palette(colorEnabled(ctx.stderr, ctx.env, globals.color !== false));
  const say = (text: string): void => void ctx.stderr.write(`${text}\n`);
  const picking = connect ? await connect() : {};
  if (picking.note) say(`  ${color.dim(picking.note)}`);

  // Every file read, by content, so the summary can say where each PEM came from.
  const files = new Map<string, string>();
  const readText: ReadText = async (path, flag) => {
    const text = await options.readText(path, flag);
    files.set(text, path);
    return text;
  };

  // Every answer is checked by the request's validator as it is typed.
  await loadValidator();
  const asker = await createAsker(ctx);
  const answers = await askCreate(flags, {
    asker,
    readText,
    now: options.now,
    env: ctx.env,
    body: options.body,
    signal: ctx.signal,
    ...(ctx.language ? { language: ctx.language } : {}),
    ...(picking.account ? { account: picking.account } : {}),
    waiting: (text, work) => showWhile(ctx, globals, text, work),
    note: (lines, kind = 'info') => {
      for (const line of lines) say(kind === 'warning' ? `  ${color.yellow('warning:')} ${line}` : `  ${color.dim(line)}`);
    },
  });

  const body = answers.multiCertInfo ? { ...(options.body ?? {}), MultiCertInfo: answers.multiCertInfo.value } : options.body;
  const built = await buildCreateListenerRequest(answers.flags, { ...options, readText, ...(body ? { body } : {}) });

  say('');
  say(color.bold('Request:'));
  say(requestSummary(built.request, files));
  say('');
  const rules = Array.isArray(answers.flags.rule) ? (answers.flags.rule as string[]) : undefined;
  if (rules?.length) {
    // The rules as the equivalent command passes them: uploads by file path, never their contents.
    say(color.bold(sayText(ctx.language ?? 'en', RULE_PROMPTS.rulesHeading)));
    for (const rule of rules) say(`  ${rule}`);
    say('');
  }
  say(color.bold('Equivalent command (no prompts):'));
  say(`  ${equivalentCommand(answers.flags, globals as GlobalOptions & Record<string, unknown>, answers.multiCertInfo?.byReference)}`);
  say('');

  if (picking.cannotSend && !flags.dryRun) {
    // What works without credentials: the request, printed; the command above runs it later.
    const show = 'Nothing can be sent without credentials. Print the request (as --dry-run would)?';
    if (!(await asker.confirm({ message: show, default: true }))) throw new PromptCancelledError();
    return { ...built, printOnly: true, ...(rules?.length ? { rules } : {}) };
  }
  const what = flags.dryRun ? 'Show the request (--dry-run: nothing is sent)?' : 'Create it?';
  if (!(await asker.confirm({ message: what, default: true }))) throw new PromptCancelledError();
  return rules?.length ? { ...built, rules } : built;
}

/**
 * `text` on stderr until `work` settles, when it has not settled by the next turn of the event
 * loop (a listing already there shows nothing); at a terminal with a spinner.
 */
async function showWhile<T>(ctx: CliContext, globals: GlobalOptions, text: string, work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  done.catch(() => {});
  await new Promise((resolve) => setImmediate(resolve));
  if (settled) return work;
  const { createProgress } = await import('../progress.js');
  const progress = await createProgress(ctx, { ...globals, output: 'text' });
  progress.start(text);
  try {
    return await work;
  } finally {
    progress.stop();
  }
}
