/**
 * Commands the tool suggests (resume a wait, list, delete) must work when pasted: they carry the
 * --profile, --region and --endpoint this run was given on the command line.
 */
import type { GlobalOptions } from '../core/context.js';
import { shellQuote } from '../core/shell-quote.js';

export function suggestCommand(globals: Partial<GlobalOptions>, ...args: string[]): string {
  const words = ['clb-listener', ...args];
  if (globals.profile) words.push('--profile', globals.profile);
  if (globals.region) words.push('--region', globals.region);
  if (globals.endpoint) words.push('--endpoint', globals.endpoint);
  return words.map(shellQuote).join(' ');
}
