/**
 * CreateListener's documented rules (docs/api/create-listener.md), written independently of the CLI's own
 * model on purpose: the CLI validates before sending and the emulator validates what arrives, so
 * a rule one side gets wrong shows up as a disagreement in tests.
 *
 * Where the documentation says a field "applies only to" some protocols, a value that would do
 * something is refused on another protocol; the field's default or off value (0, false, -1, "NODE",
 * "NORMAL", {HealthSwitch: 0}) is accepted and ignored: clients such as Terraform send defaults,
 * and the API is not known to refuse them. Where the live service is known to accept more than the
 * reference says (Scheduler on HTTP/HTTPS, TargetType on TCP_SSL/QUIC and TARGETGROUP-V2, empty
 * HttpCheckPath/HttpCheckDomain and CheckPort -1 in a TCP health check, a certificate with SNI on),
 * the emulator accepts it too.
 *
 * Codes: MissingParameter for an absent required (or conditionally required) field,
 * InvalidParameterValue.Range for numbers out of range, InvalidParameterValue.Length for bad
 * string lengths and counts, InvalidParameterValue for everything else (enums, combinations,
 * protocol applicability). Type errors were already caught by the shape check. Each action then
 * answers only with the codes its documentation lists (action-errors.ts): CreateListener turns
 * `.Range` into InvalidParameterValue.
 */
import { X509Certificate } from 'node:crypto';
import { fault } from './api-error.js';
import { checkShape, requireFields, type Shape } from './params.js';

