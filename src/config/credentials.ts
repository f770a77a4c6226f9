/**
 * The credential types every step of the chain produces, and the source for keys that never
 * change. Kept apart from `index.ts` so the steps can share them without importing the façade.
 */
import { registerSecret } from '../ui/secrets.js';

export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
  /** Milliseconds since the epoch, for temporary credentials. */
  expiresAt?: number;
}

/** Which step of the chain supplied the credentials. */
export type CredentialKind = 'environment' | 'tccli-profile' | 'sdk-file' | 'cvm-role';

export interface CredentialSource {
  /** Where the credentials came from, for `whoami` and --debug (never the secret). */
  describe: string;
  /** Cached; temporary credentials are refreshed before they expire. */
  get(signal?: AbortSignal): Promise<Credentials>;
  kind?: CredentialKind;
  /** The file the credentials were read from, if any. */
  path?: string;
}

/**
 * Every secret is registered the moment it is loaded, before anything could print it, so the
 * error renderer and the debug log redact it whatever happens next.
 */
export function registerCredentials(credentials: Credentials): Credentials {
  registerSecret(credentials.secretKey);
  registerSecret(credentials.token);
  return credentials;
}

/** Long-lived keys (environment, files): loaded once, returned as they are. */
export function staticSource(kind: CredentialKind, describe: string, credentials: Credentials, path?: string): CredentialSource {
  registerCredentials(credentials);
  const frozen = Object.freeze({ ...credentials });
  return { kind, describe, get: async () => frozen, ...(path ? { path } : {}) };
}

/** Builds Credentials from optional parts, leaving `token` out when there is none. */
export function keys(secretId: string, secretKey: string, token?: string): Credentials {
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}
