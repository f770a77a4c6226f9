/**
 * The rules of forwarding rules (RuleInput), in the rule-table style of rules.ts: each with its
 * source (docs/api/rules.md) and a severity that follows it. They check the rules meant for one
 * listener together, since some limits are per listener (one default domain, one rule per domain
 * and URL, the rule quota).
 *
 * The request they read is `{ Protocol, SniSwitch, Rules: [...] }`; a finding's path points into
 * it (`['Rules', 1, 'Domain']`) for the edge to name in the user's words. A rule's certificate is
 * checked by the listener's own certificate rules (rules.ts), so a per-domain certificate gets
 * the same care as a listener's: the private key in its place, a key that matches, dates.
 */
import { say, type Language, type Text } from '../core/i18n.js';
import { holdsPrivateKey } from './certificates.js';
import { NESTED_FIELDS, type FieldSpec, type Protocol } from './fields.js';
import type { Path } from './paths.js';
import { FORWARD_TYPES, RULE_INPUT_FIELDS, RULE_TARGET_TYPES, ruleDomains, SCHEDULERS } from './rule-fields.js';
import { KIND_TEXTS, RULE_MESSAGES as M } from './rule-messages.js';
import { checkRules, type Finding, type Provenance, type Severity, show } from './rules.js';
import { PROTOTYPE_KEYS } from './schema.js';
import { closestName } from './suggest.js';

/** A rule already on the listener, as DescribeListeners reports it. */
export interface ExistingRule {
  LocationId: string;
  Domain?: string | null;
  Domains?: string[] | null;
  Url?: string | null;
  DefaultServer?: boolean | null;
}

export interface RuleCheckContext {
  /** The listener's protocol; undefined when unknown (then protocol rules stay quiet). */
  protocol: Protocol | undefined;
  /** The listener's SniSwitch (0 when not given). */
  sniSwitch: number;
  /** The rules asked for, as given (not yet typed). */
  rules: readonly unknown[];
  /** Rules on the listener already, when known (rule create on an existing listener). */
  existing?: readonly ExistingRule[];
  /** Keep rules already there (`--if-not-exists`): a clash with one is not a problem. */
  keepExisting?: boolean;
  now: number;
  language: Language;
}

interface Emit {
  path: Path;
  message: string;
  hint?: string;
}

export interface ForwardingRuleCheck {
  id: string;
  checks: string;
  provenance: Provenance;
  source: string;
  /** For an `ours` rule that refuses: why the API's refusal is certain. */
  certain?: string;
  always?: boolean;
  check(ctx: RuleCheckContext, say: (text: Text, params?: Record<string, string | number>) => string): Emit[];
}

/** The usual number of rules one listener may hold (DescribeQuota's TOTAL_LISTENER_RULE_QUOTA). */
export const USUAL_RULE_QUOTA = 50;

const record = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** Each rule that is an object, with its index. */
function eachRule(ctx: RuleCheckContext): { i: number; rule: Record<string, unknown> }[] {
  return ctx.rules.flatMap((value, i) => {
    const rule = record(value);
    return rule ? [{ i, rule }] : [];
  });
}

const SDK = (source: string) => ({ provenance: 'sdk-model' as const, source });
const OURS = (source: string, certain?: string) => ({ provenance: 'ours' as const, source, ...(certain ? { certain } : {}) });

// ---- types --------------------------------------------------------------------------------

function kindOk(spec: FieldSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'string':
    case 'enum':
      return typeof value === 'string';
    case 'integer':
    case 'switch':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'integer-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v));
    case 'object':
      return spec.api === 'CertList' ? Array.isArray(value) : record(value) !== undefined;
  }
}

function kindText(spec: FieldSpec): Text {
  if (spec.kind === 'integer' || spec.kind === 'switch') return KIND_TEXTS.integer;
  if (spec.kind === 'boolean') return KIND_TEXTS.boolean;
  if (spec.kind === 'string-list') return KIND_TEXTS.list;
  if (spec.kind === 'object') return KIND_TEXTS.object;
  return KIND_TEXTS.string;
}

