/**
 * Where the credential files live. One place, so the chain, `configure` and the hints printed on
 * failure always name the same paths.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';

const TCCLI_DIR = '.tccli';
/** The Node, Python and Go SDKs' shared INI file, relative to HOME. */
export const SDK_CREDENTIALS_FILE = join('.tencentcloud', 'credentials');
/** The SDKs' machine-wide fallback. */
export const SYSTEM_CREDENTIALS_FILE = '/etc/tencentcloud/credentials';

export function homeDir(env: Record<string, string | undefined>, home?: string): string {
  return home ?? (env.HOME || homedir());
}

export function tccliDir(home: string): string {
  return join(home, TCCLI_DIR);
}

/**
 * A profile name becomes part of a file name, so anything that could climb out of ~/.tccli
 * (a slash, "..") or hide the file (a leading dot) is refused.
 */
export function checkProfileName(name: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) {
    throw new UsageError(`invalid profile name "${name}"`, '--profile', {
      hint: 'use letters, digits, "_", "-" and "." (not first), e.g. --profile prod',
    });
  }
  return name;
}

export interface ProfilePaths {
  credential: string;
  configure: string;
}

export function tccliProfilePaths(home: string, profile: string): ProfilePaths {
  const dir = tccliDir(home);
  return { credential: join(dir, `${profile}.credential`), configure: join(dir, `${profile}.configure`) };
}
