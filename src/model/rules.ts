/**
 * CreateListener's cross-field rules (docs/api/create-listener.md): which fields apply to which protocols,
 * which combinations are required or exclusive. Pure: a request in, violations out, each naming
 * the flag a person would change.
 */
import { CREATE_LISTENER_FIELDS, HEALTH_CHECK_FIELDS, flagLabel, type Protocol } from './fields.js';
import type { CertificateInput, CreateListenerRequest, HealthCheck, MultiCertInfo } from './fields.js';

export interface Violation {
  path: (string | number)[];
  message: string;
  hint?: string;
}

const HEALTH_CHECK_TYPES: Partial<Record<Protocol, readonly string[]>> = {
  UDP: ['PING', 'CUSTOM'],
  TCP: ['TCP', 'HTTP', 'CUSTOM'],
  TCP_SSL: ['TCP', 'HTTP'],
  QUIC: ['TCP', 'HTTP'],
};

/** The API's defaults, used when only one side of TimeOut < IntervalTime is given. */
const DEFAULT_TIMEOUT = 2;
const DEFAULT_INTERVAL = 5;

const HTTP_ONLY_CHECK_FIELDS = ['HttpCode', 'HttpCheckPath', 'HttpCheckDomain', 'HttpCheckMethod', 'HttpVersion'] as const;

function listProtocols(protocols: readonly string[]): string {
  return protocols.length === 1 ? protocols[0]! : `${protocols.slice(0, -1).join(', ')} and ${protocols.at(-1)}`;
}

const isSet = (value: unknown): boolean => value !== undefined;

function protocolViolations(request: CreateListenerRequest, protocol: Protocol): Violation[] {
  const out: Violation[] = [];
  for (const spec of CREATE_LISTENER_FIELDS) {
    if (!spec.protocols || !isSet((request as unknown as Record<string, unknown>)[spec.api])) continue;
    if (!spec.protocols.includes(protocol)) {
      out.push({
        path: [spec.api],
        message: `--${spec.flag} applies only to ${listProtocols(spec.protocols)} listeners, not ${protocol}`,
        hint: `drop --${spec.flag}, or use --protocol ${spec.protocols[0]}`,
      });
    }
  }
  return out;
}

function portViolations(request: CreateListenerRequest): Violation[] {
  const out: Violation[] = [];
  const ports = Array.isArray(request.Ports) ? request.Ports : [];
  const seen = new Set<number>();
  for (const port of ports) {
    if (seen.has(port))
      out.push({ path: ['Ports'], message: `--port ${port} is given twice`, hint: 'each port creates one listener; list each once' });
    seen.add(port);
  }
  const names = request.ListenerNames;
  if (Array.isArray(names)) {
    if (names.length !== ports.length) {
      out.push({
        path: ['ListenerNames'],
        message: `--name gives ${names.length} name${names.length === 1 ? '' : 's'} for ${ports.length} port${ports.length === 1 ? '' : 's'}; names are matched to ports by position`,
        hint: 'give one --name per --port, or none',
      });
    }
    for (const [index, name] of names.entries()) {
      // Supplementary-plane characters (emoji, rare CJK) are refused by the API.
      if (typeof name === 'string' && /[\u{10000}-\u{10FFFF}]/u.test(name)) {
        out.push({ path: ['ListenerNames', index], message: `--name "${name}": emoji and other supplementary characters are not allowed` });
      }
    }
  }
  if (isSet(request.EndPort)) {
    if (ports.length !== 1) {
      out.push({ path: ['EndPort'], message: `--end-port needs exactly one --port (the start of the range), got ${ports.length}` });
    } else if (request.EndPort! <= ports[0]!) {
      out.push({ path: ['EndPort'], message: `--end-port ${request.EndPort} must be greater than --port ${ports[0]}` });
    }
  }
  return out;
}

