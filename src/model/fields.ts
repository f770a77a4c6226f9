/**
 * The CreateListener request model as data: one entry per API field (docs/api/create-listener.md), and one
 * per field of the nested types. The commander options, the zod schemas (schema.ts), the help,
 * the skeleton, the prompts and the shell completions are all derived from these tables; nothing
 * else lists the fields.
 */

export const PROTOCOLS = ['TCP', 'UDP', 'HTTP', 'HTTPS', 'TCP_SSL', 'QUIC'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

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

/**
 * One field of the request: its name, JSON type and help. What values it may take (ranges,
 * lengths, protocols it applies to) is not here: those are rules, each with its source, in
 * rules.ts. Enum fields list their values here, because the TypeScript types, the completions
 * and the prompts' choices are derived from them; the rule that checks them is in rules.ts.
 */
export interface FieldSpec {
  /** The API's field name. */
  api: string;
  kind: FieldKind;
  help: string;
  required?: boolean;
  values?: readonly string[];
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
  field({ api: 'LoadBalancerId', kind: 'string', required: true, aliases: ['lb'], group: 'Required', valueName: 'id', help: 'CLB instance id (lb-xxxxxxxx)', example: 'lb-cuxw2rm0' }),
  field({ api: 'Ports', kind: 'integer-list', required: true, aliases: ['port'], group: 'Required', valueName: 'port', help: 'listener port(s), one listener per port; repeat or comma-separate', example: [7570, 7569] }),
  field({ api: 'Protocol', kind: 'enum', values: PROTOCOLS, upperCase: true, required: true, group: 'Required', valueName: 'protocol', help: 'listener protocol (case-insensitive)', example: 'TCP' }),
  field({ api: 'ListenerNames', kind: 'string-list', aliases: ['name'], group: 'Listener', valueName: 'name', help: 'listener name(s), matched to the ports by position', example: ['lis1', 'lis0'] }),
  field({ api: 'HealthCheck', kind: 'object', nested: 'HealthCheck', group: 'Health check', valueName: 'spec', help: 'on | off | Key=Value,... | JSON | file://path', example: { HealthSwitch: 1, TimeOut: 5, IntervalTime: 7, HealthNum: 4, UnHealthNum: 4 } }),
  field({ api: 'Certificate', kind: 'object', nested: 'CertificateInput', group: 'Certificate', valueName: 'spec', help: 'Key=Value,... | JSON | file://path (or the friendly --cert-* flags)', example: { SSLMode: 'UNIDIRECTIONAL', CertId: 'MsJyaXVm' } }),
  field({ api: 'SessionExpireTime', kind: 'integer', group: 'Listener', valueName: 'seconds', help: 'session persistence in seconds (0 = off)', example: 30 }),
  field({ api: 'Scheduler', kind: 'enum', values: ['WRR', 'LEAST_CONN'], upperCase: true, group: 'Listener', valueName: 'mode', help: 'forwarding mode', example: 'WRR' }),
  field({ api: 'SniSwitch', kind: 'switch', group: 'Certificate', help: 'SNI on (1) or off (0)', example: 0 }),
  field({ api: 'TargetType', kind: 'enum', values: ['NODE', 'TARGETGROUP', 'TARGETGROUP-V2'], upperCase: true, group: 'Listener', valueName: 'type', help: 'real server type', example: 'NODE' }),
  field({ api: 'SessionType', kind: 'enum', values: ['NORMAL', 'QUIC_CID'], upperCase: true, group: 'Listener', valueName: 'type', help: 'session persistence type (QUIC_CID: UDP with WRR only)', example: 'NORMAL' }),
  field({ api: 'KeepaliveEnable', kind: 'switch', group: 'Connection limits', help: 'persistent connections on (1) or off (0)', example: 0 }),
  field({ api: 'EndPort', kind: 'integer', group: 'Listener', valueName: 'port', help: 'end port of a port-range listener (exactly one --port, lower than this)', example: 7580 }),
  field({ api: 'DeregisterTargetRst', kind: 'boolean', group: 'Rescheduling', help: 'reschedule when a real server is unbound', example: false }),
  field({ api: 'MultiCertInfo', kind: 'object', nested: 'MultiCertInfo', group: 'Certificate', valueName: 'spec', help: 'several server certificates of different algorithms: JSON | file://path', example: { SSLMode: 'UNIDIRECTIONAL', CertList: [{ CertId: 'MsJyaXVm' }, { CertId: 'Ecc0Cert' }] } }),
  field({ api: 'MaxConn', kind: 'integer', group: 'Connection limits', valueName: 'n', help: 'max connections per listener (-1 = unlimited)', example: -1 }),
  field({ api: 'MaxCps', kind: 'integer', group: 'Connection limits', valueName: 'n', help: 'max new connections per second (-1 = unlimited)', example: -1 }),
  field({ api: 'IdleConnectTimeout', kind: 'integer', group: 'Connection limits', valueName: 'seconds', help: 'idle connection timeout in seconds', example: 900 }),
  field({ api: 'ProxyProtocol', kind: 'boolean', group: 'Listener', help: 'use Proxy Protocol (TCP_SSL and QUIC)', example: false }),
  field({ api: 'SnatEnable', kind: 'boolean', group: 'Listener', help: 'SNAT: replace the client source IP', example: false }),
  field({ api: 'FullEndPorts', kind: 'integer-list', group: 'Listener', valueName: 'port', help: 'end ports of full-port-range listeners', example: [7580] }),
  field({ api: 'H2cSwitch', kind: 'boolean', group: 'Listener', help: 'h2c on a private-network HTTP listener', example: false }),
  field({ api: 'SslCloseSwitch', kind: 'boolean', group: 'Certificate', help: 'strip SSL so a TCP_SSL listener behaves as TCP', example: false }),
  field({ api: 'DataCompressMode', kind: 'enum', values: ['transparent', 'compatibility'], group: 'Listener', valueName: 'mode', help: 'data compression mode', example: 'transparent' }),
  field({ api: 'RescheduleTargetZeroWeight', kind: 'boolean', group: 'Rescheduling', help: 'reschedule when a real server weight becomes 0', example: true }),
  field({ api: 'RescheduleUnhealthy', kind: 'boolean', group: 'Rescheduling', help: 'reschedule when a real server fails health checks', example: true }),
  field({ api: 'RescheduleExpandTarget', kind: 'boolean', group: 'Rescheduling', help: 'reschedule when real servers are added or removed', example: true }),
  field({ api: 'RescheduleStartTime', kind: 'integer', group: 'Rescheduling', valueName: 'seconds', help: 'delay before rescheduling starts, in seconds', example: 25 }),
  field({ api: 'RescheduleInterval', kind: 'integer', group: 'Rescheduling', valueName: 'seconds', help: 'duration of rescheduling, in seconds', example: 50 }),
] as const satisfies readonly TopLevelField[];

/** The table, as every consumer reads it; the literal-typed original only feeds the types below. */
export const CREATE_LISTENER_FIELDS: readonly TopLevelField[] = TOP_LEVEL_TABLE;
/** The literal-typed table, for types derived from it (the flags' types in flags.ts). */
export type TOP_LEVEL_FIELD_TABLE = typeof TOP_LEVEL_TABLE;

// biome-ignore format: one field a line keeps the table readable as a table
const HEALTH_CHECK_TABLE = [
  { api: 'HealthSwitch', kind: 'switch', help: '1 = on (default), 0 = off', example: 1 },
  { api: 'TimeOut', kind: 'integer', help: 'response timeout in seconds, less than IntervalTime', example: 2 },
  { api: 'IntervalTime', kind: 'integer', help: 'probe interval in seconds', example: 5 },
  { api: 'HealthNum', kind: 'integer', help: 'healthy threshold', example: 3 },
  { api: 'UnHealthNum', kind: 'integer', help: 'unhealthy threshold', example: 3 },
  { api: 'HttpCode', kind: 'integer', help: 'healthy HTTP codes bitmask (1=1xx 2=2xx 4=3xx 8=4xx 16=5xx)', example: 31 },
  { api: 'HttpCheckPath', kind: 'string', help: 'HTTP check path', example: '/health' },
  { api: 'HttpCheckDomain', kind: 'string', help: 'Host header of HTTP checks', example: 'www.example.com' },
  { api: 'HttpCheckMethod', kind: 'enum', values: ['HEAD', 'GET'], upperCase: true, help: 'HTTP check method', example: 'HEAD' },
  { api: 'CheckPort', kind: 'integer', help: 'probe port; -1 = the backend port', example: -1 },
  { api: 'ContextType', kind: 'enum', values: ['HEX', 'TEXT'], upperCase: true, help: 'CUSTOM check content type', example: 'TEXT' },
  { api: 'SendContext', kind: 'string', help: 'CUSTOM check request', example: 'ping' },
  { api: 'RecvContext', kind: 'string', help: 'CUSTOM check expected response', example: 'pong' },
  { api: 'CheckType', kind: 'enum', values: ['TCP', 'HTTP', 'HTTPS', 'GRPC', 'PING', 'CUSTOM'], upperCase: true, help: 'probe type (UDP: PING|CUSTOM; TCP: TCP|HTTP|CUSTOM; TCP_SSL, QUIC: TCP|HTTP)', example: 'TCP' },
  { api: 'HttpVersion', kind: 'enum', values: ['HTTP/1.0', 'HTTP/1.1'], upperCase: true, help: 'HTTP version of HTTP checks on TCP listeners', example: 'HTTP/1.1' },
  { api: 'SourceIpType', kind: 'integer', help: '0 = the CLB VIP, 1 = 100.64.0.0/10', example: 0 },
  { api: 'ExtendedCode', kind: 'string', help: 'GRPC status codes of GRPC rules (not listeners)', example: '12' },
] as const satisfies readonly FieldSpec[];
export const HEALTH_CHECK_FIELDS: readonly FieldSpec[] = HEALTH_CHECK_TABLE;

// biome-ignore format: one field a line keeps the table readable as a table
const CERTIFICATE_INPUT_TABLE = [
  { api: 'SSLMode', kind: 'enum', values: ['UNIDIRECTIONAL', 'MUTUAL'], upperCase: true, help: 'one-way or mutual TLS', example: 'UNIDIRECTIONAL' },
  { api: 'SSLVerifyClient', kind: 'enum', values: ['ON', 'OPTIONAL'], upperCase: true, help: 'client certificate required (ON) or optional; MUTUAL only', example: 'ON' },
  { api: 'CertId', kind: 'string', help: 'server certificate id', example: 'MsJyaXVm' },
  { api: 'CertCaId', kind: 'string', help: 'client CA certificate id (MUTUAL)', example: 'CaCert01' },
  { api: 'CertName', kind: 'string', help: 'name of the uploaded server certificate', example: 'my-cert' },
  { api: 'CertKey', kind: 'string', pem: true, secret: true, help: 'PEM private key of the server certificate', example: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----' },
  { api: 'CertContent', kind: 'string', pem: true, help: 'PEM server certificate', example: '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----' },
  { api: 'CertCaName', kind: 'string', help: 'name of the uploaded client CA (MUTUAL)', example: 'my-ca' },
  { api: 'CertCaContent', kind: 'string', pem: true, help: 'PEM client CA certificate (MUTUAL)', example: '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----' },
] as const satisfies readonly FieldSpec[];
export const CERTIFICATE_INPUT_FIELDS: readonly FieldSpec[] = CERTIFICATE_INPUT_TABLE;

// biome-ignore format: one field a line keeps the table readable as a table
const CERT_INFO_TABLE = [
  { api: 'CertId', kind: 'string', help: 'certificate id', example: 'MsJyaXVm' },
  { api: 'CertName', kind: 'string', help: 'name of an uploaded certificate', example: 'my-ecc-cert' },
  { api: 'CertContent', kind: 'string', pem: true, help: 'PEM certificate', example: '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----' },
  { api: 'CertKey', kind: 'string', pem: true, secret: true, help: 'PEM private key (server certificates)', example: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----' },
] as const satisfies readonly FieldSpec[];
export const CERT_INFO_FIELDS: readonly FieldSpec[] = CERT_INFO_TABLE;

// biome-ignore format: one field a line keeps the table readable as a table
const MULTI_CERT_INFO_TABLE = [
  { api: 'SSLMode', kind: 'enum', values: ['UNIDIRECTIONAL', 'MUTUAL'], upperCase: true, required: true, help: 'one-way or mutual TLS', example: 'UNIDIRECTIONAL' },
  { api: 'CertList', kind: 'object', nested: 'CertInfo', required: true, help: 'server certificates (one per algorithm), plus the CA with MUTUAL', example: [{ CertId: 'MsJyaXVm' }] },
  { api: 'SSLVerifyClient', kind: 'enum', values: ['ON', 'OPTIONAL'], upperCase: true, help: 'MUTUAL only', example: 'ON' },
] as const satisfies readonly FieldSpec[];
export const MULTI_CERT_INFO_FIELDS: readonly FieldSpec[] = MULTI_CERT_INFO_TABLE;

/** The literal-typed nested tables, for types derived from them (the request's zod schemas in schema.ts). */
export interface NESTED_FIELD_TABLES {
  HealthCheck: typeof HEALTH_CHECK_TABLE;
  CertificateInput: typeof CERTIFICATE_INPUT_TABLE;
  MultiCertInfo: typeof MULTI_CERT_INFO_TABLE;
  CertInfo: typeof CERT_INFO_TABLE;
}

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

const CERTIFICATE_FLAG_TABLE = [
  { flag: 'cert-id', target: 'CertId', valueName: 'id', help: 'existing server certificate id' },
  { flag: 'ssl-mode', target: 'SSLMode', valueName: 'mode', help: 'UNIDIRECTIONAL (default) or MUTUAL' },
  { flag: 'ca-cert-id', target: 'CertCaId', valueName: 'id', help: 'existing client CA certificate id (MUTUAL)' },
  { flag: 'ssl-verify-client', target: 'SSLVerifyClient', valueName: 'mode', help: 'ON or OPTIONAL (MUTUAL)' },
  { flag: 'cert-file', target: 'CertContent', file: true, valueName: 'path', help: 'server certificate PEM to upload ("-" = stdin)' },
  { flag: 'key-file', target: 'CertKey', file: true, valueName: 'path', help: 'private key PEM of --cert-file ("-" = stdin)' },
  { flag: 'cert-name', target: 'CertName', valueName: 'name', help: 'name for the uploaded certificate (default: from its subject)' },
  { flag: 'ca-file', target: 'CertCaContent', file: true, valueName: 'path', help: 'client CA PEM to upload (MUTUAL)' },
  { flag: 'ca-name', target: 'CertCaName', valueName: 'name', help: 'name for the uploaded CA (default: from its subject)' },
] as const satisfies readonly CertificateFlag[];
export const CERTIFICATE_FLAGS: readonly CertificateFlag[] = CERTIFICATE_FLAG_TABLE;
/** The literal-typed certificate flags, for the flags' types in flags.ts. */
export type CERTIFICATE_FLAG_NAMES = (typeof CERTIFICATE_FLAG_TABLE)[number]['flag'];

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

/** The spec at a path such as ['HealthCheck', 'TimeOut'] or ['MultiCertInfo', 'CertList', 0, 'CertId']. */
export function specAt(path: readonly (string | number)[]): FieldSpec | undefined {
  let specs: readonly FieldSpec[] = CREATE_LISTENER_FIELDS;
  let found: FieldSpec | undefined;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    found = specs.find((s) => s.api === key);
    if (!found) return undefined;
    specs = found.nested ? NESTED_FIELDS[found.nested] : [];
  }
  return found;
}