export const PROTOCOLS = ['TCP', 'UDP', 'HTTP', 'HTTPS', 'TCP_SSL', 'QUIC'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export interface HealthCheckInput {
  HealthSwitch?: number;
  TimeOut?: number;
  IntervalTime?: number;
  HealthNum?: number;
  UnHealthNum?: number;
  HttpCode?: number;
  HttpCheckPath?: string;
  HttpCheckDomain?: string;
  HttpCheckMethod?: string;
  CheckPort?: number;
  ContextType?: string;
  SendContext?: string;
  RecvContext?: string;
  CheckType?: string;
  HttpVersion?: string;
  SourceIpType?: number;
  ExtendedCode?: string;
}

export interface CertificateInput {
  SSLMode?: string;
  SSLVerifyClient?: string;
  CertId?: string;
  CertCaId?: string;
  CertName?: string;
  CertKey?: string;
  CertContent?: string;
  CertCaName?: string;
  CertCaContent?: string;
}

export interface CertInfo {
  CertId?: string;
  CertName?: string;
  CertContent?: string;
  CertKey?: string;
}

export interface MultiCertInfo {
  SSLMode: string;
  CertList: CertInfo[];
  SSLVerifyClient?: string;
}

/** All 29 fields of CreateListenerRequest. */
export interface CreateListenerInput {
  LoadBalancerId: string;
  Ports: number[];
  Protocol: Protocol;
  ListenerNames?: string[];
  HealthCheck?: HealthCheckInput;
  Certificate?: CertificateInput;
  SessionExpireTime?: number;
  Scheduler?: string;
  SniSwitch?: number;
  TargetType?: string;
  SessionType?: string;
  KeepaliveEnable?: number;
  EndPort?: number;
  DeregisterTargetRst?: boolean;
  MultiCertInfo?: MultiCertInfo;
  MaxConn?: number;
  MaxCps?: number;
  IdleConnectTimeout?: number;
  ProxyProtocol?: boolean;
  SnatEnable?: boolean;
  FullEndPorts?: number[];
  H2cSwitch?: boolean;
  SslCloseSwitch?: boolean;
  DataCompressMode?: string;
  RescheduleTargetZeroWeight?: boolean;
  RescheduleUnhealthy?: boolean;
  RescheduleExpandTarget?: boolean;
  RescheduleStartTime?: number;
  RescheduleInterval?: number;
}

export const HEALTH_CHECK_SHAPE: Shape = {
  HealthSwitch: 'integer',
  TimeOut: 'integer',
  IntervalTime: 'integer',
  HealthNum: 'integer',
  UnHealthNum: 'integer',
  HttpCode: 'integer',
  HttpCheckPath: 'string',
  HttpCheckDomain: 'string',
  HttpCheckMethod: 'string',
  CheckPort: 'integer',
  ContextType: 'string',
  SendContext: 'string',
  RecvContext: 'string',
  CheckType: 'string',
  HttpVersion: 'string',
  SourceIpType: 'integer',
  ExtendedCode: 'string',
};

export const CERTIFICATE_SHAPE: Shape = {
  SSLMode: 'string',
  SSLVerifyClient: 'string',
  CertId: 'string',
  CertCaId: 'string',
  CertName: 'string',
  CertKey: 'string',
  CertContent: 'string',
  CertCaName: 'string',
  CertCaContent: 'string',
};

export const CERT_INFO_SHAPE: Shape = { CertId: 'string', CertName: 'string', CertContent: 'string', CertKey: 'string' };

/**
 * The listener settings CreateListener and ModifyListener both take, typed alike: each action's
 * shape adds its own fields (the ports and protocol of a new listener; the id and one name of an
 * existing one).
 */
export const LISTENER_SETTINGS_SHAPE: Shape = {
  LoadBalancerId: 'string',
  HealthCheck: { object: HEALTH_CHECK_SHAPE },
  Certificate: { object: CERTIFICATE_SHAPE },
  SessionExpireTime: 'integer',
  Scheduler: 'string',
  SniSwitch: 'integer',
  TargetType: 'string',
  SessionType: 'string',
  KeepaliveEnable: 'integer',
  DeregisterTargetRst: 'boolean',
  MultiCertInfo: { object: { SSLMode: 'string', CertList: { array: { object: CERT_INFO_SHAPE } }, SSLVerifyClient: 'string' } },
  MaxConn: 'integer',
  MaxCps: 'integer',
  IdleConnectTimeout: 'integer',
  ProxyProtocol: 'boolean',
  SnatEnable: 'boolean',
  DataCompressMode: 'string',
  RescheduleTargetZeroWeight: 'boolean',
  RescheduleUnhealthy: 'boolean',
  RescheduleExpandTarget: 'boolean',
  RescheduleStartTime: 'integer',
  RescheduleInterval: 'integer',
};

const CREATE_LISTENER_SHAPE: Shape = {
  ...LISTENER_SETTINGS_SHAPE,
  Ports: { array: 'integer' },
  Protocol: 'string',
  ListenerNames: { array: 'string' },
  EndPort: 'integer',
  FullEndPorts: { array: 'integer' },
  H2cSwitch: 'boolean',
  SslCloseSwitch: 'boolean',
};

const TCP_UDP: readonly Protocol[] = ['TCP', 'UDP'];
const LAYER4: readonly Protocol[] = ['TCP', 'UDP', 'TCP_SSL', 'QUIC'];
const WITH_CERTIFICATE: readonly Protocol[] = ['TCP_SSL', 'HTTPS'];

/**
 * Which protocols each optional field applies to: the reference's "only for …" notes, widened
 * where the service is known to accept more (TargetType on TCP_SSL and QUIC; Scheduler anywhere;
 * ModifyListener names QUIC for Certificate).
 */
const APPLIES_TO: Readonly<Record<string, readonly Protocol[]>> = {
  HealthCheck: LAYER4,
  Certificate: [...WITH_CERTIFICATE, 'QUIC'],
  MultiCertInfo: WITH_CERTIFICATE,
  SessionExpireTime: TCP_UDP,
  SniSwitch: ['HTTPS'],
  TargetType: LAYER4,
  SessionType: TCP_UDP,
  KeepaliveEnable: ['HTTP', 'HTTPS'],
  DeregisterTargetRst: TCP_UDP,
  MaxConn: LAYER4,
  MaxCps: LAYER4,
  IdleConnectTimeout: TCP_UDP,
  ProxyProtocol: ['TCP_SSL', 'QUIC'],
  H2cSwitch: ['HTTP'],
  SslCloseSwitch: ['TCP_SSL'],
  RescheduleTargetZeroWeight: TCP_UDP,
  RescheduleUnhealthy: TCP_UDP,
  RescheduleExpandTarget: TCP_UDP,
  RescheduleStartTime: TCP_UDP,
  RescheduleInterval: TCP_UDP,
};

/** Values that change nothing, accepted (and ignored) on protocols the field does not apply to. */
const OFF_VALUES: Readonly<Record<string, readonly unknown[]>> = {
  HealthCheck: [{ HealthSwitch: 0 }],
  SessionExpireTime: [0],
  SniSwitch: [0],
  TargetType: ['NODE'],
  SessionType: ['NORMAL'],
  KeepaliveEnable: [0],
  DeregisterTargetRst: [false],
  MaxConn: [-1],
  MaxCps: [-1],
  ProxyProtocol: [false],
  H2cSwitch: [false],
  SslCloseSwitch: [false],
  RescheduleTargetZeroWeight: [false],
  RescheduleUnhealthy: [false],
  RescheduleExpandTarget: [false],
  RescheduleStartTime: [0],
  RescheduleInterval: [0],
};

function isOffValue(name: string, value: unknown): boolean {
  return (OFF_VALUES[name] ?? []).some((off) => JSON.stringify(off) === JSON.stringify(value));
}

/** Health-check types each listener protocol supports (the CheckType notes). */
const CHECK_TYPES: Readonly<Record<string, readonly string[]>> = {
  TCP: ['TCP', 'HTTP', 'CUSTOM'],
  UDP: ['PING', 'CUSTOM'],
  TCP_SSL: ['TCP', 'HTTP'],
  QUIC: ['TCP', 'HTTP'],
};

/** The default CheckType of an L4 listener when HealthCheck.CheckType is omitted. */
export function defaultCheckType(protocol: Protocol): string {
  return protocol === 'UDP' ? 'PING' : 'TCP';
}

type Fields = Record<string, unknown>;

function oneOf(obj: Fields, name: string, allowed: readonly (string | number)[], prefix = ''): void {
  const value = obj[name];
  if (value !== undefined && !allowed.includes(value as string | number)) {
    throw fault.value(`The value of \`${prefix}${name}\` must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`);
  }
}

function inRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (value < min || value > max)) throw fault.range(name, `${min}–${max}`);
}

