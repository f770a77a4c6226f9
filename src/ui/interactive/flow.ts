/**
 * The questions of `create -i`, in order, asking only for what the flags (and a --from-file body)
 * did not give: load balancer, protocol, ports, SNI, then the certificates. Answers become raw
 * flags (and, for several certificates, a MultiCertInfo object) that go through the same model
 * as flags do. Every typed value is checked against the field tables as it is typed.
 */
import { UsageError } from '../../core/errors.js';
import { CERTIFICATE_FLAGS, CERTIFICATE_INPUT_FIELDS, PROTOCOLS, fieldByApi, type FieldSpec, type Protocol } from '../../model/fields.js';
import { coerceScalar, splitList, type ReadText } from '../../model/coerce.js';
import { needsListenerCertificate } from '../../model/rules.js';
import { attributeOf } from '../../model/flags.js';
import { nameFromSubject } from '../../model/certificates.js';
import { describeRule } from '../../model/schema.js';
import type { RawFlags, UploadedCertificate } from '../../model/request.js';
import type { Asker } from './asker.js';
import {
  describeCertificate,
  expandPath,
  promptMessage,
  readCaCertificate,
  readMatchingKey,
  readServerCertificate,
  type CheckedCertificate,
} from './certs.js';

export interface FlowEnvironment {
  asker: Asker;
  readText: ReadText;
  now: number;
  env: Record<string, string | undefined>;
  /** The `--from-file` body, whose fields count as given. */
  body: Record<string, unknown> | undefined;
  /** Lines for the person (certificate details, notes); not data. */
  note(lines: string[], kind?: 'info' | 'warning'): void;
}

/** Where an uploaded file came from, for the summary and the equivalent command. */
export interface ServerUpload {
  kind: 'upload';
  cert: CheckedCertificate;
  keyPath: string;
  key: string;
  name: string;
}
export type ServerEntry = { kind: 'id'; id: string } | ServerUpload;
export type CaEntry = { kind: 'id'; id: string } | { kind: 'upload'; cert: CheckedCertificate; name: string };

export interface MultiCertPlan {
  /** With contents read from the files: what is sent. */
  value: Record<string, unknown>;
  /** With `file://PATH` in place of contents: what the equivalent command passes. */
  byReference: Record<string, unknown>;
}

export interface FlowResult {
  /** The given flags plus the answers, for buildCreateListenerRequest. */
  flags: RawFlags;
  /** Set when several certificates were chosen. */
  multiCertInfo?: MultiCertPlan;
  /** Uploads the model does not see as --cert-file/--ca-file (the MultiCertInfo ones). */
  uploads: UploadedCertificate[];
  warnings: string[];
}

// ---- checking typed values against the field tables ---------------------------------------

const spec = (api: string): FieldSpec => fieldByApi(api)!;
const certInputSpec = (api: string): FieldSpec => CERTIFICATE_INPUT_FIELDS.find((f) => f.api === api)!;

function stripFlag(message: string, label: string): string {
  return message.startsWith(`${label} `) ? message.slice(label.length + 1) : message;
}

/** Why `text` is not a valid value of `field`, in the model's words; undefined when it is. */
export function fieldProblem(field: FieldSpec, text: string, label: string): string | undefined {
  const value = text.trim();
  if (value === '') return 'a value is required';
  let coerced: unknown;
  try {
    coerced = coerceScalar(field, value, label);
  } catch (error) {
    if (error instanceof UsageError) return stripFlag(error.message, label);
    throw error;
  }
  const rule = `"${value}": ${describeRule(field)}`;
  switch (field.kind) {
    case 'string': {
      const s = coerced as string;
      if (field.minLength !== undefined && s.length < field.minLength) return rule;
      if (field.maxLength !== undefined && s.length > field.maxLength) return rule;
      if (field.pattern && !field.pattern.regex.test(s)) return rule;
      return undefined;
    }
    case 'integer-list': {
      const list = coerced as number[];
      if (list.length === 0) return 'a value is required';
      const bad = list.find((n) => !(field.special?.includes(n) || (n >= (field.min ?? -Infinity) && n <= (field.max ?? Infinity))));
      if (bad !== undefined) return `${bad}: ${describeRule(field)}`;
      const dup = list.find((n, i) => list.indexOf(n) !== i);
      if (dup !== undefined) return `${dup} is given twice; each port creates one listener`;
      return undefined;
    }
    case 'enum':
      return field.values!.includes(coerced as string) ? undefined : rule;
    default:
      return undefined;
  }
}

const validator =
  (field: FieldSpec, label: string, extra?: (value: string) => string | undefined) =>
  (text: string): true | string =>
    fieldProblem(field, text, label) ?? extra?.(text.trim()) ?? true;

