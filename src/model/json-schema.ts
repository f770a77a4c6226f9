/**
 * The JSON Schema of an `apply` file, generated from the field table (names, types, enums,
 * nesting, help) and the rule table's ranges and lengths, so editors can complete and check
 * listener files (`# yaml-language-server: $schema=…`). The rules across fields (which protocol a
 * field applies to…) stay the model's, checked by `apply` itself.
 */
import { CREATE_LISTENER_FIELDS, NESTED_FIELDS, type FieldSpec, type TopLevelField } from './fields.js';
import { TARGET_FIELDS } from './target-fields.js';
import { RULES } from './rules.js';
import { RULE_INPUT_FIELDS } from './rule-fields.js';

type Schema = Record<string, unknown>;

/** The bounds the rule table gives a field (`HealthCheck.TimeOut`, `Ports[]`), as JSON Schema keywords. */
function bounds(path: string, kind: 'range' | 'length'): Schema {
  const rule = RULES.find((r) => r.bounds?.kind === kind && r.fields.length === 1 && r.fields[0] === path);
  const b = rule?.bounds;
  if (!b) return {};
  if (kind === 'length') return { ...(b.min ? { minLength: b.min } : {}), ...(b.max !== undefined ? { maxLength: b.max } : {}) };
  const span: Schema = { ...(b.min !== undefined ? { minimum: b.min } : {}), ...(b.max !== undefined ? { maximum: b.max } : {}) };
  return b.also?.length ? { anyOf: [span, { enum: [...b.also] }] } : span;
}

function integer(path: string): Schema {
  return { type: 'integer', ...bounds(path, 'range') };
}

function string(path: string): Schema {
  return { type: 'string', ...bounds(path, 'length') };
}

function enumeration(spec: FieldSpec): Schema {
  const values = [...(spec.values ?? [])];
  if (!spec.upperCase) return { type: 'string', enum: values };
  // Upper-case enums are matched in any case, as `create` does (`tcp` is sent as `TCP`).
  const anyCase = (value: string) =>
    [...value]
      .map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))
      .join('');
  return { type: 'string', examples: values, pattern: `^(${values.map(anyCase).join('|')})$` };
}

