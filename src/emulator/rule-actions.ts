/**
 * The layer-7 forwarding-rule actions: CreateRule, ModifyRule, DeleteRule and
 * ModifyDomainAttributes, as the emulator reads their documentation (docs/api/rules.md), written
 * independently of the CLI's model like the listener rules (rules.ts).
 *
 * A listener's rules live on it as `Rules`, each in the RuleOutput shape DescribeListeners
 * returns. Every write is a task on the load balancer like the listener writes: created rules
 * are listed at once (a failed task removes them again), changes and deletions show once the
 * task succeeds. Domain-level settings (certificate, Http2, QUIC, default domain) are shared by
 * every rule of the domain, so a change to one domain changes all its rules.
 */
import { ApiFault, fault } from './api-error.js';
import { newLocationId } from './ids.js';
import { fromCertificate, fromMultiCert } from './listeners.js';
import { checkShape, requireFields, type Shape } from './params.js';
import {
  CERT_INFO_SHAPE,
  CERTIFICATE_SHAPE,
  checkCertificate,
  checkMultiCertInfo,
  HEALTH_CHECK_SHAPE,
  type CertificateInput,
  type HealthCheckInput,
  type MultiCertInfo,
} from './rules.js';
import { formatCreateTime } from './time.js';
import { loadBalancer, notBusy, startTask, type ActionContext, type ActionHandler } from './actions.js';
import type { ListenerView } from './types.js';
import type { CLB_RULE_ACTIONS } from './catalog.js';

/** RuleInput, the fields of one new rule. */
export interface RuleInput {
  Url: string;
  Domain?: string;
  Domains?: string[];
  SessionExpireTime?: number;
  HealthCheck?: HealthCheckInput;
  Certificate?: CertificateInput;
  MultiCertInfo?: MultiCertInfo;
  Scheduler?: string;
  ForwardType?: string;
  DefaultServer?: boolean;
  Http2?: boolean;
  Quic?: boolean;
  TargetType?: string;
  TrpcCallee?: string;
  TrpcFunc?: string;
  CookieName?: string;
}

/** A stored rule: RuleOutput as DescribeListeners returns it. */
type StoredRule = Record<string, unknown> & { LocationId: string; Domain: string; Domains: string[]; Url: string };

const MULTI_CERT_SHAPE: Shape = { SSLMode: 'string', CertList: { array: { object: CERT_INFO_SHAPE } }, SSLVerifyClient: 'string' };

const RULE_INPUT_SHAPE: Shape = {
  Url: 'string',
  Domain: 'string',
  Domains: { array: 'string' },
  SessionExpireTime: 'integer',
  HealthCheck: { object: HEALTH_CHECK_SHAPE },
  Certificate: { object: CERTIFICATE_SHAPE },
  MultiCertInfo: { object: MULTI_CERT_SHAPE },
  Scheduler: 'string',
  ForwardType: 'string',
  DefaultServer: 'boolean',
  Http2: 'boolean',
  Quic: 'boolean',
  TargetType: 'string',
  TrpcCallee: 'string',
  TrpcFunc: 'string',
  CookieName: 'string',
};

/** The most rules the emulator lets one listener hold (DescribeQuota's TOTAL_LISTENER_RULE_QUOTA). */
export const RULE_QUOTA = 50;

const SCHEDULERS = ['WRR', 'LEAST_CONN', 'IP_HASH'];
const FORWARD_TYPES = ['HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'TRPC'];
const TARGET_TYPES = ['NODE', 'TARGETGROUP', 'TARGETGROUP-V2'];
/** The health-check types a rule takes, by its listener's protocol (HealthCheck.CheckType). */
const RULE_CHECK_TYPES: Readonly<Record<string, readonly string[]>> = { HTTP: ['HTTP', 'GRPC'], HTTPS: ['HTTP', 'HTTPS', 'GRPC'] };

// ---- reading a rule ---------------------------------------------------------------------

/**
 * A domain as ModifyDomain documents the forms: plain (letters, digits, `-`, `.`), a wildcard
 * with `*` only at the start or the end, or a regular expression starting with `~`; 1–80 characters.
 */
export function checkDomain(domain: string, name: string): void {
  const length = [...domain].length;
  if (length < 1 || length > 80) throw fault.length(`\`${name}\` must be 1–80 characters long, got ${length}.`);
  if (domain.startsWith('~')) return;
  const core = domain.replace(/^\*/, '').replace(/\*$/, '');
  if (!/^[A-Za-z0-9.-]+$/.test(core)) {
    throw fault.value(
      `\`${name}\` ${JSON.stringify(domain)} is not a domain: use letters, digits, '-' and '.', '*' only at the start or the end, or a regular expression starting with '~'.`,
    );
  }
}

function oneOf(value: unknown, allowed: readonly string[], name: string): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw fault.value(`The value of \`${name}\` must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`);
  }
}

