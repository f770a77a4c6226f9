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

/**
 * A PEM private-key block, whole or cut short: from its BEGIN line to its END line, or, when a
 * message quoted only the start of it, to the end of that quoted value (the next unescaped double
 * quote) or of the text. Whatever field a key was typed into, none of it is printed.
 */
const PRIVATE_KEY_TEXT = /-----BEGIN ?[A-Z0-9 ]*PRIVATE ?KEY-----(?:[\s\S]*?-----END ?[A-Z0-9 ]*PRIVATE ?KEY-----|(?:[^"\\]|\\[^"])*)/g;

export const PRIVATE_KEY_REDACTED = '<a PEM private key>';

/** Text with every private-key block in it, whole or cut short, replaced. */
export function scrubPrivateKeys(text: string): string {
  return text.includes('PRIVATE') ? text.replace(PRIVATE_KEY_TEXT, PRIVATE_KEY_REDACTED) : text;
}
