/**
 * Everything a command may touch outside its own arguments: environment, working directory,
 * streams, clock and the interrupt signal. Tests build one of these to run a command in-process;
 * `defaultContext()` is the real process.
 */
import { SecretRegistry } from './secrets.js';

export interface OutStream {
  /** `callback` (when the stream takes one) learns whether the bytes were really written. */
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface InStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

export interface CliContext {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  /** Milliseconds since the epoch. */
  now(): number;
  /** Aborted on Ctrl-C, so waits can stop and say what was left running. */
  signal: AbortSignal;
  /** What this run must never print. */
  secrets: SecretRegistry;
}

export interface GlobalOptions {
  profile?: string;
  region?: string;
  endpoint?: string;
  language?: 'zh-CN' | 'en-US';
  output: 'text' | 'json' | 'table';
  query?: string;
  color: boolean;
  debug: boolean;
  quiet: boolean;
}

export function defaultContext(signal: AbortSignal): CliContext {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    now: () => Date.now(),
    signal,
    secrets: new SecretRegistry(process.env),
  };
}
