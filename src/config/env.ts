/** Keys from the environment (a step of the chain, see chain.ts). */
import { ENV } from '../core/env-names.js';
import { keys, staticSource, type CredentialSource } from './credentials.js';
import type { SecretRegistry } from '../core/secrets.js';

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

export function credentialsFromEnvironment(
  env: Env,
  secrets: SecretRegistry,
  warn: (message: string) => void,
): CredentialSource | undefined {
  const secretId = value(env, ENV.secretId);
  const secretKey = value(env, ENV.secretKey);
  if (!secretId && !secretKey) return undefined;
  // tccli ignores half a pair and uses the profile; so does this, but out loud, since the keys
  // then used may not be the ones the person meant.
  if (!secretId || !secretKey) {
    const [set, unset] = secretId ? [ENV.secretId, ENV.secretKey] : [ENV.secretKey, ENV.secretId];
    warn(`warning: ${set} is set but ${unset} is not; ignoring it and looking for credentials elsewhere (set both, or unset ${set})`);
    return undefined;
  }
  const tokenName = ENV.tokens.find((name) => value(env, name));
  const token = tokenName ? value(env, tokenName) : undefined;
  return staticSource(secrets, 'environment', `environment (${ENV.secretId})`, keys(secretId, secretKey, token), undefined, {
    secretId: ENV.secretId,
    secretKey: ENV.secretKey,
    token: tokenName ?? 'the session token',
  });
}
