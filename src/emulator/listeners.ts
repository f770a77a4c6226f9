/**
 * Turns an accepted CreateListener into stored listeners in the DescribeListeners shape,
 * filling in the defaults the documentation gives for every omitted field.
 */
import { newCertId } from './ids.js';
import {
  defaultCheckType,
  type CertificateInput,
  type CreateListenerInput,
  type HealthCheckInput,
  type MultiCertInfo,
  type Protocol,
} from './rules.js';
import type { ListenerView } from './types.js';

const LAYER7: readonly Protocol[] = ['HTTP', 'HTTPS'];

/** CertificateOutput: SSLMode, SSLVerifyClient, CertId, CertCaId, ExtCertIds. Uploads get fresh ids. */
function certificateOutput(input: CreateListenerInput, isCaCert?: (id: string) => boolean): Record<string, unknown> | null {
  if (input.Certificate) return fromCertificate(input.Certificate);
  if (input.MultiCertInfo) return fromMultiCert(input.MultiCertInfo, isCaCert);
  return null;
}

export function fromCertificate(cert: CertificateInput): Record<string, unknown> {
  const mutual = cert.SSLMode === 'MUTUAL';
  return {
    SSLMode: cert.SSLMode ?? 'UNIDIRECTIONAL',
    SSLVerifyClient: mutual ? (cert.SSLVerifyClient ?? 'ON') : null,
    CertId: cert.CertId ?? newCertId(),
    CertCaId: mutual ? (cert.CertCaId ?? newCertId()) : null,
    ExtCertIds: [],
  };
}

/**
 * An entry uploaded without a key is a CA; an entry given by id is what the certificate service
 * says it is (`isCaCert`: its CertificateType is CA). An id the service does not know is taken as
 * a server certificate, never guessed to be the CA from its place in the list.
 */
export function fromMultiCert(multi: MultiCertInfo, isCaCert: (id: string) => boolean = () => false): Record<string, unknown> {
  const mutual = multi.SSLMode === 'MUTUAL';
  const entries = multi.CertList.map((info) => ({
    id: info.CertId ?? newCertId(),
    isCa: info.CertId === undefined ? info.CertKey === undefined : isCaCert(info.CertId),
  }));
  const ca = entries.find((e) => e.isCa);
  const servers = entries.filter((e) => e !== ca).map((e) => e.id);
  return {
    SSLMode: multi.SSLMode,
    SSLVerifyClient: mutual ? (multi.SSLVerifyClient ?? 'ON') : null,
    CertId: servers[0] ?? null,
    CertCaId: ca?.id ?? null,
    ExtCertIds: servers.slice(1),
  };
}

export function healthCheckOutput(protocol: Protocol, sent: HealthCheckInput | undefined): Record<string, unknown> | null {
  if (LAYER7.includes(protocol)) return null; // HTTP/HTTPS health checks live on rules.
  const checkType = sent?.CheckType ?? defaultCheckType(protocol);
  const httpDefaults = checkType === 'HTTP' ? { HttpCode: 31, HttpCheckPath: '/', HttpCheckMethod: 'HEAD' } : {};
  // Every member of the HealthCheck model is reported, as the API reports them: null where it has
  // no value (docs/emulator.md).
  return {
    HealthSwitch: 1,
    TimeOut: 2,
    IntervalTime: 5,
    HealthNum: 3,
    UnHealthNum: 3,
    HttpCode: null,
    HttpCheckPath: null,
    HttpCheckDomain: null,
    HttpCheckMethod: null,
    CheckPort: -1,
    ContextType: null,
    SendContext: null,
    RecvContext: null,
    CheckType: checkType,
    HttpVersion: null,
    SourceIpType: 0,
    ExtendedCode: null,
    ...httpDefaults,
    ...sent,
  };
}

/**
 * The switches DescribeListeners reports not as fields of their own but as names in AttrFlags
 * (present = on), the way the Terraform provider reads them back (docs/api/modify-listener.md).
 */
