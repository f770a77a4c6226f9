/**
 * Where the credential files live. One place, so the chain, `configure` and the hints printed on
 * failure always name the same paths.
 */
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { message } from '../core/i18n.js';
import { PROFILE_PROBLEMS } from './profile.messages.js';

const TCCLI_DIR = '.tccli';
/** The Node, Python and Go SDKs' shared INI file, relative to HOME. */
export const SDK_CREDENTIALS_FILE = join('.tencentcloud', 'credentials');
/** The SDKs' machine-wide fallback. */
export const SYSTEM_CREDENTIALS_FILE = '/etc/tencentcloud/credentials';

export function homeDir(env: Record<string, string | undefined>, home?: string): string {
  return home ?? (env.HOME || process.getBuiltinModule('node:os').homedir());
}

export function tccliDir(home: string): string {
  return join(home, TCCLI_DIR);
}

/**
 * A profile name becomes part of a file name (`~/.tccli/<name>.credential`), as in tccli, which
 * checks nothing. Refused: what could reach outside ~/.tccli (a `/` or `\`, `..`), what no file
 * name can hold or no message can show safely (NUL and other control characters), and an empty
 * name, which in a script usually means an unset variable and would silently pick `default`.
 * Everything else tccli accepts is accepted: dots, spaces, non-ASCII letters.
 */
export function checkProfileName(name: string): string {
  const problem = !name.trim()
    ? 'it is empty'
    : /[/\\]/.test(name)
      ? 'it contains a path separator'
      : name.includes('..')
        ? 'it contains ".."'
        : [...name].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
          ? 'it contains a control character'
          : undefined;
  if (problem) {
    throw new UsageError(message(PROFILE_PROBLEMS.invalidProfileName, { name: JSON.stringify(name), problem }), '--profile', {
      hint: message(PROFILE_PROBLEMS.profileIsFileName),
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
