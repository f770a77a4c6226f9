/**
 * A forwarding rule of an HTTP/HTTPS listener (the API's RuleInput) as data, in the style of the
 * CreateListener field table (fields.ts): one entry per field the CLI takes, with its kind and
 * nested type. The `--rule` parser, the type check, the skeleton, the completions and the apply
 * file's `Rules:` entries derive from it. What values a field may take is in rule-rules.ts,
 * each limit with its source (docs/api/rules.md).
 *
 * A rule's backends (`Targets`) are not a RuleInput field: they are taken out before a rule is
 * checked (target-input.ts) and bound once the rule exists (RegisterTargets).
 */
import type { FieldSpec, ObjectOf } from './fields.js';

export const SCHEDULERS = ['WRR', 'LEAST_CONN', 'IP_HASH'] as const;
export const FORWARD_TYPES = ['HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'TRPC'] as const;
export const RULE_TARGET_TYPES = ['NODE', 'TARGETGROUP', 'TARGETGROUP-V2'] as const;

/** Which level of CLB a field belongs to: the rule (domain + URL) or the domain, shared by all its rules. */
export type RuleFieldLevel = 'rule' | 'domain' | 'key';

export interface RuleFieldSpec extends FieldSpec {
  level: RuleFieldLevel;
}

// biome-ignore format: one field a line keeps the table readable as a table
const RULE_INPUT_TABLE = [
  { api: 'Domain', kind: 'string', level: 'key', help: 'the domain (plain, *.wildcard, or ~regex); or Domains', example: 'www.example.com' },
  { api: 'Domains', kind: 'string-list', level: 'key', help: 'several domains for one rule; or Domain', example: ['www.example.com', 'example.com'] },
  { api: 'Url', kind: 'string', required: true, level: 'key', help: 'the URL path', example: '/' },
  { api: 'SessionExpireTime', kind: 'integer', level: 'rule', help: 'session persistence in seconds (0 = off)', example: 0 },
  { api: 'HealthCheck', kind: 'object', nested: 'HealthCheck', level: 'rule', help: 'the rule\'s health check (JSON)', example: { HealthSwitch: 1, HttpCheckPath: '/health', HttpCode: 2 } },
  { api: 'Certificate', kind: 'object', nested: 'CertificateInput', level: 'domain', help: 'the domain\'s certificate (SNI listeners)', example: { SSLMode: 'UNIDIRECTIONAL', CertId: 'MsJyaXVm' } },
  { api: 'MultiCertInfo', kind: 'object', nested: 'MultiCertInfo', level: 'domain', help: 'the domain\'s certificates of several algorithms (SNI listeners)', example: { SSLMode: 'UNIDIRECTIONAL', CertList: [{ CertId: 'MsJyaXVm' }] } },
  { api: 'Scheduler', kind: 'enum', values: SCHEDULERS, upperCase: true, level: 'rule', help: 'forwarding mode', example: 'WRR' },
  { api: 'ForwardType', kind: 'enum', values: FORWARD_TYPES, upperCase: true, level: 'rule', help: 'protocol to the backends', example: 'HTTP' },
  { api: 'DefaultServer', kind: 'boolean', level: 'domain', help: 'this domain is the listener\'s default domain', example: true },
  { api: 'Http2', kind: 'boolean', level: 'domain', help: 'HTTP/2 (HTTPS domains)', example: false },
  { api: 'Quic', kind: 'boolean', level: 'domain', help: 'QUIC (HTTPS domains)', example: false },
  { api: 'TargetType', kind: 'enum', values: RULE_TARGET_TYPES, upperCase: true, level: 'rule', help: 'backend type', example: 'NODE' },
  { api: 'CookieName', kind: 'string', level: 'rule', help: 'custom cookie name for session persistence', example: 'SESSION' },
] as const satisfies readonly RuleFieldSpec[];

export const RULE_INPUT_FIELDS: readonly RuleFieldSpec[] = RULE_INPUT_TABLE;

/** One forwarding rule as sent in CreateRule's `Rules`. */
export type RuleInput = ObjectOf<typeof RULE_INPUT_TABLE>;

export function ruleFieldByApi(api: string): RuleFieldSpec | undefined {
  return RULE_INPUT_FIELDS.find((f) => f.api === api);
}

/** The domains a rule names: Domains, or Domain alone. */
export function ruleDomains(rule: { Domain?: unknown; Domains?: unknown }): string[] {
  if (Array.isArray(rule.Domains)) return rule.Domains.filter((d): d is string => typeof d === 'string');
  return typeof rule.Domain === 'string' ? [rule.Domain] : [];
}

/** The key a rule is known by on its listener: each of its domains with its URL. */
export function ruleKeys(rule: { Domain?: unknown; Domains?: unknown; Url?: unknown }): string[] {
  return ruleDomains(rule).map((d) => `${d} ${String(rule.Url)}`);
}

/** A skeleton rule: the examples of the key fields and a few common ones. */
export function ruleSkeleton(): Record<string, unknown> {
  const keep = new Set(['Domain', 'Url', 'HealthCheck', 'Certificate', 'Scheduler', 'DefaultServer', 'Http2']);
  return Object.fromEntries(RULE_INPUT_FIELDS.filter((f) => keep.has(f.api)).map((f) => [f.api, f.example]));
}
