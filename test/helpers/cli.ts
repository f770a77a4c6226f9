/**
 * Runs the real `bin/clb-listener.js` as a child process, the way a person or a script would,
 * and keeps everything it printed so tests can check that no secret ever appears.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, type EmulatorHandle } from './emulator.js';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  timeoutMs?: number;
  cwd?: string;
  /** Called once the process has started, e.g. to send it SIGINT. */
  onSpawn?: (child: import('node:child_process').ChildProcess, output: { stdout(): string; stderr(): string }) => void;
}

/** Every output of every run in this process, for the secret scans. */
export const transcript: string[] = [];

/** The CLI entry, as tests spawn it. */
export const BIN = join(REPO_ROOT, 'bin/clb-listener.js');

/** Port 9 (discard) on loopback: nothing listens, so a metadata probe is refused at once and never leaves the machine. */
export const NO_METADATA_URL = 'http://127.0.0.1:9/latest/meta-data';

/** A temporary HOME, so no profile of the machine's user leaks into a test. */
export const EMPTY_HOME = mkdtempSync(join(tmpdir(), 'clb-home-'));

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

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const env = options.env ?? { PATH: process.env.PATH, HOME: EMPTY_HOME };
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  options.onSpawn?.(child, { stdout: () => stdout, stderr: () => stderr });
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
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

/** Runs against an emulator: its credentials in the environment and its endpoint on the command line. */
export function runAgainst(emu: EmulatorHandle, args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return runCli([...args, '--endpoint', emu.endpoint], { ...options, env: { ...emulatorEnv(emu), ...options.env } });
}

/** Fails naming the secret (by label, never by value) if any output contains it. */
export function findLeaks(outputs: readonly string[], secrets: Record<string, string>): string[] {
  const text = outputs.join('\n');
  return Object.entries(secrets)
    .filter(([, value]) => value.length >= 8 && text.includes(value))
    .map(([label]) => label);
}
