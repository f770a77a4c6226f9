/** Step 1 of the chain: credentials from the environment. */
import { CredentialsError } from '../core/errors.js';
import { ENV } from '../core/env-names.js';
import { keys, staticSource, type CredentialSource } from './credentials.js';
import type { SecretRegistry } from '../core/secrets.js';

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

export function credentialsFromEnvironment(env: Env, secrets: SecretRegistry): CredentialSource | undefined {
  const secretId = value(env, ENV.secretId);
  const secretKey = value(env, ENV.secretKey);
  if (!secretId && !secretKey) return undefined;
  // Half a pair is a mistake, not an absence: falling through to a file would silently sign with
  // some other account's keys.
  if (!secretId || !secretKey) {
    const [set, unset] = secretId ? [ENV.secretId, ENV.secretKey] : [ENV.secretKey, ENV.secretId];
    throw new CredentialsError(`${set} is set but ${unset} is not`, { hint: `set both, or unset ${set} to use a profile` });
  }
  const token = ENV.tokens.map((name) => value(env, name)).find(Boolean);
  return staticSource(secrets, 'environment', `environment (${ENV.secretId})`, keys(secretId, secretKey, token));
}
