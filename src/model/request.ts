/**
 * Parsed `create` flags (and an optional `--from-file` body) → a draft (draft.ts) → a validated
 * CreateListener request. The body gives the starting fields; each flag given beside it overrides
 * its field. Flags are turned into typed values here, each with the flag as typed for its origin
 * (a value that is not even the right type is refused at once, naming the flag); then
 * `validateDraft` checks the whole request, and its findings are named by their origins:
 * `--health-check TimeOut`, `listener.yaml: HealthCheck.TimeOut`.
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
import { coerceNested, coerceScalar, parseObjectFlag, type ReadText, splitList } from './coerce.js';
import { type Draft, documentDraft, emptyDraft, type Origin, originAt, withOrigin, withValue } from './draft.js';
import { attributeOf, type CreateFieldFlags } from './flags.js';
import { holdsPrivateKey, inspectCertificate, nameFromSubject } from './certificates.js';
import { type Language, message } from '../core/i18n.js';
import { INPUT } from './input.messages.js';
import type { Finding } from './rules.js';
import { loadValidator, validateDraft } from './validate.js';
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
  /** What it was built from, each value with its origin. */
  draft: Draft;
}

/** A flag's value as text, as it would be typed again (a bare toggle has none). */
function typedText(raw: unknown): string | undefined {
  return typeof raw === 'boolean' ? undefined : Array.isArray(raw) ? raw.map(String).join(',') : String(raw);
}

/**
 * A field's value from its flag, typed, with the flag as typed for its origin. A list field may
 * be given through both its spellings (`--port 80 --ports 81`): each entry keeps the flag it came
 * through, so a finding about `Ports[1]` names that one.
 */
async function typedFlag(draft: Draft, spec: TopLevelField, flags: RawFlags, readText: ReadText): Promise<Draft> {
  const given = flagNames(spec).filter((n) => flags[attributeOf(n)] !== undefined);
  if (given.length === 0) return draft;
  const label = `--${given[0]}`;
  if (spec.kind === 'integer-list' || spec.kind === 'string-list') {
    const items: { value: unknown; flag: string; text: string }[] = [];
    for (const name of given) {
      const raw = flags[attributeOf(name)];
      const values = coerceScalar(spec, raw, `--${name}`) as unknown[];
      const texts = splitList(raw);
      for (const [i, value] of values.entries()) items.push({ value, flag: `--${name}`, text: texts[i] ?? String(value) });
    }
    let next = withValue(
      draft,
      [spec.api],
      items.map((item) => item.value),
      { kind: 'flag', flag: label },
    );
    for (const [i, item] of items.entries()) next = withOrigin(next, [spec.api, i], { kind: 'flag', flag: item.flag, text: item.text });
    return next;
  }
  if (given.length > 1) {
    throw new UsageError(message(INPUT.twiceAlias, { flag: spec.flag, aliases: spec.aliases?.join('/--') ?? '' }), `--${spec.flag}`);
  }
  // A bare boolean flag arrives as `true`, its --no- form as `false`.
  const raw = flags[attributeOf(given[0]!)];
  const text = typedText(raw);
  const origin: Origin = { kind: 'flag', flag: label, ...(text !== undefined ? { text } : { bare: raw === false ? 'off' : 'on' }) };
  if (spec.kind === 'object') {
    const source = await parseObjectFlag(spec, String(raw), label, readText);
    return withValue(draft, [spec.api], await coerceNested(spec.nested!, source.value, label, readText, source.fromFile), origin);
  }
  return withValue(draft, [spec.api], coerceScalar(spec, raw, label), origin);
}

/**
 * Each flag turned into its typed value, in the draft with the flag it came through. A flag that
 * cannot be (not a number, JSON that does not parse, a file that cannot be read) is a problem of
 * its own; every flag is tried, so all of them are reported together.
 */