function healthCheckViolations(health: HealthCheck, protocol: Protocol): Violation[] {
  const out: Violation[] = [];
  const at = (key: string) => ['HealthCheck', key];
  const label = (key: string) => flagLabel(at(key));
  for (const spec of HEALTH_CHECK_FIELDS) {
    if (spec.protocols && isSet((health as Record<string, unknown>)[spec.api]) && !spec.protocols.includes(protocol)) {
      out.push({
        path: at(spec.api),
        message: `${label(spec.api)} applies only to ${listProtocols(spec.protocols)} listeners, not ${protocol}`,
      });
    }
  }
  const timeout = health.TimeOut ?? DEFAULT_TIMEOUT;
  const interval = health.IntervalTime ?? DEFAULT_INTERVAL;
  if ((isSet(health.TimeOut) || isSet(health.IntervalTime)) && timeout >= interval) {
    const which = isSet(health.TimeOut) ? 'TimeOut' : 'IntervalTime';
    out.push({
      path: at(which),
      message: `${flagLabel(['HealthCheck'])} TimeOut (${timeout}${isSet(health.TimeOut) ? '' : ', the default'}) must be less than IntervalTime (${interval}${isSet(health.IntervalTime) ? '' : ', the default'})`,
    });
  }
  const allowed = HEALTH_CHECK_TYPES[protocol];
  if (health.CheckType && allowed && !allowed.includes(health.CheckType)) {
    out.push({
      path: at('CheckType'),
      message: `${label('CheckType')} ${health.CheckType} is not available on ${protocol} listeners`,
      hint: `use one of ${allowed.join(', ')}`,
    });
  }
  if (health.CheckType === 'CUSTOM') {
    for (const key of ['ContextType', 'SendContext', 'RecvContext'] as const) {
      if (!isSet(health[key])) out.push({ path: at(key), message: `${flagLabel(['HealthCheck'])} CheckType=CUSTOM needs ${key}` });
    }
  } else {
    for (const key of ['ContextType', 'SendContext', 'RecvContext'] as const) {
      if (isSet(health[key])) out.push({ path: at(key), message: `${label(key)} is only used with CheckType=CUSTOM` });
    }
  }
  if (health.ContextType === 'HEX') {
    for (const key of ['SendContext', 'RecvContext'] as const) {
      const text = health[key];
      if (typeof text === 'string' && !(/^[0-9A-F]*$/.test(text) && text.length % 2 === 0)) {
        out.push({
          path: at(key),
          message: `${label(key)} "${text}": with ContextType=HEX it must be an even number of 0-9A-F characters`,
        });
      }
    }
  } else {
    for (const key of ['SendContext', 'RecvContext'] as const) {
      const text = health[key];
      if (typeof text === 'string' && !/^[\x20-\x7e]*$/.test(text)) {
        out.push({ path: at(key), message: `${label(key)}: only visible ASCII characters are allowed` });
      }
    }
  }
  if (health.CheckType === 'HTTP' && protocol === 'TCP') {
    for (const key of ['HttpCheckDomain', 'HttpVersion'] as const) {
      if (!isSet(health[key]))
        out.push({ path: at(key), message: `${flagLabel(['HealthCheck'])} CheckType=HTTP on a TCP listener needs ${key}` });
    }
  }
  if (health.CheckType !== 'HTTP') {
    for (const key of HTTP_ONLY_CHECK_FIELDS) {
      if (isSet(health[key])) out.push({ path: at(key), message: `${label(key)} is only used with CheckType=HTTP` });
    }
  }
  return out;
}

function certificateViolations(cert: CertificateInput): Violation[] {
  const out: Violation[] = [];
  const at = (key: string) => ['Certificate', key];
  const mutual = cert.SSLMode === 'MUTUAL';
  const upload = (['CertName', 'CertContent', 'CertKey'] as const).filter((k) => isSet(cert[k]));
  if (isSet(cert.CertId) && upload.length) {
    out.push({
      path: at('CertId'),
      message: `--cert-id and an uploaded certificate (${upload.join(', ')}) are exclusive`,
      hint: 'give --cert-id, or --cert-file with --key-file, not both',
    });
  } else if (!isSet(cert.CertId)) {
    const missing = (['CertName', 'CertContent', 'CertKey'] as const).filter((k) => !isSet(cert[k]));
    if (upload.length === 0) {
      out.push({
        path: at('CertId'),
        message: 'the certificate needs --cert-id, or --cert-file and --key-file to upload one',
        hint: 'e.g. --cert-id MsJyaXVm',
      });
    } else if (missing.length) {
      out.push({
        path: at(missing[0]!),
        message: `uploading a certificate needs CertName, CertContent and CertKey; missing ${missing.join(', ')}`,
        hint: 'use --cert-file, --key-file and --cert-name',
      });
    }
  }
  const caUpload = (['CertCaName', 'CertCaContent'] as const).filter((k) => isSet(cert[k]));
  if (mutual) {
    if (isSet(cert.CertCaId) && caUpload.length) {
      out.push({ path: at('CertCaId'), message: '--ca-cert-id and an uploaded CA (--ca-file) are exclusive' });
    } else if (!isSet(cert.CertCaId) && caUpload.length < 2) {
      out.push({
        path: at(caUpload.includes('CertCaContent') ? 'CertCaName' : 'CertCaId'),
        message: '--ssl-mode MUTUAL needs the client CA: --ca-cert-id, or --ca-file with --ca-name',
      });
    }
  } else {
    if (isSet(cert.SSLVerifyClient))
      out.push({ path: at('SSLVerifyClient'), message: '--ssl-verify-client is only used with --ssl-mode MUTUAL' });
    for (const key of ['CertCaId', ...caUpload] as const) {
      if (isSet(cert[key]))
        out.push({
          path: at(key),
          message: `${key === 'CertCaId' ? '--ca-cert-id' : '--ca-file/--ca-name'} is only used with --ssl-mode MUTUAL`,
        });
    }
  }
  return out;
}