function within(obj: Fields, name: string, min: number, max: number, prefix = ''): void {
  inRange(`${prefix}${name}`, obj[name] as number | undefined, min, max);
}

function nonEmpty(obj: Fields, names: readonly string[], prefix: string): void {
  for (const name of names) {
    if (obj[name] === '') throw fault.length(`The parameter \`${prefix}${name}\` must not be empty.`);
  }
}

/** Presence of `${name}` is refused unless `condition` holds. */
function onlyWhen(obj: Fields, names: readonly string[], condition: boolean, why: string, prefix = ''): void {
  if (condition) return;
  const present = names.find((name) => obj[name] !== undefined);
  if (present) throw fault.value(`The parameter \`${prefix}${present}\` ${why}.`);
}

function checkPorts(input: CreateListenerInput): void {
  const { Ports: ports } = input;
  if (ports.length === 0) throw fault.value('`Ports` must contain at least one port.');
  // The live API's own words for 50 or more ports (docs/emulator.md).
  if (ports.length >= 50) throw fault.length('Length of .Ports should be less than 50');
  for (const [i, port] of ports.entries()) inRange(`Ports.${i}`, port, 1, 65535);
  const seen = new Set<number>();
  for (const port of ports) {
    if (seen.has(port)) throw fault.value(`Port ${port} appears more than once in \`Ports\`.`);
    seen.add(port);
  }
  if (input.EndPort !== undefined) {
    if (ports.length !== 1) throw fault.value('`EndPort` requires exactly one element in `Ports` (the start port).');
    inRange('EndPort', input.EndPort, 2, 65535);
    if (input.EndPort <= ports[0]!) throw fault.value(`\`EndPort\` (${input.EndPort}) must be greater than the start port ${ports[0]}.`);
  }
  for (const [i, port] of (input.FullEndPorts ?? []).entries()) inRange(`FullEndPorts.${i}`, port, 2, 65535);
}

