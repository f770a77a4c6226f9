/**
 * Runs the CLI in this process — `main(argv, ctx)` with a context made of fake streams, an exact
 * environment, a working directory and a clock the test moves — and answers like a finished
 * process: exit code, stdout, stderr. This is how commands are tested; only the few end-to-end
 * tests (test/helpers/cli.ts `spawnCli`) start the shipped binary.
 *
 * Nothing of the test process leaks in: the command sees only `env` (not process.env; plus an empty
 * HOME and the loopback metadata URL, unless env names them: test/helpers/hermetic.ts), `cwd`,
 * these streams and this clock. Ctrl-C is an AbortController's `abort('SIGINT')` (pass its `signal`).
 * Everything printed is kept in `transcript`, for the secret scans.
 */
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Clock } from '../../src/core/clock.js';
import type { CliContext, InStream } from '../../src/core/context.js';
import { SecretRegistry } from '../../src/core/secrets.js';
import { FakeClock, sharedClock } from './clock.js';
import { Collector, type FakeTerminal } from './fake-tty.js';
import { EMPTY_HOME, hermetic, NO_SYSTEM_CREDENTIALS } from './hermetic.js';
import { REPO_ROOT } from './paths.js';

export interface RunOptions {
  /** The environment the command sees (plus HOME and the metadata URL, see hermetic.ts). Default: PATH and an empty HOME. */
  env?: Record<string, string | undefined>;
  /** Piped to stdin (a string as UTF-8, a Buffer as its bytes), which then ends. Without it stdin is an empty, closed pipe. */
  stdin?: string | Buffer;
  /** Which of stdin, stdout, stderr say they are terminals (default none: a script's pipes). */
  tty?: boolean | { stdin?: boolean; stdout?: boolean; stderr?: boolean };
  /** Terminal width stdout and stderr report. */
  columns?: number;
  /**
   * The run's clock. Default: the in-process emulator's, when this file runs exactly one (see
   * `sharedClock`), else a fresh FakeClock. Either way sleeps take no real time.
   */
  clock?: Clock;
  /** Default: the repository root (tests name fixtures as test/fixtures/…). */
  cwd?: string;
  /** Aborting it is a signal, as main's own handler does it: `abort('SIGINT')` is Ctrl-C (also 'SIGTERM', 'SIGHUP'). */
  signal?: AbortSignal;
  /** Drive the run from a fake terminal (interactive prompts) instead of the streams above. */
  terminal?: FakeTerminal;
}

export interface RunResult {
  code: number;
  /** Always null in-process; there for the same shape as a spawned run. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Every output of every run in this process (in-process and spawned), for the secret scans. */
export const transcript: string[] = [];

export { EMPTY_HOME };

export { NO_METADATA_URL } from './offline.js';

export function defaultEnv(): Record<string, string | undefined> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: EMPTY_HOME };
}

function stdinStream(text: string | Buffer | undefined, tty: boolean): InStream {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const stream = Readable.from(bytes === undefined || bytes.length === 0 ? [] : [bytes]) as Readable & { isTTY?: boolean };
  if (tty) stream.isTTY = true;
  return stream;
}

/** The context `main` gets for one run; exported for tests that call a command's pieces directly. */
export function testContext(options: RunOptions = {}): CliContext & { stdout: Collector; stderr: Collector } {
  const tty = typeof options.tty === 'boolean' ? { stdin: options.tty, stdout: options.tty, stderr: options.tty } : (options.tty ?? {});
  const clock = options.clock ?? sharedClock() ?? new FakeClock();
  const env = hermetic(options.env ?? defaultEnv());
  const term = options.terminal;
  const stdout = term?.stdout ?? new Collector(tty.stdout === true, options.columns);
  const stderr = term?.stderr ?? new Collector(tty.stderr === true, options.columns);
  if (options.columns !== undefined) stdout.columns = stderr.columns = options.columns;
  return {
    env,
    cwd: options.cwd ?? REPO_ROOT,
    stdin: term?.stdin ?? stdinStream(options.stdin, tty.stdin === true),
    stdout,
    stderr,
    now: () => clock.now(),
    sleep: (ms, signal) => clock.sleep(ms, signal),
    timeoutSignal: (ms) => clock.timeoutSignal(ms),
    signal: options.signal ?? new AbortController().signal,
    secrets: new SecretRegistry(env),
    systemCredentialsFile: NO_SYSTEM_CREDENTIALS,
  };
}

/** `clb-listener …argv` in this process. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const ctx = testContext(options);
  const code = await main(argv, ctx);
  const result = { code, signal: null, stdout: ctx.stdout.text, stderr: ctx.stderr.text };
  transcript.push(result.stdout, result.stderr);
  return result;
}
