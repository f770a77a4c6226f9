/**
 * A terminal made of streams, for driving interactive mode in-process: stdin is a PassThrough that
 * says it is a TTY (raw mode a no-op), stdout and stderr collect what is written. `answer()` waits
 * for a prompt to be drawn, then types; waits are bounded so a wrong flow fails rather than hangs.
 */
import { SecretRegistry } from '../../src/core/secrets.js';
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import type { CliContext } from '../../src/core/context.js';
import { FakeClock, sharedClock } from './clock.js';
import { eventually } from './eventually.js';
import { hermetic, NO_SYSTEM_CREDENTIALS } from './hermetic.js';

export const KEY = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  esc: '\u001b',
  ctrlC: '\u0003',
  /** readline: delete to the start of the line. */
  clearLine: '\u0015',
} as const;

/** A stream that keeps what is written; says it is a TTY when asked to. */
export class Collector extends Writable {
  text = '';
  isTTY: boolean;
  columns = 160;
  rows = 50;
  constructor(tty: boolean, columns = 160) {
    super({ decodeStrings: false });
    this.isTTY = tty;
    this.columns = columns;
  }
  // The tty.WriteStream methods a spinner uses; the fake screen keeps no cursor.
  cursorTo(): boolean {
    return true;
  }
  moveCursor(): boolean {
    return true;
  }
  clearLine(): boolean {
    return true;
  }
  override _write(chunk: string | Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    callback();
  }
}

export interface FakeTerminal {
  stdin: PassThrough & { isTTY: boolean; isRaw: boolean; setRawMode(mode: boolean): unknown };
  stdout: Collector;
  stderr: Collector;
  /** stdout and stderr as plain text (no escape codes). */
  screen(): string;
  /** stdout without escape codes: the prompts, then the data. */
  out(): string;
  err(): string;
  /** Waits until `pattern` appears on stdout after the last match, then types `keys`. */
  answer(pattern: RegExp | string, ...keys: string[]): Promise<void>;
  /** Waits until `pattern` appears on stdout after the last match. */
  waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<void>;
  type(...keys: string[]): void;
}

export function fakeTerminal(options: { tty?: boolean } = {}): FakeTerminal {
  const tty = options.tty ?? true;
  const stdin = Object.assign(new PassThrough(), {
    isTTY: tty,
    isRaw: false,
    setRawMode(mode: boolean) {
      stdin.isRaw = mode;
      return stdin;
    },
  });
  const stdout = new Collector(tty);
  const stderr = new Collector(tty);
  let mark = 0;

  const out = () => stripVTControlCharacters(stdout.text);
  const find = (pattern: RegExp | string, from: number): { end: number } | undefined => {
    const text = out().slice(from);
    if (typeof pattern === 'string') {
      const at = text.indexOf(pattern);
      return at < 0 ? undefined : { end: from + at + pattern.length };
    }
    const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(text);
    return match ? { end: from + match.index + match[0].length } : undefined;
  };
  const waitFor = async (pattern: RegExp | string, timeoutMs = 30_000): Promise<void> => {
    const hit = await eventually(() => find(pattern, mark), String(pattern), { timeoutMs, everyMs: 5 }).catch((error: Error) => {
      throw new Error(`${error.message}; stdout so far:\n${out()}\nstderr:\n${stripVTControlCharacters(stderr.text)}`);
    });
    mark = hit.end;
    // Let the prompt finish its render cycle (keypress handlers are set right after drawing).
    await new Promise((resolve) => setImmediate(resolve));
  };
  const type = (...keys: string[]) => {
    for (const key of keys) stdin.write(key);
  };
  return {
    stdin,
    stdout,
    stderr,
    screen: () => `${out()}\n${stripVTControlCharacters(stderr.text)}`,
    out,
    err: () => stripVTControlCharacters(stderr.text),
    waitFor,
    answer: async (pattern, ...keys) => {
      await waitFor(pattern);
      type(...keys);
    },
    type,
  };
}

/** A CliContext on the fake terminal; its clock is the in-process emulator's (see `sharedClock`) or a fresh FakeClock. */
export function terminalContext(term: FakeTerminal, overrides: Partial<CliContext> = {}): CliContext {
  const clock = sharedClock() ?? new FakeClock();
  return {
    cwd: process.cwd(),
    stdin: term.stdin,
    stdout: term.stdout,
    stderr: term.stderr,
    now: clock.now,
    sleep: clock.sleep,
    timeoutSignal: clock.timeoutSignal,
    signal: new AbortController().signal,
    secrets: new SecretRegistry(),
    systemCredentialsFile: NO_SYSTEM_CREDENTIALS,
    ...overrides,
    env: hermetic(overrides.env ?? {}),
  };
}
