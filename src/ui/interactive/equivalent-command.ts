/**
 * What interactive mode shows before it sends: the request as it will go out (file contents
 * replaced by `<from file PATH>`), and the equivalent command that would do the same without
 * prompts. Both name files, never their contents: no key material is ever printed.
 */
import type { GlobalOptions } from '../../core/context.js';
import type { CreateListenerRequest } from '../../model/fields.js';
import type { RawFlags } from '../../model/request.js';
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

function flagValue(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

/**
 * `clb-listener create …` with every create flag in `flags` (the given ones and the answers), the
 * run options and the global options, as one line a person can paste. `multiCertInfo` (with
 * `file://` references) goes in as --multi-cert-info.
 */
export function equivalentCommand(
  flags: RawFlags,
  globals: Partial<GlobalOptions> & Record<string, unknown>,
  multiCertInfo?: Record<string, unknown>,
): string {
  const words = ['clb-listener', 'create'];
  const all: RawFlags = multiCertInfo ? { ...flags, multiCertInfo: JSON.stringify(multiCertInfo) } : flags;
  for (const flag of createFlagSpecs()) {
    const value = all[flag.attribute];
    if (value === undefined) continue;
    if (flag.negate) {
      if (value === false) words.push(flag.long);
      continue;
    }
    if (value === false) continue;
    words.push(flag.long);
    if (value !== true) words.push(shellQuote(flagValue(value)));
  }
  if (Array.isArray(flags.rule)) for (const rule of flags.rule) words.push('--rule', shellQuote(String(rule)));
  if (typeof flags.fromFile === 'string') words.push('--from-file', shellQuote(flags.fromFile));
  if (flags.wait === false) words.push('--no-wait');
  if (flags.waitTimeout !== undefined) words.push('--wait-timeout', shellQuote(String(flags.waitTimeout)));
  if (flags.dryRun === true) words.push('--dry-run');
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
