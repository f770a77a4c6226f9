/**
 * How a rule as asked for differs from the rule on the listener, split the way the API changes
 * them: rule fields (ModifyRule) and domain fields (ModifyDomainAttributes, shared by every rule
 * of the domain). Shared by `rule modify` and `apply`; pure.
 */
import { RULE_INPUT_FIELDS, ruleDomains } from '../model/rule-fields.js';
import type { ExistingRule } from '../model/rule-rules.js';

export type CurrentRule = ExistingRule & Record<string, unknown>;

export const DOMAIN_FIELDS: ReadonlySet<string> = new Set(RULE_INPUT_FIELDS.filter((f) => f.level === 'domain').map((f) => f.api));
export const RULE_FIELDS: ReadonlySet<string> = new Set(RULE_INPUT_FIELDS.filter((f) => f.level === 'rule').map((f) => f.api));
/** Rule fields ModifyRule does not take: changing one means deleting the rule and creating it again. */
export const FIXED_FIELDS: ReadonlySet<string> = new Set(['TargetType']);

/** One field that differs, for plans: `HealthCheck.HttpCheckPath "/" → "/healthz"`. */
export interface RuleFieldChange {
  path: string;
  old: unknown;
  new: unknown;
}

/** Whether every field `wanted` gives already has that value in `current` (objects compared field by field). */
export function alreadyHas(current: unknown, wanted: unknown): boolean {
  if (wanted && typeof wanted === 'object' && !Array.isArray(wanted)) {
    const have = current && typeof current === 'object' ? (current as Record<string, unknown>) : {};
    return Object.entries(wanted).every(([k, v]) => alreadyHas(have[k], v));
  }
  return JSON.stringify(current) === JSON.stringify(wanted);
}

/** The leaves of `wanted` that differ from `current`, as paths. */
export function fieldChanges(current: unknown, wanted: unknown, path: string): RuleFieldChange[] {
  if (wanted && typeof wanted === 'object' && !Array.isArray(wanted)) {
    const have = current && typeof current === 'object' ? (current as Record<string, unknown>) : {};
    return Object.entries(wanted).flatMap(([k, v]) => fieldChanges(have[k], v, `${path}.${k}`));
  }
  return JSON.stringify(current) === JSON.stringify(wanted) ? [] : [{ path, old: current ?? null, new: wanted }];
}

/**
 * The domain-level fields of `wanted` that differ from the domain's current rule. An uploaded
 * certificate (no CertId) cannot be compared with the one there: `uploads: 'change'` (rule modify:
 * the person asks for it now) sends it, `uploads: 'keep'` (apply: a file applied again) keeps the
 * one there when the domain has a certificate.
 */
export function domainChanges(
  current: CurrentRule,
  wanted: Record<string, unknown>,
  options: { uploads: 'change' | 'keep' } = { uploads: 'change' },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (!DOMAIN_FIELDS.has(key)) continue;
    if (key === 'Quic') {
      if ((current.QuicStatus === 'QUIC_ACTIVE') !== value) out.Quic = value;
    } else if (key === 'Certificate') {
      const cert = value as Record<string, unknown>;
      const have = (current.Certificate ?? {}) as Record<string, unknown>;
      // A certificate given by id is the same when the id (and mode) are; an upload is always new.
      const mode = (c: Record<string, unknown>) => c.SSLMode ?? 'UNIDIRECTIONAL';
      const kept = cert.CertId === undefined && options.uploads === 'keep' && have.CertId !== undefined && have.CertId !== null;
      const same = cert.CertId !== undefined && cert.CertId === have.CertId && mode(cert) === mode(have);
      if (!same && !kept) out.Certificate = value;
    } else if (key === 'MultiCertInfo') {
      if (!(options.uploads === 'keep' && current.Certificate)) out.MultiCertInfo = value;
    } else if ((current[key] ?? false) !== value) out[key] = value;
  }
  return out;
}

/** The rule-level fields of `wanted` that differ from `current` (FIXED_FIELDS left out). */
export function ruleChanges(current: CurrentRule, wanted: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (RULE_FIELDS.has(key) && !FIXED_FIELDS.has(key) && !alreadyHas(current[key], value)) out[key] = value;
  }
  return out;
}

/** The domains of a rule the API reported. */
export function currentDomains(rule: ExistingRule): string[] {
  return ruleDomains({ Domain: rule.Domain ?? undefined, Domains: rule.Domains ?? undefined });
}

/** Whether a reported rule is the one asked for: the same domains and URL. */
export function sameRule(current: ExistingRule, wanted: { Domain?: unknown; Domains?: unknown; Url?: unknown }): boolean {
  const a = [...currentDomains(current)].sort();
  const b = [...ruleDomains(wanted)].sort();
  return current.Url === wanted.Url && a.length === b.length && a.every((d, i) => d === b[i]);
}