/** Type problems of one object against its table, recursing into nested objects. */
function typeProblems(object: Record<string, unknown>, table: readonly FieldSpec[], path: Path, language: Language): Finding[] {
  const out: Finding[] = [];
  for (const [key, value] of Object.entries(object)) {
    const here = [...path, key];
    const spec = table.find((f) => f.api === key);
    if (!spec || PROTOTYPE_KEYS.has(key)) {
      const near = PROTOTYPE_KEYS.has(key)
        ? undefined
        : closestName(
            key,
            table.map((f) => f.api),
          );
      const suggestion = near ? say(language, M.didYouMean, { name: near }) : '';
      out.push({ rule: 'Rules.unknown-field', severity: 'refuse', path: here, message: say(language, M.unknownField, { suggestion }) });
      continue;
    }
    if (value === null || !kindOk(spec, value)) {
      const message = say(language, M.wrongType, { kind: say(language, kindText(spec)), value: show(value) });
      out.push({ rule: 'type', severity: 'refuse', always: true, path: here, message });
      continue;
    }
    if (spec.kind === 'object' && spec.nested) {
      const nested = NESTED_FIELDS[spec.nested];
      if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) {
          const entry = record(item);
          if (entry) out.push(...typeProblems(entry, nested, [...here, i], language));
        }
      } else out.push(...typeProblems(value as Record<string, unknown>, nested, here, language));
    }
  }
  return out;
}

// ---- the rules ----------------------------------------------------------------------------

const DOMAIN_FORM = /^\*?[A-Za-z0-9.-]+\*?$/;

function domainPaths(rule: Record<string, unknown>, i: number): { path: Path; domain: string }[] {
  if (Array.isArray(rule.Domains)) {
    return rule.Domains.flatMap((d, j) => (typeof d === 'string' ? [{ path: ['Rules', i, 'Domains', j], domain: d }] : []));
  }
  return typeof rule.Domain === 'string' ? [{ path: ['Rules', i, 'Domain'], domain: rule.Domain }] : [];
}

const chars = (text: string): number => [...text].length;

function enumRule(field: string, values: readonly string[]): ForwardingRuleCheck {
  return {
    id: `Rules[].${field}.values`,
    checks: `a rule's ${field} is one of ${values.join(', ')}`,
    ...SDK(`RuleInput.${field}`),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }) =>
        typeof rule[field] === 'string' && !values.includes(rule[field])
          ? [{ path: ['Rules', i, field], message: t(M.oneOf, { values: values.join(', '), value: show(rule[field]) }) }]
          : [],
      ),
  };
}

const HEALTH_RANGES: readonly [string, number, number][] = [
  ['TimeOut', 2, 60],
  ['IntervalTime', 2, 300],
  ['HealthNum', 2, 10],
  ['UnHealthNum', 2, 10],
  ['HttpCode', 1, 31],
];

const RULE_CHECK_TYPES: Partial<Record<Protocol, readonly string[]>> = { HTTP: ['HTTP', 'GRPC'], HTTPS: ['HTTP', 'HTTPS', 'GRPC'] };

