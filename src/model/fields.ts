/**
 * The CreateListener request model as data: one entry per API field (docs/api/create-listener.md), and one
 * per field of the nested types. The commander options, the zod schema, the help, the skeleton,
 * the prompts and the shell completions are all derived from these tables; nothing else lists
 * the fields.
 */

export const PROTOCOLS = ['TCP', 'UDP', 'HTTP', 'HTTPS', 'TCP_SSL', 'QUIC'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

const L4: readonly Protocol[] = ['TCP', 'UDP'];
const L4_AND_SSL: readonly Protocol[] = ['TCP', 'UDP', 'TCP_SSL', 'QUIC'];
const L7: readonly Protocol[] = ['HTTP', 'HTTPS'];

export type FieldKind =
  | 'string'
  | 'enum'
  | 'integer'
  | 'boolean'
  /** An Integer the API uses as 0 = off, 1 = on. */
  | 'switch'
  | 'integer-list'
  | 'string-list'
  | 'object';

export type NestedTypeName = 'HealthCheck' | 'CertificateInput' | 'MultiCertInfo' | 'CertInfo';

export type HelpGroup = 'Required' | 'Listener' | 'Certificate' | 'Health check' | 'Connection limits' | 'Rescheduling';

export interface FieldSpec {
  /** The API's field name. */
  api: string;
  kind: FieldKind;
  help: string;
  required?: boolean;
  values?: readonly string[];
  /** Inclusive integer range, for integers and the elements of integer lists. */
  min?: number;
  max?: number;
  /** Extra integer values allowed outside the range (-1 = unlimited / default). */
  special?: readonly number[];
  /** Length limits for strings and string-list elements. */
  minLength?: number;
  maxLength?: number;
  /** A pattern strings must match, with how to say it to a person. */
  pattern?: { regex: RegExp; description: string };
  /** The listener protocols this field applies to; absent = all. */
  protocols?: readonly Protocol[];
  nested?: NestedTypeName;
  /** Enum values are matched case-insensitively and sent upper-case. */
  upperCase?: boolean;
  /** Holds private key material: never from argv, never printed. */
  secret?: boolean;
  /** Holds PEM text (a certificate or a key), which people give as files. */
  pem?: boolean;
  /** An example value for the skeleton and the help. */
  example: unknown;
}

export interface TopLevelField extends FieldSpec {
  /** kebab-case of the API name. */
  flag: string;
  /** Short extra names. */
  aliases?: readonly string[];
  group: HelpGroup;
  /** Shown in help as `--flag <valueName>`. */
  valueName?: string;
}

/** Every flag name a field answers to, its own first: `ports`, `port`. */
export function flagNames(spec: TopLevelField): string[] {
  return [spec.flag, ...(spec.aliases ?? [])];
}

/** `SessionExpireTime` → `session-expire-time`, `SSLMode` → `ssl-mode`, `H2cSwitch` → `h2c-switch`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** `const` keeps each entry's literal types, from which the request's TypeScript types are derived. */
function field<const S extends Omit<TopLevelField, 'flag'>>(spec: S): S & { flag: string } {
  return { ...spec, flag: kebabCase(spec.api) };
}

// biome-ignore format: one field a line keeps the table readable as a table
const TOP_LEVEL_TABLE = [
  field({ api: 'LoadBalancerId', kind: 'string', required: true, pattern: { regex: /^lb-[a-z0-9]{8}$/, description: 'look like lb-xxxxxxxx (lb- and 8 lower-case letters or digits)' }, aliases: ['lb'], group: 'Required', valueName: 'id', help: 'CLB instance id (lb-xxxxxxxx)', example: 'lb-cuxw2rm0' }),
  field({ api: 'Ports', kind: 'integer-list', required: true, min: 1, max: 65535, aliases: ['port'], group: 'Required', valueName: 'port', help: 'listener port(s), 1-65535; one listener per port; repeat or comma-separate', example: [7570, 7569] }),
  field({ api: 'Protocol', kind: 'enum', values: PROTOCOLS, upperCase: true, required: true, group: 'Required', valueName: 'protocol', help: 'listener protocol (case-insensitive)', example: 'TCP' }),
  field({ api: 'ListenerNames', kind: 'string-list', minLength: 1, maxLength: 80, aliases: ['name'], group: 'Listener', valueName: 'name', help: 'listener name(s), 1-80 characters, matched to the ports by position', example: ['lis1', 'lis0'] }),
  field({ api: 'HealthCheck', kind: 'object', nested: 'HealthCheck', protocols: L4_AND_SSL, group: 'Health check', valueName: 'spec', help: 'on | off | Key=Value,... | JSON | file://path', example: { HealthSwitch: 1, TimeOut: 5, IntervalTime: 7, HealthNum: 4, UnHealthNum: 4 } }),
  field({ api: 'Certificate', kind: 'object', nested: 'CertificateInput', protocols: ['HTTPS', 'TCP_SSL'], group: 'Certificate', valueName: 'spec', help: 'Key=Value,... | JSON | file://path (or the friendly --cert-* flags)', example: { SSLMode: 'UNIDIRECTIONAL', CertId: 'MsJyaXVm' } }),
  field({ api: 'SessionExpireTime', kind: 'integer', min: 30, max: 3600, protocols: L4, group: 'Listener', valueName: 'seconds', help: 'session persistence in seconds, 30-3600', example: 30 }),
  field({ api: 'Scheduler', kind: 'enum', values: ['WRR', 'LEAST_CONN'], upperCase: true, protocols: L4_AND_SSL, group: 'Listener', valueName: 'mode', help: 'forwarding mode', example: 'WRR' }),
  field({ api: 'SniSwitch', kind: 'switch', protocols: ['HTTPS'], group: 'Certificate', help: 'SNI on (1) or off (0)', example: 0 }),
  field({ api: 'TargetType', kind: 'enum', values: ['NODE', 'TARGETGROUP'], upperCase: true, protocols: L4, group: 'Listener', valueName: 'type', help: 'real server type', example: 'NODE' }),
  field({ api: 'SessionType', kind: 'enum', values: ['NORMAL', 'QUIC_CID'], upperCase: true, protocols: L4, group: 'Listener', valueName: 'type', help: 'session persistence type (QUIC_CID: UDP with WRR only)', example: 'NORMAL' }),
  field({ api: 'KeepaliveEnable', kind: 'switch', protocols: L7, group: 'Connection limits', help: 'persistent connections on (1) or off (0)', example: 0 }),
  field({ api: 'EndPort', kind: 'integer', min: 2, max: 65535, group: 'Listener', valueName: 'port', help: 'end port of a port-range listener (exactly one --port, lower than this)', example: 7580 }),
  field({ api: 'DeregisterTargetRst', kind: 'boolean', protocols: L4, group: 'Rescheduling', help: 'reschedule when a real server is unbound', example: false }),
  field({ api: 'MultiCertInfo', kind: 'object', nested: 'MultiCertInfo', protocols: ['HTTPS', 'TCP_SSL'], group: 'Certificate', valueName: 'spec', help: 'several server certificates of different algorithms: JSON | file://path', example: { SSLMode: 'UNIDIRECTIONAL', CertList: [{ CertId: 'MsJyaXVm' }, { CertId: 'Ecc0Cert' }] } }),
  field({ api: 'MaxConn', kind: 'integer', min: 1, max: 2147483647, special: [-1], protocols: L4_AND_SSL, group: 'Connection limits', valueName: 'n', help: 'max connections per listener, -1 = unlimited', example: -1 }),
  field({ api: 'MaxCps', kind: 'integer', min: 1, max: 2147483647, special: [-1], protocols: L4_AND_SSL, group: 'Connection limits', valueName: 'n', help: 'max new connections per second, -1 = unlimited', example: -1 }),
  field({ api: 'IdleConnectTimeout', kind: 'integer', min: 10, max: 1980, protocols: L4, group: 'Connection limits', valueName: 'seconds', help: 'idle connection timeout in seconds, 10-1980', example: 900 }),
  field({ api: 'ProxyProtocol', kind: 'boolean', protocols: ['TCP_SSL', 'QUIC'], group: 'Listener', help: 'use Proxy Protocol (TCP_SSL and QUIC)', example: false }),
  field({ api: 'SnatEnable', kind: 'boolean', group: 'Listener', help: 'SNAT: replace the client source IP', example: false }),
  field({ api: 'FullEndPorts', kind: 'integer-list', min: 2, max: 65535, group: 'Listener', valueName: 'port', help: 'end ports of full-port-range listeners, 2-65535', example: [7580] }),
  field({ api: 'H2cSwitch', kind: 'boolean', protocols: ['HTTP'], group: 'Listener', help: 'h2c on a private-network HTTP listener', example: false }),
  field({ api: 'SslCloseSwitch', kind: 'boolean', protocols: ['TCP_SSL'], group: 'Certificate', help: 'strip SSL so a TCP_SSL listener behaves as TCP', example: false }),
  field({ api: 'DataCompressMode', kind: 'enum', values: ['transparent', 'compatibility'], group: 'Listener', valueName: 'mode', help: 'data compression mode', example: 'transparent' }),
  field({ api: 'RescheduleTargetZeroWeight', kind: 'boolean', protocols: L4, group: 'Rescheduling', help: 'reschedule when a real server weight becomes 0', example: true }),
  field({ api: 'RescheduleUnhealthy', kind: 'boolean', protocols: L4, group: 'Rescheduling', help: 'reschedule when a real server fails health checks', example: true }),
  field({ api: 'RescheduleExpandTarget', kind: 'boolean', protocols: L4, group: 'Rescheduling', help: 'reschedule when real servers are added or removed', example: true }),
  field({ api: 'RescheduleStartTime', kind: 'integer', min: 0, max: 3600, protocols: L4, group: 'Rescheduling', valueName: 'seconds', help: 'delay before rescheduling starts, 0-3600 s', example: 25 }),
  field({ api: 'RescheduleInterval', kind: 'integer', min: 0, max: 3600, protocols: L4, group: 'Rescheduling', valueName: 'seconds', help: 'duration of rescheduling, 0-3600 s', example: 50 }),
] as const satisfies readonly TopLevelField[];

/** The table, as every consumer reads it; the literal-typed original only feeds the types below. */
export const CREATE_LISTENER_FIELDS: readonly TopLevelField[] = TOP_LEVEL_TABLE;

// biome-ignore format: one field a line keeps the table readable as a table
const HEALTH_CHECK_TABLE = [
  { api: 'HealthSwitch', kind: 'switch', help: '1 = on (default), 0 = off', example: 1 },
  { api: 'TimeOut', kind: 'integer', min: 2, max: 60, help: 'response timeout, 2-60 s, less than IntervalTime', example: 2 },
  { api: 'IntervalTime', kind: 'integer', min: 2, max: 300, help: 'probe interval, 2-300 s', example: 5 },
  { api: 'HealthNum', kind: 'integer', min: 2, max: 10, help: 'healthy threshold, 2-10', example: 3 },
  { api: 'UnHealthNum', kind: 'integer', min: 2, max: 10, help: 'unhealthy threshold, 2-10', example: 3 },
  { api: 'HttpCode', kind: 'integer', min: 1, max: 31, help: 'healthy HTTP codes bitmask 1-31 (1=1xx 2=2xx 4=3xx 8=4xx 16=5xx)', example: 31 },
  { api: 'HttpCheckPath', kind: 'string', minLength: 1, maxLength: 200, help: 'HTTP check path', example: '/health' },
  { api: 'HttpCheckDomain', kind: 'string', minLength: 1, maxLength: 80, help: 'Host header of HTTP checks', example: 'www.example.com' },
  { api: 'HttpCheckMethod', kind: 'enum', values: ['HEAD', 'GET'], upperCase: true, help: 'HTTP check method', example: 'HEAD' },
  { api: 'CheckPort', kind: 'integer', min: 1, max: 65535, special: [-1], protocols: L4, help: 'probe port; -1 = the backend port', example: -1 },
  { api: 'ContextType', kind: 'enum', values: ['HEX', 'TEXT'], upperCase: true, protocols: L4, help: 'CUSTOM check content type', example: 'TEXT' },
  { api: 'SendContext', kind: 'string', minLength: 1, maxLength: 500, protocols: L4, help: 'CUSTOM check request, at most 500', example: 'ping' },
  { api: 'RecvContext', kind: 'string', minLength: 1, maxLength: 500, protocols: L4, help: 'CUSTOM check expected response, at most 500', example: 'pong' },
  { api: 'CheckType', kind: 'enum', values: ['TCP', 'HTTP', 'HTTPS', 'GRPC', 'PING', 'CUSTOM'], upperCase: true, help: 'probe type (UDP: PING|CUSTOM; TCP: TCP|HTTP|CUSTOM; TCP_SSL, QUIC: TCP|HTTP)', example: 'TCP' },
  { api: 'HttpVersion', kind: 'enum', values: ['HTTP/1.0', 'HTTP/1.1'], upperCase: true, protocols: ['TCP'], help: 'HTTP version of HTTP checks on TCP listeners', example: 'HTTP/1.1' },
  { api: 'SourceIpType', kind: 'integer', min: 0, max: 1, help: '0 = the CLB VIP, 1 = 100.64.0.0/10', example: 0 },
  { api: 'ExtendedCode', kind: 'string', minLength: 1, maxLength: 100, help: 'GRPC status codes (e.g. 20, 20,25 or 0-99)', example: '12' },
] as const satisfies readonly FieldSpec[];
export const HEALTH_CHECK_FIELDS: readonly FieldSpec[] = HEALTH_CHECK_TABLE;

// biome-ignore format: one field a line keeps the table readable as a table
const CERTIFICATE_INPUT_TABLE = [
  { api: 'SSLMode', kind: 'enum', values: ['UNIDIRECTIONAL', 'MUTUAL'], upperCase: true, help: 'one-way or mutual TLS', example: 'UNIDIRECTIONAL' },
  { api: 'SSLVerifyClient', kind: 'enum', values: ['ON', 'OPTIONAL'], upperCase: true, help: 'client certificate required (ON) or optional; MUTUAL only', example: 'ON' },
  { api: 'CertId', kind: 'string', minLength: 1, maxLength: 64, help: 'server certificate id', example: 'MsJyaXVm' },
  { api: 'CertCaId', kind: 'string', minLength: 1, maxLength: 64, help: 'client CA certificate id (MUTUAL)', example: 'CaCert01' },
  { api: 'CertName', kind: 'string', minLength: 1, maxLength: 128, help: 'name of the uploaded server certificate', example: 'my-cert' },
  { api: 'CertKey', kind: 'string', minLength: 1, pem: true, secret: true, help: 'PEM private key of the server certificate', example: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----' },
  { api: 'CertContent', kind: 'string', minLength: 1, pem: true, help: 'PEM server certificate', example: '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----' },
  { api: 'CertCaName', kind: 'string', minLength: 1, maxLength: 128, help: 'name of the uploaded client CA (MUTUAL)', example: 'my-ca' },
  { api: 'CertCaContent', kind: 'string', minLength: 1, pem: true, help: 'PEM client CA certificate (MUTUAL)', example: '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----' },
] as const satisfies readonly FieldSpec[];
export const CERTIFICATE_INPUT_FIELDS: readonly FieldSpec[] = CERTIFICATE_INPUT_TABLE;

// biome-ignore format: one field a line keeps the table readable as a table
const CERT_INFO_TABLE = [
  { api: 'CertId', kind: 'string', minLength: 1, maxLength: 64, help: 'certificate id', example: 'MsJyaXVm' },
  { api: 'CertName', kind: 'string', minLength: 1, maxLength: 128, help: 'name of an uploaded certificate', example: 'my-ecc-cert' },
  { api: 'CertContent', kind: 'string', minLength: 1, pem: true, help: 'PEM certificate', example: '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----' },
  { api: 'CertKey', kind: 'string', minLength: 1, pem: true, secret: true, help: 'PEM private key (server certificates)', example: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----' },
] as const satisfies readonly FieldSpec[];
export const CERT_INFO_FIELDS: readonly FieldSpec[] = CERT_INFO_TABLE;

// biome-ignore format: one field a line keeps the table readable as a table
const MULTI_CERT_INFO_TABLE = [
  { api: 'SSLMode', kind: 'enum', values: ['UNIDIRECTIONAL', 'MUTUAL'], upperCase: true, required: true, help: 'one-way or mutual TLS', example: 'UNIDIRECTIONAL' },
  { api: 'CertList', kind: 'object', nested: 'CertInfo', required: true, help: 'server certificates (one per algorithm), plus the CA with MUTUAL', example: [{ CertId: 'MsJyaXVm' }] },
  { api: 'SSLVerifyClient', kind: 'enum', values: ['ON', 'OPTIONAL'], upperCase: true, help: 'MUTUAL only', example: 'ON' },
] as const satisfies readonly FieldSpec[];
export const MULTI_CERT_INFO_FIELDS: readonly FieldSpec[] = MULTI_CERT_INFO_TABLE;

export const NESTED_FIELDS: Record<NestedTypeName, readonly FieldSpec[]> = {
  HealthCheck: HEALTH_CHECK_FIELDS,
  CertificateInput: CERTIFICATE_INPUT_FIELDS,
  MultiCertInfo: MULTI_CERT_INFO_FIELDS,
  CertInfo: CERT_INFO_FIELDS,
};

/**
 * Friendly certificate flags: each fills one CertificateInput field. `file` ones read the named
 * file (or stdin for `-`), so PEM text and private keys never pass through argv.
 */
export interface CertificateFlag {
  flag: string;
  target: string;
  file?: boolean;
  valueName: string;
  help: string;
}

export const CERTIFICATE_FLAGS: readonly CertificateFlag[] = [
  { flag: 'cert-id', target: 'CertId', valueName: 'id', help: 'existing server certificate id' },
  { flag: 'ssl-mode', target: 'SSLMode', valueName: 'mode', help: 'UNIDIRECTIONAL (default) or MUTUAL' },
  { flag: 'ca-cert-id', target: 'CertCaId', valueName: 'id', help: 'existing client CA certificate id (MUTUAL)' },
  { flag: 'ssl-verify-client', target: 'SSLVerifyClient', valueName: 'mode', help: 'ON or OPTIONAL (MUTUAL)' },
  { flag: 'cert-file', target: 'CertContent', file: true, valueName: 'path', help: 'server certificate PEM to upload ("-" = stdin)' },
  { flag: 'key-file', target: 'CertKey', file: true, valueName: 'path', help: 'private key PEM of --cert-file ("-" = stdin)' },
  { flag: 'cert-name', target: 'CertName', valueName: 'name', help: 'name for the uploaded certificate (default: from its subject)' },
  { flag: 'ca-file', target: 'CertCaContent', file: true, valueName: 'path', help: 'client CA PEM to upload (MUTUAL)' },
  { flag: 'ca-name', target: 'CertCaName', valueName: 'name', help: 'name for the uploaded CA (default: from its subject)' },
];

const ALL_NESTED: readonly FieldSpec[] = Object.values(NESTED_FIELDS).flat();

/** API field names holding private keys, wherever they nest: redacted in every dump. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(
  [...CREATE_LISTENER_FIELDS, ...ALL_NESTED].filter((f) => f.secret).map((f) => f.api),
);

/** API field names holding PEM text. */
export const PEM_FIELDS: ReadonlySet<string> = new Set([...CREATE_LISTENER_FIELDS, ...ALL_NESTED].filter((f) => f.pem).map((f) => f.api));

export function fieldByApi(api: string): TopLevelField | undefined {
  return (CREATE_LISTENER_FIELDS as readonly TopLevelField[]).find((f) => f.api === api);
}

// ---- the request's TypeScript types, derived from the tables above ------------------------

type ValueOf<S> = S extends { kind: 'object'; nested: infer N extends NestedTypeName; api: 'CertList' }
  ? NestedObject<N>[]
  : S extends { kind: 'object'; nested: infer N extends NestedTypeName }
    ? NestedObject<N>
    : S extends { kind: 'enum'; values: readonly (infer V)[] }
      ? V
      : S extends { kind: 'string' }
        ? string
        : S extends { kind: 'integer' }
          ? number
          : S extends { kind: 'boolean' }
            ? boolean
            : S extends { kind: 'switch' }
              ? 0 | 1
              : S extends { kind: 'integer-list' }
                ? number[]
                : S extends { kind: 'string-list' }
                  ? string[]
                  : never;

type Flatten<T> = { [K in keyof T]: T[K] };

/** An object type with one property per table entry: required where the table says so. */
export type ObjectOf<F extends readonly FieldSpec[]> = Flatten<
  { [S in F[number] as S extends { required: true } ? S['api'] : never]: ValueOf<S> } & {
    [S in F[number] as S extends { required: true } ? never : S['api']]?: ValueOf<S>;
  }
>;

type NestedObject<N extends NestedTypeName> = N extends 'HealthCheck'
  ? HealthCheck
  : N extends 'CertificateInput'
    ? CertificateInput
    : N extends 'MultiCertInfo'
      ? MultiCertInfo
      : CertInfo;

export type HealthCheck = ObjectOf<typeof HEALTH_CHECK_TABLE>;
export type CertificateInput = ObjectOf<typeof CERTIFICATE_INPUT_TABLE>;
export type CertInfo = ObjectOf<typeof CERT_INFO_TABLE>;
export type MultiCertInfo = ObjectOf<typeof MULTI_CERT_INFO_TABLE>;
export type CreateListenerRequest = ObjectOf<typeof TOP_LEVEL_TABLE>;

/** How a field is named to a person: its flag for top-level fields, `--flag Key` for nested ones. */
export function flagLabel(path: readonly (string | number)[]): string {
  const [top, ...rest] = path;
  const spec = typeof top === 'string' ? fieldByApi(top) : undefined;
  const flag = spec ? `--${spec.flag}` : String(top ?? '');
  const nested = rest.filter((p) => typeof p === 'string');
  return nested.length ? `${flag} ${nested.join('.')}` : flag;
}