// C0/C1 controls, and lone surrogates: only characters of the Basic Multilingual Plane are allowed.
const FORBIDDEN_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

function checkListenerNames(input: CreateListenerInput): void {
  const names = input.ListenerNames;
  if (names === undefined) return;
  if (names.length !== input.Ports.length) {
    throw fault.length(
      `\`ListenerNames\` has ${names.length} names but \`Ports\` has ${input.Ports.length} ports; they are matched by position.`,
    );
  }
  names.forEach((name, i) => {
    const chars = [...name];
    if (chars.length < 1 || chars.length > 80) throw fault.length(`\`ListenerNames.${i}\` must be 1–80 characters long.`);
    if (chars.some((c) => c.codePointAt(0)! > 0xffff) || FORBIDDEN_NAME_CHARS.test(name)) {
      throw fault.value(
        `\`ListenerNames.${i}\` contains characters that are not allowed (control or supplementary-plane characters such as emoji).`,
      );
    }
  });
}

function checkApplicability(input: CreateListenerInput): void {
  const body = input as unknown as Fields;
  for (const [name, protocols] of Object.entries(APPLIES_TO)) {
    if (body[name] !== undefined && !protocols.includes(input.Protocol) && !isOffValue(name, body[name])) {
      throw fault.value(`\`${name}\` applies only to ${protocols.join('/')} listeners, not ${input.Protocol}.`);
    }
  }
}

function checkScalars(input: CreateListenerInput): void {
  const body = input as unknown as Fields;
  oneOf(body, 'Scheduler', ['WRR', 'LEAST_CONN']);
  oneOf(body, 'SniSwitch', [0, 1]);
  oneOf(body, 'TargetType', ['NODE', 'TARGETGROUP', 'TARGETGROUP-V2']);
  oneOf(body, 'SessionType', ['NORMAL', 'QUIC_CID']);
  oneOf(body, 'KeepaliveEnable', [0, 1]);
  oneOf(body, 'DataCompressMode', ['transparent', 'compatibility']);
  // 0 is the documented default ("off"), so sending it explicitly is fine.
  if (input.SessionExpireTime !== undefined && input.SessionExpireTime !== 0) within(body, 'SessionExpireTime', 30, 3600);
  // 10–1980 without a quota ticket; ModifyListener documents 3600 as the most a ticket allows.
  within(body, 'IdleConnectTimeout', 10, 3600);
  within(body, 'RescheduleStartTime', 0, 3600);
  within(body, 'RescheduleInterval', 0, 3600);
  for (const name of ['MaxConn', 'MaxCps'] as const) {
    const value = input[name];
    if (value !== undefined && value !== -1 && value < 1) throw fault.range(name, '-1 (unlimited) or a positive integer');
  }
  if (input.SessionType === 'QUIC_CID' && (input.Protocol !== 'UDP' || (input.Scheduler ?? 'WRR') !== 'WRR')) {
    throw fault.value('`SessionType` QUIC_CID requires Protocol UDP and Scheduler WRR.');
  }
}