/** A value given by flag or body that the model would refuse: refuse it now, before any question. */
function checkGiven(field: FieldSpec, raw: unknown, label: string): void {
  const text = Array.isArray(raw) ? raw.join(',') : String(raw);
  const problem = fieldProblem(field, text, label);
  if (problem) throw new UsageError(`${label} ${problem}`, label);
}

// ---- what was given ------------------------------------------------------------------------

const first = (flags: RawFlags, ...names: string[]): unknown => names.map((n) => flags[n]).find((v) => v !== undefined);

const PROTOCOL_NOTES: Record<Protocol, string> = {
  TCP: 'layer 4',
  UDP: 'layer 4',
  HTTP: 'layer 7, rules per domain and URL',
  HTTPS: 'layer 7 with TLS: needs a certificate (or SNI)',
  TCP_SSL: 'layer 4 with TLS: needs a certificate',
  QUIC: 'layer 4, QUIC',
};

const DEFAULT_PORTS: Partial<Record<Protocol, string>> = { HTTP: '80', HTTPS: '443', TCP_SSL: '443' };

const CERT_ATTRS = CERTIFICATE_FLAGS.map((c) => attributeOf(c.flag));

// ---- the flow --------------------------------------------------------------------------------

export async function askCreate(given: RawFlags, env: FlowEnvironment): Promise<FlowResult> {
  const { asker } = env;
  const flags: RawFlags = { ...given };
  const body = env.body ?? {};
  const result: FlowResult = { flags, uploads: [], warnings: [] };
  const certFlagsGiven = CERT_ATTRS.some((a) => flags[a] !== undefined);

  // Load balancer.
  const lb = first(flags, 'lb', 'loadBalancerId') ?? body.LoadBalancerId;
  if (lb === undefined) {
    flags.lb = (await asker.input({ message: 'Load balancer id', validate: validator(spec('LoadBalancerId'), '--lb') })).trim();
  } else if (typeof lb === 'string') {
    checkGiven(spec('LoadBalancerId'), lb, '--lb');
  }

  // Protocol.
  let protocol: Protocol;
  const givenProtocol = first(flags, 'protocol') ?? body.Protocol;
  if (givenProtocol === undefined) {
    protocol = await asker.select<Protocol>({
      message: 'Protocol',
      choices: PROTOCOLS.map((p) => ({ value: p, name: p, description: PROTOCOL_NOTES[p] })),
      default: certFlagsGiven ? 'HTTPS' : 'TCP',
    });
    flags.protocol = protocol;
  } else {
    checkGiven(spec('Protocol'), givenProtocol, '--protocol');
    protocol = String(givenProtocol).trim().toUpperCase() as Protocol;
  }

  // Ports.
  const ports = first(flags, 'port', 'ports') ?? body.Ports;
  if (ports === undefined) {
    const defaultPort = DEFAULT_PORTS[protocol];
    flags.port = splitList(
      await asker.input({
        message: 'Port(s), comma-separated: one listener each',
        ...(defaultPort ? { default: defaultPort } : {}),
        validate: validator(spec('Ports'), '--port'),
      }),
    ).join(',');
  } else if (Array.isArray(ports) || typeof ports === 'string') {
    checkGiven(spec('Ports'), ports, '--port');
  }

  // SNI (HTTPS only). Certificate flags already say "off".
  let sni = first(flags, 'sniSwitch') ?? body.SniSwitch;
  if (sni !== undefined) sni = coerceScalar(spec('SniSwitch'), sni, '--sni-switch');
  const wholeCertificate = [flags.certificate, flags.multiCertInfo, body.Certificate, body.MultiCertInfo].some((v) => v !== undefined);
  if (protocol === 'HTTPS' && sni === undefined && !certFlagsGiven && !wholeCertificate) {
    sni = await asker.select<0 | 1>({
      message: 'SNI',
      choices: [
        { value: 0, name: 'Off: one certificate on the listener', description: 'the certificate is asked for next' },
        {
          value: 1,
          name: 'On: certificates go on the domain rules',
          description: 'no listener certificate is asked for; give each domain its certificate when you add its rule',
        },
      ],
      default: 0,
    });
    if (sni === 1) {
      flags.sniSwitch = '1';
      env.note(['SNI on: the listener gets no certificate; set one per domain when you create its rules.']);
    }
  }

  if (needsListenerCertificate(protocol, sni) && !wholeCertificate) await askCertificates(flags, env, result);
  return result;
}

const upper = (v: unknown): string | undefined => (v === undefined ? undefined : String(v).trim().toUpperCase());

