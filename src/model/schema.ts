/**
 * The request's zod schemas, derived from the field tables (fields.ts): one per object type
 * (CreateListener, HealthCheck, CertificateInput, MultiCertInfo, CertInfo). They are the type check
 * every request passes before any rule, with or without --no-validate:
 *
 * - each known field has the JSON type of its kind (text, an integer, true/false, a list, an object);
 * - nothing is null;
 * - no key could reach an object's prototype (`__proto__`, `constructor`, `prototype`);
 * - unknown keys pass through, for the `unknown-field` rule to report (and --no-validate to send,
 *   for fields newer than this tool).
 *
 * Everything else is a rule with a source, in rules.ts: which fields are required, enum values,
 * ranges, lengths. So every field is optional here and an enum field is any text.
 *
 * zod's issues become findings in one place (`typeProblems`), with this tool's messages and the
 * field's path. zod itself is loaded only when the schemas are first wanted (`loadRequestSchemas`,
 * awaited by the validator's `loadValidator`), so `--help` and `--version` never load it.
 *
 * The editor's JSON Schema of apply files (json-schema.ts) is not generated from these with
 * `z.toJSONSchema()`: it is meant to be stricter (required fields, enum values, the rule table's
 * ranges and lengths, no unknown keys, apply's Port/ListenerName shorthands), all of which these
 * schemas leave to the rules, and generating it would load zod for `apply --schema`. Both come
 * from the field table. The skeleton is the table's examples, not types.
 */
import type * as z from 'zod/mini';
import {
  CREATE_LISTENER_FIELDS,
  type FieldKind,
  type FieldSpec,
  NESTED_FIELDS,
  type NESTED_FIELD_TABLES,
  type NestedTypeName,
  type TOP_LEVEL_FIELD_TABLE,
} from './fields.js';
import { type Path, valueAt } from './paths.js';
import { type Finding, show } from './rules.js';
import { type Message, message, render, type Text } from '../core/i18n.js';
import { INPUT } from './input.messages.js';

/** The zod builders (zod.ts), loaded with zod. */
type Builders = typeof import('./zod.js');

/** Keys that would reach an object's prototype: never a field, always refused. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Marks the issues of the prototype-key check among zod's own. */
const PROTOTYPE_KEY = 'prototypeKey';

// ---- the schemas' types, derived from the literal tables as `build` derives the schemas ----------

/** The zod schema of one field, by its kind. */
type KindSchema<S> = S extends { kind: 'object'; nested: infer N extends NestedTypeName; api: 'CertList' }
  ? z.ZodMiniArray<ObjectSchema<NESTED_FIELD_TABLES[N]>>
  : S extends { kind: 'object'; nested: infer N extends NestedTypeName }
    ? ObjectSchema<NESTED_FIELD_TABLES[N]>
    : S extends { kind: 'string' | 'enum' }
      ? z.ZodMiniString<string>
      : S extends { kind: 'integer' | 'switch' }
        ? z.ZodMiniInt
        : S extends { kind: 'boolean' }
          ? z.ZodMiniBoolean<boolean>
          : S extends { kind: 'integer-list' }
            ? z.ZodMiniArray<z.ZodMiniInt>
            : S extends { kind: 'string-list' }
              ? z.ZodMiniArray<z.ZodMiniString<string>>
              : never;

/** One object type: every field of the table, optional; other keys pass; prototype keys refused. */
export type ObjectSchema<F extends readonly FieldSpec[]> = z.ZodMiniIntersection<
  z.ZodMiniObject<{ [S in F[number] as S['api']]: z.ZodMiniOptional<KindSchema<S>> }, z.core.$loose>,
  z.ZodMiniUnknown
>;

export type RequestSchemas = { CreateListener: ObjectSchema<TOP_LEVEL_FIELD_TABLE> } & {
  [N in NestedTypeName]: ObjectSchema<NESTED_FIELD_TABLES[N]>;
};

// ---- the schemas ------------------------------------------------------------------------------

