/**
 * Text made safe to show on a terminal. Messages quote what a person (or a file, or a server) gave
 * us, and that may hold escape sequences that retitle the terminal, rewrite earlier lines, or a
 * whole megabyte: everything printed on stderr passes through `printableLine` first.
 */

import { scrubPrivateKeys } from './secrets.js';

/**
 * C0 controls (newline and tab included: a message is one line), DEL, C1 controls, the
 * bidirectional overrides and isolates that reorder what is shown ("trojan source"), the Unicode
 * line and paragraph separators, and unpaired surrogates.
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Each unsafe character as a visible escape: `\x1b`, `\n`, `\u202e`. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const UNSAFE_ONE = new RegExp(UNSAFE.source);

export function hasControlCharacters(text: string): boolean {
  return UNSAFE_ONE.test(text);
}

/** A long value cut in the middle, saying how much was left out. */
export function shorten(text: string, max = 120): string {
  if (text.length <= max) return text;
  const head = Math.ceil(max * 0.6);
  const tail = Math.floor(max * 0.2);
  return `${text.slice(0, head)}…(${text.length - head - tail} more characters)…${text.slice(text.length - tail)}`;
}

/** The longest line an error may print. */
export const MAX_LINE = 1000;

/**
 * One line, safe to print: private-key material removed, unsafe characters escaped, any quoted value or unbroken run longer
 * than 120 characters cut in the middle, and the whole line capped at MAX_LINE.
 */
export function printableLine(text: string): string {
  let line = escapeControl(scrubPrivateKeys(text))
    .replace(/"([^"]{121,})"/g, (_, inner: string) => `"${shorten(inner)}"`)
    .replace(/\S{201,}/g, (run) => shorten(run, 200));
  if (line.length > MAX_LINE) line = `${line.slice(0, MAX_LINE)}…(${line.length - MAX_LINE} more characters)`;
  return line;
}

/** Text quoted back in a message: escaped, shortened, in double quotes. */
export function quote(value: string, max = 60): string {
  return `"${shorten(escapeControl(value), max)}"`;
}
