/**
 * An advisory lock file, so that two runs changing one profile at once (seven `configure set` in
 * parallel) each read the files after the other's write and no update is lost. The lock is a
 * file created with O_EXCL next to the profile, holding the owner's pid, host and start time.
 *
 * - Waits up to `timeoutMs` (polling every few milliseconds), then fails naming the lock file.
 * - A stale lock (its owner is a dead process on this host, or it is older than `staleMs`, far
 *   longer than a read-modify-write takes) is taken over. The takeover re-checks that the file is
 *   still the one judged stale before removing it, which narrows (but, with plain files, cannot
 *   close) the window in which two runs both judge it stale.
 */
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { CredentialsError } from '../core/errors.js';
import { isAlive } from '../core/stale-temp.js';
import { message } from '../core/i18n.js';
import { PROFILE_PROBLEMS } from './profile.messages.js';

export interface LockOptions {
  timeoutMs?: number;
  staleMs?: number;
  /** For tests: the clock and the pause between attempts. */
  now?: () => number;
  sleep?: (ms: number) => void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STALE_MS = 30_000;

/** A blocking pause: the profile writers are synchronous and hold nothing else meanwhile. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface Owner {
  pid?: number;
  host?: string;
}

function readOwner(path: string): Owner {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Owner;
  } catch {
    return {};
  }
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes `path` if it is still the stale lock that was examined (same inode and mtime). */
function takeOver(path: string, seen: { ino: number; mtimeMs: number }): void {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    const now = statSync(path);
    if (now.ino !== seen.ino || now.mtimeMs !== seen.mtimeMs) return;
    renameSync(path, aside);
    unlinkSync(aside);
  } catch {
    // Someone else took it over or released it first: just try again.
  }
}

export function withFileLock<T>(path: string, what: string, work: () => T, options: LockOptions = {}): T {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepSync;
  const started = now();
  let pause = 2;
  while (!tryCreate(path)) {
    let stats: { ino: number; mtimeMs: number } | undefined;
    try {
      stats = statSync(path);
    } catch {
      continue; // released between our attempt and the look: try again at once
    }
    const owner = readOwner(path);
    const deadOwner = owner.host === hostname() && typeof owner.pid === 'number' && owner.pid !== process.pid && !isAlive(owner.pid);
    if (deadOwner || Date.now() - stats.mtimeMs > staleMs) {
      takeOver(path, stats);
      continue;
    }
    if (now() - started >= timeoutMs) {
      throw new CredentialsError(
        message(PROFILE_PROBLEMS.locked, { what, pid: owner.pid ?? 'unknown', seconds: Math.round(timeoutMs / 1000) }),
        { hint: message(PROFILE_PROBLEMS.removeLock, { path }) },
      );
    }
    sleep(pause);
    pause = Math.min(50, pause * 2);
  }
  try {
    return work();
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // Taken over as stale by another run after an unusually long hold: nothing left to release.
    }
  }
}
