/**
 * A listener as DescribeListeners reports it → an entry of an apply file that describes it
 * (docs/apply.md, "export"). Values equal to the API's defaults are left out, with the same
 * defaults `apply` compares against (compare.ts), so applying the export right away plans clean:
 * every field written here is read back by the comparison as the very value it came from.
 * Certificates are named by CertId (the API reports only ids); fields the API does not report
 * cannot be written, and say so. Anything that would be a secret (a private key, a value of the
 * run's secret registry) is left out. The entry is checked by the model's own validator, and a
 * field the rules refuse is left out with a note, so the file `apply` reads back is one it takes.
 * Pure: no I/O.
 */
import { holdsPrivateKey } from './certificates.js';
import { ATTR_FLAG_FIELDS, healthDefault, type ReportedListener, same, topDefault, UNREPORTED_FIELDS } from './compare.js';
import { CREATE_LISTENER_FIELDS, type FieldSpec, HEALTH_CHECK_FIELDS } from './fields.js';
import { pathText, type Path } from './paths.js';
import { show } from './rules.js';
import { message, render, type Message, type Param } from '../core/i18n.js';
import { EXPORT_NOTES } from './export.messages.js';
import { blocking, validateCreateListener } from './validate.js';

/** One entry of the exported file, with the notes written above it as comments. */
export interface ExportedEntry {
  /** The apply file's entry: `Port`, `ListenerName` and CreateListener's other field names. */
  entry: Record<string, unknown>;
  /** What the entry leaves out, and why (one line each, in English). */
  notes: string[];
  /** The same notes as catalogue messages, for the edge to say in the run's language. */
  noteTexts: Message[];
  listenerId: string;
  /** The rules still refuse the entry as written (a note says why): it needs an edit before apply takes it. */
  refused: boolean;
}

export interface ExportOptions {
  /** For the certificate-date rules of the self-check. */
  now: number;
  /** Values that must never be printed (the run's secret registry). */
  secrets: readonly string[];
}

const SKIPPED_TOP = new Set([
  'LoadBalancerId',
  'Ports',
  'Protocol',
  'ListenerNames',
  'EndPort',
  'HealthCheck',
  'Certificate',
  'MultiCertInfo',
]);
const L4_AND_TLS = new Set(['TCP', 'UDP', 'TCP_SSL', 'QUIC']);
const CERTIFICATE_PROTOCOLS = new Set(['HTTPS', 'TCP_SSL', 'QUIC']);
const HTTP_CHECK_FIELDS = new Set(['HttpCode', 'HttpCheckPath', 'HttpCheckDomain', 'HttpCheckMethod', 'HttpVersion']);
const CUSTOM_CHECK_FIELDS = new Set(['ContextType', 'SendContext', 'RecvContext']);

const isAbsent = (value: unknown): boolean => value === undefined || value === null;
const record = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** A reported value in the type the field table gives the field (`0`/`1` for switches, booleans, upper-case enums). */
function typed(spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'switch':
      return value === true ? 1 : value === false ? 0 : value;
    case 'boolean':
      return value === 1 ? true : value === 0 ? false : value;
    case 'enum':
      return spec.upperCase && typeof value === 'string' ? value.toUpperCase() : value;
    default:
      return value;
  }
}

