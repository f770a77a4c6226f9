/**
 * The keys `configure set/get/list` understand and where each lives in tccli's two files. The
 * chain reads profile values through the same table, so a key has exactly one location.
 */
import { UsageError } from '../core/errors.js';
import { isPlainObject } from '../core/json.js';
import { parseEndpoint, withScheme } from '../api/endpoint.js';
import { message, say, type Text } from '../core/i18n.js';
import { PROFILE } from './profile-keys.messages.js';
import { USAGE_TEXTS } from '../core/usage-texts.js';
import { closest, suggestChoice } from '../core/suggest.js';
import type { MaskKind } from './mask.js';

export type JsonObject = Record<string, unknown>;

export interface ProfileFiles {
  credential: JsonObject;
  configure: JsonObject;
}

export interface ProfileKey {
  name: string;
  /** Other spellings accepted on the command line (tccli's own key names). */
  aliases?: readonly string[];
  file: keyof ProfileFiles;
  path: readonly string[];
  /** Where tccli's older layout kept it (top level, before `_sys_param`). */
  legacyPath?: readonly string[];
  /** One line of `configure set --help`, in both languages. */
  help: Text;
  /** How list/get/whoami show it: `AKID****wxyz` (an identifier) or `****wxyz` (a secret). */
  masked?: MaskKind;
  /** A secret: never accepted on argv, only `-` (stdin or a masked prompt). */
  secret?: boolean;
  /** Checks what the user typed and turns it into what the file stores; undefined removes the key. */
  encode?(value: string): unknown;
  /** Turns the stored value back into what `get` prints. */
  decode?(stored: unknown): string | undefined;
}

export const OUTPUT_FORMATS = ['json', 'text', 'table'] as const;
export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export const REGION_PATTERN = /^[a-z]+-[a-z0-9-]+$/;
export const DEFAULT_CLB_HOST = 'clb.tencentcloudapi.com';
export const DEFAULT_STS_HOST = 'sts.tencentcloudapi.com';

/**
 * One of `choices`, spelt exactly; a near miss (`JSON`, `tabel`, `zh_CN`, or `zh` for `zh-CN`) is
 * named in the error.
 */
function oneOf(name: string, choices: readonly string[]) {
  return (value: string): string => {
    if (choices.includes(value)) return value;
    const suggestion = suggestChoice(value, choices);
    const params = { flag: name, value, choices: choices.join(', ') };
    throw new UsageError(
      suggestion.length > 0
        ? message(USAGE_TEXTS.notOneOfSuggest, { ...params, suggestion: suggestion.join(', ') })
        : message(USAGE_TEXTS.notOneOf, params),
    );
  };
}

function region(value: string): string {
  if (!REGION_PATTERN.test(value))
    throw new UsageError(message(PROFILE.notRegion, { value }), undefined, { hint: message(PROFILE.example, { example: 'ap-guangzhou' }) });
  return value;
}

function nonEmpty(name: string) {
  return (value: string): string => {
    const trimmed = value.trim();
    if (!trimmed) {
      throw new UsageError(message(PROFILE.mustNotBeEmpty, { name }), undefined, {
        hint: message(PROFILE.removeWith, { name }),
      });
    }
    return trimmed;
  };
}

/**
 * What `clb.endpoint` (or `sts.endpoint`) holds for an endpoint the client accepts: a bare
 * `host[:port]` for https, which is what tccli and its SDK read (they put the value in the Host
 * header and prefix `https://`). Plain http, allowed only to this machine, keeps its scheme: it is
 * the only way to say http, and tccli, which always speaks https, could not use that endpoint anyway.
 */
function storedEndpoint(url: URL): string {
  return url.protocol === 'https:' ? url.host : url.origin;
}

/**
 * The client's own rule (`parseEndpoint`: https anywhere, http only to loopback, no path), so a
 * value `configure set` accepts is never refused later by a command that uses it.
 */