const HTTP_CHECK_FIELDS = ['HttpCode', 'HttpCheckPath', 'HttpCheckDomain', 'HttpCheckMethod'] as const;
const CUSTOM_CHECK_FIELDS = ['ContextType', 'SendContext', 'RecvContext'] as const;
const VISIBLE_ASCII = /^[\x20-\x7e]*$/;

export function checkHealthCheck(hc: HealthCheckInput, protocol: Protocol): void {
  const p = 'HealthCheck.';
  const fields = hc as Fields;
  oneOf(fields, 'HealthSwitch', [0, 1], p);
  within(fields, 'TimeOut', 2, 60, p);
  within(fields, 'IntervalTime', 2, 300, p);
  within(fields, 'HealthNum', 2, 10, p);
  within(fields, 'UnHealthNum', 2, 10, p);
  within(fields, 'HttpCode', 1, 31, p);
  oneOf(fields, 'SourceIpType', [0, 1], p);
  oneOf(fields, 'HttpCheckMethod', ['HEAD', 'GET'], p);
  oneOf(fields, 'HttpVersion', ['HTTP/1.0', 'HTTP/1.1'], p);
  oneOf(fields, 'ContextType', ['HEX', 'TEXT'], p);
  oneOf(fields, 'CheckType', ['TCP', 'HTTP', 'HTTPS', 'GRPC', 'PING', 'CUSTOM'], p);
  if (hc.CheckPort !== undefined && hc.CheckPort !== -1) within(fields, 'CheckPort', 1, 65535, p);
  const given = (name: string): boolean => fields[name] !== undefined && fields[name] !== '';
  // The comparison uses the documented defaults (TimeOut 2, IntervalTime 5) for whichever is omitted.
  if ((hc.TimeOut ?? 2) >= (hc.IntervalTime ?? 5)) {
    throw fault.value(
      `\`HealthCheck.TimeOut\` (${hc.TimeOut ?? 2}) must be less than \`HealthCheck.IntervalTime\` (${hc.IntervalTime ?? 5}).`,
    );
  }

  const checkType = hc.CheckType ?? defaultCheckType(protocol);
  const supported = CHECK_TYPES[protocol] ?? [];
  if (!supported.includes(checkType)) {
    throw fault.value(`\`HealthCheck.CheckType\` ${checkType} is not supported on ${protocol} listeners (use ${supported.join(', ')}).`);
  }
  // An empty value is no value: Terraform sends HttpCheckPath "" (and HttpCheckDomain "") with
  // every TCP listener's health check, whatever its type.
  const present = (names: readonly string[]) => Object.fromEntries(names.filter(given).map((n) => [n, fields[n]]));
  // The reference names these fields for TCP listeners; its CheckType list gives TCP_SSL and QUIC an
  // HTTP check too, and the console guide sets them there: accepted on any HTTP check.
  onlyWhen(present(HTTP_CHECK_FIELDS), HTTP_CHECK_FIELDS, checkType === 'HTTP', 'applies only when CheckType is HTTP', p);
  onlyWhen(fields, ['HttpVersion'], checkType === 'HTTP', 'applies only when CheckType is HTTP', p);
  // -1 is the documented "the backend's port", the default: harmless anywhere.
  onlyWhen(hc.CheckPort === -1 ? {} : fields, ['CheckPort'], TCP_UDP.includes(protocol), 'applies only to TCP and UDP listeners', p);
  onlyWhen(present(CUSTOM_CHECK_FIELDS), CUSTOM_CHECK_FIELDS, checkType === 'CUSTOM', 'applies only when CheckType is CUSTOM', p);
  onlyWhen(fields, ['ExtendedCode'], false, 'applies only to GRPC checks of layer-7 rules, not to listeners', p);

  if (checkType === 'HTTP' && protocol === 'TCP') requireFields(fields, ['HttpCheckDomain', 'HttpVersion'], p);
  if (checkType === 'CUSTOM') {
    requireFields(fields, CUSTOM_CHECK_FIELDS, p);
    for (const name of ['SendContext', 'RecvContext'] as const) {
      const text = hc[name]!;
      if (text.length === 0 || text.length > 500) throw fault.length(`\`${p}${name}\` must be 1–500 characters.`);
      if (!VISIBLE_ASCII.test(text)) throw fault.value(`\`${p}${name}\` may contain only visible ASCII characters.`);
      if (hc.ContextType === 'HEX' && (!/^[0-9A-F]*$/.test(text) || text.length % 2 !== 0)) {
        throw fault.value(`With ContextType HEX, \`${p}${name}\` may contain only 0-9A-F and must have an even length.`);
      }
    }
  }
}

