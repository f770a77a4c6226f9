/**
 * Reading tccli's profile files (`~/.tccli/<profile>.credential` and `.configure`) and what they
 * say about credentials. Writing them is `profile-store.ts`; where each key lives is
 * `profile-keys.ts`.
 */
import { shellQuote } from '../core/shell-quote.js';
import { CredentialsError, UsageError } from '../core/errors.js';
import { message } from '../core/i18n.js';
import { PROFILE_PROBLEMS } from './profile.messages.js';
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
    const said = message(PROFILE_PROBLEMS.notProfileFile, { path, detail });
    const hint = message(PROFILE_PROBLEMS.fixOrRemove);
    return holdsSecrets ? new CredentialsError(said, { hint }) : new UsageError(said, undefined, { hint });
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
    throw new CredentialsError(message(PROFILE_PROBLEMS.loginCannotRefresh, { profile: profile.name, type }), {
      hint: message(PROFILE_PROBLEMS.useKeyProfile, { profile: shellQuote(profile.name) }),
    });
  }
  const secretId = profileValue(profile, 'secretId');
  const secretKey = profileValue(profile, 'secretKey');
  if (!secretId && !secretKey) return { type: 'none' };
  if (!secretId || !secretKey) {
    throw new CredentialsError(
      message(secretId ? PROFILE_PROBLEMS.idWithoutKey : PROFILE_PROBLEMS.keyWithoutId, { file: profile.paths.credential }),
      {
        hint: message(PROFILE_PROBLEMS.completeIt, { profile: shellQuote(profile.name) }),
      },
    );
  }
  return { type: 'keys', credentials: keys(secretId, secretKey, profileValue(profile, 'token')) };
}