function endpointOf(name: string, example: string) {
  return (value: string): string => {
    let url: URL;
    try {
      url = parseEndpoint(value, name);
    } catch (error) {
      throw error instanceof UsageError && !error.hint ? error.with({ hint: message(PROFILE.example, { example }) }) : error;
    }
    if (url.username || url.password || url.hash) {
      throw new UsageError(message(PROFILE.onlyHost, { name, value }), undefined, { hint: message(PROFILE.example, { example }) });
    }
    return storedEndpoint(url);
  };
}

/** What the API client wants: a URL with a scheme. */
export function normalizeEndpoint(stored: string): string {
  return withScheme(stored.trim().replace(/\/+$/, ''));
}

/** A key's help with its values filled in, in both languages. */
function helpWith(text: Text, params: Record<string, string>): Text {
  return { en: say('en', text, params), zh: say('zh', text, params) };
}

export const PROFILE_KEYS: readonly ProfileKey[] = [
  {
    name: 'secretId',
    file: 'credential',
    path: ['secretId'],
    help: PROFILE.helpSecretId,
    masked: 'identifier',
    encode: nonEmpty('secretId'),
  },
  {
    name: 'secretKey',
    file: 'credential',
    path: ['secretKey'],
    help: PROFILE.helpSecretKey,
    masked: 'secret',
    secret: true,
    encode: nonEmpty('secretKey'),
  },
  {
    name: 'token',
    file: 'credential',
    path: ['token'],
    help: PROFILE.helpToken,
    masked: 'secret',
    secret: true,
    encode: nonEmpty('token'),
  },
  {
    name: 'region',
    file: 'configure',
    path: ['_sys_param', 'region'],
    legacyPath: ['region'],
    help: PROFILE.helpRegion,
    encode: region,
  },
  {
    name: 'output',
    file: 'configure',
    path: ['_sys_param', 'output'],
    legacyPath: ['output'],
    // Deliberately not clb-listener's default: its stdout is bare ids unless -o says otherwise, so
    // `ids=$(clb-listener create …)` works for a tccli user whose profile says json.
    help: helpWith(PROFILE.helpOutput, { formats: OUTPUT_FORMATS.join(' | ') }),
    encode: oneOf('output', OUTPUT_FORMATS),
  },
  {
    name: 'language',
    file: 'configure',
    path: ['_sys_param', 'language'],
    help: helpWith(PROFILE.helpLanguage, { languages: LANGUAGES.join(' | ') }),
    encode: oneOf('language', LANGUAGES),
  },
  {
    name: 'endpoint',
    aliases: ['clb.endpoint'],
    file: 'configure',
    path: ['clb', 'endpoint'],
    help: helpWith(PROFILE.helpEndpoint, { host: DEFAULT_CLB_HOST }),
    encode: endpointOf('endpoint', DEFAULT_CLB_HOST),
  },
  {
    name: 'sts.endpoint',
    file: 'configure',
    path: ['sts', 'endpoint'],
    help: helpWith(PROFILE.helpStsEndpoint, { host: DEFAULT_STS_HOST }),
    encode: endpointOf('sts.endpoint', DEFAULT_STS_HOST),
  },
  {
    name: 'role-arn',
    file: 'credential',
    path: ['role-arn'],
    help: PROFILE.helpRoleArn,
    encode: nonEmpty('role-arn'),
  },
  {
    name: 'role-session-name',
    file: 'credential',
    path: ['role-session-name'],
    help: PROFILE.helpRoleSessionName,
    encode: nonEmpty('role-session-name'),
  },
  {
    name: 'validate',
    file: 'configure',
    path: ['clb-listener', 'validate'],
    help: PROFILE.helpValidate,
    encode: (value) => {
      if (value !== 'true' && value !== 'false') throw new UsageError(message(PROFILE.trueOrFalse, { name: 'validate', value }));
      return value;
    },
  },
  {
    name: 'use-cvm-role',
    file: 'credential',
    path: ['type'],
    help: PROFILE.helpUseCvmRole,
    encode: (value) => {
      if (value !== 'true' && value !== 'false') throw new UsageError(message(PROFILE.trueOrFalse, { name: 'use-cvm-role', value }));
      return value === 'true' ? 'cvm-role' : undefined;
    },
    // Unset is null like every other key; tccli writes "default" (or oauth, sso) for other kinds.
    decode: (stored) => (stored === undefined || stored === null ? undefined : String(stored === 'cvm-role')),
  },
];