/** The key family of a PEM certificate (rsa, ec, …), or undefined when it does not parse. */
function keyAlgorithm(pem: string): string | undefined {
  try {
    const key = new X509Certificate(pem).publicKey;
    const type = key.asymmetricKeyType;
    return type === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'sm2' ? 'sm2' : type === 'rsa-pss' ? 'rsa' : type;
  } catch {
    return undefined;
  }
}

/** Either the id of a stored certificate or the fields to upload one, never both, never neither. */
function idOrUpload(obj: Fields, idName: string, uploadNames: readonly string[], prefix: string): void {
  const uploads = uploadNames.filter((name) => obj[name] !== undefined);
  if (obj[idName] !== undefined) {
    if (uploads.length > 0) {
      throw fault.value(
        `Give either \`${prefix}${idName}\` or the certificate to upload (${uploadNames.map((n) => prefix + n).join(', ')}), not both.`,
      );
    }
    return;
  }
  requireFields(obj, uploads.length === 0 ? [idName] : uploadNames, prefix);
}

export function checkCertificate(cert: CertificateInput): void {
  const p = 'Certificate.';
  const fields = cert as Fields;
  const mutual = cert.SSLMode === 'MUTUAL';
  // Without MUTUAL the client CA fields and SSLVerifyClient are not used: the reference describes
  // them for mutual TLS only and says nothing of refusing them, so they are accepted and ignored.
  const ca = ['CertCaId', 'CertCaName', 'CertCaContent'];
  nonEmpty(
    fields,
    Object.keys(CERTIFICATE_SHAPE).filter((name) => mutual || !ca.includes(name)),
    p,
  );
  oneOf(fields, 'SSLMode', ['UNIDIRECTIONAL', 'MUTUAL'], p);
  oneOf(fields, 'SSLVerifyClient', ['ON', 'OPTIONAL'], p);
  idOrUpload(fields, 'CertId', ['CertName', 'CertKey', 'CertContent'], p);
  if (mutual) idOrUpload(fields, 'CertCaId', ['CertCaName', 'CertCaContent'], p);
}

