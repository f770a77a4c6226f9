/**
 * Parsed `create` flags (and an optional `--from-file` body) → a validated CreateListener
 * request. The body gives the starting fields; each flag given beside it overrides its field.
 * Flags are turned into typed values here (a value that is not even the right type is refused at
 * once, naming the flag); then the one validator checks the whole request, and its findings are
 * named the way they were given: `--health-check TimeOut`, `listener.yaml: HealthCheck.TimeOut`.
 */
import { basename } from 'node:path';
import { saidIn, UsageError, type Problem } from '../core/errors.js';
import {
  CERTIFICATE_FLAGS,
  CERTIFICATE_INPUT_FIELDS,
  CREATE_LISTENER_FIELDS,
  flagNames,
  type CreateListenerRequest,
  type TopLevelField,
} from './fields.js';
import { coerceNested, coerceScalar, parseObjectFlag, type ReadText } from './coerce.js';
import { attributeOf, type CreateFieldFlags } from './flags.js';
import { holdsPrivateKey, inspectCertificate, nameFromSubject } from './certificates.js';
import { type Language, message, say } from '../core/i18n.js';
import { INPUT } from './input.messages.js';
import { RULE_MESSAGES } from './rules.messages.js';
import { flagNamer, type GivenInput, listedFindings, problemOf, renderFinding } from './messages.js';
import type { Finding } from './rules.js';
import { advisory, blocking, loadValidator, validateCreateListener } from './validate.js';
import { SECRET_FIELDS } from './fields.js';

export type { CreateFieldFlags } from './flags.js';
/** Parsed flags as a parser stores them, before they are typed. */
export type RawFlags = CreateFieldFlags & Record<string, unknown>;

export interface BuildOptions {
  readText: ReadText;
  /** The `--from-file` document, if any. */
  body?: Record<string, unknown>;
  /** Where the body came from, to name it in messages (e.g. `listener.yaml`, or `stdin`). */
  bodySource?: string;
  now: number;
  /** False for --no-validate: rule violations become warnings (type checks and private keys still stop it). */
  validate?: boolean;
  /** Told every private-key value the moment it is read, before anything can print it. */
  secrets?: { add(value: string): void };
  /** The language findings are said in (English when unset). */
  language?: Language;
}

export interface BuiltRequest {
  request: CreateListenerRequest;
  /** What the rules found that does not stop the request, in the input's words. */
  warnings: string[];
  /** Every finding, with its field path, for callers that name fields their own way. */
  findings: Finding[];
  /** Private-key material wherever it appeared, so output can redact it. */
  secrets: string[];
}

/** The raw value of a field's flag and its aliases; repeated list flags are concatenated. */
function rawValue(spec: TopLevelField, flags: RawFlags): unknown {
  const given = flagNames(spec)
    .map((n) => flags[attributeOf(n)])
    .filter((v) => v !== undefined);
  if (given.length === 0) return undefined;
  if (spec.kind === 'integer-list' || spec.kind === 'string-list') return given.flat();
  if (given.length > 1) {
    throw new UsageError(message(INPUT.twiceAlias, { flag: spec.flag, aliases: spec.aliases?.join('/--') ?? '' }), `--${spec.flag}`);
  }
  // A bare boolean flag arrives as `true`, its --no- form as `false`.
  return given[0];
}

/**
 * Each flag turned into its typed value. A flag that cannot be (not a number, JSON that does not
 * parse, a file that cannot be read) is a problem of its own; every flag is tried, so all of them
 * are reported together.
 */
async function applyFieldFlags(
  base: Record<string, unknown>,
  flags: RawFlags,
  readText: ReadText,
  language: Language = 'en',
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const spec of CREATE_LISTENER_FIELDS) {
    // Named as typed: `--port` when the person wrote --port.
    const label = `--${flagNames(spec).find((n) => flags[attributeOf(n)] !== undefined) ?? spec.flag}`;
    let raw: unknown;
    try {
      raw = rawValue(spec, flags);
      if (raw === undefined) continue;
      if (spec.kind === 'object') {
        const source = await parseObjectFlag(spec, String(raw), label, readText);
        base[spec.api] = await coerceNested(spec.nested!, source.value, label, readText, source.fromFile);
      } else {
        base[spec.api] = coerceScalar(spec, raw, label);
      }
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      const said = saidIn(language, error);
      problems.push({
        field: label,
        path: spec.api,
        // An object flag's text is its own problem's subject (a file, JSON); a scalar's value is shown.
        ...(raw !== undefined && spec.kind !== 'object' ? { value: raw } : {}),
        rule: spec.kind === 'object' ? 'input' : 'type',
        message: said.message,
        ...(said.hint ? { hint: said.hint } : {}),
      });
    }
  }
  return problems;
}

