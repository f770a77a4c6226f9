/**
 * Everything a command may touch outside its own arguments: environment, working directory,
 * streams, clock and the interrupt signal. Tests build one of these to run a command in-process;
 * `defaultContext()` is the real process.
 */
import { systemClock, type Clock } from './clock.js';
import { SecretRegistry } from './secrets.js';
import type { Language } from './i18n.js';

export interface OutStream {
  /** `callback` (when the stream takes one) learns whether the bytes were really written. */
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface InStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

/** The clock (`now`, `sleep`, `timeoutSignal`) is part of the context: every wait goes through it. */
export interface CliContext extends Clock {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  /** Aborted on Ctrl-C, so waits can stop and say what was left running. */
  signal: AbortSignal;
  /** What this run must never print. */
  secrets: SecretRegistry;
  /**
   * The language of what this run prints for people (`en` when unset); chosen once, as the run
   * starts, by `chooseLanguage` (src/core/i18n.ts).
   */
  language?: Language;
  /**
   * Replaces the SDKs' machine-wide /etc/tencentcloud/credentials. Tests point it at a file that
   * does not exist, so the machine's own never decides one.
   */
  systemCredentialsFile?: string;
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
    ...systemClock,
    signal,
    secrets: new SecretRegistry(process.env),
  };
}
