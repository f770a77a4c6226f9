/**
 * The forwarding rules of an apply file against the listeners' rules, as changes beside the
 * listener plan (plan.ts). Only listeners whose entry has `Rules:` are looked at; a rule is known
 * by its domains and URL. For each listener:
 * - a rule the file gives and the listener lacks: **create** (one CreateRule per listener);
 * - a rule whose rule fields differ: **update** (ModifyRule);
 * - a domain whose domain fields differ (certificate, Http2, Quic, DefaultServer): **update**
 *   (ModifyDomainAttributes, once per domain);
 * - with --prune, a rule the file does not give: **delete** (one DeleteRule per listener).
 * Pure, so `--plan` shows exactly what `apply` then sends.
 */
import type { DesiredListener } from '../../../model/listener-file.js';
import { ruleDomains, type RuleInput } from '../../../model/rule-fields.js';
import {
  type CurrentRule,
  currentDomains,
  DOMAIN_FIELDS,
  domainChanges,
  fieldChanges,
  FIXED_FIELDS,
  type RuleFieldChange,
  ruleChanges,
  sameRule,
} from '../../rule-diff.js';
import type { Plan, PlanItem, ReportedByLb } from './plan.js';

export type RuleChangeKind = 'create' | 'modify-rule' | 'modify-domain' | 'delete' | 'conflict';

export interface RuleChange {
  kind: RuleChangeKind;
  /** The listener plan item the rule belongs to (its listener may be created in the same run). */
  item: PlanItem;
  loadBalancerId: string;
  /** The listener now; null when it is to be created first. */
  listenerId: string | null;
  domain: string;
  domains: string[];
  url: string | null;
  locationId: string | null;
  /** Field by field, for the plan. */
  fields: RuleFieldChange[];
  /** create: the rule; modify-rule and modify-domain: the fields to send. */
  body: Record<string, unknown>;
  /** conflict: why. */
  reason: string | null;
}

function desiredFor(item: PlanItem, desired: readonly DesiredListener[]): DesiredListener | undefined {
  return desired.find(
    (d) => d.where === item.where && d.request.LoadBalancerId === item.loadBalancerId && d.request.Ports[0] === item.port,
  );
}

function reportedRules(item: PlanItem, reported: ReportedByLb): CurrentRule[] {
  if (!item.listenerId) return [];
  const listener = (reported.get(item.loadBalancerId) ?? []).find((l) => l.ListenerId === item.listenerId) as
    | { Rules?: CurrentRule[] | null }
    | undefined;
  return listener?.Rules ?? [];
}

function planListener(item: PlanItem, rules: readonly RuleInput[], current: readonly CurrentRule[], prune: boolean): RuleChange[] {
  const base = { item, loadBalancerId: item.loadBalancerId, listenerId: item.listenerId, reason: null };
  const out: RuleChange[] = [];
  const matched = new Set<CurrentRule>();
  const domainsDone = new Set<string>();
  for (const rule of rules) {
    const domains = ruleDomains(rule);
    const wanted = rule as unknown as Record<string, unknown>;
    const there = current.find((r) => sameRule(r, rule));
    const who = { domain: domains[0] ?? '', domains, url: rule.Url };
    if (!there) {
      out.push({
        ...base,
        ...who,
        kind: 'create',
        locationId: null,
        fields: [],
        body: wanted,
      });
      continue;
    }
    matched.add(there);
    const fixed = Object.keys(wanted).filter((k) => FIXED_FIELDS.has(k) && JSON.stringify(there[k]) !== JSON.stringify(wanted[k]));
    if (fixed.length > 0) {
      out.push({
        ...base,
        ...who,
        kind: 'conflict',
        locationId: there.LocationId,
        fields: fixed.map((k) => ({ path: k, old: there[k] ?? null, new: wanted[k] })),
        body: {},
        reason: `${fixed.join(', ')} cannot be changed by ModifyRule: delete rule ${there.LocationId} and create it again`,
      });
    }
    const perRule = ruleChanges(there, wanted);
    if (Object.keys(perRule).length > 0) {
      out.push({
        ...base,
        ...who,
        kind: 'modify-rule',
        locationId: there.LocationId,
        fields: Object.entries(perRule).flatMap(([k, v]) => fieldChanges(there[k], v, k)),
        body: perRule,
      });
    }
    const domainKey = [...currentDomains(there)].sort().join(',');
    if (domainsDone.has(domainKey)) continue;
    // Uploaded certificates cannot be compared: one already there is kept (docs/apply.md).
    const perDomain = domainChanges(there, wanted, { uploads: 'keep' });
    if (Object.keys(perDomain).length > 0) {
      domainsDone.add(domainKey);
      out.push({
        ...base,
        ...who,
        kind: 'modify-domain',
        url: null,
        locationId: there.LocationId,
        fields: Object.entries(perDomain).map(([k, v]) => ({
          path: k,
          old:
            k === 'Quic'
              ? there.QuicStatus === 'QUIC_ACTIVE'
              : k === 'Certificate'
                ? ((there.Certificate as { CertId?: unknown } | null)?.CertId ?? null)
                : (there[k] ?? null),
          new: k === 'Certificate' ? ((v as { CertId?: unknown }).CertId ?? '(upload)') : v,
        })),
        body: perDomain,
      });
    }
  }
  if (prune) {
    for (const rule of current) {
      if (matched.has(rule)) continue;
      const domains = currentDomains(rule);
      out.push({
        ...base,
        kind: 'delete',
        domain: domains[0] ?? '',
        domains,
        url: rule.Url ?? null,
        locationId: rule.LocationId,
        fields: [],
        body: {},
      });
    }
  }
  return out;
}

/** Every rule change of the file, listener by listener, in file order. */
export function planRules(
  plan: Plan,
  desired: readonly DesiredListener[],
  reported: ReportedByLb,
  options: { prune: boolean },
): RuleChange[] {
  const out: RuleChange[] = [];
  for (const item of plan.items) {
    if (item.action !== 'create' && item.action !== 'update' && item.action !== 'unchanged') continue;
    const wanted = desiredFor(item, desired);
    if (!wanted?.rules) continue;
    out.push(...planListener(item, wanted.rules, reportedRules(item, reported), options.prune));
  }
  return out;
}

export const RULE_DOMAIN_FIELDS = DOMAIN_FIELDS;

/** Whether any rule change would send a request (conflicts send nothing). */
export function hasRuleChanges(changes: readonly RuleChange[]): boolean {
  return changes.some((c) => c.kind !== 'conflict');
}