function checkRuleHealthCheck(hc: HealthCheckInput, protocol: string, p: string): void {
  const ranges: [keyof HealthCheckInput, number, number][] = [
    ['TimeOut', 2, 60],
    ['IntervalTime', 2, 300],
    ['HealthNum', 2, 10],
    ['UnHealthNum', 2, 10],
    ['HttpCode', 1, 31],
  ];
  for (const [name, min, max] of ranges) {
    const value = hc[name] as number | undefined;
    if (value !== undefined && (value < min || value > max)) throw fault.range(`${p}${name}`, `${min}–${max}`);
  }
  if (hc.HealthSwitch !== undefined && hc.HealthSwitch !== 0 && hc.HealthSwitch !== 1)
    throw fault.value(`\`${p}HealthSwitch\` must be 0 or 1.`);
  if (hc.SourceIpType !== undefined && hc.SourceIpType !== 0 && hc.SourceIpType !== 1)
    throw fault.value(`\`${p}SourceIpType\` must be 0 or 1.`);
  oneOf(hc.HttpCheckMethod, ['HEAD', 'GET'], `${p}HttpCheckMethod`);
  oneOf(hc.CheckType, RULE_CHECK_TYPES[protocol] ?? [], `${p}CheckType`);
  if ((hc.TimeOut ?? 2) >= (hc.IntervalTime ?? 5)) {
    throw fault.value(`\`${p}TimeOut\` (${hc.TimeOut ?? 2}) must be less than \`${p}IntervalTime\` (${hc.IntervalTime ?? 5}).`);
  }
  for (const name of ['CheckPort', 'ContextType', 'SendContext', 'RecvContext', 'HttpVersion'] as const) {
    if (hc[name] !== undefined && !(name === 'CheckPort' && hc.CheckPort === -1)) {
      throw fault.value(`\`${p}${name}\` applies only to TCP and UDP listeners, not to layer-7 rules.`);
    }
  }
}

/** The domain-level certificate, per domain, applies only with SNI on (the CreateRule and ModifyDomainAttributes notes). */
function checkRuleCertificate(
  fields: { Certificate?: CertificateInput; MultiCertInfo?: MultiCertInfo },
  listener: ListenerView,
  p: string,
): void {
  if (fields.Certificate === undefined && fields.MultiCertInfo === undefined) return;
  if (fields.Certificate !== undefined && fields.MultiCertInfo !== undefined) {
    throw fault.value(`Give \`${p}Certificate\` or \`${p}MultiCertInfo\`, never both.`);
  }
  if (listener.Protocol !== 'HTTPS') throw fault.value(`\`${p}Certificate\` applies only to rules of HTTPS listeners.`);
  if (listener.SniSwitch !== 1) {
    throw fault.value(`A certificate per domain needs SNI on the listener (SniSwitch 1); ${listener.ListenerId} has SNI off.`);
  }
  if (fields.Certificate) checkCertificate(fields.Certificate);
  if (fields.MultiCertInfo) checkMultiCertInfo(fields.MultiCertInfo);
}

function domainsOf(rule: RuleInput, p: string): string[] {
  if (rule.Domain !== undefined && rule.Domains !== undefined) throw fault.value(`Give \`${p}Domain\` or \`${p}Domains\`, never both.`);
  if (rule.Domain === undefined && rule.Domains === undefined) throw fault.missing(`${p}Domain`);
  const domains = rule.Domain !== undefined ? [rule.Domain] : rule.Domains!;
  if (domains.length === 0) throw fault.value(`\`${p}Domains\` must hold at least one domain.`);
  for (const [i, d] of domains.entries()) checkDomain(d, rule.Domain !== undefined ? `${p}Domain` : `${p}Domains.${i}`);
  if (new Set(domains).size !== domains.length) throw fault.value(`\`${p}Domains\` lists a domain twice.`);
  return domains;
}

function checkUrl(url: string, name: string): void {
  const length = [...url].length;
  if (length < 1 || length > 200) throw fault.length(`\`${name}\` must be 1–200 characters long, got ${length}.`);
}