function build(zod: Builders): RequestSchemas {
  const { array, boolean, config, int, intersection, looseObject, optional, string, superRefine, unknown } = zod;
  // Interpreted, not compiled into a specialised function on first use: that pays only over many
  // parses, and a run makes one (or one per answer with create -i).
  config({ jitless: true });

  // zod leaves an own `__proto__` key out of what it parses (it would replace the result's
  // prototype), so keys are checked on the input itself, beside the object's shape.
  const noPrototypeKeys = unknown().check(
    superRefine((value, ctx) => {
      if (!isRecord(value)) return;
      for (const key of Object.keys(value)) {
        if (PROTOTYPE_KEYS.has(key)) ctx.addIssue({ code: 'custom', path: [key], input: value[key], params: { [PROTOTYPE_KEY]: true } });
      }
    }),
  );

  const nested = new Map<NestedTypeName, z.ZodMiniType>();
  const nestedSchema = (name: NestedTypeName): z.ZodMiniType => {
    let schema = nested.get(name);
    if (!schema) {
      schema = objectSchema(NESTED_FIELDS[name]);
      nested.set(name, schema);
    }
    return schema;
  };

  function kindSchema(spec: FieldSpec): z.ZodMiniType {
    switch (spec.kind) {
      case 'string':
      case 'enum':
        // Enum values are a rule (`enum-values`): a value newer than this tool is still text.
        return string();
      case 'integer':
      case 'switch':
        // Safe integers only: a larger one would not be sent exactly.
        return int();
      case 'boolean':
        return boolean();
      case 'integer-list':
        return array(int());
      case 'string-list':
        return array(string());
      case 'object':
        // CertList is the one nested list of objects.
        return spec.api === 'CertList' ? array(nestedSchema(spec.nested!)) : nestedSchema(spec.nested!);
    }
  }

  function objectSchema(table: readonly FieldSpec[]): z.ZodMiniType {
    const shape = Object.fromEntries(table.map((spec) => [spec.api, optional(kindSchema(spec))]));
    return intersection(looseObject(shape), noPrototypeKeys);
  }

  // The types above say what each schema is; the table entries' kinds decide both.
  return {
    CreateListener: objectSchema(CREATE_LISTENER_FIELDS),
    HealthCheck: nestedSchema('HealthCheck'),
    CertificateInput: nestedSchema('CertificateInput'),
    MultiCertInfo: nestedSchema('MultiCertInfo'),
    CertInfo: nestedSchema('CertInfo'),
  } as unknown as RequestSchemas;
}

let loaded: RequestSchemas | undefined;

/** Each object type of the request as a zod schema, built from its table; loads zod the first time. */
export async function loadRequestSchemas(): Promise<RequestSchemas> {
  loaded ??= build(await import('./zod.js'));
  return loaded;
}

// ---- zod's issues as findings -------------------------------------------------------------------

const KIND_WORDS: Record<FieldKind, Text> = {
  string: INPUT.kindText,
  enum: INPUT.kindText,
  integer: INPUT.kindInteger,
  switch: INPUT.kindSwitch,
  boolean: INPUT.kindBoolean,
  'integer-list': INPUT.kindIntegerList,
  'string-list': INPUT.kindStringList,
  object: INPUT.kindObject,
};

function problem(path: Path, text: Message): Finding {
  return { rule: 'type', severity: 'refuse', always: true, path, message: render('en', text), text };
}

/**
 * The field an issue is about, and its path: `['HealthCheck', 'TimeOut']`,
 * `['MultiCertInfo', 'CertList', 1, 'CertKey']`. An element of a list is reported as the list
 * (`Ports`), and so is an entry of CertList that is not an object.
 */
function fieldOf(issuePath: readonly PropertyKey[]): { path: (string | number)[]; spec: FieldSpec | undefined } {
  const path: (string | number)[] = [];
  let specs: readonly FieldSpec[] = CREATE_LISTENER_FIELDS;
  let spec: FieldSpec | undefined;
  for (const [i, key] of issuePath.entries()) {
    if (typeof key === 'number') {
      if (spec?.api === 'CertList' && i < issuePath.length - 1) {
        path.push(key);
        continue;
      }
      break;
    }
    if (typeof key !== 'string') break;
    const next = specs.find((s) => s.api === key);
    if (!next) break;
    spec = next;
    path.push(key);
    specs = next.nested ? NESTED_FIELDS[next.nested] : [];
  }
  return { path, spec };
}

/** A value quoted back; `show` never quotes private-key material, wherever it nests. */
const quote = show;

function findingFor(issue: z.core.$ZodIssue, body: unknown): Finding {
  const issuePath = issue.path as (string | number)[];
  if (issue.code === 'custom' && issue.params?.[PROTOTYPE_KEY]) return problem(issuePath, message(INPUT.notAField));
  if (issuePath.length === 0) return problem([], message(INPUT.notAnObject));
  const { path, spec } = fieldOf(issuePath);
  if (!spec) return problem(issuePath, message(INPUT.wrongType));
  const value = valueAt(body, path);
  if (value === null) return problem(path, message(INPUT.isNull));
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value))
    return problem(path, message(INPUT.valueTooLarge, { value }));
  const kind = spec.api === 'CertList' ? INPUT.kindObjectList : KIND_WORDS[spec.kind];
  return problem(path, message(INPUT.mustBe, { kind, value: quote(value) }));
}

/** Every type problem of a request body, one per field, in the table's order. */
export function typeProblems(schemas: RequestSchemas, body: unknown): Finding[] {
  const result = schemas.CreateListener.safeParse(body);
  if (result.success) return [];
  const found = new Map<string, Finding>();
  for (const issue of result.error.issues) {
    const finding = findingFor(issue, body);
    const key = JSON.stringify(finding.path);
    if (!found.has(key)) found.set(key, finding);
  }
  return [...found.values()];
}
