/**
 * The one validator of a CreateListener request, whatever it came from (flags, a --from-file body,
 * prompts, an apply file): each builds a draft (draft.ts) and calls `validateDraft`, which runs the
 * type check (the zod schemas of schema.ts), then every rule of the table, and names each finding
 * after the origin of the value it is about. It decides nothing about exit codes: it returns the
 * request, the findings and the problems in the input's words, for the edge to act on.
 *
 * The schemas bring zod, which only a path that validates should load: such a path awaits
 * `loadValidator()` once, then validates synchronously (`create`, `create -i`, `apply`, `list --port`).
 */
import { saidIn, UsageError } from '../core/errors.js';
import { coerceScalar } from './coerce.js';
import { CREATE_LISTENER_FIELDS, NESTED_FIELDS, specAt, type CreateListenerRequest, type FieldSpec } from './fields.js';
import { type Draft, documentDraft, type Origin, withOrigin, withValue } from './draft.js';
import { documentNamer, draftNamer, listedFindings, problemOf, type RenderedFinding, renderFinding } from './messages.js';
import type { Problem } from '../core/errors.js';
import { type Language, say } from '../core/i18n.js';
import { RULE_MESSAGES } from './rules.messages.js';
import { isUnder, type Path } from './paths.js';
import { checkRules, type Finding, protocolOf } from './rules.js';
import { loadRequestSchemas, type RequestSchemas, typeProblems as schemaProblems } from './schema.js';

let schemas: RequestSchemas | undefined;

/** Loads the request's zod schemas (and zod). Await it once before validating; later calls cost nothing. */
export async function loadValidator(): Promise<void> {
  schemas ??= await loadRequestSchemas();
}

function typeProblems(body: unknown): Finding[] {
  if (!schemas) throw new Error('the request validator is not loaded: await loadValidator() before validating');
  return schemaProblems(schemas, body);
}

export interface Validation {
  /** The request as it would be sent: enum values upper-cased where the API wants it, fields in table order. */
  request: CreateListenerRequest;
  /** Type problems (then nothing else was checked), or every rule's findings. */
  findings: Finding[];
}

export interface ValidateOptions {
  /** Milliseconds since the epoch, for certificate dates. */
  now: number;
  /** The language messages are said in (English when unset). */
  language?: Language;
}

/** Upper-cases enum values wherever the tables say the API wants upper case (e.g. `"Protocol": "tcp"`). */
export function normalizeEnums(specs: readonly FieldSpec[], value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  for (const spec of specs) {
    if (!Object.hasOwn(out, spec.api)) continue;
    const v = out[spec.api];
    if (spec.kind === 'enum' && spec.upperCase && typeof v === 'string') out[spec.api] = v.trim().toUpperCase();
    if (spec.kind === 'object' && spec.nested) {
      const nested = NESTED_FIELDS[spec.nested];
      const fix = (item: unknown) =>
        item && typeof item === 'object' && !Array.isArray(item) ? normalizeEnums(nested, item as Record<string, unknown>) : item;
      out[spec.api] = Array.isArray(v) ? v.map(fix) : fix(v);
    }
  }
  return out;
}

/** Orders fields as the API documents them, which keeps dumps and diffs stable; unknown ones follow. */
function inTableOrder(request: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const spec of CREATE_LISTENER_FIELDS) if (request[spec.api] !== undefined) ordered[spec.api] = request[spec.api];
  for (const [key, value] of Object.entries(request)) if (!Object.hasOwn(ordered, key) && value !== undefined) ordered[key] = value;
  return ordered;
}

/**
 * Checks one request body in API shape: the type check, then every rule. The inputs do not call
 * this: they build a draft and call `validateDraft`, which calls this and names what it finds.
 */
export function validateCreateListener(body: Readonly<Record<string, unknown>>, options: ValidateOptions): Validation {
  const request = normalizeEnums(CREATE_LISTENER_FIELDS, inTableOrder(body));
  const types = typeProblems(request);
  if (types.length) return { request: request as unknown as CreateListenerRequest, findings: types };
  const findings = checkRules({ request, protocol: protocolOf(request.Protocol), now: options.now });
  return { request: request as unknown as CreateListenerRequest, findings };
}

/** A draft checked: the request, what the rules found, and both named where each value came from. */
export interface CheckedDraft {
  /** The request as it would be sent: enum values upper-cased where the API wants it, fields in table order. */
  request: CreateListenerRequest;
  findings: Finding[];
  /**
   * What stops it, one problem per finding (a garbled value reported once), named by its origin:
   * `--port must be 1–65535, got 0`, `apply.yaml: listeners[2].HealthCheck.TimeOut must be 2–60, got 99`.
   */
  refusals: Problem[];
  /** What is only said, named the same way; a refusal that --no-validate lets through says so. */
  warnings: string[];
}

export interface DraftOptions extends ValidateOptions {
  /** False for --no-validate: refusals become warnings, except those that always stop a request. */
  validate?: boolean;
  /** The question being answered: findings about it are named without the field (the prompt says which). */
  own?: Path;
  /** Rules that do not apply to this source (apply sends an entry's ports in batches: `Ports.count`). */
  skip?: readonly string[];
  /** The language findings are said in (English when unset). */
  language?: Language;
}

/**
 * The one entry point of validation: every source of input (flags, a --from-file body, an apply
 * entry, an answer of `create -i`) builds a Draft (draft.ts) and checks it here.
 */