function checkRuleFields(rule: Partial<RuleInput>, listener: ListenerView, p: string): void {
  oneOf(rule.Scheduler, SCHEDULERS, `${p}Scheduler`);
  oneOf(rule.ForwardType, FORWARD_TYPES, `${p}ForwardType`);
  oneOf(rule.TargetType, TARGET_TYPES, `${p}TargetType`);
  if (
    rule.SessionExpireTime !== undefined &&
    rule.SessionExpireTime !== 0 &&
    (rule.SessionExpireTime < 30 || rule.SessionExpireTime > 86400)
  ) {
    throw fault.range(`${p}SessionExpireTime`, '0 or 30–86400');
  }
  if (rule.HealthCheck) checkRuleHealthCheck(rule.HealthCheck, listener.Protocol, `${p}HealthCheck.`);
}

function checkDomainSwitches(fields: { Http2?: boolean; Quic?: boolean }, listener: ListenerView, p: string): void {
  for (const name of ['Http2', 'Quic'] as const) {
    if (fields[name] === true && listener.Protocol !== 'HTTPS') throw fault.value(`\`${p}${name}\` can be on only for HTTPS domains.`);
  }
}

// ---- the store --------------------------------------------------------------------------

function rulesOf(listener: ListenerView): StoredRule[] {
  if (!Array.isArray(listener.Rules)) listener.Rules = [];
  return listener.Rules as StoredRule[];
}

const hasDomain = (rule: StoredRule, domain: string): boolean => rule.Domains.includes(domain);

function layer7Listener(ctx: ActionContext, loadBalancerId: string, listenerId: string): ListenerView {
  loadBalancer(ctx, loadBalancerId);
  const listener = ctx.store.listenersOf(loadBalancerId).find((l) => l.ListenerId === listenerId);
  if (!listener)
    throw new ApiFault('InvalidParameter.ListenerIdNotFound', `The listener ${listenerId} does not exist on ${loadBalancerId}.`);
  if (listener.Protocol !== 'HTTP' && listener.Protocol !== 'HTTPS') {
    throw new ApiFault(
      'InvalidParameter.ProtocolCheckFailed',
      `Forwarding rules exist only on HTTP and HTTPS listeners; ${listenerId} is ${listener.Protocol}.`,
    );
  }
  return listener;
}

function ruleHealthCheck(protocol: string, forwardType: string, url: string, sent: HealthCheckInput | undefined): Record<string, unknown> {
  const checkType = sent?.CheckType ?? (protocol === 'HTTPS' && forwardType === 'HTTPS' ? 'HTTPS' : 'HTTP');
  return {
    HealthSwitch: 1,
    TimeOut: 2,
    IntervalTime: 5,
    HealthNum: 3,
    UnHealthNum: 3,
    HttpCode: 31,
    HttpCheckPath: url.startsWith('/') ? url : '/',
    HttpCheckDomain: '',
    HttpCheckMethod: 'HEAD',
    CheckType: checkType,
    SourceIpType: 0,
    ...sent,
  };
}

function certificateOf(fields: { Certificate?: CertificateInput; MultiCertInfo?: MultiCertInfo }): Record<string, unknown> | null {
  if (fields.Certificate) return fromCertificate(fields.Certificate);
  if (fields.MultiCertInfo) return fromMultiCert(fields.MultiCertInfo);
  return null;
}

function storedRule(
  input: RuleInput,
  domains: string[],
  listener: ListenerView,
  existing: readonly StoredRule[],
  createTime: string,
): StoredRule {
  // A domain already on the listener keeps its domain-level settings unless the rule gives them.
  const sameDomain = existing.find((r) => domains.some((d) => hasDomain(r, d)));
  const forwardType = input.ForwardType ?? 'HTTP';
  return {
    LocationId: newLocationId(),
    Domain: domains[0]!,
    Url: input.Url,
    SessionExpireTime: input.SessionExpireTime ?? 0,
    HealthCheck: ruleHealthCheck(listener.Protocol, forwardType, input.Url, input.HealthCheck),
    Certificate: certificateOf(input) ?? sameDomain?.Certificate ?? null,
    Scheduler: input.Scheduler ?? 'WRR',
    ListenerId: listener.ListenerId,
    RewriteTarget: { TargetListenerId: null, TargetLocationId: null },
    HttpGzip: true,
    BeAutoCreated: false,
    DefaultServer: input.DefaultServer ?? sameDomain?.DefaultServer ?? false,
    Http2: input.Http2 ?? sameDomain?.Http2 ?? false,
    ForwardType: forwardType,
    CreateTime: createTime,
    TargetType: input.TargetType ?? 'NODE',
    TargetGroup: null,
    WafDomainId: '',
    TrpcCallee: input.TrpcCallee ?? '',
    TrpcFunc: input.TrpcFunc ?? '',
    QuicStatus: (input.Quic ?? sameDomain?.QuicStatus === 'QUIC_ACTIVE') ? 'QUIC_ACTIVE' : 'QUIC_INACTIVE',
    Domains: [...domains],
    TargetGroupList: [],
    OAuth: { OAuthEnable: false, OAuthFailureStatus: 'BYPASS' },
    CookieName: input.CookieName ?? '',
  };
}

