/**
 * How credentials are shown when they have to be shown at all (`configure list/get`, `whoami`,
 * prompt defaults). Two rules, because the two kinds of value differ:
 *
 * - an identifier (the SecretId) is not a secret: its first and last four characters tell two
 *   keys apart, as in the console;
 * - a secret (the SecretKey, a session token) shows only its last four characters, enough to
 *   check which one is stored, and nothing of its start.
 */

/** Below this length even four characters would reveal too much of the value. */
const MIN_PARTIAL_LENGTH = 12;
const STARS = '****';

/** `AKID****wxyz`: for the SecretId. */
export function maskIdentifier(value: string | undefined): string {
  if (!value) return '';
  if (value.length < MIN_PARTIAL_LENGTH) return STARS;
  return `${value.slice(0, 4)}${STARS}${value.slice(-4)}`;
}

/** `****wxyz`: for the SecretKey and the session token. */
export function maskSecret(value: string | undefined): string {
  if (!value) return '';
  if (value.length < MIN_PARTIAL_LENGTH) return STARS;
  return `${STARS}${value.slice(-4)}`;
}

export type MaskKind = 'identifier' | 'secret';

export function maskAs(kind: MaskKind, value: string | undefined): string {
  return kind === 'secret' ? maskSecret(value) : maskIdentifier(value);
}
