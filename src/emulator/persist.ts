/**
 * The `--state` file: load balancers, listeners and bound targets as JSON, so an emulator restarted by a CI job
 * finds what the previous run created. Written atomically (temp file, then rename) so a crash
 * mid-write never leaves half a file for the next start to choke on.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { EmulatorConfigError } from './config.js';
import { removeStaleTempFiles } from '../core/stale-temp.js';
import type { BoundTarget } from './targets.js';
import type { ListenerView, LoadBalancerRecord } from './types.js';

export interface PersistedState {
  version: 1;
  loadBalancers: LoadBalancerRecord[];
  listeners: ListenerView[];
  /** The bound targets (absent in files written before targets were kept). */
  targets?: BoundTarget[];
}

export function loadStateFile(path: string): PersistedState | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: Partial<PersistedState>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<PersistedState>;
  } catch (error) {
    throw new EmulatorConfigError(`cannot read the state file ${path}: ${(error as Error).message}`, '--state');
  }
  if (!Array.isArray(parsed.loadBalancers) || !Array.isArray(parsed.listeners)) {
    throw new EmulatorConfigError(`${path} is not an emulator state file (expected "loadBalancers" and "listeners" arrays)`, '--state');
  }
  return {
    version: 1,
    loadBalancers: parsed.loadBalancers,
    listeners: parsed.listeners,
    ...(Array.isArray(parsed.targets) ? { targets: parsed.targets } : {}),
  };
}

export function saveStateFile(path: string, state: PersistedState): void {
  removeStaleTempFiles(dirname(path), basename(path));
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, path);
}