function healthCheckOf(reported: ReportedListener, protocol: string): Record<string, unknown> | undefined {
  const health = record(reported.HealthCheck);
  if (!health || !L4_AND_TLS.has(protocol)) return undefined;
  const checkType = String(health.CheckType ?? healthDefault('CheckType', protocol)).toUpperCase();
  const out: Record<string, unknown> = {};
  for (const spec of HEALTH_CHECK_FIELDS) {
    const value = typed(spec, health[spec.api]);
    // GRPC status codes belong to rules; the others only to the check type they configure.
    if (spec.api === 'ExtendedCode' || isAbsent(value) || value === '') continue;
    if (HTTP_CHECK_FIELDS.has(spec.api) && checkType !== 'HTTP') continue;
    if (CUSTOM_CHECK_FIELDS.has(spec.api) && checkType !== 'CUSTOM') continue;
    if (same(value, healthDefault(spec.api, protocol))) continue;
    out[spec.api] = value;
  }
  // An HTTP check on a TCP listener must give a domain ("" = the default) and an HTTP version.
  if (checkType === 'HTTP' && protocol === 'TCP') {
    if (out.HttpCheckDomain === undefined) out.HttpCheckDomain = typeof health.HttpCheckDomain === 'string' ? health.HttpCheckDomain : '';
    if (out.HttpVersion === undefined && typeof health.HttpVersion === 'string') out.HttpVersion = health.HttpVersion;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Certificate (one server certificate) or MultiCertInfo (several), by id, as apply compares them. */
function certificatesOf(reported: ReportedListener, protocol: string, notes: Notes): Record<string, unknown> {
  const cert = record(reported.Certificate);
  if (!cert || !CERTIFICATE_PROTOCOLS.has(protocol)) return {};
  const ids = (value: unknown) => (typeof value === 'string' && value !== '' ? [value] : []);
  const servers = [...ids(cert.CertId), ...(Array.isArray(cert.ExtCertIds) ? cert.ExtCertIds.flatMap(ids) : [])];
  const ca = ids(cert.CertCaId);
  const mode = String(cert.SSLMode ?? 'UNIDIRECTIONAL').toUpperCase();
  const mutual = mode === 'MUTUAL';
  const verify = typeof cert.SSLVerifyClient === 'string' ? cert.SSLVerifyClient.toUpperCase() : undefined;
  if (servers.length > 1) {
    // apply compares the set of every id reported (servers and the CA), so the list holds them all.
    if (ca.length && !mutual) notes.add(message(EXPORT_NOTES.caBesideOneWay, { ca: ca[0]! }));
    return {
      MultiCertInfo: {
        SSLMode: mode,
        CertList: [...servers, ...ca].map((CertId) => ({ CertId })),
        ...(mutual && verify && verify !== 'ON' ? { SSLVerifyClient: verify } : {}),
      },
    };
  }
  if (servers.length === 0) return {};
  return {
    Certificate: {
      ...(mutual ? { SSLMode: mode } : {}),
      CertId: servers[0],
      ...(mutual && ca.length ? { CertCaId: ca[0] } : {}),
      ...(mutual && verify && verify !== 'ON' ? { SSLVerifyClient: verify } : {}),
    },
  };
}

/** The place of a value in the entry: `['HealthCheck', 'TimeOut']`; `Ports` and `ListenerNames` are the file's `Port` and `ListenerName`. */
function entryPath(path: Path): (string | number)[] {
  if (path[0] === 'Ports') return ['Port'];
  if (path[0] === 'ListenerNames') return ['ListenerName'];
  return [...path];
}

/** Removes the value at `path`, and objects or lists it leaves empty; false when there was nothing to remove. */
export function drop(entry: Record<string, unknown>, path: (string | number)[]): boolean {
  const parents: unknown[] = [entry];
  for (const key of path.slice(0, -1)) {
    const next = (parents.at(-1) as Record<string | number, unknown> | undefined)?.[key];
    if (!next || typeof next !== 'object') return false;
    parents.push(next);
  }
  const last = path.at(-1)!;
  const parent = parents.at(-1) as Record<string | number, unknown>;
  if (!(last in parent)) return false;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else delete parent[last];
  // An emptied object or list goes too: `HealthCheck: {}` would say something else.
  for (let i = parents.length - 1; i > 0; i--) {
    const value = parents[i] as object;
    if (Object.keys(value).length > 0) break;
    const holder = parents[i - 1] as Record<string | number, unknown>;
    const key = path[i - 1]!;
    if (Array.isArray(holder) && typeof key === 'number') holder.splice(key, 1);
    else delete holder[key];
  }
  return true;
}

/** Every string of a value, with its path. */
export function strings(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, [...path, i]));
  const object = record(value);
  return object ? Object.entries(object).flatMap(([k, v]) => strings(v, [...path, k])) : [];
}

