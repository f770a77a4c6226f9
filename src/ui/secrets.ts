/**
 * The values that must never be printed. Commands add what they load (profile keys, CVM-role
 * tokens, private keys read from files) through `registerSecret`, so the one error renderer and
 * the debug log can redact them all.
 */
import { ENV } from '../config/env-names.js';

const registered = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) registered.add(value);
}

const SECRET_ENV = [ENV.secretKey, ...ENV.tokens];

export function collectSecrets(env: Record<string, string | undefined>): string[] {
  return [...SECRET_ENV.map((name) => env[name]).filter((v): v is string => !!v), ...registered];
}
