/**
 * How a secret is shown when it has to be shown at all (`configure list/get`, `whoami`, prompt
 * defaults): enough of each end to tell two keys apart, never enough to use one.
 */

/** Below this length, four characters at each end would reveal too much of the value. */
const MIN_PARTIAL_LENGTH = 12;

export function mask(value: string | undefined): string {
  if (!value) return '';
  if (value.length < MIN_PARTIAL_LENGTH) return '****';
  return `${value.slice(0, 4)}****${value.slice(-4)}`;
}