export function validateDraft(draft: Draft, options: DraftOptions): CheckedDraft {
  const { request, findings: all } = validateCreateListener(draft.body, options);
  const findings = options.skip ? all.filter((f) => !options.skip!.includes(f.rule)) : all;
  const language = options.language ?? 'en';
  const namer = draftNamer(draft, options.own, language);
  const validate = options.validate !== false;
  const base = draft.unset.kind === 'document' ? draft.unset.base : [];
  return {
    request,
    findings,
    refusals: listedFindings(blocking(findings, validate)).map((f) => problemOf(f, namer, draft.body, base, language)),
    warnings: advisory(findings, validate).map((f) => {
      const rendered = renderFinding(f, namer, language);
      return f.severity === 'refuse' ? say(language, RULE_MESSAGES.notValidated, { message: rendered.message }) : rendered.message;
    }),
  };
}

export interface CheckedDocument {
  request: CreateListenerRequest;
  findings: Finding[];
  /** What stops it, named in the document's words: `apply.yaml: listeners[2].HealthCheck.TimeOut must be 2–60, got 99`. */
  refusals: RenderedFinding[];
  /** What is only said. */
  warnings: RenderedFinding[];
}

/**
 * One request body of a document (a --from-file body, one entry of an apply file) checked and
 * named where it sits: `source` is the file, `base` the body's path in it (e.g. ['listeners', 2]).
 */
export function checkDocument(
  body: Record<string, unknown>,
  options: ValidateOptions & { source?: string; base?: Path; validate?: boolean; language?: Language },
): CheckedDocument {
  const checked = validateDraft(documentDraft(body, options.source, options.base ?? []), options);
  const validate = options.validate !== false;
  const namer = documentNamer(options.source, options.base ?? [], options.language ?? 'en');
  return {
    request: checked.request,
    findings: checked.findings,
    refusals: blocking(checked.findings, validate).map((f) => renderFinding(f, namer, options.language)),
    warnings: advisory(checked.findings, validate).map((f) => renderFinding(f, namer, options.language)),
  };
}

/** The findings that stop the request: refusals, or with --no-validate only the ones that always stop it. */
export function blocking(findings: readonly Finding[], validate: boolean): Finding[] {
  return findings.filter((f) => f.severity === 'refuse' && (validate || f.always));
}

/** The findings that are only said: warnings, and with --no-validate the refusals it lets through. */
export function advisory(findings: readonly Finding[], validate: boolean): Finding[] {
  return findings.filter((f) => !(f.severity === 'refuse' && (validate || f.always)));
}

export interface AnswerCheck {
  /** The value, typed as the field wants it. */
  value?: unknown;
  /** Why the answer cannot be used, in the prompt's words (the field itself unnamed). */
  problem?: string;
  /** What is said but accepted. */
  warnings: string[];
}

/** How an earlier answer is named in a later question's message: the file or id the person gave for it. */
export interface AnswerLabel {
  path: Path;
  label: string;
}

/**
 * Checks one answer the way the whole request is checked: typed text is coerced by its field's
 * kind, put at `path` of `draft` (what is known so far: the flags, the body and the earlier
 * answers, each with its origin) with `withValue`, and the draft validated by `validateDraft`
 * with `path` as its own; only findings about that field (or inside it) count, named as the
 * draft says (the question's own field unnamed, an earlier answer by its label). Prompts use
 * this, so they refuse and warn exactly as flags and files do.
 */
export function checkAnswerIn(
  draft: Draft,
  path: Path,
  answer: string | { value: unknown },
  options: ValidateOptions & { language?: Language },
): AnswerCheck {
  const language = options.language ?? 'en';
  let value: unknown;
  if (typeof answer === 'string') {
    const spec = specAt(path);
    const text = answer.trim();
    if (text === '') return { problem: say(language, RULE_MESSAGES.valueRequired), warnings: [] };
    try {
      value = spec ? coerceScalar(spec, text, '') : text;
    } catch (error) {
      if (error instanceof UsageError) return { problem: saidIn(language, error).message.trim(), warnings: [] };
      throw error;
    }
  } else {
    value = answer.value;
  }
  const answered = withValue(draft, path, value, { kind: 'prompt' });
  const { findings } = validateDraft(answered, { now: options.now, own: path });
  const own = findings.filter((f) => isUnder(f.path, path) && !f.rule.endsWith('.required'));
  const namer = draftNamer(answered, path, language);
  const stop = blocking(own, true)[0];
  return {
    value,
    ...(stop ? { problem: renderFinding(stop, namer, language).message } : {}),
    warnings: advisory(own, true).map((f) => renderFinding(f, namer, language).message),
  };
}

/**
 * `checkAnswerIn` for an answer checked on its own or beside a few values (`partial`, every value
 * of it an answer, `labels` naming earlier ones): `list --port` and the model's tests.
 */
export function checkAnswer(
  partial: Record<string, unknown>,
  path: Path,
  answer: string | { value: unknown },
  options: ValidateOptions & { labels?: readonly AnswerLabel[]; language?: Language },
): AnswerCheck {
  const prompt: Origin = { kind: 'prompt' };
  let draft: Draft = { body: partial, origins: [], unset: prompt };
  for (const { path: at, label } of options.labels ?? []) draft = withOrigin(draft, at, { kind: 'prompt', label });
  return checkAnswerIn(draft, path, answer, options);
}
