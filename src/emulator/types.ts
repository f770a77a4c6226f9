import type { Clock } from '../core/clock.js';
import type { TargetView } from './targets.js';
/**
 * The shapes the emulator shares with its callers: start options, the control-surface state
 * snapshot and fault rules. Kept apart from the implementation so the test helper and the demo
 * can import types without pulling in the server.
 */

/** An accepted key pair. A pair with a `token` behaves like temporary credentials. */
export interface EmulatorKey {
  secretId: string;
  secretKey: string;
  /** When set, `X-TC-Token` must equal it (else AuthFailure.TokenFailure); when unset the header is ignored. */
  token?: string;
  /** Milliseconds since the epoch (emulator clock); after it the key is refused with AuthFailure.TokenFailure. */
  expiresAt?: number;
  /** Who the key acts as, for the request log: the role and session of keys issued by STS. */
  identity?: string;
}

export interface EmulatorOptions {
  /** Loopback only: 127.0.0.0/8, ::1 or `localhost`. Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default: `AKID` + 32 random alphanumerics. */
  secretId?: string;
  /** Default: 32 random alphanumerics. */
  secretKey?: string;
  /** When set, the primary key behaves like temporary credentials and requires this `X-TC-Token`. */
  token?: string;
  /** More accepted key pairs. */
  extraKeys?: EmulatorKey[];
  /** Default ap-guangzhou. */
  region?: string;
  /** Seeded load balancer ids (`lb-` and letters or digits, usually 8 lower-case ones). Default lb-emu00001..3. */
  loadBalancers?: string[];
  /**
   * A JSON file of more certificates for DescribeCertificates (an array of `Certificates`
   * objects, or `{"Certificates": […]}`); added to the seeded ones.
   */
  certificatesFile?: string;
  /** How long a task stays at Status 2. Default 1000 ms. */
  taskDelayMs?: number;
  /** Requests per action per sliding second. Default 20. */
  rateLimit?: number;
  /** Listeners per load balancer. Default 50. */
  listenerQuota?: number;
  /** The instances (CVM ids) targets may name. Default ins-emu00001 … ins-emu00008. */
  instances?: string[];
  /** How long a newly bound target reports Unknown before Alive. Default 2000 ms. */
  targetHealthDelayMs?: number;
  /**
   * Also accept the other request forms the official SDKs can send: GET, v1 signatures
   * (HmacSHA1/HmacSHA256, form-encoded or in the query) and TC3 with an unsigned payload.
   * Default false: only TC3-signed JSON POSTs, the form the CLI sends.
   */
  acceptSdkForms?: boolean;
  /** JSON file to load at start and save after every change (atomic write-then-rename). */
  stateFile?: string;
  /** The emulator's clock, in ms since the epoch. Default Date.now. */
  now?: () => number;
  /**
   * A clock the caller moves (tests): `now` for every timestamp and task, `sleep` for the latency
   * fault. With it, tasks end only when the caller's clock reaches them (no real timers run).
   */
  clock?: Pick<Clock, 'now' | 'sleep'>;
  /** Called once per API request after it is answered (for `--log`). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RuntimeConfig {
  taskDelayMs: number;
  rateLimit: number;
  listenerQuota: number;
  /** Added to the clock; lets a spawned emulator be skewed from a test. */
  clockOffsetMs: number;
  /** See EmulatorOptions.acceptSdkForms. */
  acceptSdkForms: boolean;
  /** See EmulatorOptions.targetHealthDelayMs. */
  targetHealthDelayMs: number;
}

export type TransportFaultKind = 'latency' | 'http5xx' | 'drop' | 'malformed' | 'hang' | 'apiError';
export type TaskFaultKind = 'taskFail' | 'taskHang';
export type FaultKind = TransportFaultKind | TaskFaultKind;

export interface FaultRule {
  /** Only requests (or tasks) of this action; any action when omitted. */
  action?: string;
  kind: FaultKind;
  /** How many matching requests it applies to; default 1, -1 = forever. */
  times?: number;
  /** For `latency`: default 500. */
  latencyMs?: number;
  /** For `http5xx`: default 503 (400–599 accepted). */
  status?: number;
  /** For `taskFail`: the task's Message; for `http5xx`: the body text; for `apiError`: Error.Message. */
  message?: string;
  /** For `apiError`: the Error.Code of the answer, e.g. `InternalError` or `AuthFailure.TokenFailure`. */
  code?: string;
  /**
   * Extension. For `drop`, `http5xx`, `malformed`, `hang` and `apiError`: run the request for real first and
   * then lose its answer, so a client can be tested against "it happened but I never heard".
   * Default false: the request never reaches the API.
   */
  processed?: boolean;
}

export interface RequestLogEntry {
  action: string;
  /** The error code answered, or null on success or when a fault replaced the answer unprocessed. */
  code: string | null;
  /** Emulator clock, ms since the epoch. */
  at: number;
  /** The transport fault applied to this request, if any. */
  fault?: TransportFaultKind;
  requestId: string;
  /** The SecretId that signed the request, once the signature verified. */
  secretId?: string;
  /** Who that key acts as, for keys issued by the emulator's STS (role ARN and session name). */
  identity?: string;
}

export interface LoadBalancerRecord {
  LoadBalancerId: string;
  LoadBalancerName: string;
  LoadBalancerType: 'OPEN';
  Forward: 1;
  LoadBalancerVips: string[];
  Status: 1;
  VpcId: string;
  AddressIPVersion: 'ipv4';
  CreateTime: string;
}

/** What the emulator keeps of one certificate: the `Certificates` fields a client reads. */
export interface CertificateRecord {
  CertificateId: string;
  /** `SVR` (server) or `CA` (client CA). */
  CertificateType: 'SVR' | 'CA';
  Domain: string;
  Alias: string;
  SubjectAltName: string[];
  /** `RSA`, `ECC` or `SM2`. */
  EncryptAlgorithm: string;
  /** `YYYY-MM-DD HH:mm:ss`, UTC+8, like the service. */
  CertBeginTime: string;
  CertEndTime: string;
  /** `upload` for certificates brought in, `trustasia` for ones issued through the service. */
  From: string;
  ProjectId: string;
  InsertTime: string;
}

/** A listener in the DescribeListeners shape, plus where it lives and what created it. */
export interface ListenerView extends Record<string, unknown> {
  ListenerId: string;
  LoadBalancerId: string;
  Protocol: string;
  Port: number;
  ListenerName: string;
  CreateTime: string;
  /** The CreateListener body exactly as received (explicit false/0 kept). */
  request: Record<string, unknown>;
  /** The create task that made it. */
  TaskId: string;
}

export interface TaskView {
  TaskId: string;
  Action: string;
  LoadBalancerId: string;
  /** 0 succeeded, 1 failed, 2 running. */
  Status: 0 | 1 | 2;
  Message: string | null;
}

export interface EmulatorState {
  loadBalancers: LoadBalancerRecord[];
  listeners: ListenerView[];
  /** The targets bound to listeners and rules that exist (LocationId null: the listener's own). */
  targets?: TargetView[];
  tasks: TaskView[];
  requests: RequestLogEntry[];
  counts: Record<string, number>;
  config: RuntimeConfig;
  /** Fault rules not yet used up. */
  faults: FaultRule[];
}
