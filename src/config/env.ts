/** Keys from the environment (a step of the chain, see chain.ts). */
import { ENV } from '../core/env-names.js';
import { keys, staticSource, type CredentialSource } from './credentials.js';
import type { SecretRegistry } from '../core/secrets.js';
import type { Words } from '../core/errors.js';
import { message } from '../core/i18n.js';
import { CONFIG_WARNINGS } from './warnings.messages.js';

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

export function credentialsFromEnvironment(
  env: Env,
  secrets: SecretRegistry,
  warn: (message: Words) => void,
): CredentialSource | undefined {
  const secretId = value(env, ENV.secretId);
  const secretKey = value(env, ENV.secretKey);
  if (!secretId && !secretKey) return undefined;
  // tccli ignores half a pair and uses the profile; so does this, but out loud, since the keys
  // then used may not be the ones the person meant.
  if (!secretId || !secretKey) {
    const [set, unset] = secretId ? [ENV.secretId, ENV.secretKey] : [ENV.secretKey, ENV.secretId];
    warn(message(CONFIG_WARNINGS.halfPair, { set, unset }));
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
