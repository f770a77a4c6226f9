/**
 * Running the CLI from tests. `runCli` / `runAgainst` run it in this process (test/helpers/run.ts):
 * that is how commands are tested. `spawnCli` / `spawnAgainst` start the shipped
 * `bin/clb-listener.js` as a child process, the way a person or a script would; they are for the
 * few end-to-end tests (test/e2e.test.ts) and refuse to run anywhere else, so the suite stays fast.
 * Everything either prints is kept in `transcript` for the secret scans.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { systemClock } from '../../src/core/clock.js';
import { REPO_ROOT, type EmulatorHandle } from './emulator.js';
import { assertGenerous } from './eventually.js';
import { hermetic } from './hermetic.js';
import { countSpawn } from './spawn-count.js';
import { EMPTY_HOME, NO_METADATA_URL, run, transcript, type RunOptions as InProcessOptions, type RunResult } from './run.js';

export { EMPTY_HOME, NO_METADATA_URL, transcript };

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** In-process runs against an in-process emulator: the API actions it received during the run, in order. */
  requests?: string[];
}

export interface RunOptions extends Omit<InProcessOptions, 'env'> {
  env?: Record<string, string | undefined>;
  /** Spawned runs: killed (and the test failed) after this long. In-process runs: the test fails after it. */
  timeoutMs?: number;
  /** Spawned runs only: stdin is left open after `stdin` is written (a pipe that has not ended yet). */
  holdStdin?: boolean;
  /** Spawned runs only: called once the process has started, e.g. to send it SIGINT. */
  onSpawn?: (child: ChildProcess, output: { stdout(): string; stderr(): string }) => void;
}

/** The CLI entry, as end-to-end tests spawn it (the shipped file, whatever it is built into). */
export const BIN = join(REPO_ROOT, 'bin/clb-listener.js');

/** The environment that points the CLI at an emulator, with nothing inherited but PATH. */
export function emulatorEnv(emu: Pick<EmulatorHandle, 'secretId' | 'secretKey' | 'region'>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: EMPTY_HOME,
    TENCENTCLOUD_SECRET_ID: emu.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.secretKey,
    TENCENTCLOUD_REGION: emu.region,
    // Any metadata lookup must stay on this machine and fail fast.
    CLB_LISTENER_METADATA_URL: NO_METADATA_URL,
  };
}

/** A generous bound on one in-process run: a command that never ends fails its test instead of hanging the suite. */
const IN_PROCESS_LIMIT_MS = 60_000;

/** `clb-listener …args` in this process. */
export async function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const { timeoutMs = IN_PROCESS_LIMIT_MS, onSpawn, holdStdin, ...rest } = options;
  if (holdStdin) throw new Error('holdStdin is for spawned runs (spawnCli); in-process, give a stream of your own');
  if (onSpawn) throw new Error('onSpawn is for spawned runs (spawnCli); in-process, interrupt with options.signal');
  assertGenerous(timeoutMs, `clb-listener ${args.join(' ')}`);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    // not a wait: a generous limit that fails a run that hangs
    timer = setTimeout(
      () => reject(new Error(`clb-listener ${args.join(' ')} (in-process) did not finish within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([run(args, rest as InProcessOptions), limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs against an emulator: its credentials in the environment and its endpoint on the command
 * line. In-process the command shares the emulator's clock (a spawned emulator's is real time).
 */
export async function runAgainst(emu: EmulatorHandle, args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const running = (emu as { running?: import('../../src/emulator/index.js').RunningEmulator }).running;
  const before = running?.emulator.store.requestLog().requests.length;
  const result = await runCli([...args, '--endpoint', emu.endpoint], {
    clock: emu.clock ?? systemClock,
    ...options,
    env: { ...emulatorEnv(emu), ...options.env },
  });
  if (running && before !== undefined) {
    result.requests = running.emulator.store
      .requestLog()
      .requests.slice(before)
      .map((r) => r.action);
  }
  return result;
}

// ---- end to end: the shipped binary as a child process ----------------------------------------

/** The node that runs the binary: this one, or another named by CLB_LISTENER_TEST_NODE (CI's Node 24 run). */
export const CLI_NODE = process.env.CLB_LISTENER_TEST_NODE || process.execPath;

/** Runs the real `bin/clb-listener.js` as a child process. End-to-end tests only. */
export function spawnCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  assertGenerous(timeoutMs, `clb-listener ${args.join(' ')}`);
  countSpawn();
  const env = hermetic(options.env ?? { PATH: process.env.PATH });
  const child = spawn(CLI_NODE, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  if (options.holdStdin) child.stdin.write(options.stdin ?? '');
  else child.stdin.end(options.stdin ?? '');
  options.onSpawn?.(child, { stdout: () => stdout, stderr: () => stderr });
  return new Promise((resolve, reject) => {
    // not a wait: a generous limit that fails a run that hangs
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`clb-listener ${args.join(' ')} did not finish within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      transcript.push(stdout, stderr);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** `spawnCli` against an emulator (which must run on real time: spawned, or in-process with `realTime`). */
export function spawnAgainst(emu: EmulatorHandle, args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  if (emu.clock) throw new Error('a spawned CLI runs on real time: start the emulator with realTime: true (or spawn it)');
  return spawnCli([...args, '--endpoint', emu.endpoint], { ...options, env: { ...emulatorEnv(emu), ...options.env } });
}

/** Fails naming the secret (by label, never by value) if any output contains it. */
export function findLeaks(outputs: readonly string[], secrets: Record<string, string>): string[] {
  const text = outputs.join('\n');
  return Object.entries(secrets)
    .filter(([, value]) => value.length >= 8 && text.includes(value))
    .map(([label]) => label);
}

export type { RunResult };
