/**
 * Writing tccli profiles: read both files, apply a change, fill in tccli's defaults only in a file
 * created here, and write back only the files that changed, atomically, 0600 in a 0700 directory.
 * Keys this tool does not know (other services' endpoints, waiter settings…) are kept as they were.
 */
import { isDeepStrictEqual } from 'node:util';
import { existsSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, writePrivateFileAtomic } from './files.js';
import { withFileLock } from './lock.js';
import { CredentialsError } from '../core/errors.js';
import { shellQuote } from '../core/shell-quote.js';
import { tccliDir } from './paths.js';
import { API_VERSION } from '../api/constants.js';
import { DEFAULT_CLB_HOST, isObject, type JsonObject, type ProfileFiles } from './profile-keys.js';
import { readTccliProfile, type TccliProfile } from './tccli.js';
import { message } from '../core/i18n.js';
import { PROFILE_PROBLEMS } from './profile.messages.js';

/** tccli's defaults for `_sys_param`, written only into a `.configure` file this run creates. */
const SYS_PARAM_DEFAULTS: JsonObject = { output: 'json', arrayCount: 10, warning: 'off' };

/** Sorted keys, 2-space indent: the layout tccli writes (Python's json.dump(sort_keys=True, indent=2)). */
export function formatTccliJson(value: JsonObject): string {
  const sort = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(sort);
    if (!isObject(node)) return node;
    return Object.fromEntries(
      Object.keys(node)
        .sort()
        .map((key) => [key, sort(node[key])]),
    );
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

/**
 * A `.configure` written for the first time gets what tccli's own `configure` writes: `_sys_param`
 * with its defaults (values just set win) and the `clb` service entry.
 */
function completeNewConfigure(configure: JsonObject): void {
  const sys: JsonObject = isObject(configure._sys_param) ? configure._sys_param : {};
  configure._sys_param = { ...SYS_PARAM_DEFAULTS, ...sys };
  completeClbEntry(configure);
}

/** tccli reads `clb.version` next to `clb.endpoint`, so a `clb` entry is never left without one. */
function completeClbEntry(configure: JsonObject): void {
  if (!isObject(configure.clb)) configure.clb = { endpoint: DEFAULT_CLB_HOST, version: API_VERSION };
  else configure.clb.version ??= API_VERSION;
}

export interface StoreResult {
  profile: TccliProfile;
  /** Paths written, in order. */
  written: string[];
}

/**
 * Read, change and write a profile under its lock file (`~/.tccli/.NAME.lock`), so concurrent runs
 * never lose each other's updates; a file that cannot be written is named, never a crash.
 */
export function updateTccliProfile(home: string, name: string, change: (files: ProfileFiles) => void): StoreResult {
  const dir = tccliDir(home);
  // The lock lives in the directory, so it is made first; a run that then writes nothing (a
  // value refused) takes it away again, leaving the home as it found it.
  const created = !existsSync(dir);
  writable(dir, () => ensurePrivateDir(dir));
  let result: StoreResult | undefined;
  try {
    result = writable(dir, () => withFileLock(join(dir, `.${name}.lock`), `profile "${name}"`, () => updateUnlocked(home, name, change)));
    return result;
  } finally {
    if (created && !result?.written.length) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty: another run is using it.
      }
    }
  }
}

const UNWRITABLE: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a parent is not a directory',
  EEXIST: 'a file is in the way',
};

function writable<T>(dir: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code || !(code in UNWRITABLE)) throw error;
    const path = (error as NodeJS.ErrnoException).path ?? dir;
    throw new CredentialsError(message(PROFILE_PROBLEMS.cannotWrite, { path, reason: UNWRITABLE[code]! }), {
      hint: message(PROFILE_PROBLEMS.checkDirMode, { dir, quoted: shellQuote(dir) }),
    });
  }
}

function updateUnlocked(home: string, name: string, change: (files: ProfileFiles) => void): StoreResult {
  const before = readTccliProfile(home, name);
  const files: ProfileFiles = {
    credential: structuredClone(before.files.credential ?? {}),
    configure: structuredClone(before.files.configure ?? {}),
  };
  change(files);
  const written: string[] = [];
  const targets = [
    ['credential', before.paths.credential],
    ['configure', before.paths.configure],
  ] as const;
  for (const [file, path] of targets) {
    const original = before.files[file];
    if (original === undefined ? Object.keys(files[file]).length === 0 : isDeepStrictEqual(original, files[file])) continue;
    if (file === 'configure') {
      // An existing file keeps every key but the ones set (its `output`, `arrayCount`… are the
      // user's or tccli's business); only a `clb` entry this run adds gets tccli's version with it.
      if (original === undefined) completeNewConfigure(files.configure);
      else if (!isObject(original.clb) && isObject(files.configure.clb)) completeClbEntry(files.configure);
    }
    ensurePrivateDir(tccliDir(home));
    writePrivateFileAtomic(path, formatTccliJson(files[file]));
    written.push(path);
  }
  return { profile: { ...before, files }, written };
}
