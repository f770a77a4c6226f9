/**
 * Runs the CLI in this process through `main(argv, ctx)`: fake streams, the emulator's keys in
 * the environment, and a signal the test can abort (Ctrl-C). Much cheaper than spawning.
 */
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { emulatorEnv } from '../helpers/cli.js';
import type { EmulatorHandle } from '../helpers/emulator.js';
import { REPO_ROOT } from '../helpers/paths.js';

class Collector extends Writable {
  text = '';
  constructor(readonly isTTY = false) {
    super({ decodeStrings: false });
  }
  columns = 120;
  // What a spinner calls on a terminal.
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

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MainOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  stdin?: string;
  /** Aborted to act as Ctrl-C. */
  signal?: AbortSignal;
  /** stderr (and stdin, stdout) say they are terminals. */
  tty?: boolean;
}

export async function runMain(args: readonly string[], options: MainOptions = {}): Promise<MainResult> {
  const stdout = new Collector(options.tty);
  const stderr = new Collector(options.tty);
  const stdin = Object.assign(Readable.from(options.stdin === undefined ? [] : [options.stdin]), { isTTY: options.tty === true });
  const code = await main(args, {
    env: options.env ?? { PATH: process.env.PATH },
    cwd: options.cwd ?? REPO_ROOT,
    stdout,
    stderr,
    stdin,
    signal: options.signal ?? new AbortController().signal,
    now: () => Date.now(),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Against an emulator: its keys in the environment and its endpoint on the command line. */
export function runAgainstMain(emu: EmulatorHandle, args: readonly string[], options: MainOptions = {}): Promise<MainResult> {
  return runMain([...args, '--endpoint', emu.endpoint], { ...options, env: { ...emulatorEnv(emu), ...options.env } });
}
