/**
 * Runs `main(argv, ctx)` in this process with fake streams: no spawn, so a table of hundreds of
 * cases costs about a second. stdout and stderr are collected; stdin is a string (ended at once)
 * or a stream the test controls; the interrupt signal is the test's to abort.
 */
import { PassThrough, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliContext } from '../../src/core/context.js';

export class Collector extends Writable {
  text = '';
  isTTY = false;
  /** When set, every write fails with this errno code (e.g. ENOSPC, as `> /dev/full` does). */
  failWith: string | undefined;
  constructor(failWith?: string) {
    super({ decodeStrings: false });
    this.failWith = failWith;
  }
  override _write(chunk: string | Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.failWith) {
      callback(Object.assign(new Error(`${this.failWith}: write failed`), { code: this.failWith }));
      return;
    }
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    callback();
  }
}

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MainOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** A string is piped and ended; a stream stays under the test's control. */
  stdin?: string | NodeJS.ReadableStream;
  signal?: AbortSignal;
  stdout?: Collector;
  now?: () => number;
}

export async function runMain(argv: readonly string[], options: MainOptions = {}): Promise<MainRun> {
  const stdout = options.stdout ?? new Collector();
  // A failing stdout must not also fail the test with an unhandled 'error' event.
  stdout.on('error', () => {});
  const stderr = new Collector();
  let stdin: NodeJS.ReadableStream;
  if (typeof options.stdin === 'string' || options.stdin === undefined) {
    const pass = new PassThrough();
    pass.end(options.stdin ?? '');
    stdin = pass;
  } else stdin = options.stdin;
  const ctx: Partial<CliContext> = {
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stdout,
    stderr,
    stdin,
    signal: options.signal ?? new AbortController().signal,
    ...(options.now ? { now: options.now } : {}),
  };
  const code = await main(argv, ctx);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