/** Every string that holds private-key material, wherever it nests, so output can redact it. */
export function collectSecrets(value: unknown, out: string[] = [], key?: string): string[] {
  if (typeof value === 'string') {
    if ((key !== undefined && SECRET_FIELDS.has(key)) || holdsPrivateKey(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, out, key);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectSecrets(v, out, k);
  }
  return out;
}

/** The friendly certificate flags (--cert-id, --key-file …) fill one Certificate object. */
async function applyCertificateFlags(base: Record<string, unknown>, flags: RawFlags, readText: ReadText): Promise<void> {
  const given = CERTIFICATE_FLAGS.filter((c) => flags[attributeOf(c.flag)] !== undefined);
  if (given.length === 0) return;
  const stdinUsers = given.filter((c) => c.file && flags[attributeOf(c.flag)] === '-');
  if (stdinUsers.length > 1) {
    throw new UsageError(`only one of ${stdinUsers.map((c) => `--${c.flag}`).join(', ')} can read stdin ("-")`, `--${stdinUsers[1]!.flag}`);
  }
  const existing = base.Certificate && typeof base.Certificate === 'object' ? (base.Certificate as Record<string, unknown>) : {};
  // Beside a --from-file body these flags override its fields; beside --certificate they are the
  // same option spelled twice, and two different values for one field are not guessed between.
  const fromCertificateFlag = flags[attributeOf('certificate')] !== undefined;
  const cert: Record<string, unknown> = { ...existing };
  const paths: Record<string, string> = {};
  for (const flag of given) {
    const raw = String(flags[attributeOf(flag.flag)]);
    const spec = CERTIFICATE_INPUT_FIELDS.find((f) => f.api === flag.target)!;
    if (flag.file) {
      paths[flag.target] = raw;
      cert[flag.target] = await readText(raw, `--${flag.flag}`);
    } else {
      cert[flag.target] = coerceScalar(spec, raw, `--${flag.flag}`);
    }
    if (fromCertificateFlag && existing[flag.target] !== undefined && existing[flag.target] !== cert[flag.target]) {
      // Neither value is quoted: one of them may be key material.
      throw new UsageError(message(INPUT.twoValues, { flag: flag.flag, target: flag.target }), `--${flag.flag}`, {
        hint: message(INPUT.giveTargetOnce, { target: flag.target }),
      });
    }
  }
  if (paths.CertContent && cert.CertKey === undefined) {
    throw new UsageError(message(INPUT.certNeedsKey), '--key-file');
  }
  if (paths.CertKey && cert.CertContent === undefined) {
    throw new UsageError(message(INPUT.keyNeedsCert), '--cert-file');
  }
  // Uploads need names: the certificate's subject gives a good one, else the file's.
  const named = (content: unknown, path: string, fallback: string): string => {
    const summary = typeof content === 'string' ? inspectCertificate(content)?.summary : undefined;
    return nameFromSubject(summary, summary ? fallback : basename(path).replace(/\.[^.]*$/, '') || fallback);
  };
  if (paths.CertContent) cert.CertName ??= named(cert.CertContent, paths.CertContent, 'server-cert');
  if (paths.CertCaContent) cert.CertCaName ??= named(cert.CertCaContent, paths.CertCaContent, 'client-ca');
  // Say the default out loud, so --dry-run shows exactly what is meant.
  cert.SSLMode ??= cert.CertCaId !== undefined || cert.CertCaContent !== undefined ? 'MUTUAL' : 'UNIDIRECTIONAL';
  base.Certificate = cert;
}

/**
 * The UsageError for blocking findings, every one of them named the way it was given: the first
 * is the message (the one line scripts read), all are its problems.
 */
export function refusal(
  findings: readonly Finding[],
  given: GivenInput,
  request?: Record<string, unknown>,
  language: Language = 'en',
): UsageError {
  return problemsRefusal(listedFindings(findings).map((f) => problemOf(f, flagNamer(given, language), request, [], language)));
}

/** A UsageError whose message is the first problem and whose problems are all of them. */
export function problemsRefusal(problems: readonly Problem[]): UsageError {
  const [first] = problems;
  return new UsageError(first!.message, first!.field, { ...(first!.hint ? { hint: first!.hint } : {}), problems });
}

export async function buildCreateListenerRequest(flags: RawFlags, options: BuildOptions): Promise<BuiltRequest> {
  await loadValidator();
  const body = options.body ?? {};
  const base: Record<string, unknown> = { ...body };
  const typeProblems = await applyFieldFlags(base, flags, options.readText, options.language);
  // What could not even be read as its type is reported alone, as the validator does: rules
  // checked on a request missing those fields would speak of the gaps, not of what was given.
  if (typeProblems.length) throw problemsRefusal(typeProblems);
  await applyCertificateFlags(base, flags, options.readText);
  const secrets = collectSecrets(base);
  for (const secret of secrets) options.secrets?.add(secret);
  const validate = options.validate !== false;
  const { request, findings } = validateCreateListener(base, { now: options.now });
  const given: GivenInput = {
    flags,
    ...(options.body ? { body: options.body } : {}),
    ...(options.bodySource ? { bodySource: options.bodySource } : {}),
  };
  const stops = blocking(findings, validate);
  if (stops.length) throw refusal(stops, given, base, options.language);
  const namer = flagNamer(given, options.language);
  const warnings = advisory(findings, validate).map((f) => {
    const rendered = renderFinding(f, namer, options.language);
    return f.severity === 'refuse'
      ? say(options.language ?? 'en', RULE_MESSAGES.notValidated, { message: rendered.message })
      : rendered.message;
  });
  return { request, warnings, findings, secrets };
}
