/**
 * What is asked for (a CreateListener request for one port) against what DescribeListeners
 * reports for the listener on that port, field by field (docs/api/modify-listener.md). Only the
 * fields the request sets are compared, so a setting the user left to the API's default never
 * shows as a difference; where the API reports nothing (null), its documented default stands in.
 * Pure: no I/O.
 */
import { CREATE_LISTENER_FIELDS, type CreateListenerRequest } from './fields.js';
import { type Message, message, render } from '../core/i18n.js';
import { COMPARE } from './compare.messages.js';
import { sharedHealthDefault } from './health-defaults.js';

/** One setting that differs. */
export interface FieldChange {
  /** API path: `Scheduler`, `HealthCheck.TimeOut`, `ListenerName`. */
  path: string;
  /** What DescribeListeners reports (its documented default where it reports nothing). */
  old: unknown;
  /** What the request asks for. */
  new: unknown;
  /** ModifyListener can make this change; otherwise the listener must be deleted and created again. */
  modifiable: boolean;
}

export interface Comparison {
  changes: FieldChange[];
  /** Fields that were asked for but cannot be compared, and why (English, as `-o json` carries them). */
  notes: string[];
  /** The same notes as catalogue messages, for saying them in the run's language. */
  noteTexts?: Message[];
}

function note(out: Comparison, text: Message): void {
  out.notes.push(render('en', text));
  out.noteTexts = [...(out.noteTexts ?? []), text];
}

/** A listener as DescribeListeners reports it. */
export type ReportedListener = Record<string, unknown>;

/** The switches reported as names in AttrFlags (present = on). */
export const ATTR_FLAG_FIELDS: ReadonlySet<string> = new Set([
  'ProxyProtocol',
  'SnatEnable',
  'H2cSwitch',
  'RescheduleTargetZeroWeight',
  'RescheduleUnhealthy',
  'RescheduleExpandTarget',
]);

/** Fields ModifyListener takes (docs/api/modify-listener.md). */
export const MODIFIABLE_FIELDS: ReadonlySet<string> = new Set([
  'ListenerNames',
  'SessionExpireTime',
  'HealthCheck',
  'Certificate',
  'Scheduler',
  'SniSwitch',
  'TargetType',
  'KeepaliveEnable',
  'DeregisterTargetRst',
  'SessionType',
  'MultiCertInfo',
  'MaxConn',
  'MaxCps',
  'IdleConnectTimeout',
  'ProxyProtocol',
  'SnatEnable',
  'DataCompressMode',
  'RescheduleTargetZeroWeight',
  'RescheduleUnhealthy',
  'RescheduleExpandTarget',
  'RescheduleStartTime',
  'RescheduleInterval',
]);

/** Fields DescribeListeners does not report: asked for, they cannot be checked. */
export const UNREPORTED_FIELDS: ReadonlySet<string> = new Set(['FullEndPorts', 'SslCloseSwitch']);

/** Fields that say which listener this is rather than how it is set. */
const IDENTITY_FIELDS = new Set(['LoadBalancerId', 'Ports', 'Protocol']);

/** The documented defaults, for settings the API reports as null. */
export function topDefault(field: string, protocol: string): unknown {
  switch (field) {
    case 'SessionExpireTime':
    case 'SniSwitch':
    case 'KeepaliveEnable':
    case 'RescheduleStartTime':
    case 'RescheduleInterval':
    case 'EndPort':
      return 0;
    case 'Scheduler':
      return 'WRR';
    case 'TargetType':
      return 'NODE';
    case 'SessionType':
      return 'NORMAL';
    case 'DeregisterTargetRst':
      return false;
    case 'MaxConn':
    case 'MaxCps':
      return -1;
    case 'DataCompressMode':
      return 'transparent';
    case 'IdleConnectTimeout':
      return protocol === 'TCP' ? 900 : protocol === 'UDP' ? 300 : undefined;
    default:
      return undefined;
  }
}

export function healthDefault(field: string, protocol: string): unknown {
  switch (field) {
    case 'CheckPort':
      return -1;
    case 'CheckType':
      return protocol === 'UDP' ? 'PING' : 'TCP';
    default:
      return sharedHealthDefault(field);
  }
}

const isAbsent = (value: unknown): boolean => value === undefined || value === null;

/** Equal as settings: an empty string matches nothing reported, case is ignored for words. */
export function same(wanted: unknown, reported: unknown): boolean {
  if (wanted === reported) return true;
  if (wanted === '' && isAbsent(reported)) return true;
  if (typeof wanted === 'string' && typeof reported === 'string') return wanted.toUpperCase() === reported.toUpperCase();
  if (typeof wanted === 'number' && typeof reported === 'boolean') return wanted === (reported ? 1 : 0);
  if (typeof wanted === 'boolean' && typeof reported === 'number') return reported === (wanted ? 1 : 0);
  return false;
}

function reportedOr(value: unknown, fallback: unknown): unknown {
  return isAbsent(value) ? fallback : value;
}

function compareHealthCheck(wanted: Record<string, unknown>, actual: ReportedListener, protocol: string, out: Comparison): void {
  const reported = (actual.HealthCheck ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const old = reportedOr(reported[key], healthDefault(key, protocol));
    if (!same(value, old)) out.changes.push({ path: `HealthCheck.${key}`, old: old ?? null, new: value, modifiable: true });
  }
}

const UPLOAD_FIELDS = ['CertName', 'CertContent', 'CertKey', 'CertCaName', 'CertCaContent'];

function serverCertIds(reported: Record<string, unknown>): string[] {
  const ext = Array.isArray(reported.ExtCertIds) ? (reported.ExtCertIds as unknown[]).filter((id) => typeof id === 'string') : [];
  return [reported.CertId, ...ext].filter((id): id is string => typeof id === 'string' && id !== '');
}

