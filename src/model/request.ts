/**
 * Parsed `create` flags (and an optional `--from-file` body) → a validated CreateListener
 * request. The body gives the starting fields; each flag given beside it overrides its field.
 * This is the test seam for flags: no commander, no process, only values in and a request out.
 */
import { UsageError } from '../core/errors.js';
import {
  CERTIFICATE_FLAGS,
  CERTIFICATE_INPUT_FIELDS,
  CREATE_LISTENER_FIELDS,
  SECRET_FIELDS,
  flagNames,
  type CertificateFlag,
  type TopLevelField,
} from './fields.js';
import { coerceNested, coerceScalar, normalizeEnums, parseObjectFlag, type ReadText } from './coerce.js';
import { attributeOf, type RawFlags } from './flags.js';
import {
  checkCaCertificate,
  checkServerCertificate,
  inlineCertificateWarnings,
  nameFromSubject,
  type CertificateSummary,
} from './certificates.js';
import { validateCreateListener, type CreateListenerRequest } from './schema.js';

export type { RawFlags } from './flags.js';

export interface BuildOptions {
  readText: ReadText;
  /** The `--from-file` document, if any. */
  body?: Record<string, unknown>;
  /** Where the body came from, to name it in errors (e.g. `listener.yaml`, or `stdin`). */
  bodySource?: string;
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

/** The flag names of a field that were given, as typed: `--port` rather than `--ports` when so. */
function typedNames(spec: TopLevelField, flags: RawFlags): string[] {
  return flagNames(spec)
    .filter((name) => flags[attributeOf(name)] !== undefined)
    .map((name) => `--${name}`);
}

/** The friendly certificate flags (--cert-id, --key-file …) that were given. */
function givenCertificateFlags(flags: RawFlags): readonly CertificateFlag[] {
  return CERTIFICATE_FLAGS.filter((c) => flags[attributeOf(c.flag)] !== undefined);
}

/** The raw value of a field's flag and its aliases; repeated list flags are concatenated. */
function rawValue(spec: TopLevelField, flags: RawFlags): unknown {
  const names = flagNames(spec).map(attributeOf);
  const given = names.map((n) => flags[n]).filter((v) => v !== undefined);
  if (given.length === 0) return undefined;
  if (spec.kind === 'integer-list' || spec.kind === 'string-list') return given.flat();
  if (given.length > 1) {
    throw new UsageError(`--${spec.flag} was given twice (also as --${spec.aliases?.join('/--')})`, `--${spec.flag}`);
  }
  // A bare boolean flag arrives as `true`, its --no- form as `false`.
  return given[0];
}

async function applyFieldFlags(base: Record<string, unknown>, flags: RawFlags, readText: ReadText): Promise<void> {
  for (const spec of CREATE_LISTENER_FIELDS) {
    const raw = rawValue(spec, flags);
    if (raw === undefined) continue;
    const label = `--${spec.flag}`;
    if (spec.kind === 'object') {
      const source = await parseObjectFlag(spec, String(raw), label, readText);
      base[spec.api] = await coerceNested(spec.nested!, source.value, label, readText, source.fromFile);
    } else {
      base[spec.api] = coerceScalar(spec, raw, label);
    }
  }
}

/** Every private-key value in the request, wherever it nests, so output can redact it. */
function collectKeys(value: unknown, secrets: string[]): void {
  if (!value || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_FIELDS.has(key) && typeof v === 'string') secrets.push(v);
    else collectKeys(v, secrets);
  }
}

async function applyCertificateFlags(
  base: Record<string, unknown>,
  flags: RawFlags,
  options: BuildOptions,
  out: Pick<BuiltRequest, 'uploads' | 'warnings'>,
): Promise<void> {
  const given = givenCertificateFlags(flags);
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
  base.Certificate = cert;
}

/** Orders fields as the API documents them, which keeps dumps and diffs stable. */
function inTableOrder(request: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const spec of CREATE_LISTENER_FIELDS) if (request[spec.api] !== undefined) ordered[spec.api] = request[spec.api];
  for (const [key, value] of Object.entries(request)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const flagPattern = (flag: string) => new RegExp(`(?<![\\w-])${escapeRegExp(flag)}(?![\\w-])`, 'g');

/**
 * Rules speak of fields by their canonical flags. Say them as the person gave them: the alias
 * they typed (`--port`, `--lb`, `--cert-id`), or the field name and file for a --from-file body.
 */
function inTheirWords(error: UsageError, flags: RawFlags, options: BuildOptions, body: Record<string, unknown>): UsageError {
  let message = error.message;
  let hint = error.hint;
  let flag = error.flag;
  let fromBody = false;
  // A nested certificate field given through its friendly flag is named by that flag.
  const friendly = (text: string) =>
    text.replace(/--certificate ([A-Za-z]+)/g, (whole, key: string) => {
      const given = givenCertificateFlags(flags).find((c) => c.target === key);
      return given ? `--${given.flag}` : whole;
    });
  message = friendly(message);
  hint = hint === undefined ? undefined : friendly(hint);
  for (const spec of CREATE_LISTENER_FIELDS) {
    const typed = typedNames(spec, flags);
    const canonical = flagNames(spec).map((name) => `--${name}`);
    let replacement: string | undefined;
    if (typed.length) replacement = typed[0];
    else if (spec.api === 'Certificate') replacement = givenCertificateFlags(flags).map((c) => `--${c.flag}`)[0];
    if (!replacement && spec.api in body) {
      replacement = spec.api;
      if (canonical.some((name) => flagPattern(name).test(message))) fromBody = true;
    }
    if (!replacement) continue;
    for (const name of canonical) {
      message = message.replace(flagPattern(name), replacement);
      hint = hint?.replace(flagPattern(name), replacement);
      if (flag === name) flag = replacement;
    }
  }
  if (fromBody && options.bodySource) message = `${options.bodySource}: ${message}`;
  return new UsageError(message, flag, hint ? { hint } : undefined);
}

export async function buildCreateListenerRequest(flags: RawFlags, options: BuildOptions): Promise<BuiltRequest> {
  const out: Pick<BuiltRequest, 'uploads' | 'warnings' | 'secrets'> = { uploads: [], warnings: [], secrets: [] };
  const body = options.body ?? {};
  const base: Record<string, unknown> = { ...body };
  await applyFieldFlags(base, flags, options.readText);
  await applyCertificateFlags(base, flags, options, out);
  collectKeys(base, out.secrets);
  try {
    const request = validateCreateListener(normalizeEnums(CREATE_LISTENER_FIELDS, inTableOrder(base)));
    const checkedFiles = out.uploads.length > 0;
    if (request.Certificate && !checkedFiles) out.warnings.push(...inlineCertificateWarnings('Certificate', request.Certificate));
    for (const [index, cert] of (request.MultiCertInfo?.CertList ?? []).entries()) {
      out.warnings.push(...inlineCertificateWarnings(`MultiCertInfo.CertList[${index}]`, cert));
    }
    return { request, ...out };
  } catch (error) {
    throw error instanceof UsageError ? inTheirWords(error, flags, options, body) : error;
  }
}
