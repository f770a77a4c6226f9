/**
 * Durations given on the command line (--wait-timeout, --request-timeout), checked before
 * anything else runs. A module of its own so that checking them loads no client or waiter.
 * A duration is plain seconds (`90`, `2.5`) or a number with a unit, several summed: `500ms`,
 * `30s`, `5m`, `1h`, `1m30s`.
 */
import { UsageError } from '../core/errors.js';
import { say, type Language } from '../core/i18n.js';
import { USAGE_TEXTS } from '../core/usage-texts.js';

export const DEFAULT_WAIT_TIMEOUT_SECONDS = 300;

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/** `30s` → 30, `5m` → 300, `90` → 90; undefined for anything else. */
export function durationSeconds(text: string): number | undefined {
  const word = text.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(word)) return Number(word);
  if (!DURATION.test(word)) return undefined;
  let total = 0;
  for (const [, amount, unit] of word.matchAll(PART)) total += Number(amount) * UNIT_SECONDS[unit!]!;
  return total;
}

/** A limit in the shortest words: 86400 → `24h`, 600 → `10m`, 1 → `1s`. */
function shown(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

export function parseSeconds(raw: unknown, flag: string, { min = 1, max = 86400, language = 'en' as Language } = {}): number {
  const text = String(raw).trim();
  const value = durationSeconds(text);
  if (value === undefined || value < min || value > max) {
    throw new UsageError(say(language, USAGE_TEXTS.badDuration, { flag, value: text, min: shown(min), max: shown(max) }), flag);
  }
  return value;
}

export function waitTimeoutMs(raw: unknown, language: Language = 'en'): number {
  return raw === undefined
    ? DEFAULT_WAIT_TIMEOUT_SECONDS * 1000
    : parseSeconds(raw, '--wait-timeout', { min: 1, max: 86400, language }) * 1000;
}
