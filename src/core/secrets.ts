/**
 * The values that must never be printed, for one run. Commands add what they load (profile keys,
 * temporary tokens, private keys read from files) the moment they load it, so the one error
 * renderer and the debug log can redact them all. It belongs to the run's context: two runs in
 * one process never share it.
 */
import { ENV } from './env-names.js';

const SECRET_ENV = [ENV.secretKey, ...ENV.tokens];

/** Shorter values would redact ordinary words. */
const MIN_SECRET_LENGTH = 4;

export class SecretRegistry {
  private readonly values = new Set<string>();

  /** The environment's secret variables count from the start. */
  constructor(env: Record<string, string | undefined> = {}) {
    for (const name of SECRET_ENV) this.add(env[name]);
  }

  add(value: string | undefined): void {
    if (value && value.length >= MIN_SECRET_LENGTH) this.values.add(value);
  }

  /** Every registered value, longest first, so a secret that contains another is redacted whole. */
  list(): string[] {
    return [...this.values].sort((a, b) => b.length - a.length);
  }
}
