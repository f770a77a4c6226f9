/**
 * ModifyListener as the emulator reads its documentation (docs/api/modify-listener.md): which
 * fields it takes, which protocols each applies to, and what the stored listener looks like
 * afterwards. Pure: a body and the stored listener in, the fields to merge out, or an ApiFault.
 *
 * Codes are the ones the action documents: MissingParameter, InvalidParameter (unknown load
 * balancer or listener), InvalidParameter.FormatError, InvalidParameterValue (values, ranges,
 * combinations) and InvalidParameterValue.Length (names).
 */
import { ApiFault, fault } from './api-error.js';
import { attrFlags, fromCertificate, fromMultiCert, healthCheckOutput } from './listeners.js';
import { checkShape, requireFields, type Shape } from './params.js';
import {
  checkCertificate,
  checkHealthCheck,
  checkMultiCertInfo,
  LISTENER_SETTINGS_SHAPE,
  HEALTH_CHECK_SHAPE,
  type CertificateInput,
  type HealthCheckInput,
  type MultiCertInfo,
  type Protocol,
} from './rules.js';
import type { ListenerView } from './types.js';

export interface ModifyListenerInput {
  LoadBalancerId: string;
  ListenerId: string;
  ListenerName?: string;
  SessionExpireTime?: number;
  HealthCheck?: HealthCheckInput;
  Certificate?: CertificateInput;
  Scheduler?: string;
  SniSwitch?: number;
  TargetType?: string;
  KeepaliveEnable?: number;
  DeregisterTargetRst?: boolean;
  SessionType?: string;
  MultiCertInfo?: MultiCertInfo;
  MaxConn?: number;
  MaxCps?: number;
  IdleConnectTimeout?: number;
  ProxyProtocol?: boolean;
  SnatEnable?: boolean;
  DataCompressMode?: string;
  RescheduleTargetZeroWeight?: boolean;
  RescheduleUnhealthy?: boolean;
  RescheduleExpandTarget?: boolean;
  RescheduleStartTime?: number;
  RescheduleInterval?: number;
}

const MODIFY_LISTENER_SHAPE: Shape = { ...LISTENER_SETTINGS_SHAPE, ListenerId: 'string', ListenerName: 'string' };

const TCP_UDP: readonly Protocol[] = ['TCP', 'UDP'];
const LAYER4: readonly Protocol[] = ['TCP', 'UDP', 'TCP_SSL', 'QUIC'];

/** The protocols each field applies to, as the ModifyListener page states them. */
const APPLIES_TO: Readonly<Record<string, readonly Protocol[]>> = {
  SessionExpireTime: TCP_UDP,
  HealthCheck: LAYER4,
  Certificate: ['HTTPS', 'TCP_SSL', 'QUIC'],
  Scheduler: LAYER4,
  SniSwitch: ['HTTPS'],
  KeepaliveEnable: ['HTTP', 'HTTPS'],
  DeregisterTargetRst: TCP_UDP,
  SessionType: LAYER4,
  MultiCertInfo: ['HTTPS'],
  MaxConn: LAYER4,
  MaxCps: LAYER4,
  IdleConnectTimeout: TCP_UDP,
  ProxyProtocol: ['TCP_SSL', 'QUIC'],
  RescheduleTargetZeroWeight: TCP_UDP,
  RescheduleUnhealthy: TCP_UDP,
  RescheduleExpandTarget: TCP_UDP,
  RescheduleStartTime: TCP_UDP,
  RescheduleInterval: TCP_UDP,
};

/** Fields copied as they are onto the stored listener (DescribeListeners reports them by the same name). */
const PLAIN_FIELDS = [
  'ListenerName',
  'SessionExpireTime',
  'Scheduler',
  'SniSwitch',
  'TargetType',
  'KeepaliveEnable',
  'DeregisterTargetRst',
  'SessionType',
  'MaxConn',
  'MaxCps',
  'IdleConnectTimeout',
  'DataCompressMode',
  'RescheduleStartTime',
  'RescheduleInterval',
] as const;

type Fields = Record<string, unknown>;

function oneOf(obj: Fields, name: string, allowed: readonly (string | number)[], prefix = ''): void {
  const value = obj[name];
  if (value !== undefined && !allowed.includes(value as string | number)) {
    throw fault.value(`The value of \`${prefix}${name}\` must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`);
  }
}

function inRange(obj: Fields, name: string, min: number, max: number): void {
  const value = obj[name] as number | undefined;
  if (value !== undefined && (value < min || value > max)) throw fault.value(`The value of \`${name}\` must be ${min}–${max}.`);
}

/** ModifyListener documents no `.Range` sub-code: out-of-range values are plain InvalidParameterValue. */
function withModifyCodes<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ApiFault && error.code === 'InvalidParameterValue.Range') throw fault.value(error.message);
    throw error;
  }
}

export function parseModifyListener(body: Record<string, unknown>): ModifyListenerInput {
  const input = checkShape<ModifyListenerInput>(body, MODIFY_LISTENER_SHAPE);
  requireFields(body, ['LoadBalancerId', 'ListenerId']);
  return input;
}

