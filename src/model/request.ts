/**
 * Parsed `create` flags (and an optional `--from-file` body) → a validated CreateListener
 * request. The body gives the starting fields; each flag given beside it overrides its field.
 * This is the test seam for flags: no commander, no process, only values in and a request out.
 */
import { UsageError } from '../api/errors.js';
import {
  CERTIFICATE_FLAGS,
  CERTIFICATE_INPUT_FIELDS,
  CREATE_LISTENER_FIELDS,
  type TopLevelField,
} from './fields.js';
import { coerceNested, coerceScalar, normalizeEnums, parseObjectFlag, type ReadText } from './coerce.js';
import { attributeOf } from './options.js';
import { checkCaCertificate, checkServerCertificate, nameFromSubject, type CertificateSummary } from './certificates.js';
import { validateCreateListener, type CreateListenerRequest } from './schema.js';

export type RawFlags = Record<string, unknown>;

export interface BuildOptions {
  readText: ReadText;
  /** The `--from-file` document, if any. */
  body?: Record<string, unknown>;
  now: number;
}

export interface UploadedCertificate {
  role: 'server' | 'ca';
  /** Where it came from, e.g. the --cert-file path; shown instead of key material. */
  path: string;
  summary: CertificateSummary;
}

export interface BuiltRequest {
  request: CreateListenerRequest;
  /** Certificates read from --cert-file / --ca-file, for summaries and the equivalent command. */
  uploads: UploadedCertificate[];
  warnings: string[];
  /** The private-key values read from files, so output can redact them. */
  secrets: string[];
}

/** The raw value of a field's flag and its aliases; repeated list flags are concatenated. */
function rawValue(spec: TopLevelField, flags: RawFlags): unknown {
  const names = [spec.flag, ...(spec.aliases ?? [])].map(attributeOf);
  const given = names.map((n) => flags[n]).filter((v) => v !== undefined);
  if (given.length === 0) return undefined;
  if (spec.kind === 'integer-list' || spec.kind === 'string-list') return given.flat();
  if (given.length > 1) {
    throw new UsageError(`--${spec.flag} was given twice (also as --${spec.aliases?.join('/--')})`, `--${spec.flag}`);
  }
  // A bare boolean flag arrives as `true`, its --no- form as `false`.
  return given[0];
}

async function applyFieldFlags(base: Record<string, unknown>, flags: RawFlags, readText: ReadText, secrets: string[]): Promise<void> {
  for (const spec of CREATE_LISTENER_FIELDS) {
    const raw = rawValue(spec, flags);
    if (raw === undefined) continue;
    const label = `--${spec.flag}`;
    if (spec.kind === 'object') {
      const source = await parseObjectFlag(spec, String(raw), label, readText);
      const value = await coerceNested(spec.nested!, source.value, label, readText, source.fromFile);
      collectKeys(value, secrets);
      base[spec.api] = value;
    } else {
      base[spec.api] = coerceScalar(spec, raw, label);
    }
  }
}

function collectKeys(value: unknown, secrets: string[]): void {
  if (!value || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'CertKey' && typeof v === 'string') secrets.push(v);
    else collectKeys(v, secrets);
  }
}

async function applyCertificateFlags(
  base: Record<string, unknown>,
  flags: RawFlags,
  options: BuildOptions,
  out: Pick<BuiltRequest, 'uploads' | 'warnings' | 'secrets'>,
): Promise<void> {
  const given = CERTIFICATE_FLAGS.filter((c) => flags[attributeOf(c.flag)] !== undefined);
  if (given.length === 0) return;
  const stdinUsers = given.filter((c) => c.file && flags[attributeOf(c.flag)] === '-');
  if (stdinUsers.length > 1) {
    throw new UsageError(`only one of ${stdinUsers.map((c) => `--${c.flag}`).join(', ')} can read stdin ("-")`, `--${stdinUsers[1]!.flag}`);
  }
  const existing = base.Certificate && typeof base.Certificate === 'object' ? (base.Certificate as Record<string, unknown>) : {};
  const cert: Record<string, unknown> = { ...existing };
  const paths: Record<string, string> = {};
  for (const flag of given) {
    const raw = String(flags[attributeOf(flag.flag)]);
    const spec = CERTIFICATE_INPUT_FIELDS.find((f) => f.api === flag.target)!;
    if (flag.file) {
      paths[flag.target] = raw;
      cert[flag.target] = await options.readText(raw, `--${flag.flag}`);
    } else {
      cert[flag.target] = coerceScalar(spec, raw, `--${flag.flag}`);
    }
  }
  if (typeof cert.CertContent === 'string' && typeof cert.CertKey === 'string' && paths.CertContent && paths.CertKey) {
    const check = checkServerCertificate(cert.CertContent, cert.CertKey, options.now);
    cert.CertName ??= nameFromSubject(check.summary, 'server-cert');
    out.uploads.push({ role: 'server', path: paths.CertContent, summary: check.summary });
    if (check.warning) out.warnings.push(`--cert-file: ${check.warning}`);
  } else if (paths.CertContent && !paths.CertKey && cert.CertKey === undefined) {
    throw new UsageError('--cert-file needs --key-file: the private key of the certificate', '--key-file');
  } else if (paths.CertKey && !paths.CertContent && cert.CertContent === undefined) {
    throw new UsageError('--key-file needs --cert-file: the certificate the key belongs to', '--cert-file');
  }
  if (typeof cert.CertCaContent === 'string' && paths.CertCaContent) {
    const check = checkCaCertificate(cert.CertCaContent, options.now);
    cert.CertCaName ??= nameFromSubject(check.summary, 'client-ca');
    out.uploads.push({ role: 'ca', path: paths.CertCaContent, summary: check.summary });
    if (check.warning) out.warnings.push(`--ca-file: ${check.warning}`);
  }
  // Say the default out loud, so --dry-run shows exactly what is meant.
  cert.SSLMode ??= cert.CertCaId !== undefined || cert.CertCaContent !== undefined ? 'MUTUAL' : 'UNIDIRECTIONAL';
  if (typeof cert.CertKey === 'string') out.secrets.push(cert.CertKey);
  base.Certificate = cert;
}

/** Orders fields as the API documents them, which keeps dumps and diffs stable. */
function inTableOrder(request: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const spec of CREATE_LISTENER_FIELDS) if (request[spec.api] !== undefined) ordered[spec.api] = request[spec.api];
  for (const [key, value] of Object.entries(request)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

export async function buildCreateListenerRequest(flags: RawFlags, options: BuildOptions): Promise<BuiltRequest> {
  const out: Pick<BuiltRequest, 'uploads' | 'warnings' | 'secrets'> = { uploads: [], warnings: [], secrets: [] };
  const base: Record<string, unknown> = options.body ? normalizeEnums(CREATE_LISTENER_FIELDS, options.body) : {};
  collectKeys(base, out.secrets);
  await applyFieldFlags(base, flags, options.readText, out.secrets);
  await applyCertificateFlags(base, flags, options, out);
  const request = validateCreateListener(normalizeEnums(CREATE_LISTENER_FIELDS, inTableOrder(base)));
  return { request, ...out };
}
