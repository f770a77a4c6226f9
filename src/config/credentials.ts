/**
 * The credential types every step of the chain produces, and the source for keys that never
 * change. Kept apart from `index.ts` so the steps can share them without importing the façade.
 */
import type { SecretRegistry } from '../core/secrets.js';
import { UsageError } from '../core/errors.js';

export type { Credentials, CredentialKind, CredentialSource } from '../core/credentials.js';
import type { Credentials, CredentialKind, CredentialSource } from '../core/credentials.js';
import { message } from '../core/i18n.js';
import { PROFILE_PROBLEMS } from './profile.messages.js';

/**
 * Every secret is registered the moment it is loaded, before anything could print it, so the
 * error renderer and the debug log redact it whatever happens next.
 */
export function registerCredentials(credentials: Credentials, secrets: SecretRegistry): Credentials {
  secrets.add(credentials.secretKey);
  secrets.add(credentials.token);
  return credentials;
}

/** Long-lived keys (environment, files): loaded once, returned as they are. */
export function staticSource(
  secrets: SecretRegistry,
  kind: CredentialKind,
  describe: string,
  credentials: Credentials,
  path?: string,
  labels: KeyLabels = keyLabels(`in ${describe}`),
): CredentialSource {
  registerCredentials(credentials, secrets);
  checkKeyCharacters(credentials, labels);
  const frozen = Object.freeze({ ...credentials });
  return { kind, describe, get: async () => frozen, ...(path ? { path } : {}) };
}

/** Builds Credentials from optional parts, leaving `token` out when there is none. */
export function keys(secretId: string, secretKey: string, token?: string): Credentials {
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}

/** Keys and tokens are visible ASCII, one word: anything else cannot sign or be sent as a header. */
const NOT_KEY_TEXT = /[^\x21-\x7e]/;

/** How each part of a key pair is named in a message: `TENCENTCLOUD_SECRET_KEY`, `the SecretKey in …`. */
export interface KeyLabels {
  secretId: string;
  secretKey: string;
  token: string;
}

export function keyLabels(where: string): KeyLabels {
  return { secretId: `the SecretId ${where}`, secretKey: `the SecretKey ${where}`, token: `the session token ${where}` };
}

/**
 * Refuses keys holding a line break, a space, a control or non-ASCII character (a stray newline
 * from `echo`, a quote pasted with the key), before anything is signed: such a key cannot work, and
 * a header holding one could not even be built. The value is never quoted back.
 */
export function checkKeyCharacters(credentials: Credentials, labels: KeyLabels): void {
  for (const part of ['secretId', 'secretKey', 'token'] as const) {
    const value = credentials[part];
    const index = value ? value.search(NOT_KEY_TEXT) : -1;
    if (index < 0) continue;
    throw new UsageError(message(PROFILE_PROBLEMS.strayCharacter, { label: labels[part], position: index + 1 }), undefined, {
      hint: message(PROFILE_PROBLEMS.setItAgain),
    });
  }
}
