/**
 * Durations given on the command line (--wait-timeout, --request-timeout), checked before
 * anything else runs. A module of its own so that checking them loads no client or waiter.
 */
import { UsageError } from '../core/errors.js';

export const DEFAULT_WAIT_TIMEOUT_SECONDS = 300;

export function parseSeconds(raw: unknown, flag: string, { min = 1, max = 86400 } = {}): number {
  const text = String(raw).trim();
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value < min || value > max) {
    throw new UsageError(`${flag} "${text}": must be a number of seconds from ${min} to ${max}`, flag);
  }
  return value;
}

export function waitTimeoutMs(raw: unknown): number {
  return raw === undefined ? DEFAULT_WAIT_TIMEOUT_SECONDS * 1000 : parseSeconds(raw, '--wait-timeout', { min: 1, max: 86400 }) * 1000;
}
