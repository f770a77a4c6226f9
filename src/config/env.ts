/**
 * Step 1 of the chain, and the names of every environment variable this tool reads, so hints
 * and help text quote the same names the code uses.
 */
import { CredentialsError } from '../api/errors.js';
import { keys, staticSource, type CredentialSource } from './credentials.js';

export const ENV = {
  secretId: 'TENCENTCLOUD_SECRET_ID',
  secretKey: 'TENCENTCLOUD_SECRET_KEY',
  /** The Node SDK's name first, then tccli's, then the older STS-era name. */
  tokens: ['TENCENTCLOUD_SESSION_TOKEN', 'TENCENTCLOUD_TOKEN', 'TENCENTCLOUD_SECURITY_TOKEN'],
  region: 'TENCENTCLOUD_REGION',
  profile: 'TCCLI_PROFILE',
  credentialsFile: 'TENCENTCLOUD_CREDENTIALS_FILE',
  metadataUrl: 'CLB_LISTENER_METADATA_URL',
} as const;

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

export function credentialsFromEnvironment(env: Env): CredentialSource | undefined {
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
  return staticSource('environment', `environment (${ENV.secretId})`, keys(secretId, secretKey, token));
}
