/**
 * Writing tccli profiles: read both files, apply a change, fill in what tccli expects to find,
 * and write back only the files that changed, atomically, 0600 in a 0700 directory. Keys this
 * tool does not know (other services' endpoints, waiter settings…) are kept as they were.
 */
import { isDeepStrictEqual } from 'node:util';
import { ensurePrivateDir, writePrivateFileAtomic } from './files.js';
import { tccliDir } from './paths.js';
import { CLB_API_VERSION, DEFAULT_CLB_HOST, isObject, type JsonObject, type ProfileFiles } from './profile-keys.js';
import { readTccliProfile, type TccliProfile } from './tccli.js';

/** tccli's defaults for `_sys_param`, written only where the file has no value. */
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
 * Gives a `.configure` what tccli expects: `_sys_param` with its defaults (taking values from the
 * older top-level layout where present) and the `clb` service entry.
 */
export function completeConfigure(configure: JsonObject): void {
  const sys: JsonObject = isObject(configure._sys_param) ? configure._sys_param : {};
  configure._sys_param = sys;
  for (const [key, fallback] of Object.entries({ region: undefined, ...SYS_PARAM_DEFAULTS })) {
    if (sys[key] === undefined) {
      const value = configure[key] ?? fallback;
      if (value !== undefined) sys[key] = value;
    }
  }
  if (!isObject(configure.clb)) configure.clb = { endpoint: DEFAULT_CLB_HOST, version: CLB_API_VERSION };
  else configure.clb.version ??= CLB_API_VERSION;
}

export interface StoreResult {
  profile: TccliProfile;
  /** Paths written, in order. */
  written: string[];
}

export function updateTccliProfile(home: string, name: string, change: (files: ProfileFiles) => void): StoreResult {
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
    if (file === 'configure') completeConfigure(files.configure);
    ensurePrivateDir(tccliDir(home));
    writePrivateFileAtomic(path, formatTccliJson(files[file]));
    written.push(path);
  }
  return { profile: { ...before, files }, written };
}