function checkName(name: string): void {
  const chars = [...name];
  if (chars.length < 1 || chars.length > 80) throw fault.length('`ListenerName` must be 1–80 characters long.');
  if (chars.some((c) => c.codePointAt(0)! > 0xffff) || /[\u0000-\u001f\u007f-\u009f]/.test(name)) {
    throw fault.value('`ListenerName` contains characters that are not allowed (control or supplementary-plane characters such as emoji).');
  }
}

/** The stored health check as an input object: its non-null fields. */
function storedHealthCheck(listener: ListenerView): HealthCheckInput {
  const stored = (listener.HealthCheck ?? {}) as Fields;
  return Object.fromEntries(Object.entries(stored).filter(([key, value]) => value !== null && key in HEALTH_CHECK_SHAPE));
}

/**
 * The health check after the change: the given fields over the stored ones. A new CheckType
 * keeps only the timing fields, since the others belong to the old type.
 */
function mergedHealthCheck(listener: ListenerView, given: HealthCheckInput): HealthCheckInput {
  const stored = storedHealthCheck(listener);
  if (given.CheckType === undefined || given.CheckType === stored.CheckType) return { ...stored, ...given };
  const { HealthSwitch, TimeOut, IntervalTime, HealthNum, UnHealthNum, SourceIpType } = stored;
  const kept = Object.fromEntries(
    Object.entries({ HealthSwitch, TimeOut, IntervalTime, HealthNum, UnHealthNum, SourceIpType }).filter(([, v]) => v !== undefined),
  );
  return { ...kept, ...given };
}

/**
 * Checks a ModifyListener body against the stored listener and returns what changes on it when
 * the task succeeds, in the DescribeListeners shape.
 */
export function modifyPatch(input: ModifyListenerInput, listener: ListenerView): Record<string, unknown> {
  return withModifyCodes(() => {
    const body = input as unknown as Fields;
    const protocol = listener.Protocol as Protocol;
    for (const [name, protocols] of Object.entries(APPLIES_TO)) {
      if (body[name] !== undefined && !protocols.includes(protocol)) {
        throw fault.value(`\`${name}\` applies only to ${protocols.join('/')} listeners, not ${protocol}.`);
      }
    }
    if (input.ListenerName !== undefined) checkName(input.ListenerName);
    oneOf(body, 'Scheduler', ['WRR', 'LEAST_CONN', 'IP_HASH']);
    oneOf(body, 'SniSwitch', [0, 1]);
    if (input.SniSwitch === 0 && listener.SniSwitch === 1) {
      throw fault.value('SNI cannot be switched off once it is on (`SniSwitch` 1 → 0).');
    }
    oneOf(body, 'TargetType', ['NODE', 'TARGETGROUP', 'TARGETGROUP-V2']);
    oneOf(body, 'KeepaliveEnable', [0, 1]);
    oneOf(body, 'SessionType', ['NORMAL', 'QUIC_CID']);
    if (input.SessionType === 'QUIC_CID' && protocol !== 'UDP') throw fault.value('`SessionType` QUIC_CID applies only to UDP listeners.');
    oneOf(body, 'DataCompressMode', ['transparent', 'compatibility']);
    // 0 switches session persistence off (documented default).
    if (input.SessionExpireTime !== 0) inRange(body, 'SessionExpireTime', 30, 3600);
    // Above 1980 needs a quota ticket; 3600 is the documented maximum.
    inRange(body, 'IdleConnectTimeout', 10, 3600);
    inRange(body, 'RescheduleStartTime', 0, 3600);
    inRange(body, 'RescheduleInterval', 0, 3600);
    for (const name of ['MaxConn', 'MaxCps'] as const) {
      const value = input[name];
      if (value !== undefined && value !== -1 && value < 1)
        throw fault.value(`The value of \`${name}\` must be -1 (unlimited) or 1 or more.`);
    }
    if (input.Certificate !== undefined && input.MultiCertInfo !== undefined) {
      throw fault.value('Give `Certificate` or `MultiCertInfo`, never both.');
    }
    const sniOn = (input.SniSwitch ?? listener.SniSwitch) === 1;
    if (protocol === 'HTTPS' && sniOn && (input.Certificate !== undefined || input.MultiCertInfo !== undefined)) {
      throw fault.value('An HTTPS listener with SNI on takes its certificates per domain rule, not `Certificate`/`MultiCertInfo`.');
    }

    const patch: Record<string, unknown> = {};
    for (const name of PLAIN_FIELDS) if (body[name] !== undefined) patch[name] = body[name];
    if (input.HealthCheck !== undefined) {
      const merged = mergedHealthCheck(listener, input.HealthCheck);
      checkHealthCheck(merged, protocol);
      patch.HealthCheck = healthCheckOutput(protocol, merged);
    }
    if (input.Certificate !== undefined) {
      checkCertificate(input.Certificate);
      patch.Certificate = fromCertificate(input.Certificate);
    }
    if (input.MultiCertInfo !== undefined) {
      checkMultiCertInfo(input.MultiCertInfo);
      patch.Certificate = fromMultiCert(input.MultiCertInfo);
    }
    const flags = attrFlags((listener.AttrFlags as string[] | undefined) ?? [], body);
    if (flags.join() !== ((listener.AttrFlags as string[] | undefined) ?? []).join()) patch.AttrFlags = flags;
    return patch;
  });
}