async function applyFieldFlags(
  start: Draft,
  flags: RawFlags,
  readText: ReadText,
  language: Language = 'en',
): Promise<{ draft: Draft; problems: Problem[] }> {
  const problems: Problem[] = [];
  let draft = start;
  for (const spec of CREATE_LISTENER_FIELDS) {
    try {
      draft = await typedFlag(draft, spec, flags, readText);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      // Named as typed: `--port` when the person wrote --port.
      const label = error.flag ?? `--${spec.flag}`;
      const raw = flags[attributeOf(label.replace(/^--(no-)?/, ''))];
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
  return { draft, problems };
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

/**
 * The friendly certificate flags (--cert-id, --key-file …) fill one Certificate object. Each field
 * they give keeps its flag as origin; fields a --from-file body gave keep the body; the others (a
 * default said out loud, a name taken from the certificate) are named by the flag that would set them.
 */
async function applyCertificateFlags(draft: Draft, flags: RawFlags, readText: ReadText): Promise<Draft> {
  const given = CERTIFICATE_FLAGS.filter((c) => flags[attributeOf(c.flag)] !== undefined);
  if (given.length === 0) return draft;
  const stdinUsers = given.filter((c) => c.file && flags[attributeOf(c.flag)] === '-');
  if (stdinUsers.length > 1) {
    throw new UsageError(`only one of ${stdinUsers.map((c) => `--${c.flag}`).join(', ')} can read stdin ("-")`, `--${stdinUsers[1]!.flag}`);
  }
  const existing =
    draft.body.Certificate && typeof draft.body.Certificate === 'object' ? (draft.body.Certificate as Record<string, unknown>) : {};
  // Beside a --from-file body these flags override its fields; beside --certificate they are the
  // same option spelled twice, and two different values for one field are not guessed between.
  const before = originAt(draft, ['Certificate']);
  const fromCertificateFlag = before?.origin.kind === 'flag';
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

  // The object as a whole: --certificate if that gave it, else named by the first friendly flag.
  const whole: Origin =
    fromCertificateFlag && before ? before.origin : { kind: 'default', flag: '--certificate', whole: `--${given[0]!.flag}` };
  let next = withValue(draft, ['Certificate'], cert, whole);
  if (before?.origin.kind === 'document') {
    for (const key of Object.keys(existing)) next = withOrigin(next, ['Certificate', key], before.origin);
  }
  const fromBody = (key: string) => before?.origin.kind === 'document' && Object.hasOwn(existing, key);
  for (const flag of CERTIFICATE_FLAGS) {
    const text = flags[attributeOf(flag.flag)];
    if (text !== undefined) {
      next = withOrigin(next, ['Certificate', flag.target], { kind: 'flag', flag: `--${flag.flag}`, text: String(text) });
    } else if (!fromCertificateFlag && !fromBody(flag.target)) {
      // Not given (a default, a name from the certificate): named by the flag that would set it.
      next = withOrigin(next, ['Certificate', flag.target], { kind: 'default', flag: `--${flag.flag}` });
    }
  }
  return next;
}

/** A UsageError whose message is the first problem and whose problems are all of them. */
export function problemsRefusal(problems: readonly Problem[]): UsageError {
  const [first] = problems;
  return new UsageError(first!.message, first!.field, { ...(first!.hint ? { hint: first!.hint } : {}), problems });
}

/**
 * A create's input as a draft: the --from-file body's fields first (named by the file), then each
 * flag over its field (named as typed), then the friendly certificate flags. A value that cannot
 * even be typed stops here, every such flag reported together.
 */
export async function draftFromInput(
  flags: RawFlags,
  options: Pick<BuildOptions, 'readText' | 'body' | 'bodySource' | 'language'>,
): Promise<Draft> {
  const start = options.body ? documentDraft(options.body, options.bodySource) : emptyDraft();
  const { draft, problems } = await applyFieldFlags(start, flags, options.readText, options.language);
  // What could not even be read as its type is reported alone, as the validator does: rules
  // checked on a request missing those fields would speak of the gaps, not of what was given.
  if (problems.length) throw problemsRefusal(problems);
  return applyCertificateFlags(draft, flags, options.readText);
}

/** A draft validated (validate.ts `validateDraft`), its secrets registered first; refused with every problem, or built. */
export function buildFromDraft(draft: Draft, options: Pick<BuildOptions, 'now' | 'validate' | 'secrets' | 'language'>): BuiltRequest {
  const secrets = collectSecrets(draft.body);
  for (const secret of secrets) options.secrets?.add(secret);
  const checked = validateDraft(draft, {
    now: options.now,
    ...(options.validate === false ? { validate: false } : {}),
    ...(options.language ? { language: options.language } : {}),
  });
  if (checked.refusals.length) throw problemsRefusal(checked.refusals);
  return { request: checked.request, warnings: checked.warnings, findings: checked.findings, secrets, draft };
}

export async function buildCreateListenerRequest(flags: RawFlags, options: BuildOptions): Promise<BuiltRequest> {
  await loadValidator();
  return buildFromDraft(await draftFromInput(flags, options), options);
}
