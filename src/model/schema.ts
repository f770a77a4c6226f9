/**
 * The zod schema of a CreateListener request, built from the field tables, with the API's
 * cross-field rules attached. `validateCreateListener` turns the first problem into a UsageError
 * whose message names the flag, the value and the rule.
 */
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import {
  CREATE_LISTENER_FIELDS,
  NESTED_FIELDS,
  type CreateListenerRequest,
  fieldByApi,
  flagLabel,
  type FieldSpec,
  type NestedTypeName,
} from './fields.js';
import { createListenerViolations } from './rules.js';
import { closestName } from './suggest.js';

function integerSchema(spec: FieldSpec) {
  return z
    .number()
    .int()
    .refine((v) => spec.special?.includes(v) || ((spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max)));
}

function stringSchema(spec: FieldSpec) {
  let schema = z.string();
  if (spec.minLength !== undefined) schema = schema.min(spec.minLength);
  if (spec.maxLength !== undefined) schema = schema.max(spec.maxLength);
  if (spec.pattern) schema = schema.regex(spec.pattern.regex);
  return schema;
}

/** One strict object per table: unknown keys are refused, optional fields may be left out. */
function objectSchema(specs: readonly FieldSpec[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of specs) shape[spec.api] = spec.required ? fieldSchema(spec) : fieldSchema(spec).optional();
  return z.strictObject(shape);
}

function nestedSchema(name: NestedTypeName): z.ZodType {
  return objectSchema(NESTED_FIELDS[name]);
}

function fieldSchema(spec: FieldSpec): z.ZodType {
  switch (spec.kind) {
    case 'integer':
      return integerSchema(spec);
    case 'switch':
      return z.union([z.literal(0), z.literal(1)]);
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(spec.values as [string, ...string[]]);
    case 'string':
      return stringSchema(spec);
    case 'integer-list':
      return z.array(integerSchema(spec)).min(1);
    case 'string-list':
      return z.array(stringSchema(spec)).min(1);
    case 'object':
      // CertList is the one nested array of objects.
      return spec.api === 'CertList' ? z.array(nestedSchema(spec.nested!)).min(1) : nestedSchema(spec.nested!);
  }
}

export const createListenerSchema = objectSchema(CREATE_LISTENER_FIELDS).superRefine((request, ctx) => {
  for (const violation of createListenerViolations(request as unknown as CreateListenerRequest)) {
    ctx.addIssue({ code: 'custom', path: violation.path, message: violation.message, params: { crossField: true, hint: violation.hint } });
  }
});

/** The request types come from the field tables, so they cannot drift from them. */
export type { CertificateInput, CertInfo, CreateListenerRequest, HealthCheck, MultiCertInfo } from './fields.js';

/** The spec at a path such as ['HealthCheck', 'TimeOut'] or ['MultiCertInfo', 'CertList', 0, 'CertId']. */
function specAt(path: readonly PropertyKey[]): FieldSpec | undefined {
  let specs: readonly FieldSpec[] = CREATE_LISTENER_FIELDS;
  let found: FieldSpec | undefined;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    found = specs.find((s) => s.api === key);
    if (!found) return undefined;
    specs = found.nested ? NESTED_FIELDS[found.nested] : [];
  }
  return found;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** The rule a field's value must follow, in words. */
export function describeRule(spec: FieldSpec): string {
  const range = `${spec.min} to ${spec.max}${spec.special?.length ? ` (or ${spec.special.join(', ')})` : ''}`;
  switch (spec.kind) {
    case 'integer':
      return `must be an integer from ${range}`;
    case 'integer-list':
      return `each must be an integer from ${range}`;
    case 'switch':
      return 'must be 0 (off) or 1 (on)';
    case 'boolean':
      return 'must be true or false';
    case 'enum':
      return `must be one of ${spec.values!.join(', ')}`;
    case 'string':
    case 'string-list': {
      if (spec.pattern) return `must ${spec.pattern.description}`;
      const length = spec.maxLength !== undefined ? `${spec.minLength ?? 0}-${spec.maxLength} characters` : 'a non-empty string';
      return spec.kind === 'string' ? `must be ${length}` : `each must be ${length}`;
    }
    case 'object':
      return `must be an object with the keys ${NESTED_FIELDS[spec.nested!].map((f) => f.api).join(', ')}`;
  }
}

function show(value: unknown, spec?: FieldSpec): string {
  if (value === undefined) return '';
  if (spec?.secret) return ' <redacted>';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return ` ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

/** What superRefine attached to a cross-field rule's issue. */
function crossFieldParams(issue: z.core.$ZodIssue): { crossField?: boolean; hint?: string } | undefined {
  return (issue as { params?: { crossField?: boolean; hint?: string } }).params;
}

/** zod's first issue, in this tool's words. */
function usageErrorFor(issue: z.core.$ZodIssue, input: unknown): UsageError {
  const path = issue.path;
  const label = flagLabel(path as (string | number)[]);
  const params = crossFieldParams(issue);
  if (issue.code === 'custom' && params?.crossField) {
    return new UsageError(issue.message, label, params.hint ? { hint: params.hint } : undefined);
  }
  if (issue.code === 'unrecognized_keys') {
    const parent = specAt(path);
    const known = (parent?.nested ? NESTED_FIELDS[parent.nested] : CREATE_LISTENER_FIELDS).map((f) => f.api);
    const where = path.length ? `${label}: ` : '';
    const suggestion = closestName(issue.keys[0]!, known);
    return new UsageError(
      `${where}unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      label,
      { hint: `valid fields: ${known.join(', ')}` },
    );
  }
  // For an element of a list, the rule is the list's.
  const fieldPath = path.filter((p) => typeof p === 'string');
  const spec = specAt(fieldPath);
  const value = valueAt(input, path);
  if (!spec) return new UsageError(`${label}: ${issue.message}`, label);
  if (value === undefined && spec.required) {
    const top = fieldByApi(spec.api);
    const alias = top?.aliases?.[0] ? ` (or --${top.aliases[0]})` : '';
    const example = top?.aliases?.[0]
      ? `, e.g. --${top.aliases[0]} ${String(spec.example)}`
      : spec.kind === 'enum'
        ? `: ${spec.values!.join(', ')}`
        : '';
    return new UsageError(`${label}${alias} is required`, label, { hint: `${spec.help}${example}` });
  }
  if (Array.isArray(value) && value.length === 0) return new UsageError(`${label} must not be empty`, label);
  return new UsageError(`${label}${show(value, spec)}: ${describeRule(spec)}`, label);
}

/** Validates a request already in API shape; returns it typed, or throws the first problem. */
export function validateCreateListener(input: unknown): CreateListenerRequest {
  const parsed = createListenerSchema.safeParse(input);
  if (parsed.success) return parsed.data as unknown as CreateListenerRequest;
  // Unknown fields first (a typo like "Port" explains a missing "Ports"), then field-level problems;
  // cross-field rules last: a rule over a malformed field helps nobody.
  const rank = (issue: z.core.$ZodIssue) => (issue.code === 'unrecognized_keys' ? 0 : crossFieldParams(issue)?.crossField ? 2 : 1);
  const issues = [...parsed.error.issues].sort((a, b) => rank(a) - rank(b));
  throw usageErrorFor(issues[0]!, input);
}