export const FORWARDING_RULES: readonly ForwardingRuleCheck[] = [
  {
    id: 'Rules.protocols',
    checks: 'forwarding rules only on HTTP and HTTPS listeners',
    ...SDK('Listener.Rules: "only meaningful for HTTP/HTTPS listeners"; CreateRule: "under a layer-7 listener"'),
    check: (ctx, t) =>
      ctx.protocol && ctx.protocol !== 'HTTP' && ctx.protocol !== 'HTTPS' && ctx.rules.length > 0
        ? [{ path: ['Rules'], message: t(M.onlyLayer7, { protocol: ctx.protocol }), hint: t(M.onlyLayer7Hint) }]
        : [],
  },
  {
    id: 'Rules[].Url.length',
    checks: "a rule's Url is given and has 1–200 characters",
    ...SDK('RuleInput.Url: required, 1–200 characters'),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }) => {
        if (rule.Url === undefined) return [{ path: ['Rules', i, 'Url'], message: t(M.required) }];
        if (typeof rule.Url !== 'string') return [];
        const count = chars(rule.Url);
        return count < 1 || count > 200 ? [{ path: ['Rules', i, 'Url'], message: t(M.length, { min: 1, max: 200, count }) }] : [];
      }),
  },
  {
    id: 'Rules[].Domain.exclusive',
    checks: 'a rule has Domain or Domains, not both, not neither',
    ...SDK('RuleInput.Domain/Domains: "pass only one of them"'),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }): Emit[] => {
        if (rule.Domain !== undefined && rule.Domains !== undefined)
          return [{ path: ['Rules', i, 'Domains'], message: t(M.domainOrDomains) }];
        if (rule.Domain === undefined && rule.Domains === undefined) return [{ path: ['Rules', i, 'Domain'], message: t(M.domainMissing) }];
        if (Array.isArray(rule.Domains) && rule.Domains.length === 0)
          return [{ path: ['Rules', i, 'Domains'], message: t(M.domainsEmpty) }];
        return [];
      }),
  },
  {
    id: 'Rules[].Domain.length',
    checks: 'each domain of a rule has 1–80 characters',
    ...SDK('RuleInput.Domain and Domains: each 1–80 characters'),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }) =>
        domainPaths(rule, i).flatMap(({ path, domain }) => {
          const count = chars(domain);
          return count < 1 || count > 80 ? [{ path, message: t(M.length, { min: 1, max: 80, count }) }] : [];
        }),
      ),
  },
  {
    id: 'Rules[].Domain.form',
    checks: "each domain is plain, a wildcard with '*' only at the start or the end, or a regular expression starting with '~'",
    ...SDK('ModifyDomain.NewDomain: the three domain formats'),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }) =>
        domainPaths(rule, i).flatMap(({ path, domain }) =>
          domain === '' || domain.startsWith('~') || DOMAIN_FORM.test(domain)
            ? []
            : [{ path, message: t(M.domainForm, { value: show(domain) }) }],
        ),
      ),
  },
  {
    id: 'Rules[].SessionExpireTime.range',
    checks: "a rule's SessionExpireTime is 0 or 30–86400",
    ...SDK('RuleInput.SessionExpireTime: 0 turns it off, else 30–86400 seconds'),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }) => {
        const v = rule.SessionExpireTime;
        return typeof v === 'number' && v !== 0 && (v < 30 || v > 86400)
          ? [{ path: ['Rules', i, 'SessionExpireTime'], message: t(M.range, { range: '0 or 30–86400', value: v }) }]
          : [];
      }),
  },
  enumRule('Scheduler', SCHEDULERS),
  enumRule('ForwardType', FORWARD_TYPES),
  enumRule('TargetType', RULE_TARGET_TYPES),
  {
    id: 'Rules[].HealthCheck.range',
    checks: "a rule's health check: TimeOut 2–60, IntervalTime 2–300, HealthNum and UnHealthNum 2–10, HttpCode 1–31",
    ...SDK('HealthCheck: the documented ranges'),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }) => {
        const health = record(rule.HealthCheck);
        if (!health) return [];
        return HEALTH_RANGES.flatMap(([name, min, max]) => {
          const v = health[name];
          return typeof v === 'number' && (v < min || v > max)
            ? [{ path: ['Rules', i, 'HealthCheck', name], message: t(M.range, { range: `${min}–${max}`, value: v }) }]
            : [];
        });
      }),
  },
  {
    id: 'Rules[].HealthCheck.TimeOut.below-interval',
    checks: "a rule's HealthCheck.TimeOut is less than its IntervalTime (defaults 2 and 5)",
    ...SDK('HealthCheck.TimeOut: "less than the interval"'),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }) => {
        const health = record(rule.HealthCheck);
        if (!health || (health.TimeOut === undefined && health.IntervalTime === undefined)) return [];
        const timeout = typeof health.TimeOut === 'number' ? health.TimeOut : 2;
        const interval = typeof health.IntervalTime === 'number' ? health.IntervalTime : 5;
        return timeout < interval
          ? []
          : [{ path: ['Rules', i, 'HealthCheck', 'TimeOut'], message: t(M.timeoutBelowInterval, { timeout, interval }) }];
      }),
  },
  {
    id: 'Rules[].HealthCheck.CheckType.protocols',
    checks: "a rule's HealthCheck.CheckType is HTTP or GRPC (HTTP listeners), HTTP, HTTPS or GRPC (HTTPS listeners)",
    ...SDK('HealthCheck.CheckType: "HTTP rules support HTTP/GRPC, HTTPS rules HTTP/HTTPS/GRPC"'),
    check: (ctx, t) => {
      const allowed = ctx.protocol ? RULE_CHECK_TYPES[ctx.protocol] : undefined;
      if (!allowed) return [];
      return eachRule(ctx).flatMap(({ i, rule }) => {
        const type = record(rule.HealthCheck)?.CheckType;
        return typeof type === 'string' && !allowed.includes(type)
          ? [
              {
                path: ['Rules', i, 'HealthCheck', 'CheckType'],
                message: t(M.checkTypeForRule, { values: allowed.join(', '), protocol: ctx.protocol!, value: show(type) }),
              },
            ]
          : [];
      });
    },
  },
  {
    id: 'Rules[].HealthCheck.layer4-only',
    checks: 'CheckPort, ContextType, SendContext, RecvContext and HttpVersion are not for rules',
    ...SDK('HealthCheck: these fields "only apply to TCP/UDP listeners"'),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }) => {
        const health = record(rule.HealthCheck);
        if (!health) return [];
        return ['CheckPort', 'ContextType', 'SendContext', 'RecvContext', 'HttpVersion'].flatMap((name) =>
          health[name] !== undefined && !(name === 'CheckPort' && health[name] === -1)
            ? [{ path: ['Rules', i, 'HealthCheck', name], message: t(M.layer4Only) }]
            : [],
        );
      }),
  },
  {
    id: 'Rules.DefaultServer.one',
    checks: 'at most one default domain per listener',
    ...SDK('RuleInput.DefaultServer: "a listener can have only one default domain"'),
    check: (ctx, t) => {
      const marked = eachRule(ctx).filter(({ rule }) => rule.DefaultServer === true);
      const domains = [...new Set(marked.map(({ rule }) => ruleDomains(rule)[0] ?? ''))];
      if (domains.length < 2) return [];
      const last = marked.at(-1)!;
      return [{ path: ['Rules', last.i, 'DefaultServer'], message: t(M.oneDefault, { domains: domains.join(', ') }) }];
    },
  },
  {
    id: 'Rules[].Http2.HTTPS',
    checks: 'Http2 and Quic are on only for HTTPS domains',
    ...SDK('RuleInput.Http2 and Quic: "only HTTPS domains can turn it on"'),
    check: (ctx, t) =>
      ctx.protocol === 'HTTP'
        ? eachRule(ctx).flatMap(({ i, rule }) =>
            (['Http2', 'Quic'] as const).flatMap((name) =>
              rule[name] === true ? [{ path: ['Rules', i, name], message: t(M.httpsOnly, { protocol: ctx.protocol! }) }] : [],
            ),
          )
        : [],
  },
  {
    id: 'Rules[].Certificate.exclusive',
    checks: 'a rule has Certificate or MultiCertInfo, not both',
    ...SDK('RuleInput.Certificate: "cannot be passed together with MultiCertInfo"'),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }) =>
        rule.Certificate !== undefined && rule.MultiCertInfo !== undefined
          ? [{ path: ['Rules', i, 'MultiCertInfo'], message: t(M.certificateOrMulti) }]
          : [],
      ),
  },
  {
    id: 'Rules[].Certificate.SNI',
    checks: 'a per-domain certificate only on HTTPS listeners with SNI on',
    ...SDK('ModifyDomainAttributes.Certificate: "only applies to listeners with SNI on"'),
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }): Emit[] => {
        const field = rule.Certificate !== undefined ? 'Certificate' : rule.MultiCertInfo !== undefined ? 'MultiCertInfo' : undefined;
        if (!field || !ctx.protocol) return [];
        if (ctx.protocol !== 'HTTPS') return [{ path: ['Rules', i, field], message: t(M.certificateNotHttps, { protocol: ctx.protocol }) }];
        if (ctx.sniSwitch !== 1)
          return [{ path: ['Rules', i, field], message: t(M.certificateNeedsSni), hint: t(M.certificateNeedsSniHint) }];
        return [];
      }),
  },
  {
    id: 'Rules[].Certificate.with-SNI',
    checks: 'with SNI on, each new domain brings its certificate (otherwise a warning)',
    ...OURS('with SNI on a domain has no other certificate to serve; no source states that the API refuses one without'),
    check: (ctx, t) => {
      if (ctx.protocol !== 'HTTPS' || ctx.sniSwitch !== 1) return [];
      const known = new Set(
        (ctx.existing ?? []).flatMap((r) => ruleDomains({ Domain: r.Domain ?? undefined, Domains: r.Domains ?? undefined })),
      );
      const certified = new Set<string>(known);
      for (const { rule } of eachRule(ctx)) if (rule.Certificate || rule.MultiCertInfo) for (const d of ruleDomains(rule)) certified.add(d);
      const warned = new Set<string>();
      return eachRule(ctx).flatMap(({ i, rule }) =>
        ruleDomains(rule).flatMap((domain) => {
          if (certified.has(domain) || warned.has(domain)) return [];
          warned.add(domain);
          return [{ path: ['Rules', i, 'Certificate'], message: t(M.sniWithoutCertificate, { domain }) }];
        }),
      );
    },
  },
  {
    id: 'Rules.Domain-Url.unique',
    checks: 'no two rules of a listener share a domain and a URL',
    ...OURS(
      'a rule is addressed by its domain and URL (DeleteRule, RegisterTargets)',
      'two rules with one domain and URL could not be told apart; the API refuses the second',
    ),
    check: (ctx, t) => {
      const seen = new Map<string, number>();
      const out: Emit[] = [];
      const there = new Map<string, string>();
      for (const r of ctx.existing ?? []) {
        for (const d of ruleDomains({ Domain: r.Domain ?? undefined, Domains: r.Domains ?? undefined }))
          there.set(`${d} ${r.Url}`, r.LocationId);
      }
      for (const { i, rule } of eachRule(ctx)) {
        if (typeof rule.Url !== 'string') continue;
        for (const { path, domain } of domainPaths(rule, i)) {
          const key = `${domain} ${rule.Url}`;
          const earlier = seen.get(key);
          if (earlier !== undefined) out.push({ path, message: t(M.duplicate, { domain, url: rule.Url, other: `#${earlier + 1}` }) });
          else if (there.has(key) && !ctx.keepExisting) {
            out.push({ path, message: t(M.exists, { domain, url: rule.Url, locationId: there.get(key)! }), hint: t(M.existsHint) });
          }
          seen.set(key, i);
        }
      }
      return out;
    },
  },
  {
    id: 'Rules.count',
    checks: `at most ${USUAL_RULE_QUOTA} rules on a listener (the usual quota; otherwise a warning)`,
    ...OURS("the rule quota differs per account (DescribeQuota's TOTAL_LISTENER_RULE_QUOTA)"),
    check: (ctx, t) => {
      const count = (ctx.existing?.length ?? 0) + ctx.rules.length;
      return count > USUAL_RULE_QUOTA ? [{ path: ['Rules'], message: t(M.tooMany, { count, quota: USUAL_RULE_QUOTA }) }] : [];
    },
  },
  {
    id: 'Rules[].private-key.out-of-place',
    checks: "a PEM private key appears in a rule only in its certificate's CertKey",
    ...OURS('a private key is a secret: in another field it would be stored and shown as data', 'no other field takes a private key'),
    always: true,
    check: (ctx, t) =>
      eachRule(ctx).flatMap(({ i, rule }) =>
        Object.entries(rule).flatMap(([key, value]) => {
          if (key === 'Certificate' || key === 'MultiCertInfo') return [];
          return stringsIn(value, ['Rules', i, key]).flatMap(({ path, text }) =>
            holdsPrivateKey(text) ? [{ path, message: t(M.privateKeyOutOfPlace) }] : [],
          );
        }),
      ),
  },
];