/** Makes `domain` the listener's one default domain (every other domain's rules lose the flag). */
function setDefaultDomain(rules: readonly StoredRule[], domain: string): void {
  for (const rule of rules) rule.DefaultServer = hasDomain(rule, domain);
}

// ---- CreateRule -------------------------------------------------------------------------

const createRule: ActionHandler = (body, ctx) => {
  const input = checkShape<{ LoadBalancerId: string; ListenerId: string; Rules: RuleInput[] }>(body, {
    LoadBalancerId: 'string',
    ListenerId: 'string',
    Rules: { array: { object: RULE_INPUT_SHAPE } },
  });
  requireFields(body, ['LoadBalancerId', 'ListenerId', 'Rules']);
  const listener = layer7Listener(ctx, input.LoadBalancerId, input.ListenerId);
  if (input.Rules.length === 0) throw fault.value('`Rules` must hold at least one rule.');
  const existing = rulesOf(listener);
  const keys = new Set(existing.flatMap((r) => r.Domains.map((d) => `${d} ${r.Url}`)));
  const defaults = new Set<string>();
  const knownDomains = new Set(existing.flatMap((r) => r.Domains));
  const checked = input.Rules.map((rule, i) => {
    const p = `Rules.${i}.`;
    requireFields(rule as unknown as Record<string, unknown>, ['Url'], p);
    checkUrl(rule.Url, `${p}Url`);
    const domains = domainsOf(rule, p);
    checkRuleFields(rule, listener, p);
    checkDomainSwitches(rule, listener, p);
    checkRuleCertificate(rule, listener, p);
    const isNewDomain = domains.some((d) => !knownDomains.has(d));
    if (listener.Protocol === 'HTTPS' && listener.SniSwitch === 1 && isNewDomain && !rule.Certificate && !rule.MultiCertInfo) {
      throw fault.missing(`${p}Certificate`, `the listener has SNI on, so the new domain ${domains[0]} needs its certificate`);
    }
    for (const d of domains) knownDomains.add(d);
    for (const domain of domains) {
      const key = `${domain} ${rule.Url}`;
      if (keys.has(key)) throw fault.value(`A rule for domain ${domain} and URL ${rule.Url} already exists on ${listener.ListenerId}.`);
      keys.add(key);
    }
    if (rule.DefaultServer === true) defaults.add(domains[0]!);
    return { rule, domains };
  });
  if (defaults.size > 1) throw fault.value(`A listener has one default domain; \`Rules\` makes ${[...defaults].join(' and ')} default.`);
  if (existing.length + checked.length > RULE_QUOTA) {
    throw new ApiFault(
      'LimitExceeded',
      `The listener ${listener.ListenerId} has ${existing.length} rules; ${checked.length} more would exceed its quota of ${RULE_QUOTA}.`,
    );
  }
  notBusy(ctx, input.LoadBalancerId);
  const createTime = formatCreateTime(ctx.clock());
  const created: StoredRule[] = [];
  for (const { rule, domains } of checked) created.push(storedRule(rule, domains, listener, [...existing, ...created], createTime));
  existing.push(...created);
  const [newDefault] = defaults;
  if (newDefault !== undefined) setDefaultDomain(existing, newDefault);
  // A listener always has a default domain: the first one created, unless one is named.
  else if (!existing.some((r) => r.DefaultServer === true)) setDefaultDomain(existing, existing[0]!.Domains[0]!);
  const ids = new Set(created.map((r) => r.LocationId));
  startTask(ctx, 'CreateRule', input.LoadBalancerId, {
    kind: 'rules',
    rollback: () => {
      listener.Rules = rulesOf(listener).filter((r) => !ids.has(r.LocationId));
    },
  });
  return { LocationIds: created.map((r) => r.LocationId) };
};