export function checkMultiCertInfo(multi: MultiCertInfo): void {
  const p = 'MultiCertInfo.';
  const fields = multi as unknown as Fields;
  requireFields(fields, ['SSLMode', 'CertList'], p);
  oneOf(fields, 'SSLMode', ['UNIDIRECTIONAL', 'MUTUAL'], p);
  oneOf(fields, 'SSLVerifyClient', ['ON', 'OPTIONAL'], p);
  const mutual = multi.SSLMode === 'MUTUAL';
  if (multi.CertList.length === 0) throw fault.value(`\`${p}CertList\` must contain at least one certificate.`);

  // CertInfo carries no type: an uploaded entry without a private key can only be the client CA.
  // Entries given by id are taken on trust; uploaded server certificates are parsed for their
  // algorithm, which may not repeat.
  const ids = new Set<string>();
  const algorithms = new Map<string, number>();
  let uploadedCas = 0;
  let uploadedServers = 0;
  multi.CertList.forEach((info, i) => {
    const q = `${p}CertList.${i}.`;
    const entry = info as Fields;
    nonEmpty(entry, Object.keys(CERT_INFO_SHAPE), q);
    if (info.CertId !== undefined) {
      idOrUpload(entry, 'CertId', ['CertName', 'CertContent', 'CertKey'], q);
      if (ids.has(info.CertId)) throw fault.value(`Certificate ${info.CertId} appears more than once in \`${p}CertList\`.`);
      ids.add(info.CertId);
      return;
    }
    requireFields(entry, mutual ? ['CertName', 'CertContent'] : ['CertName', 'CertContent', 'CertKey'], q);
    if (info.CertKey === undefined) uploadedCas++;
    else {
      uploadedServers++;
      const algorithm = keyAlgorithm(info.CertContent!);
      const earlier = algorithm === undefined ? undefined : algorithms.get(algorithm);
      if (earlier !== undefined) {
        throw fault.value(
          `\`${q}CertContent\` is a second ${algorithm} server certificate (like \`${p}CertList.${earlier}\`); each algorithm may appear once.`,
        );
      }
      if (algorithm !== undefined) algorithms.set(algorithm, i);
    }
  });
  if (uploadedCas > 1) throw fault.value(`\`${p}CertList\` may contain only one CA certificate.`);
  if (mutual && ids.size === 0 && uploadedCas === 0)
    throw fault.missing(`${p}CertList`, 'SSLMode MUTUAL needs a CA certificate in the list');
  if (ids.size === 0 && uploadedServers === 0) throw fault.missing(`${p}CertList`, 'the list needs a server certificate');
}

function checkCertificates(input: CreateListenerInput): void {
  const needsCertificate = input.Protocol === 'TCP_SSL' || (input.Protocol === 'HTTPS' && input.SniSwitch !== 1);
  const given = (input.Certificate !== undefined ? 1 : 0) + (input.MultiCertInfo !== undefined ? 1 : 0);
  if (given === 2) throw fault.value('Give `Certificate` or `MultiCertInfo`, never both.');
  if (needsCertificate && given === 0) {
    const who = input.Protocol === 'HTTPS' ? 'an HTTPS listener with SNI off' : 'a TCP_SSL listener';
    throw fault.missing('Certificate', `${who} needs Certificate or MultiCertInfo`);
  }
  // HTTPS with SNI on may still carry a listener certificate: Terraform's acceptance tests do.
  if (input.Certificate) checkCertificate(input.Certificate);
  if (input.MultiCertInfo) checkMultiCertInfo(input.MultiCertInfo);
}

/**
 * Checks a CreateListener body and returns it typed, with Protocol upper-cased (the API page's
 * own Example 6 sends `"tcp"`). Does not look at stored state: the LB, port conflicts and the
 * quota are the action's business.
 */
/** The protocol, upper-cased, if it is one of the six; undefined otherwise. */
export function normalizeProtocol(value: string): Protocol | undefined {
  const upper = value.toUpperCase();
  return (PROTOCOLS as readonly string[]).includes(upper) ? (upper as Protocol) : undefined;
}

export function validateCreateListener(body: Record<string, unknown>): CreateListenerInput {
  const input = checkShape<CreateListenerInput>(body, CREATE_LISTENER_SHAPE);
  requireFields(body, ['LoadBalancerId', 'Ports', 'Protocol']);
  const protocol = normalizeProtocol(input.Protocol);
  if (!protocol) {
    throw fault.value(`The value of \`Protocol\` must be one of ${PROTOCOLS.join(', ')}; got ${JSON.stringify(input.Protocol)}.`);
  }
  const typed: CreateListenerInput = { ...input, Protocol: protocol };
  checkPorts(typed);
  checkListenerNames(typed);
  checkApplicability(typed);
  checkScalars(typed);
  // On a layer-7 listener only the harmless {HealthSwitch: 0} got past the applicability check.
  if (typed.HealthCheck && LAYER4.includes(typed.Protocol)) checkHealthCheck(typed.HealthCheck, typed.Protocol);
  checkCertificates(typed);
  return typed;
}