function objectOf(specs: readonly FieldSpec[], prefix: string): Schema {
  const properties: Record<string, Schema> = {};
  for (const spec of specs) properties[spec.api] = fieldSchema(spec, `${prefix}${spec.api}`);
  const required = specs.filter((s) => s.required).map((s) => s.api);
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

/** `path` is the field's place in the rule table's terms: `HealthCheck.TimeOut`, `MultiCertInfo.CertList`. */
function fieldSchema(spec: FieldSpec, path: string): Schema {
  const described = (schema: Schema): Schema => ({ description: spec.help, ...schema });
  switch (spec.kind) {
    case 'integer':
      return described(integer(path));
    case 'switch':
      return described({ type: 'integer', enum: [0, 1] });
    case 'boolean':
      return described({ type: 'boolean' });
    case 'enum':
      return described(enumeration(spec));
    case 'string':
      return described(string(path));
    case 'integer-list':
      return described({ type: 'array', items: integer(`${path}[]`), minItems: 1 });
    case 'string-list':
      return described({ type: 'array', items: string(`${path}[]`), minItems: 1 });
    case 'object': {
      const list = spec.api === 'CertList';
      const nested = objectOf(NESTED_FIELDS[spec.nested!], `${path}${list ? '[]' : ''}.`);
      return described(list ? { type: 'array', items: nested, minItems: 1 } : nested);
    }
  }
}

/** `Targets:` of an entry: the targets a TCP/UDP/TCP_SSL/QUIC listener converges to (docs/api/targets.md). */
function targetsSchema(): Schema {
  const properties: Record<string, Schema> = {};
  for (const spec of TARGET_FIELDS) {
    properties[spec.api] = {
      description: spec.help,
      ...(spec.kind === 'integer' ? { type: 'integer' } : { type: 'string' }),
      ...(spec.api === 'Port' ? { minimum: 1, maximum: 65535 } : {}),
      ...(spec.api === 'Weight' ? { minimum: 0, maximum: 100 } : {}),
    };
  }
  return {
    type: 'array',
    description: 'the targets of this TCP/UDP/TCP_SSL/QUIC listener (RegisterTargets); with --prune, bound targets not listed are unbound',
    items: {
      type: 'object',
      properties,
      required: ['Port'],
      additionalProperties: false,
      oneOf: [{ required: ['InstanceId'] }, { required: ['EniIp'] }],
    },
  };
}

/** One entry of `listeners`: CreateListener's fields, with `Port`/`ListenerName` as one-listener shorthands. */
function entrySchema(): Schema {
  const properties: Record<string, Schema> = {};
  for (const spec of CREATE_LISTENER_FIELDS as readonly TopLevelField[]) {
    properties[spec.api] = fieldSchema(spec, spec.api);
    if (spec.api === 'Ports') properties.Port = { description: 'one listener port (instead of Ports)', ...integer('Ports[]') };
    if (spec.api === 'ListenerNames') {
      properties.ListenerName = {
        description: 'the name of the one listener of Port (instead of ListenerNames)',
        ...string('ListenerNames[]'),
      };
    }
  }
  // Forwarding rules of an HTTP/HTTPS listener (docs/api/rules.md); their limits are checked by `apply`.
  properties.Rules = {
    description:
      'forwarding rules of an HTTP/HTTPS listener (RuleInput), known by Domain (or Domains) and Url; with --prune, the rules of this listener not listed here are deleted when the listener is inside the prune: scope',
    type: 'array',
    items: { ...objectOf(RULE_INPUT_FIELDS, 'Rules[].'), not: { required: ['Domain', 'Domains'] } },
  };
  properties.Targets = targetsSchema();
  const required = CREATE_LISTENER_FIELDS.filter((s) => s.required && s.api !== 'Ports').map((s) => s.api);
  return {
    type: 'object',
    description: 'a CreateListener request body (API field names); one listener per port',
    properties,
    required,
    additionalProperties: false,
    oneOf: [{ required: ['Port'] }, { required: ['Ports'] }],
    not: { required: ['ListenerName', 'ListenerNames'] },
  };
}

/** The `prune:` block (src/model/prune-scope.ts): what the file owns, so all `--prune` may delete. */
function pruneSchema(): Schema {
  return {
    type: 'object',
    description:
      'what this file owns: with --prune, only listeners it does not describe that are inside this scope are deleted (every criterion given must hold). Listeners named TKE-… or k8s-… (controllers) are kept unless a names glob starting with that mark names them. Forwarding rules are deleted only on listeners whose entry gives Rules: and that are inside this scope, by the same criteria.',
    properties: {
      names: {
        type: 'array',
        description: 'globs on ListenerName (* any characters, ? one character; case matters)',
        items: { type: 'string', minLength: 1 },
        minItems: 1,
      },
      ports: {
        type: 'array',
        description: 'ports and port ranges ("8000-8999"); a port-range listener is inside when its whole range is',
        items: {
          anyOf: [
            { type: 'integer', minimum: 1, maximum: 65535 },
            { type: 'string', pattern: '^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$' },
          ],
        },
        minItems: 1,
      },
    },
    additionalProperties: false,
    anyOf: [{ required: ['names'] }, { required: ['ports'] }],
  };
}

export function listenerFileJsonSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'clb-listener apply file',
    description: 'Listeners as code: every listener the named load balancers should have (clb-listener apply -f FILE).',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      listeners: { type: 'array', items: { $ref: '#/$defs/listener' } },
      prune: pruneSchema(),
    },
    required: ['listeners'],
    additionalProperties: false,
    $defs: { listener: entrySchema() },
  };
}
