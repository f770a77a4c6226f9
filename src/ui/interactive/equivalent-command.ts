/**
 * What interactive mode shows before it sends: the request as it will go out (file contents
 * replaced by `<from file PATH>`), and the equivalent command that would do the same without
 * prompts. Both name files, never their contents: no key material is ever printed.
 */
import type { GlobalOptions } from '../../core/context.js';
import type { CreateListenerRequest } from '../../model/fields.js';
import type { Draft } from '../../model/draft.js';
import { createFlagSpecs } from '../../model/flags.js';
import { PEM_FIELDS, SECRET_FIELDS, kebabCase } from '../../model/fields.js';
import { shellQuote } from '../../core/shell-quote.js';

/**
 * The request as JSON, each PEM value shown as the file it was read from (`files` maps contents to
 * paths); a private key of unknown origin is `<redacted>`.
 */
export function requestSummary(request: CreateListenerRequest, files: ReadonlyMap<string, string>): string {
  const text = JSON.stringify(
    request,
    (key, value: unknown) => {
      if (!PEM_FIELDS.has(key) || typeof value !== 'string') return value;
      const path = files.get(value);
      if (path !== undefined) return `<from file ${path}>`;
      return SECRET_FIELDS.has(key) ? '<redacted>' : `<PEM, ${value.length} characters>`;
    },
    2,
  );
  // Lists of plain values on one line: "Ports": [443, 8443].
  return text.replace(/\[\n\s+([^[\]{}\n]+(?:,\n\s+[^[\]{}\n]+)*)\n\s+\]/g, (_, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`);
}

/** What a create run was asked to do besides its fields: they go on the command line as given. */
export interface RunFlags {
  /** --rule values (given, or the domains an SNI listener's questions gave): passed as they are. */
  rule?: readonly string[] | unknown;
  fromFile?: string;
  wait?: boolean;
  waitTimeout?: string;
  dryRun?: boolean;
}

/**
 * The words that give each value of `draft` on a command line, by flag: every flag the person
 * typed (as typed, with its text) and every answer (with the flag that gives it). A list given in
 * several pieces is one flag again (`--port 80,81`); values from a --from-file body or filled in by
 * the tool have no words of their own.
 */
function flagWords(draft: Draft): Map<string, string[]> {
  const said = new Map<string, string[]>();
  for (const { origin } of draft.origins) {
    let flag: string | undefined;
    let text: string | undefined;
    if (origin.kind === 'flag' && (origin.text !== undefined || origin.bare)) {
      flag = origin.bare === 'off' ? `--no-${origin.flag.slice(2)}` : origin.flag;
      text = origin.text;
    } else if (origin.kind === 'prompt' && origin.flag) {
      flag = origin.flag;
      text = origin.text;
    }
    if (flag === undefined) continue;
    const texts = said.get(flag) ?? [];
    if (text !== undefined) texts.push(text);
    said.set(flag, texts);
  }
  return said;
}

/**
 * `clb-listener create …` that builds the same draft without prompts: its flags in help order (each
 * value from the draft, see flagWords), the run options and the global options, as one line a
 * person can paste.
 */
export function equivalentCommand(draft: Draft, run: RunFlags, globals: Partial<GlobalOptions> & Record<string, unknown>): string {
  const words = ['clb-listener', 'create'];
  const said = flagWords(draft);
  for (const flag of createFlagSpecs()) {
    const texts = said.get(flag.long);
    if (texts === undefined) continue;
    words.push(flag.long);
    if (texts.length) words.push(shellQuote(texts.join(',')));
  }
  if (Array.isArray(run.rule)) for (const rule of run.rule) words.push('--rule', shellQuote(String(rule)));
  if (typeof run.fromFile === 'string') words.push('--from-file', shellQuote(run.fromFile));
  if (run.wait === false) words.push('--no-wait');
  if (run.waitTimeout !== undefined) words.push('--wait-timeout', shellQuote(String(run.waitTimeout)));
  if (run.dryRun === true) words.push('--dry-run');
  for (const name of ['profile', 'region', 'endpoint', 'language', 'query', 'requestTimeout'] as const) {
    const value = globals[name];
    if (typeof value === 'string') words.push(`--${kebabCase(name)}`, shellQuote(value));
  }
  if (globals.output && globals.output !== 'text') words.push('--output', globals.output);
  if (globals.color === false) words.push('--no-color');
  if (globals.debug === true) words.push('--debug');
  if (globals.quiet === true) words.push('--quiet');
  return words.join(' ');
}