async function askCertificates(flags: RawFlags, env: FlowEnvironment, result: FlowResult): Promise<void> {
  const { asker } = env;
  const serverGiven = first(flags, 'certId', 'certFile', 'keyFile') !== undefined;
  const caGiven = first(flags, 'caCertId', 'caFile') !== undefined;

  // The --cert-* flags describe one Certificate: given any, there is one server certificate.
  const several = CERT_ATTRS.some((a) => flags[a] !== undefined)
    ? false
    : await asker.select<boolean>({
        message: 'Server certificates',
        choices: [
          { value: false, name: 'One certificate' },
          {
            value: true,
            name: 'Several, of different algorithms (e.g. RSA and ECC)',
            description: 'sent as MultiCertInfo; each client gets one it supports',
          },
        ],
        default: false,
      });

  let mode = upper(flags.sslMode) ?? (caGiven || flags.sslVerifyClient !== undefined ? 'MUTUAL' : undefined);
  if (mode === undefined) {
    mode = await asker.select<string>({
      message: 'SSL mode',
      choices: [
        { value: 'UNIDIRECTIONAL', name: 'One-way (UNIDIRECTIONAL)', description: 'clients check the server certificate' },
        { value: 'MUTUAL', name: 'Mutual (MUTUAL)', description: 'the listener also checks client certificates against a CA' },
      ],
      default: 'UNIDIRECTIONAL',
    });
  }
  const mutual = mode === 'MUTUAL';

  const servers: ServerEntry[] = [];
  if (!serverGiven) {
    for (;;) {
      const defaultName = servers.length === 0 && typeof flags.certName === 'string' ? flags.certName : undefined;
      servers.push(await askServerCertificate(env, servers, several, defaultName));
      if (!several) break;
      const more = await asker.confirm({ message: 'Add another server certificate (of another algorithm)?', default: servers.length < 2 });
      if (!more) break;
    }
  }

  let ca: CaEntry | undefined;
  if (mutual && !caGiven) ca = await askCa(env, typeof flags.caName === 'string' ? flags.caName : undefined);
  let verify = upper(flags.sslVerifyClient);
  if (mutual && verify === undefined) {
    verify = await asker.select<string>({
      message: 'Client certificates',
      choices: [
        { value: 'ON', name: 'Required (ON)', description: 'connections without a certificate the CA signed are refused' },
        { value: 'OPTIONAL', name: 'Optional (OPTIONAL)', description: 'a client certificate is checked when one is presented' },
      ],
      default: 'ON',
    });
  }

  if (several) {
    result.multiCertInfo = multiCertPlan(mode, servers, ca, mutual ? verify : undefined);
    // Everything now lives in MultiCertInfo; certificate flags would make a second Certificate.
    for (const attr of CERT_ATTRS) delete flags[attr];
    for (const server of servers) if (server.kind === 'upload') recordUpload(result, 'server', server.cert);
    if (ca?.kind === 'upload') recordUpload(result, 'ca', ca.cert);
    return;
  }
  const [server] = servers;
  if (server?.kind === 'id') flags.certId = server.id;
  if (server?.kind === 'upload') Object.assign(flags, { certFile: server.cert.path, keyFile: server.keyPath, certName: server.name });
  if (mutual) flags.sslMode = 'MUTUAL';
  if (ca?.kind === 'id') flags.caCertId = ca.id;
  if (ca?.kind === 'upload') Object.assign(flags, { caFile: ca.cert.path, caName: ca.name });
  if (mutual) flags.sslVerifyClient = verify;
}

function recordUpload(result: FlowResult, role: 'server' | 'ca', cert: CheckedCertificate): void {
  result.uploads.push({ role, path: cert.path, summary: cert.summary });
  if (cert.warning) result.warnings.push(`${cert.path}: ${cert.warning}`);
}

function multiCertPlan(mode: string, servers: ServerEntry[], ca: CaEntry | undefined, verify: string | undefined): MultiCertPlan {
  const entry = (e: ServerEntry | CaEntry, byReference: boolean): Record<string, unknown> => {
    if (e.kind === 'id') return { CertId: e.id };
    const content = byReference ? `file://${e.cert.path}` : e.cert.content;
    if (!('keyPath' in e)) return { CertName: e.name, CertContent: content };
    return { CertName: e.name, CertContent: content, CertKey: byReference ? `file://${e.keyPath}` : e.key };
  };
  const build = (byReference: boolean): Record<string, unknown> => ({
    SSLMode: mode,
    // The CA goes last: with ids alone, that is where it is looked for.
    CertList: [...servers, ...(ca ? [ca] : [])].map((e) => entry(e, byReference)),
    ...(verify ? { SSLVerifyClient: verify } : {}),
  });
  return { value: build(false), byReference: build(true) };
}

