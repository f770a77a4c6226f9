/**
 * The type check every request passes before any rule, with or without --no-validate: each known
 * field has its JSON type (an integer, text, true/false, a list, an object), nothing is null, and
 * no key could reach an object's prototype. Unknown fields are not refused here: the
 * `unknown-field` rule reports them (and --no-validate sends them, for fields newer than this tool).
 */
import { CREATE_LISTENER_FIELDS, NESTED_FIELDS, type FieldSpec } from './fields.js';
import type { Finding } from './rules.js';
import { show } from './rules.js';

/** Keys that would reach an object's prototype: never a field, always refused. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function problem(path: (string | number)[], message: string): Finding {
  return { rule: 'type', severity: 'refuse', always: true, path, message };
}

const KIND_WORDS: Record<FieldSpec['kind'], string> = {
  string: 'text',
  enum: 'text',
  integer: 'an integer',
  switch: 'an integer (0 or 1)',
  boolean: 'true or false',
  'integer-list': 'a list of integers',
  'string-list': 'a list of text values',
  object: 'an object',
};

function typeOk(spec: FieldSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'string':
    case 'enum':
      return typeof value === 'string';
    case 'integer':
    case 'switch':
      return Number.isSafeInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer-list':
      return Array.isArray(value) && value.every((v) => Number.isSafeInteger(v));
    case 'string-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'object':
      return spec.api === 'CertList' ? Array.isArray(value) && value.every(isRecord) : isRecord(value);
  }
}

function checkObject(value: Record<string, unknown>, specs: readonly FieldSpec[], path: (string | number)[], out: Finding[]): void {
  for (const [key, child] of Object.entries(value)) {
    const here = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      out.push(problem(here, 'is not a field of the request'));
      continue;
    }
    const spec = specs.find((s) => s.api === key);
    if (!spec) continue;
    if (child === null) {
      out.push(problem(here, 'is null: leave it out, or give it a value'));
      continue;
    }
    if (!typeOk(spec, child)) {
      const big = typeof child === 'number' && Number.isInteger(child) && !Number.isSafeInteger(child);
      out.push(problem(here, big ? `${child} is too large to send exactly` : `must be ${KIND_WORDS[spec.kind]}, got ${show(child)}`));
      continue;
    }
    if (spec.nested) {
      const nested = NESTED_FIELDS[spec.nested];
      if (Array.isArray(child))
        for (const [i, item] of child.entries()) checkObject(item as Record<string, unknown>, nested, [...here, i], out);
      else checkObject(child as Record<string, unknown>, nested, here, out);
    }
  }
}

/** Every type problem of a request body, in field order. */
export function typeProblems(body: unknown): Finding[] {
  if (!isRecord(body)) return [problem([], 'must be an object with API field names')];
  const out: Finding[] = [];
  checkObject(body, CREATE_LISTENER_FIELDS, [], out);
  return out;
}
