/**
 * The forwarding rules of an HTTP/HTTPS listener as DescribeListeners reports them (RuleOutput)
 * → the `Rules:` of its entry in an apply file (RuleInput, as apply takes it; docs/apply.md,
 * "export"). What `apply` compares for a rule is what is written: its domains and URL, the rule
 * fields (health check, scheduler, session expiry, ForwardType, TargetType, CookieName) and the
 * domain fields (certificate by CertId, Http2, Quic, DefaultServer), each left out when it
 * equals the API's default (rule-defaults.ts). A domain's fields are shared by all its rules, so
 * they are written once, on the domain's first rule. Settings apply does not manage (TRPC,
 * OAuth, redirects) are left out with a note. No secret is written, and the rules are checked by
 * the forwarding-rule table: a field it refuses is left out with a note. Pure: no I/O.
 */
import { say, type Language } from '../core/i18n.js';
import { holdsPrivateKey } from './certificates.js';
import { drop, strings } from './export-listener.js';
import { EXPORT_TEXT as T } from './export-text.js';
import { HEALTH_CHECK_FIELDS, type Protocol } from './fields.js';
import { pathText } from './paths.js';
import { ruleDefault, ruleHealthDefault } from './rule-defaults.js';
import { checkForwardingRules } from './rule-rules.js';
import { show } from './rules.js';

export interface ExportedRules {
  /** The entry's `Rules:`; empty when the listener has none. */
  rules: Record<string, unknown>[];
  /** Notes for the entry (paths start with `Rules[i]`). */
  notes: string[];
  /** The rules still refuse what is written (a note says why). */
  refused: boolean;
}

export interface RuleExportOptions {
  now: number;
  secrets: readonly string[];
  language: Language;
}

/** Health-check keys that belong to layer-4 listeners, never to rules. */
const LAYER4_CHECK = new Set(['CheckPort', 'ContextType', 'SendContext', 'RecvContext', 'HttpVersion']);
const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === '';
const record = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const upper = (value: unknown): unknown => (typeof value === 'string' ? value.toUpperCase() : value);

function domainsOf(rule: Record<string, unknown>): string[] {
  const list = Array.isArray(rule.Domains) ? rule.Domains.filter((d): d is string => typeof d === 'string' && d !== '') : [];
  if (list.length) return list;
  return typeof rule.Domain === 'string' && rule.Domain !== '' ? [rule.Domain] : [];
}