/** The entry as the validator takes it: `Port` → `Ports`, `ListenerName` → `ListenerNames`. */
function requestOf(entry: Record<string, unknown>): Record<string, unknown> {
  const { Port, ListenerName, ...rest } = entry;
  return { ...rest, Ports: [Port], ...(ListenerName !== undefined ? { ListenerNames: [ListenerName] } : {}) };
}

export function exportListener(loadBalancerId: string, reported: ReportedListener, options: ExportOptions): ExportedEntry {
  const protocol = String(reported.Protocol ?? '').toUpperCase();
  const port = reported.Port as number;
  const notes = new Notes();
  const entry: Record<string, unknown> = { LoadBalancerId: loadBalancerId, Protocol: protocol, Port: port };
  if (typeof reported.EndPort === 'number' && reported.EndPort > port) entry.EndPort = reported.EndPort;
  if (typeof reported.ListenerName === 'string' && reported.ListenerName !== '') entry.ListenerName = reported.ListenerName;
  const health = healthCheckOf(reported, protocol);
  if (health) entry.HealthCheck = health;
  Object.assign(entry, certificatesOf(reported, protocol, notes));
  for (const spec of CREATE_LISTENER_FIELDS) {
    if (SKIPPED_TOP.has(spec.api)) continue;
    if (UNREPORTED_FIELDS.has(spec.api)) {
      // Said once per listener it could apply to; the file's header says it for all.
      if (spec.api === 'SslCloseSwitch' && protocol === 'TCP_SSL') notes.add(message(EXPORT_NOTES.sslCloseSwitch));
      continue;
    }
    const value = ATTR_FLAG_FIELDS.has(spec.api)
      ? Array.isArray(reported.AttrFlags) && reported.AttrFlags.includes(spec.api)
      : typed(spec, reported[spec.api]);
    if (isAbsent(value) || value === '' || value === false) continue;
    if (same(value, topDefault(spec.api, protocol))) continue;
    entry[spec.api] = value;
  }
  // Never a secret: a private key, or any value the run keeps secret, is left out whatever field holds it.
  for (const { path, text } of strings(entry)) {
    if (holdsPrivateKey(text) || options.secrets.some((secret) => text.includes(secret))) {
      drop(entry, path);
      notes.add(message(EXPORT_NOTES.holdsSecret, { path: pathText(path) }));
    }
  }
  // What the rules refuse is left out (so apply takes the file), and said; what cannot be left out is said too.
  let refusedAsWritten = false;
  for (let pass = 0; pass < 5; pass++) {
    const { findings } = validateCreateListener(requestOf(entry), { now: options.now });
    const refused = blocking(findings, true);
    if (refused.length === 0) break;
    let dropped = false;
    for (const finding of refused) {
      const path = entryPath(finding.path);
      const identity = ['LoadBalancerId', 'Port', 'Protocol'].includes(String(path[0]));
      const value = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown> | undefined)?.[key], entry);
      if (!identity && value !== undefined && drop(entry, path)) {
        dropped = true;
        notes.add(message(EXPORT_NOTES.leftOut, { path: pathText(path), value: show(value), reason: reasonOf(finding) }));
      } else {
        refusedAsWritten = true;
        notes.add(message(EXPORT_NOTES.refusedAsExported, { path: pathText(path), reason: reasonOf(finding) }));
      }
    }
    if (!dropped) break;
  }
  return { entry, notes: notes.english, noteTexts: notes.texts, listenerId: String(reported.ListenerId ?? ''), refused: refusedAsWritten };
}

/** An entry's notes, each once, in English and as messages. */
class Notes {
  readonly english: string[] = [];
  readonly texts: Message[] = [];
  add(note: Message): void {
    const english = render('en', note);
    if (this.english.includes(english)) return;
    this.english.push(english);
    this.texts.push(note);
  }
}

/** A rule's finding as a reason in both languages, other fields' `{Path}` written plainly. */
function reasonOf(finding: { message: string; text?: Message }): Param {
  const plain = (text: string) => text.replace(/\{([^}]+)\}/g, '$1');
  if (!finding.text) return plain(finding.message);
  return { en: plain(render('en', finding.text)), zh: plain(render('zh', finding.text)) };
}
