/**
 * Whether to colour a stream: NO_COLOR and --no-color switch colours off, FORCE_COLOR switches
 * them on, otherwise only a TTY gets them. chalk is configured from this, never from its own
 * detection, so tests can predict the bytes.
 */
import type { OutStream } from '../cli/context.js';

export function colorEnabled(stream: OutStream, env: Record<string, string | undefined>, flag = true): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** A tiny palette; cheaper to import than chalk on the error path, and enough for one line. */
export function palette(enabled: boolean) {
  const id = (text: string) => text;
  return enabled
    ? { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22), cyan: wrap(36, 39) }
    : { red: id, yellow: id, green: id, dim: id, bold: id, cyan: id };
}