function healthCheckOf(reported: unknown, protocol: string, forwardType: string): Record<string, unknown> | undefined {
  const health = record(reported);
  if (!health) return undefined;
  const out: Record<string, unknown> = {};
  for (const spec of HEALTH_CHECK_FIELDS) {
    const value = spec.kind === 'enum' ? upper(health[spec.api]) : health[spec.api];
    if (isAbsent(value) || LAYER4_CHECK.has(spec.api)) continue;
    // GRPC status codes mean something only to rules that forward GRPC.
    if (spec.api === 'ExtendedCode' && !forwardType.startsWith('GRPC')) continue;
    if (value === ruleHealthDefault(spec.api, protocol, forwardType)) continue;
    out[spec.api] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A domain's certificate by id: `Certificate` for one server certificate, `MultiCertInfo` for several (the CA among them). */
function certificateOf(reported: unknown): Record<string, unknown> {
  const cert = record(reported);
  if (!cert) return {};
  const ids = (value: unknown) => (typeof value === 'string' && value !== '' ? [value] : []);
  const servers = [...ids(cert.CertId), ...(Array.isArray(cert.ExtCertIds) ? cert.ExtCertIds.flatMap(ids) : [])];
  if (servers.length === 0) return {};
  const mode = String(cert.SSLMode ?? 'UNIDIRECTIONAL').toUpperCase();
  const mutual = mode === 'MUTUAL';
  const ca = mutual ? ids(cert.CertCaId) : [];
  const verify = typeof cert.SSLVerifyClient === 'string' ? cert.SSLVerifyClient.toUpperCase() : undefined;
  const verifyField = mutual && verify && verify !== 'ON' ? { SSLVerifyClient: verify } : {};
  if (servers.length > 1) {
    return { MultiCertInfo: { SSLMode: mode, CertList: [...servers, ...ca].map((CertId) => ({ CertId })), ...verifyField } };
  }
  return {
    Certificate: { ...(mutual ? { SSLMode: mode } : {}), CertId: servers[0], ...(ca.length ? { CertCaId: ca[0] } : {}), ...verifyField },
  };
}

/** What a reported rule holds that apply does not manage, as `[field, value]`. */
function unmanaged(rule: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const field of ['TrpcCallee', 'TrpcFunc']) if (!isAbsent(rule[field])) out.push([field, rule[field]]);
  if (record(rule.OAuth)?.OAuthEnable === true) out.push(['OAuth', rule.OAuth]);
  const rewrite = record(rule.RewriteTarget);
  if (rewrite && !isAbsent(rewrite.TargetListenerId)) out.push(['RewriteTarget', rewrite]);
  return out;
}

export function exportRules(
  listener: { Protocol?: unknown; SniSwitch?: unknown; Rules?: unknown },
  options: RuleExportOptions,
): ExportedRules {
  const protocol = String(listener.Protocol ?? '').toUpperCase();
  const sni = listener.SniSwitch === 1 || listener.SniSwitch === true ? 1 : 0;
  const reported = Array.isArray(listener.Rules) ? listener.Rules.flatMap((r) => (record(r) ? [record(r)!] : [])) : [];
  const t = (text: (typeof T)[keyof typeof T], params: Record<string, string | number>) => say(options.language, text, params);
  const notes: string[] = [];
  const rules: Record<string, unknown>[] = [];
  if (protocol !== 'HTTP' && protocol !== 'HTTPS') return { rules, notes, refused: false };
  const domainsWritten = new Set<string>();
  for (const [i, source] of reported.entries()) {
    const domains = domainsOf(source);
    const forwardType = String(upper(source.ForwardType) ?? 'HTTP');
    const rule: Record<string, unknown> = domains.length > 1 ? { Domains: domains } : { Domain: domains[0] ?? '' };
    rule.Url = source.Url;
    for (const field of ['SessionExpireTime', 'Scheduler', 'ForwardType', 'TargetType', 'CookieName']) {
      const value = field === 'SessionExpireTime' || field === 'CookieName' ? source[field] : upper(source[field]);
      if (!isAbsent(value) && value !== ruleDefault(field)) rule[field] = value;
    }
    const health = healthCheckOf(source.HealthCheck, protocol, forwardType);
    if (health) rule.HealthCheck = health;
    // A domain's settings are shared by its rules: written on its first rule only.
    const key = [...domains].sort().join(',');
    if (!domainsWritten.has(key)) {
      domainsWritten.add(key);
      // Without SNI the listener's certificate serves every domain; a rule reports it, but does not own it.
      if (protocol === 'HTTPS' && sni === 1) Object.assign(rule, certificateOf(source.Certificate));
      if (source.Http2 === true) rule.Http2 = true;
      if (source.QuicStatus === 'QUIC_ACTIVE') rule.Quic = true;
      if (source.DefaultServer === true) rule.DefaultServer = true;
    }
    for (const [field, value] of unmanaged(source)) notes.push(t(T.notManaged, { path: `Rules[${i}].${field}`, value: show(value) }));
    rules.push(rule);
  }

  // Never a secret, whatever field holds it.
  for (const { path, text } of strings(rules)) {
    if (holdsPrivateKey(text) || options.secrets.some((secret) => text.includes(secret))) {
      if (drop(rules as unknown as Record<string, unknown>, path)) notes.push(t(T.secretLeftOut, { path: pathText(['Rules', ...path]) }));
    }
  }
  // What the forwarding-rule table refuses is left out, and said; what cannot be left out is said too.
  let refused = false;
  for (let pass = 0; pass < 5; pass++) {
    const findings = checkForwardingRules({
      protocol: protocol as Protocol,
      sniSwitch: sni,
      rules,
      now: options.now,
      language: options.language,
    }).filter((f) => f.severity === 'refuse');
    if (findings.length === 0) break;
    let dropped = false;
    for (const finding of findings) {
      const [, index, ...rest] = finding.path;
      const reason = finding.message.replace(/\{([^}]+)\}/g, '$1');
      const where = pathText(finding.path);
      const value = [index, ...rest].reduce<unknown>((at, k) => (at as Record<string | number, unknown> | undefined)?.[k as string], rules);
      const key = rest[0];
      const identity = key === undefined || key === 'Domain' || key === 'Domains' || key === 'Url';
      if (!identity && value !== undefined && drop(rules as unknown as Record<string, unknown>, [index as number, ...rest])) {
        dropped = true;
        notes.push(t(T.refusedLeftOut, { path: where, value: show(value), reason }));
      } else {
        refused = true;
        const note = t(T.refusedAsWritten, { path: where, reason });
        if (!notes.includes(note)) notes.push(note);
      }
    }
    if (!dropped) break;
  }
  return { rules, notes, refused };
}