// ---- ModifyRule -------------------------------------------------------------------------

interface ModifyRuleInput extends Partial<RuleInput> {
  LoadBalancerId: string;
  ListenerId: string;
  LocationId: string;
}

const modifyRule: ActionHandler = (body, ctx) => {
  const input = checkShape<ModifyRuleInput>(body, {
    LoadBalancerId: 'string',
    ListenerId: 'string',
    LocationId: 'string',
    Url: 'string',
    HealthCheck: { object: HEALTH_CHECK_SHAPE },
    Scheduler: 'string',
    SessionExpireTime: 'integer',
    ForwardType: 'string',
    TrpcCallee: 'string',
    TrpcFunc: 'string',
    OAuth: { object: { OAuthEnable: 'boolean', OAuthFailureStatus: 'string' } },
    CookieName: 'string',
  });
  requireFields(body, ['LoadBalancerId', 'ListenerId', 'LocationId']);
  const listener = layer7Listener(ctx, input.LoadBalancerId, input.ListenerId);
  const rule = rulesOf(listener).find((r) => r.LocationId === input.LocationId);
  if (!rule)
    throw new ApiFault('InvalidParameter.LocationNotFound', `The rule ${input.LocationId} does not exist on ${listener.ListenerId}.`);
  if (input.Url !== undefined) {
    checkUrl(input.Url, 'Url');
    const clash = rulesOf(listener).find((r) => r !== rule && r.Url === input.Url && r.Domains.some((d) => hasDomain(rule, d)));
    if (clash) throw fault.value(`A rule for domain ${rule.Domain} and URL ${input.Url} already exists (${clash.LocationId}).`);
  }
  checkRuleFields(input, listener, '');
  notBusy(ctx, input.LoadBalancerId);
  const patch: Record<string, unknown> = {};
  for (const name of ['Url', 'Scheduler', 'SessionExpireTime', 'ForwardType', 'TrpcCallee', 'TrpcFunc', 'OAuth', 'CookieName'] as const) {
    if (input[name as keyof ModifyRuleInput] !== undefined) patch[name] = input[name as keyof ModifyRuleInput];
  }
  if (input.HealthCheck) patch.HealthCheck = { ...(rule.HealthCheck as Record<string, unknown>), ...input.HealthCheck };
  startTask(ctx, 'ModifyRule', input.LoadBalancerId, { kind: 'rules', commit: () => void Object.assign(rule, patch) });
  return {};
};

// ---- DeleteRule -------------------------------------------------------------------------

const deleteRule: ActionHandler = (body, ctx) => {
  const input = checkShape<{
    LoadBalancerId: string;
    ListenerId: string;
    LocationIds?: string[];
    Domain?: string;
    Url?: string;
    NewDefaultServerDomain?: string;
  }>(body, {
    LoadBalancerId: 'string',
    ListenerId: 'string',
    LocationIds: { array: 'string' },
    Domain: 'string',
    Url: 'string',
    NewDefaultServerDomain: 'string',
  });
  requireFields(body, ['LoadBalancerId', 'ListenerId']);
  const listener = layer7Listener(ctx, input.LoadBalancerId, input.ListenerId);
  const rules = rulesOf(listener);
  let doomed: StoredRule[];
  if (input.LocationIds !== undefined && input.LocationIds.length > 0) {
    const missing = input.LocationIds.filter((id) => !rules.some((r) => r.LocationId === id));
    if (missing.length > 0)
      throw new ApiFault('InvalidParameter.LocationNotFound', `Rule(s) ${missing.join(', ')} not found on ${listener.ListenerId}.`);
    doomed = rules.filter((r) => input.LocationIds!.includes(r.LocationId));
  } else {
    if (input.Domain === undefined || input.Url === undefined) throw fault.missing('LocationIds', 'give LocationIds, or Domain and Url');
    doomed = rules.filter((r) => hasDomain(r, input.Domain!) && r.Url === input.Url);
    if (doomed.length === 0) {
      throw new ApiFault(
        'InvalidParameter.LocationNotFound',
        `No rule for domain ${input.Domain} and URL ${input.Url} on ${listener.ListenerId}.`,
      );
    }
  }
  const next = input.NewDefaultServerDomain;
  if (next !== undefined && !rules.some((r) => !doomed.includes(r) && hasDomain(r, next))) {
    throw fault.value(`\`NewDefaultServerDomain\` ${next} is not a domain that stays on ${listener.ListenerId}.`);
  }
  notBusy(ctx, input.LoadBalancerId);
  const ids = new Set(doomed.map((r) => r.LocationId));
  startTask(ctx, 'DeleteRule', input.LoadBalancerId, {
    kind: 'rules',
    commit: () => {
      const kept = rulesOf(listener).filter((r) => !ids.has(r.LocationId));
      listener.Rules = kept;
      if (next !== undefined) setDefaultDomain(kept, next);
    },
  });
  return {};
};

