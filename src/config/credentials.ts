/**
 * The credential types every step of the chain produces, and the source for keys that never
 * change. Kept apart from `index.ts` so the steps can share them without importing the façade.
 */
import type { SecretRegistry } from '../core/secrets.js';

export type { Credentials, CredentialKind, CredentialSource } from '../core/credentials.js';
import type { Credentials, CredentialKind, CredentialSource } from '../core/credentials.js';

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
): CredentialSource {
  registerCredentials(credentials, secrets);
  const frozen = Object.freeze({ ...credentials });
  return { kind, describe, get: async () => frozen, ...(path ? { path } : {}) };
}

/** Builds Credentials from optional parts, leaving `token` out when there is none. */
export function keys(secretId: string, secretKey: string, token?: string): Credentials {
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}