function compareCertificate(wanted: Record<string, unknown>, actual: ReportedListener, out: Comparison): void {
  const reported = (actual.Certificate ?? {}) as Record<string, unknown>;
  if (wanted.SSLMode !== undefined) {
    const old = reportedOr(reported.SSLMode, 'UNIDIRECTIONAL');
    if (!same(wanted.SSLMode, old)) out.changes.push({ path: 'Certificate.SSLMode', old, new: wanted.SSLMode, modifiable: true });
  }
  if (wanted.CertId !== undefined) {
    const servers = serverCertIds(reported);
    if (!(servers.length === 1 && servers[0] === wanted.CertId)) {
      out.changes.push({
        path: 'Certificate.CertId',
        old: servers.length ? servers.join(', ') : null,
        new: wanted.CertId,
        modifiable: true,
      });
    }
  }
  for (const key of ['CertCaId', 'SSLVerifyClient'] as const) {
    if (wanted[key] === undefined) continue;
    const old = reportedOr(reported[key], key === 'SSLVerifyClient' ? 'ON' : null);
    if (!same(wanted[key], old)) out.changes.push({ path: `Certificate.${key}`, old, new: wanted[key], modifiable: true });
  }
  if (UPLOAD_FIELDS.some((key) => wanted[key] !== undefined)) {
    note(out, message(COMPARE.uploadNotCompared));
  }
}

function compareMultiCert(wanted: Record<string, unknown>, actual: ReportedListener, out: Comparison): void {
  const reported = (actual.Certificate ?? {}) as Record<string, unknown>;
  if (wanted.SSLMode !== undefined) {
    const old = reportedOr(reported.SSLMode, 'UNIDIRECTIONAL');
    if (!same(wanted.SSLMode, old)) out.changes.push({ path: 'MultiCertInfo.SSLMode', old, new: wanted.SSLMode, modifiable: true });
  }
  const list = Array.isArray(wanted.CertList) ? (wanted.CertList as Record<string, unknown>[]) : [];
  if (list.some((cert) => cert.CertId === undefined)) {
    note(out, message(COMPARE.uploadsNotCompared));
    return;
  }
  const wantedIds = list.map((cert) => String(cert.CertId)).sort();
  const ca = typeof reported.CertCaId === 'string' && reported.CertCaId !== '' ? [reported.CertCaId] : [];
  const reportedIds = [...serverCertIds(reported), ...ca].sort();
  if (wantedIds.join('\n') !== reportedIds.join('\n')) {
    out.changes.push({
      path: 'MultiCertInfo.CertList',
      old: reportedIds.length ? reportedIds.join(', ') : null,
      new: wantedIds.join(', '),
      modifiable: true,
    });
  }
}

/**
 * Compares a request for one port (`Ports: [port]`, at most one name) with the listener the API
 * reports on that port. The listener's identity (load balancer, port, protocol) is the caller's
 * business; everything else the request sets is compared here.
 */
export function compareListener(wanted: CreateListenerRequest, actual: ReportedListener): Comparison {
  const out: Comparison = { changes: [], notes: [] };
  const protocol = String(actual.Protocol ?? wanted.Protocol).toUpperCase();
  const fields = wanted as unknown as Record<string, unknown>;
  // In the field table's order, so plans read the same whatever order the input was written in.
  const order = CREATE_LISTENER_FIELDS.map((spec) => spec.api).filter((api) => api in fields);
  for (const field of order) {
    const value = fields[field];
    if (value === undefined || IDENTITY_FIELDS.has(field)) continue;
    if (UNREPORTED_FIELDS.has(field)) {
      note(out, message(COMPARE.notReported, { field }));
      continue;
    }
    switch (field) {
      case 'ListenerNames': {
        const name = (value as string[])[0];
        const old = reportedOr(actual.ListenerName, '');
        if (name !== undefined && !same(name, old)) out.changes.push({ path: 'ListenerName', old, new: name, modifiable: true });
        break;
      }
      case 'HealthCheck':
        compareHealthCheck(value as Record<string, unknown>, actual, protocol, out);
        break;
      case 'Certificate':
        compareCertificate(value as Record<string, unknown>, actual, out);
        break;
      case 'MultiCertInfo':
        compareMultiCert(value as Record<string, unknown>, actual, out);
        break;
      default: {
        const reported = ATTR_FLAG_FIELDS.has(field)
          ? Array.isArray(actual.AttrFlags) && (actual.AttrFlags as unknown[]).includes(field)
          : reportedOr(actual[field], topDefault(field, protocol));
        if (same(value, reported)) break;
        // SNI can be switched on later, never off (docs/api/modify-listener.md).
        const modifiable = MODIFIABLE_FIELDS.has(field) && !(field === 'SniSwitch' && value === 0);
        out.changes.push({ path: field, old: reported ?? null, new: value, modifiable });
      }
    }
  }
  return out;
}

/**
 * The ModifyListener body that makes `changes` (all modifiable): the changed top-level fields with
 * their wanted values, and each changed nested object (HealthCheck, Certificate, MultiCertInfo)
 * whole, as the request gives it.
 */
export function modifyListenerBody(
  wanted: CreateListenerRequest,
  listenerId: string,
  changes: readonly FieldChange[],
): Record<string, unknown> {
  const fields = wanted as unknown as Record<string, unknown>;
  const body: Record<string, unknown> = { LoadBalancerId: wanted.LoadBalancerId, ListenerId: listenerId };
  for (const change of changes) {
    const top = change.path.split('.')[0]!;
    if (top === 'ListenerName') body.ListenerName = wanted.ListenerNames?.[0];
    else body[top] = fields[top];
  }
  return body;
}
