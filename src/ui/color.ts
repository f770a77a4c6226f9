/**
 * Whether to colour a stream: NO_COLOR and --no-color switch colours off, FORCE_COLOR switches
 * them on, otherwise only a TTY gets them. chalk is given this decision as its level, never its
 * own detection, so tests can predict the bytes.
 */
import type { OutStream } from '../core/context.js';

export function colorEnabled(stream: OutStream, env: Record<string, string | undefined>, flag = true): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  cyan(text: string): string;
}

const plain = (text: string) => text;
const PLAIN: Palette = { red: plain, yellow: plain, green: plain, dim: plain, bold: plain, cyan: plain };

/** chalk, at the level decided above, and loaded only when something will actually be coloured. */
export async function palette(enabled: boolean): Promise<Palette> {
  if (!enabled) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { red: chalk.red, yellow: chalk.yellow, green: chalk.green, dim: chalk.dim, bold: chalk.bold, cyan: chalk.cyan };
}