export const ATTR_FLAG_FIELDS = [
  'ProxyProtocol',
  'SnatEnable',
  'H2cSwitch',
  'RescheduleTargetZeroWeight',
  'RescheduleUnhealthy',
  'RescheduleExpandTarget',
] as const;

/** AttrFlags after `changes` (true adds a flag, false removes it) are applied to `current`. */
export function attrFlags(current: readonly string[], changes: Readonly<Record<string, unknown>>): string[] {
  const flags = new Set(current);
  for (const name of ATTR_FLAG_FIELDS) {
    if (changes[name] === true) flags.add(name);
    else if (changes[name] === false) flags.delete(name);
  }
  return [...flags];
}

function idleTimeoutDefault(protocol: Protocol): number | null {
  return protocol === 'TCP' ? 900 : protocol === 'UDP' ? 300 : null;
}

export interface BuildContext {
  loadBalancerId: string;
  listenerIds: string[];
  createTime: string;
  taskId: string;
  /** The body exactly as received, stored with each listener for the control surface. */
  request: Record<string, unknown>;
  /** Whether a certificate id names a CA certificate of the certificate service. */
  isCaCert?: (id: string) => boolean;
}

export function buildListeners(input: CreateListenerInput, ctx: BuildContext): ListenerView[] {
  const layer4 = !LAYER7.includes(input.Protocol);
  const certificate = certificateOutput(input, ctx.isCaCert);
  const healthCheck = healthCheckOutput(input.Protocol, input.HealthCheck);
  return input.Ports.map((port, i) => ({
    ListenerId: ctx.listenerIds[i]!,
    Protocol: input.Protocol,
    Port: port,
    Certificate: certificate,
    HealthCheck: healthCheck,
    Scheduler: layer4 ? (input.Scheduler ?? 'WRR') : null,
    SessionExpireTime: layer4 ? (input.SessionExpireTime ?? 0) : null,
    SniSwitch: input.SniSwitch ?? 0,
    Rules: layer4 ? null : [],
    ListenerName: input.ListenerNames?.[i] ?? '',
    CreateTime: ctx.createTime,
    EndPort: input.EndPort ?? 0,
    TargetType: input.TargetType ?? 'NODE',
    TargetGroup: null,
    SessionType: input.SessionType ?? 'NORMAL',
    KeepaliveEnable: input.KeepaliveEnable ?? 0,
    Toa: false,
    DeregisterTargetRst: input.DeregisterTargetRst ?? false,
    AttrFlags: attrFlags([], input as unknown as Record<string, unknown>),
    TargetGroupList: [],
    MaxConn: input.MaxConn ?? -1,
    MaxCps: input.MaxCps ?? -1,
    IdleConnectTimeout: input.IdleConnectTimeout ?? idleTimeoutDefault(input.Protocol),
    RescheduleInterval: input.RescheduleInterval ?? 0,
    DataCompressMode: input.DataCompressMode ?? 'transparent',
    RescheduleStartTime: input.RescheduleStartTime ?? 0,
    LoadBalancerId: ctx.loadBalancerId,
    request: structuredClone(ctx.request),
    TaskId: ctx.taskId,
  }));
}

/** The fields only the control surface shows; DescribeListeners leaves them out. */
const INTERNAL_FIELDS = new Set(['LoadBalancerId', 'request', 'TaskId']);

export function apiListener(view: ListenerView): Record<string, unknown> {
  return Object.fromEntries(Object.entries(view).filter(([key]) => !INTERNAL_FIELDS.has(key)));
}

/** Both ends of the port range a listener occupies. */
export function portSpan(view: Pick<ListenerView, 'Port'> & { EndPort?: unknown }): [number, number] {
  const end = typeof view.EndPort === 'number' && view.EndPort > view.Port ? view.EndPort : view.Port;
  return [view.Port, end];
}

/** TCP, HTTP, HTTPS and TCP_SSL share the TCP port space; UDP and QUIC share UDP. */
export function transportOf(protocol: string): 'tcp' | 'udp' {
  return protocol === 'UDP' || protocol === 'QUIC' ? 'udp' : 'tcp';
}
