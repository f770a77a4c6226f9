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
  if (FLAT_BODIES.has(body)) coerceObject(body, shape);
  checkObject(body, shape, '');
  return body as T;
}

// ---- flattened parameters (GET query strings, form bodies) -------------------------------

/**
 * Bodies decoded from `Ports.0=80&HealthCheck.HealthSwitch=1`: every value arrived as a string,
 * so `checkShape` first turns them into the types the action's shape names (the real API does
 * the same from its own schema). JSON bodies are never coerced.
 */
const FLAT_BODIES = new WeakSet<object>();
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Rebuilds nested parameters from flattened names, as the SDKs flatten them: a numeric segment
 * indexes an array (`Ports.0`), any other segment names a member (`HealthCheck.HealthSwitch`).
 * Values stay strings until `checkShape` sees the action's shape.
 */
export function unflattenParams(pairs: Iterable<readonly [string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of pairs) {
    const path = name.split('.');
    // No action has such a parameter, and assigning one would reach Object.prototype.
    if (path.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) throw fault.unknown(name);
    let node: Record<string, unknown> | unknown[] = root;
    for (const [i, segment] of path.entries()) {
      const last = i === path.length - 1;
      const key: string | number = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : segment;
      if (Array.isArray(node) && typeof key === 'string') throw fault.format(path.slice(0, i).join('.'), 'an array (numeric indexes)');
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[key] = value;
        break;
      }
      const nextIsIndex = /^\d+$/.test(path[i + 1]!);
      const existing = container[key];
      if (existing === undefined || typeof existing !== 'object' || existing === null) container[key] = nextIsIndex ? [] : {};
      node = container[key] as Record<string, unknown> | unknown[];
    }
  }
  FLAT_BODIES.add(root);
  return root;
}

function coerceValue(value: unknown, type: FieldType): unknown {
  if (typeof type === 'object' && 'array' in type) {
    // `Ports.1` without `Ports.0` leaves a hole: the list is not contiguous.
    return Array.isArray(value) ? Array.from(value, (item) => (item === undefined ? item : coerceValue(item, type.array))) : value;
  }
  if (typeof type === 'object') {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) coerceObject(value as Record<string, unknown>, type.object);
    return value;
  }
  if (typeof value !== 'string') return value;
  if (type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
  // The Node and Go SDKs write `true`, the Python SDK `True`.
  if (type === 'boolean' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

function coerceObject(value: Record<string, unknown>, shape: Shape): void {
  for (const [key, item] of Object.entries(value)) {
    const type = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (type) value[key] = coerceValue(item, type);
  }
}

/** MissingParameter for the first of `names` absent from `value`. */
export function requireFields(value: Record<string, unknown>, names: readonly string[], prefix = ''): void {
  for (const name of names) if (value[name] === undefined) throw fault.missing(`${prefix}${name}`);
}
