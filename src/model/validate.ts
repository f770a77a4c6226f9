/**
 * The one validator of a CreateListener request, whatever it came from (flags, a --from-file body,
 * prompts, an apply file): the type check (the zod schemas of schema.ts), then every rule of the
 * table. It decides nothing about exit codes or wording: it returns the request and what the rules
 * found, each finding with its field path and severity, for the edge to name and to act on.
 *
 * The schemas bring zod, which only a path that validates should load: such a path awaits
 * `loadValidator()` once, then validates synchronously (`create`, `create -i`, `apply`, `list --port`).
 */
import { UsageError } from '../core/errors.js';
import { coerceScalar } from './coerce.js';
import { CREATE_LISTENER_FIELDS, NESTED_FIELDS, specAt, type CreateListenerRequest, type FieldSpec } from './fields.js';
import { type Language, say } from '../core/i18n.js';
import { RULE_MESSAGES } from './rules.messages.js';
import { documentNamer, promptNamer, type RenderedFinding, renderFinding } from './messages.js';
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

/** Checks one request body in API shape (a --from-file document, one entry of an apply file). */
export function validateCreateListener(body: Record<string, unknown>, options: ValidateOptions): Validation {
  const request = normalizeEnums(CREATE_LISTENER_FIELDS, inTableOrder(body));
  const types = typeProblems(request);
  if (types.length) return { request: request as unknown as CreateListenerRequest, findings: types };
  const findings = checkRules({ request, protocol: protocolOf(request.Protocol), now: options.now });
  return { request: request as unknown as CreateListenerRequest, findings };
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
  options: ValidateOptions & { source?: string; base?: Path; validate?: boolean },
): CheckedDocument {
  const { request, findings } = validateCreateListener(body, options);
  const namer = documentNamer(options.source, options.base ?? []);
  const validate = options.validate !== false;
  return {
    request,
    findings,
    refusals: blocking(findings, validate).map((f) => renderFinding(f, namer, options.language)),
    warnings: advisory(findings, validate).map((f) => renderFinding(f, namer, options.language)),
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

function withValue(root: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(root) ? [...root] : { ...root };
  const key = head as string;
  const child = (copy as Record<string, unknown>)[key];
  (copy as Record<string, unknown>)[key] = rest.length
    ? withValue(
        (child && typeof child === 'object' ? child : typeof rest[0] === 'number' ? [] : {}) as Record<string, unknown>,
        rest,
        value,
      )
    : value;
  return copy as Record<string, unknown>;
}

/**
 * Checks one answer the way the whole request is checked: typed text is coerced by its field's
 * kind, put at `path` in what is known so far (`partial`), and validated; only findings about
 * that field (or inside it) count. Prompts use this, so they refuse and warn exactly as flags
 * and files do.
 */
export function checkAnswer(
  partial: Record<string, unknown>,
  path: Path,
  answer: string | { value: unknown },
  options: ValidateOptions & { labels?: (path: Path) => string | undefined },
): AnswerCheck {
  let value: unknown;
  if (typeof answer === 'string') {
    const spec = specAt(path);
    const text = answer.trim();
    if (text === '') return { problem: say(options.language ?? 'en', RULE_MESSAGES.valueRequired), warnings: [] };
    try {
      value = spec ? coerceScalar(spec, text, '') : text;
    } catch (error) {
      if (error instanceof UsageError) return { problem: error.message.trim(), warnings: [] };
      throw error;
    }
  } else {
    value = answer.value;
  }
  const { findings } = validateCreateListener(withValue(partial, path, value), options);
  const own = findings.filter((f) => isUnder(f.path, path) && !f.rule.endsWith('.required'));
  const namer = promptNamer(path, options.labels);
  const stop = blocking(own, true)[0];
  return {
    value,
    ...(stop ? { problem: renderFinding(stop, namer, options.language).message } : {}),
    warnings: advisory(own, true).map((f) => renderFinding(f, namer, options.language).message),
  };
}