function multiCertViolations(multi: MultiCertInfo): Violation[] {
  const out: Violation[] = [];
  if (multi.SSLMode !== 'MUTUAL' && isSet(multi.SSLVerifyClient)) {
    out.push({ path: ['MultiCertInfo', 'SSLVerifyClient'], message: '--multi-cert-info SSLVerifyClient is only used with SSLMode MUTUAL' });
  }
  for (const [index, cert] of (Array.isArray(multi.CertList) ? multi.CertList : []).entries()) {
    const path = ['MultiCertInfo', 'CertList', index];
    if (isSet(cert.CertId) && (isSet(cert.CertContent) || isSet(cert.CertKey))) {
      out.push({ path: [...path, 'CertId'], message: `--multi-cert-info CertList[${index}]: CertId and uploaded content are exclusive` });
    } else if (!isSet(cert.CertId) && !(isSet(cert.CertName) && isSet(cert.CertContent))) {
      out.push({
        path: [...path, 'CertId'],
        message: `--multi-cert-info CertList[${index}] needs CertId, or CertName and CertContent (and CertKey for a server certificate)`,
      });
    }
  }
  return out;
}

/** TCP_SSL listeners, and HTTPS ones with SNI off, carry their certificate on the listener. */
export function needsListenerCertificate(protocol: string, sniSwitch: unknown): boolean {
  return protocol === 'TCP_SSL' || (protocol === 'HTTPS' && sniSwitch !== 1);
}

function tlsViolations(request: CreateListenerRequest, protocol: Protocol): Violation[] {
  const needsCertificate = needsListenerCertificate(protocol, request.SniSwitch);
  const hasCert = isSet(request.Certificate);
  const hasMulti = isSet(request.MultiCertInfo);
  if (hasCert && hasMulti) {
    return [{ path: ['MultiCertInfo'], message: '--certificate (or the --cert-* flags) and --multi-cert-info are exclusive; give one' }];
  }
  if (needsCertificate && !hasCert && !hasMulti) {
    return [
      {
        path: ['Certificate'],
        message: `${protocol === 'HTTPS' ? 'an' : 'a'} ${protocol} listener${protocol === 'HTTPS' ? ' with SNI off' : ''} needs a certificate`,
        hint:
          'give --cert-id ID, or --cert-file PATH --key-file PATH, or --multi-cert-info' +
          (protocol === 'HTTPS' ? '; or --sni-switch 1 to set certificates per domain' : ''),
      },
    ];
  }
  if (protocol === 'HTTPS' && request.SniSwitch === 1 && (hasCert || hasMulti)) {
    return [
      {
        path: [hasCert ? 'Certificate' : 'MultiCertInfo'],
        message: 'with --sni-switch 1 certificates are set on the domain rules, not the listener',
        hint: 'drop the certificate flags, or use --sni-switch 0',
      },
    ];
  }
  const out: Violation[] = [];
  if (request.Certificate) out.push(...certificateViolations(request.Certificate));
  if (request.MultiCertInfo) out.push(...multiCertViolations(request.MultiCertInfo));
  return out;
}

export function createListenerViolations(request: CreateListenerRequest): Violation[] {
  const protocol = request.Protocol;
  const out: Violation[] = [...portViolations(request)];
  out.push(...protocolViolations(request, protocol));
  if (request.HealthCheck && HEALTH_CHECK_TYPES[protocol]) out.push(...healthCheckViolations(request.HealthCheck, protocol));
  // Certificates on other protocols are already reported by protocolViolations.
  if (protocol === 'HTTPS' || protocol === 'TCP_SSL') out.push(...tlsViolations(request, protocol));
  if (request.SessionType === 'QUIC_CID') {
    if (protocol !== 'UDP') out.push({ path: ['SessionType'], message: `--session-type QUIC_CID needs --protocol UDP, not ${protocol}` });
    if (request.Scheduler && request.Scheduler !== 'WRR')
      out.push({ path: ['Scheduler'], message: `--session-type QUIC_CID needs --scheduler WRR, not ${request.Scheduler}` });
  }
  return out;
}
