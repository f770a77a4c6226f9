/**
 * A throw-away HOME for credential tests: writes tccli profiles and the SDK INI file exactly where
 * the tool looks, and runs the CLI (in-process) against it with an environment that holds nothing
 * of the developer's own (no TENCENTCLOUD_*, no real metadata service).
 */
import { BIN, NO_METADATA_URL, runCli as runInProcess, type RunOptions as CliRunOptions } from './cli.js';
import { REPO_ROOT } from './emulator.js';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export { BIN, NO_METADATA_URL, REPO_ROOT };

export interface TccliFiles {
  credential?: object;
  configure?: object;
}

export interface TempHome {
  dir: string;
  /** A path inside the home. */
  path(...parts: string[]): string;
  /** Writes `~/.tccli/<profile>.credential` and/or `.configure` (mode 0600 unless given). */
  tccli(profile: string, files: TccliFiles, mode?: number): { credential: string; configure: string };
  /** Writes an INI file, by default `~/.tencentcloud/credentials`. */
  ini(text: string, relative?: string, mode?: number): string;
  readJson(...parts: string[]): unknown;
  /** An /etc/tencentcloud/credentials stand-in that does not exist, for in-process tests. */
  noSystemFile: string;
  /** env for a spawned binary or an in-process resolve: HOME, PATH, no metadata service, plus extras. */
  env(extra?: Record<string, string>): Record<string, string>;
  cleanup(): void;
}

export function makeTempHome(): TempHome {
  const dir = mkdtempSync(join(tmpdir(), 'clb-home-'));
  const path = (...parts: string[]) => join(dir, ...parts);
  const write = (file: string, text: string, mode: number) => {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, text, { mode });
    chmodSync(file, mode);
    return file;
  };
  return {
    dir,
    path,
    tccli(profile, files, mode = 0o600) {
      const credential = path('.tccli', `${profile}.credential`);
      const configure = path('.tccli', `${profile}.configure`);
      if (files.credential) write(credential, JSON.stringify(files.credential, null, 2), mode);
      if (files.configure) write(configure, JSON.stringify(files.configure, null, 2), mode);
      return { credential, configure };
    },
    ini(text, relative = join('.tencentcloud', 'credentials'), mode = 0o600) {
      return write(path(relative), text, mode);
    },
    readJson: (...parts) => JSON.parse(readFileSync(path(...parts), 'utf8')),
    noSystemFile: path('no-such-etc', 'credentials'),
    env: (extra = {}) => ({ HOME: dir, PATH: process.env.PATH ?? '/usr/bin:/bin', CLB_LISTENER_METADATA_URL: NO_METADATA_URL, ...extra }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `clb-listener …` in-process with exactly `env`; `input` is piped to stdin (else stdin is an empty, closed pipe). */
export function runCli(
  args: string[],
  options: { env: Record<string, string>; input?: string; timeoutMs?: number } & Omit<CliRunOptions, 'env' | 'stdin'>,
): Promise<RunResult> {
  const { input, ...rest } = options;
  return runInProcess(args, { ...rest, ...(input !== undefined ? { stdin: input } : {}) });
}
