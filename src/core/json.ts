/** Small JSON helpers shared by the profile files and the emulator's request bodies. */

/** A JSON object: not null, not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a body that must be a JSON object; an empty body reads as `{}`. The caller says what
 * to throw, so each keeps its own error type and words.
 */
export function parseJsonObject(text: string, errors: { invalid: () => Error; notObject: () => Error }): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.invalid();
  }
  if (!isPlainObject(parsed)) throw errors.notObject();
  return parsed;
}
