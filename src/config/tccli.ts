/**
 * Reading tccli's profile files (`~/.tccli/<profile>.credential` and `.configure`) and what they
 * say about credentials. Writing them is `profile-store.ts`; where each key lives is
 * `profile-keys.ts`.
 */
import { shellQuote } from '../core/shell-quote.js';
import { CredentialsError, UsageError } from '../core/errors.js';
import { keys, type Credentials } from './credentials.js';
import { readTextIfExists } from './files.js';
import { tccliProfilePaths, type ProfilePaths } from './paths.js';
import { findProfileKey, isObject, readProfileKey, type JsonObject, type ProfileFiles } from './profile-keys.js';

export interface TccliProfile {
  name: string;
  paths: ProfilePaths;
  /** The parsed files; a file that does not exist is absent here. */
  files: Partial<ProfileFiles>;
}

/**
 * Parses one file. The credential file's parse error is not quoted: V8's JSON messages include a
 * snippet of the text, which could be the secret key itself.
 */
function readJsonObject(path: string, holdsSecrets: boolean): JsonObject | undefined {
  const text = readTextIfExists(path);
  if (text === undefined || text.trim() === '') return undefined;
  const fail = (detail: string) => {
    const message = `${path} is not a valid tccli profile file: ${detail}`;
    const hint = 'fix the file or remove it (clb-listener configure can then write a new one)';
    return holdsSecrets ? new CredentialsError(message, { hint }) : new UsageError(message, undefined, { hint });
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw fail(holdsSecrets ? 'invalid JSON' : (error as Error).message);
  }
  if (!isObject(parsed)) throw fail('expected a JSON object');
  return parsed;
}

export function readTccliProfile(home: string, name: string): TccliProfile {
  const paths = tccliProfilePaths(home, name);
  const credential = readJsonObject(paths.credential, true);
  const configure = readJsonObject(paths.configure, false);
  return { name, paths, files: { ...(credential ? { credential } : {}), ...(configure ? { configure } : {}) } };
}

/** A value from the profile by its `configure` key name (region, output, language, endpoint…). */
export function profileValue(profile: TccliProfile, keyName: string): string | undefined {
  return readProfileKey(profile.files, findProfileKey(keyName));
}

export type ProfileCredentials = { type: 'keys'; credentials: Credentials } | { type: 'cvm-role' } | { type: 'none' };

/**
 * What the profile's credential file asks for: keys, the CVM role (`use-cvm-role true`), or
 * nothing. With `keysOverCvmRole` the file's keys win over its CVM-role type, as in tccli when
 * the environment names a role to assume.
 */
export function profileCredentials(profile: TccliProfile, keysOverCvmRole = false): ProfileCredentials {
  const file = profile.files.credential;
  if (!file) return { type: 'none' };
  const type = typeof file.type === 'string' ? file.type : '';
  if (type === 'cvm-role' && !(keysOverCvmRole && profileValue(profile, 'secretId') && profileValue(profile, 'secretKey'))) {
    return { type: 'cvm-role' };
  }
  // tccli refreshes OAuth/SSO logins with its own browser flow; reusing its short-lived keys here
  // would fail later with an expired token, so say so now.
  if (type === 'oauth' || type === 'sso') {
    throw new CredentialsError(`profile "${profile.name}" uses tccli's ${type} login, which clb-listener cannot refresh`, {
      hint: `use a key profile (clb-listener configure --profile ${shellQuote(profile.name)}) or export TENCENTCLOUD_SECRET_ID/SECRET_KEY/TOKEN`,
    });
  }
  const secretId = profileValue(profile, 'secretId');
  const secretKey = profileValue(profile, 'secretKey');
  if (!secretId && !secretKey) return { type: 'none' };
  if (!secretId || !secretKey) {
    throw new CredentialsError(`${profile.paths.credential} has ${secretId ? 'secretId but no secretKey' : 'secretKey but no secretId'}`, {
      hint: `complete it with clb-listener configure --profile ${shellQuote(profile.name)}`,
    });
  }
  return { type: 'keys', credentials: keys(secretId, secretKey, profileValue(profile, 'token')) };
}
