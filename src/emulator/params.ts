/**
 * Parameter shapes: which names an action accepts and the JSON type of each. Checking the shape
 * first gives the two codes the real API uses for malformed input — `UnknownParameter` for a
 * name it does not define, `InvalidParameter.FormatError` for a value of the wrong JSON type —
 * so the per-action rules can assume well-typed values. Strict on purpose: `"80"` is not an
 * integer and `1` is not a boolean, which is what catches a client that serialises carelessly.
 */
import { fault } from './api-error.js';
import { isPlainObject } from '../core/json.js';

export type FieldType = 'string' | 'integer' | 'boolean' | 'any' | { array: FieldType } | { object: Shape };
export type Shape = Readonly<Record<string, FieldType>>;

function describe(type: FieldType): string {
  if (typeof type === 'string') return type === 'any' ? 'a value' : `${type === 'integer' ? 'an' : 'a'} ${type}`;
  return 'array' in type ? 'an array' : 'an object';
}

function checkValue(value: unknown, type: FieldType, path: string): void {
  // The SDKs strip nulls before sending, so a null can only come from a client bug.
  const ok =
    type === 'any'
      ? value !== null
      : type === 'string'
        ? typeof value === 'string'
        : type === 'integer'
          ? typeof value === 'number' && Number.isInteger(value)
          : type === 'boolean'
            ? typeof value === 'boolean'
            : 'array' in type
              ? Array.isArray(value)
              : isPlainObject(value);
  if (!ok) throw fault.format(path, describe(type));
  if (typeof type === 'object' && 'array' in type) {
    for (const [i, item] of (value as unknown[]).entries()) checkValue(item, type.array, `${path}.${i}`);
  } else if (typeof type === 'object') {
    checkObject(value as Record<string, unknown>, type.object, `${path}.`);
  }
}

function checkObject(value: Record<string, unknown>, shape: Shape, prefix: string): void {
  for (const [key, item] of Object.entries(value)) {
    const type = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!type) throw fault.unknown(`${prefix}${key}`);
    checkValue(item, type, `${prefix}${key}`);
  }
}

/** Throws UnknownParameter or InvalidParameter.FormatError; returns the body typed as `T`. */
export function checkShape<T>(body: Record<string, unknown>, shape: Shape): T {
  checkObject(body, shape, '');
  return body as T;
}

/** MissingParameter for the first of `names` absent from `value`. */
export function requireFields(value: Record<string, unknown>, names: readonly string[], prefix = ''): void {
  for (const name of names) if (value[name] === undefined) throw fault.missing(`${prefix}${name}`);
}