// ---- ModifyDomainAttributes -------------------------------------------------------------

interface DomainAttributesInput {
  LoadBalancerId: string;
  ListenerId: string;
  Domain: string;
  NewDomain?: string;
  NewDomains?: string[];
  Certificate?: CertificateInput;
  MultiCertInfo?: MultiCertInfo;
  Http2?: boolean;
  DefaultServer?: boolean;
  Quic?: boolean;
  NewDefaultServerDomain?: string;
}

const modifyDomainAttributes: ActionHandler = (body, ctx) => {
  const input = checkShape<DomainAttributesInput>(body, {
    LoadBalancerId: 'string',
    ListenerId: 'string',
    Domain: 'string',
    NewDomain: 'string',
    NewDomains: { array: 'string' },
    Certificate: { object: CERTIFICATE_SHAPE },
    MultiCertInfo: { object: MULTI_CERT_SHAPE },
    Http2: 'boolean',
    DefaultServer: 'boolean',
    Quic: 'boolean',
    NewDefaultServerDomain: 'string',
  });
  requireFields(body, ['LoadBalancerId', 'ListenerId', 'Domain']);
  const listener = layer7Listener(ctx, input.LoadBalancerId, input.ListenerId);
  const rules = rulesOf(listener);
  const ofDomain = rules.filter((r) => hasDomain(r, input.Domain));
  if (ofDomain.length === 0) throw fault.value(`The domain ${input.Domain} has no rule on ${listener.ListenerId}.`);
  if (input.NewDomain !== undefined && input.NewDomains !== undefined) throw fault.value('Give `NewDomain` or `NewDomains`, never both.');
  const renamed = input.NewDomain !== undefined ? [input.NewDomain] : input.NewDomains;
  for (const [i, d] of (renamed ?? []).entries()) checkDomain(d, input.NewDomain !== undefined ? 'NewDomain' : `NewDomains.${i}`);
  checkDomainSwitches(input, listener, '');
  checkRuleCertificate(input, listener, '');
  const next = input.NewDefaultServerDomain;
  if (next !== undefined && !rules.some((r) => hasDomain(r, next)))
    throw fault.value(`\`NewDefaultServerDomain\` ${next} has no rule on ${listener.ListenerId}.`);
  if (
    input.DefaultServer === false &&
    ofDomain[0]!.DefaultServer === true &&
    next === undefined &&
    rules.some((r) => !hasDomain(r, input.Domain))
  ) {
    throw fault.missing('NewDefaultServerDomain', 'turning off the default domain needs another one named as the new default');
  }
  notBusy(ctx, input.LoadBalancerId);
  const certificate = certificateOf(input);
  startTask(ctx, 'ModifyDomainAttributes', input.LoadBalancerId, {
    kind: 'rules',
    commit: () => {
      for (const rule of ofDomain) {
        if (certificate) rule.Certificate = structuredClone(certificate);
        if (input.Http2 !== undefined) rule.Http2 = input.Http2;
        if (input.Quic !== undefined) rule.QuicStatus = input.Quic ? 'QUIC_ACTIVE' : 'QUIC_INACTIVE';
        if (renamed) {
          rule.Domains = [...renamed];
          rule.Domain = renamed[0]!;
        }
      }
      if (input.DefaultServer === true) setDefaultDomain(rulesOf(listener), ofDomain[0]!.Domain);
      if (next !== undefined) setDefaultDomain(rulesOf(listener), next);
    },
  });
  return {};
};

export const RULE_ACTIONS: Readonly<Record<(typeof CLB_RULE_ACTIONS)[number], ActionHandler>> = {
  CreateRule: createRule,
  ModifyRule: modifyRule,
  DeleteRule: deleteRule,
  ModifyDomainAttributes: modifyDomainAttributes,
};