async function askServerCertificate(
  env: FlowEnvironment,
  earlier: ServerEntry[],
  several: boolean,
  defaultName: string | undefined,
): Promise<ServerEntry> {
  const { asker } = env;
  const n = earlier.length + 1;
  const source = await asker.select<'upload' | 'id'>({
    message: several ? `Server certificate ${n}` : 'Server certificate',
    choices: [
      { value: 'upload', name: 'Upload from PEM files (certificate and private key)' },
      { value: 'id', name: 'An existing certificate id (SSL Certificate Service)' },
    ],
    default: 'upload',
  });
  if (source === 'id') {
    const usedIds = earlier.flatMap((e) => (e.kind === 'id' ? [e.id] : []));
    const id = await asker.input({
      message: several ? 'Certificate id (of an algorithm not used above)' : 'Certificate id',
      validate: validator(certInputSpec('CertId'), 'CertId', (v) => (usedIds.includes(v) ? `${v} is already in the list` : undefined)),
    });
    return { kind: 'id', id: id.trim() };
  }

  const usedAlgorithms = new Map(earlier.flatMap((e) => (e.kind === 'upload' ? [[e.cert.algorithm, e.cert.path] as const] : [])));
  const cert = await askPemFile(env, 'Certificate PEM file', '--cert-file', async (path) => {
    const checked = await readServerCertificate(env.readText, path, env.now);
    const clash = usedAlgorithms.get(checked.algorithm);
    return clash === undefined
      ? checked
      : `${path} is ${checked.algorithm}, like ${clash}: MultiCertInfo takes one certificate per algorithm`;
  });

  let key = '';
  const typedKey = await asker.input({
    message: 'Private key PEM file',
    validate: async (text) => {
      const path = expandPath(text, env.env);
      try {
        key = await readMatchingKey(env.readText, path, cert);
        return true;
      } catch (error) {
        return promptMessage(error, '--key-file', path);
      }
    },
  });
  // Two certificates for one name (RSA and ECC) get names that tell them apart.
  const usedNames = earlier.flatMap((e) => (e.kind === 'upload' ? [e.name] : []));
  const fromSubject = nameFromSubject(cert.summary, 'server-cert');
  const name = await asker.input({
    message: 'Certificate name',
    default: defaultName ?? (usedNames.includes(fromSubject) ? `${fromSubject}-${cert.algorithm.toLowerCase()}` : fromSubject),
    validate: validator(certInputSpec('CertName'), 'CertName'),
  });
  return { kind: 'upload', cert, keyPath: expandPath(typedKey, env.env), key, name: name.trim() };
}

/**
 * Asks for a certificate file until `check` accepts it (a string is a reason to ask again), then
 * shows what the file holds and any expiry warning.
 */
async function askPemFile(
  env: FlowEnvironment,
  message: string,
  flag: string,
  check: (path: string) => Promise<CheckedCertificate | string>,
): Promise<CheckedCertificate> {
  let accepted: CheckedCertificate | undefined;
  await env.asker.input({
    message,
    validate: async (text) => {
      const path = expandPath(text, env.env);
      try {
        const result = await check(path);
        if (typeof result === 'string') return result;
        accepted = result;
        return true;
      } catch (error) {
        return promptMessage(error, flag, path);
      }
    },
  });
  const cert = accepted!;
  env.note(describeCertificate(cert, env.now));
  if (cert.warning) env.note([cert.warning], 'warning');
  return cert;
}

async function askCa(env: FlowEnvironment, defaultName: string | undefined): Promise<CaEntry> {
  const { asker } = env;
  const source = await asker.select<'upload' | 'id'>({
    message: 'Client CA certificate (mutual TLS)',
    choices: [
      { value: 'upload', name: 'Upload a CA PEM file' },
      { value: 'id', name: 'An existing CA certificate id' },
    ],
    default: 'upload',
  });
  if (source === 'id') {
    const id = await asker.input({ message: 'CA certificate id', validate: validator(certInputSpec('CertCaId'), 'CertCaId') });
    return { kind: 'id', id: id.trim() };
  }
  const cert = await askPemFile(env, 'CA certificate PEM file', '--ca-file', (path) => readCaCertificate(env.readText, path, env.now));
  const name = await asker.input({
    message: 'CA certificate name',
    default: defaultName ?? nameFromSubject(cert.summary, 'client-ca'),
    validate: validator(certInputSpec('CertCaName'), 'CertCaName'),
  });
  return { kind: 'upload', cert, name: name.trim() };
}