export function findProfileKey(name: string): ProfileKey {
  const wanted = name.toLowerCase();
  const key = PROFILE_KEYS.find((k) => k.name.toLowerCase() === wanted || k.aliases?.some((a) => a.toLowerCase() === wanted));
  if (!key) {
    const hint = message(PROFILE.keys, { keys: PROFILE_KEYS.map((k) => k.name).join(', ') });
    const suggestion = closest(
      name,
      PROFILE_KEYS.flatMap((k) => [k.name, ...(k.aliases ?? [])]),
    );
    if (suggestion.length) {
      throw new UsageError(message(USAGE_TEXTS.unknownProfileKeySuggest, { name, suggestion: suggestion.join(', ') }), undefined, {
        hint,
      });
    }
    throw new UsageError(message(PROFILE.unknownKey, { name }), undefined, { hint });
  }
  return key;
}

/** A JSON object in a profile file. */
export const isObject: (value: unknown) => value is JsonObject = isPlainObject;

function getAt(root: JsonObject | undefined, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const part of path) node = isObject(node) ? node[part] : undefined;
  return node;
}

function defaultDecode(stored: unknown): string | undefined {
  if (typeof stored === 'string') return stored.trim() || undefined;
  return typeof stored === 'number' || typeof stored === 'boolean' ? String(stored) : undefined;
}

/** The key's value in the profile, from `_sys_param` first and the older top-level layout second. */
export function readProfileKey(files: Partial<ProfileFiles>, key: ProfileKey): string | undefined {
  const root = files[key.file];
  const decode = key.decode ?? defaultDecode;
  const current = getAt(root, key.path);
  if (current !== undefined) return decode(current);
  return key.legacyPath ? decode(getAt(root, key.legacyPath)) : decode(undefined);
}

/** Validates `value` and stores it, creating the objects on the path; other keys are untouched. */
export function writeProfileKey(files: ProfileFiles, key: ProfileKey, value: string): void {
  const stored = key.encode ? key.encode(value) : value;
  let node = files[key.file];
  for (const part of key.path.slice(0, -1)) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as JsonObject;
  }
  const leaf = key.path[key.path.length - 1]!;
  if (stored === undefined) delete node[leaf];
  else node[leaf] = stored;
}

/**
 * Removes the key from the profile (both its place and tccli's older one), and any object on its
 * path that this leaves empty; other keys are untouched. Returns whether anything was there.
 */
export function removeProfileKey(files: ProfileFiles, key: ProfileKey): boolean {
  let removed = false;
  for (const path of [key.path, ...(key.legacyPath ? [key.legacyPath] : [])]) {
    const parents: JsonObject[] = [files[key.file]];
    for (const part of path.slice(0, -1)) {
      const next = parents[parents.length - 1]![part];
      if (!isObject(next)) break;
      parents.push(next);
    }
    if (parents.length !== path.length) continue;
    const leaf = path[path.length - 1]!;
    const holder = parents[parents.length - 1]!;
    if (!Object.hasOwn(holder, leaf)) continue;
    delete holder[leaf];
    removed = true;
    for (let i = parents.length - 1; i > 0 && Object.keys(parents[i]!).length === 0; i--) delete parents[i - 1]![path[i - 1]!];
  }
  return removed;
}