function stringsIn(value: unknown, path: Path): { path: Path; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, [...path, i]));
  const object = record(value);
  return object ? Object.entries(object).flatMap(([k, v]) => stringsIn(v, [...path, k])) : [];
}

function severityOf(rule: ForwardingRuleCheck): Severity {
  return rule.provenance === 'ours' && !rule.certain ? 'warn' : 'refuse';
}

/**
 * A rule's certificate, checked by the listener's certificate rules: what they find inside
 * Certificate or MultiCertInfo, moved under the rule's path. Which of the two is given, and
 * whether SNI allows one, are this table's business.
 */
function certificateFindings(rule: Record<string, unknown>, i: number, now: number): Finding[] {
  if (rule.Certificate === undefined && rule.MultiCertInfo === undefined) return [];
  const request: Record<string, unknown> = { Protocol: 'HTTPS', SniSwitch: 0 };
  if (rule.Certificate !== undefined) request.Certificate = rule.Certificate;
  else request.MultiCertInfo = rule.MultiCertInfo;
  return checkRules({ request, protocol: 'HTTPS', now })
    .filter((f) => (f.path[0] === 'Certificate' || f.path[0] === 'MultiCertInfo') && f.rule !== 'Certificate.exclusive')
    .map((f) => ({ ...f, path: ['Rules', i, ...f.path] }));
}

/**
 * Every finding about the rules meant for one listener: type problems first (then nothing else
 * is checked, as for listeners), then each rule of the table, then the certificates.
 */
export function checkForwardingRules(ctx: RuleCheckContext): Finding[] {
  const t = (text: Text, params?: Record<string, string | number>) => say(ctx.language, text, params);
  const types: Finding[] = [];
  ctx.rules.forEach((value, i) => {
    const rule = record(value);
    if (!rule) types.push({ rule: 'type', severity: 'refuse', always: true, path: ['Rules', i], message: t(M.notAnObject) });
    else types.push(...typeProblems(rule, RULE_INPUT_FIELDS, ['Rules', i], ctx.language));
  });
  if (types.length) return types;
  const out: Finding[] = [];
  for (const rule of FORWARDING_RULES) {
    for (const emit of rule.check(ctx, t)) {
      out.push({
        rule: rule.id,
        severity: severityOf(rule),
        ...(rule.always ? { always: true } : {}),
        path: emit.path,
        message: emit.message,
        ...(emit.hint ? { hint: emit.hint } : {}),
      });
    }
  }
  for (const { i, rule } of eachRule(ctx)) out.push(...certificateFindings(rule, i, ctx.now));
  return out;
}
