/**
 * Findings in the words of where the request came from. A rule says `must be 2–60, got 99` about
 * `HealthCheck.TimeOut`; the edge names the field: `--health-check TimeOut` for flags,
 * `listener.yaml: HealthCheck.TimeOut` for a file, `listeners[2].HealthCheck.TimeOut` for an apply
 * file, nothing at all for the prompt that asked for it.
 */
import { CERTIFICATE_FLAGS, CREATE_LISTENER_FIELDS, fieldByApi, flagNames, type TopLevelField } from './fields.js';
import { attributeOf } from './flags.js';
import { isUnder, parsePath, type Path, pathText, samePath, valueAt } from './paths.js';
import type { Finding } from './rules.js';
import type { Problem } from '../core/errors.js';
import { type Language, render, say } from '../core/i18n.js';
import { NAMES } from './names.messages.js';

export interface Namer {
  /** The field a sentence is about; '' when the reader already knows (a prompt's own question). */
  subject(path: Path): string;
  /** Another field named inside the sentence about `subject`. */
  other(path: Path, subject: Path): string;
  /** Put before the whole line, e.g. `listener.yaml: `. */
  prefix(path: Path): string;
}

export interface RenderedFinding {
  message: string;
  hint?: string;
  /** The flag or field at fault, for `-o json` errors. */
  where: string;
}

/** `{HealthCheck.TimeOut}`, `{MultiCertInfo.CertList[0].CertContent}`: a field named in a message (a value quoted back, `{"CertId":"a"}`, is not). */
const FIELD_REFERENCE = /\{([A-Za-z]\w*(?:\.[A-Za-z]\w*|\[\d+\])*)\}/g;

function fill(text: string, namer: Namer, subject: Path): string {
  return text.replace(FIELD_REFERENCE, (_, path: string) => namer.other(parsePath(path), subject));
}

/** A finding in `language` (its catalogue text; a rule not in the catalogue yet speaks English). */
export function renderFinding(finding: Finding, namer: Namer, language: Language = 'en'): RenderedFinding {
  const name = namer.subject(finding.path);
  const said = finding.text ? render(language, finding.text) : finding.message;
  const message = `${namer.prefix(finding.path)}${name ? `${name} ` : ''}${fill(said, namer, finding.path)}`;
  const rendered: RenderedFinding = { message, where: name || pathText(finding.path) };
  const hint = finding.hintText ? render(language, finding.hintText) : finding.hint;
  if (hint) rendered.hint = fill(hint, namer, finding.path);
  return rendered;
}

/**
 * The findings worth listing: a value holding a control character is reported for that alone
 * (whatever else its rules say about it is about the garbage, not about what was meant).
 */
export function listedFindings<F extends Finding>(findings: readonly F[]): F[] {
  const garbled = findings.filter((f) => f.rule === 'strings.control-characters').map((f) => f.path);
  return findings.filter((f) => f.rule === 'strings.control-characters' || !garbled.some((p) => samePath(p, f.path)));
}

/**
 * A finding as one entry of an error's problem list: named by `namer`, with its API path (under
 * `base` in a document) and the value `root` holds there.
 */
export function problemOf(finding: Finding, namer: Namer, root?: unknown, base: Path = [], language: Language = 'en'): Problem {
  const rendered = renderFinding(finding, namer, language);
  const value = root === undefined ? undefined : valueAt(root, finding.path);
  return {
    field: rendered.where,
    path: pathText([...base, ...finding.path]),
    ...(value !== undefined ? { value } : {}),
    rule: finding.rule,
    message: rendered.message,
    ...(rendered.hint ? { hint: rendered.hint } : {}),
  };
}

/**
 * Another field named beside the subject: `IntervalTime` beside `HealthCheck.TimeOut`,
 * `CertList[0].CertContent` beside `MultiCertInfo.CertList[1].CertContent`, the full path otherwise.
 */
function relativeName(path: Path, subject: Path): string {
  const parent = path.slice(0, -1);
  if (parent.length > 0 && samePath(parent, subject.slice(0, -1))) return pathText(path.slice(-1));
  if (path.length > 2 && subject.length > 1 && path[0] === subject[0]) return pathText(path.slice(1));
  return pathText(path);
}

/** Fields named as they appear in a document: `listener.yaml: HealthCheck.TimeOut`, under `base` (e.g. `listeners[2]`). */
export function documentNamer(source: string | undefined, base: Path = []): Namer {
  return {
    subject: (path) => pathText([...base, ...path]),
    other: (path, subject) => relativeName(path, subject),
    prefix: () => (source ? `${source}: ` : ''),
  };
}

/**
 * For a prompt: its own field goes unnamed, others by `labels` (e.g. the file an earlier answer
 * named) or their API names.
 */
export function promptNamer(own: Path, labels: (path: Path) => string | undefined = () => undefined): Namer {
  return {
    subject: (path) => (isUnder(path, own) ? '' : (labels(path) ?? pathText(path))),
    other: (path, subject) => labels(path) ?? relativeName(path, subject),
    prefix: () => '',
  };
}

/** What a `create` run was given: its flags (as the parser stored them) and a --from-file body. */
export interface GivenInput {
  flags: Readonly<Record<string, unknown>>;
  body?: Readonly<Record<string, unknown>>;
  /** How the body is named: its path, or `stdin`. */
  bodySource?: string;
}

/** The flag names of a field that were given, as typed: `--port` rather than `--ports` when so. */
function typedFlag(spec: TopLevelField, flags: Readonly<Record<string, unknown>>): string | undefined {
  const name = flagNames(spec).find((n) => flags[attributeOf(n)] !== undefined);
  return name === undefined ? undefined : `--${name}`;
}

/** A Certificate field given through its friendly flag (`--cert-id`, `--key-file` …). */
function friendlyFlag(key: string | number | undefined, flags: Readonly<Record<string, unknown>>): string | undefined {
  const friendly = CERTIFICATE_FLAGS.find((c) => c.target === key && flags[attributeOf(c.flag)] !== undefined);
  return friendly ? `--${friendly.flag}` : undefined;
}

function nestedWords(rest: Path, list: boolean): string {
  // `--port` for Ports[1]; `--health-check TimeOut`; `--multi-cert-info CertList[1].CertId`.
  const keys = list ? rest.filter((k) => typeof k === 'string') : rest;
  return keys.length ? ` ${pathText(keys)}` : '';
}

/**
 * Fields named the way they were given: a flag as typed (`--port`, `--cert-id`,
 * `--health-check TimeOut`), a --from-file field by its path with the file in front. A field given
 * nowhere is named by its flag, or, beside a --from-file body, by its API name.
 */
export function flagNamer(input: GivenInput, language: Language = 'en'): Namer {
  const { flags, body, bodySource } = input;
  type Origin = { kind: 'flag'; name: string } | { kind: 'body' } | { kind: 'none' };
  const originOf = (path: Path): Origin => {
    const [top, second] = path;
    const spec = typeof top === 'string' ? fieldByApi(top) : undefined;
    if (!spec) return body && typeof top === 'string' && Object.hasOwn(body, top) ? { kind: 'body' } : { kind: 'none' };
    if (top === 'Certificate') {
      const friendly = friendlyFlag(second, flags);
      if (friendly) return { kind: 'flag', name: friendly };
    }
    const typed = typedFlag(spec, flags);
    if (typed) {
      const list = spec.kind === 'integer-list' || spec.kind === 'string-list';
      return { kind: 'flag', name: `${typed}${nestedWords(path.slice(1), list)}` };
    }
    // A certificate field the --from-file body gave, though friendly flags completed the object.
    if (top === 'Certificate' && typeof second === 'string' && body && Object.hasOwn(Object(body.Certificate), second)) {
      return { kind: 'body' };
    }
    if (top === 'Certificate' && CERTIFICATE_FLAGS.some((c) => flags[attributeOf(c.flag)] !== undefined)) {
      // The friendly flags built this Certificate: name a field by the flag that would set it.
      const friendly =
        second === undefined
          ? CERTIFICATE_FLAGS.find((c) => flags[attributeOf(c.flag)] !== undefined)
          : CERTIFICATE_FLAGS.find((c) => c.target === second);
      return { kind: 'flag', name: friendly ? `--${friendly.flag}` : `--certificate${nestedWords(path.slice(1), false)}` };
    }
    if (body && Object.hasOwn(body, spec.api)) return { kind: 'body' };
    return { kind: 'none' };
  };
  /** Which flag a path's value came through, to tell whether two paths share one. */
  const typedOrFriendly = (path: Path): string | undefined => {
    const spec = typeof path[0] === 'string' ? fieldByApi(path[0]) : undefined;
    return (path[0] === 'Certificate' ? friendlyFlag(path[1], flags) : undefined) ?? (spec ? typedFlag(spec, flags) : undefined);
  };
  const flagOf = (path: Path): string => {
    // A listener certificate is mostly given through the friendly flags.
    if (path.length === 1 && path[0] === 'Certificate') return say(language, NAMES.certificateFlags);
    const spec = typeof path[0] === 'string' ? fieldByApi(path[0]) : undefined;
    if (!spec) return pathText(path);
    const list = spec.kind === 'integer-list' || spec.kind === 'string-list';
    const name = `--${spec.flag}${nestedWords(path.slice(1), list)}`;
    return path.length === 1 && spec.aliases?.length
      ? say(language, NAMES.orAlias, { flag: `--${spec.flag}`, alias: `--${spec.aliases[0]}` })
      : name;
  };
  const fromBody = (path: Path): boolean => {
    const origin = originOf(path);
    return origin.kind === 'body' || (origin.kind === 'none' && body !== undefined);
  };
  const namer: Namer = {
    subject: (path) => {
      const origin = originOf(path);
      if (origin.kind === 'flag') return origin.name;
      return fromBody(path) ? pathText(path) : flagOf(path);
    },
    other: (path, subject) => {
      if (samePath(path, subject)) return namer.subject(path);
      const origin = originOf(path);
      // Beside a field of the same flag: `--health-check TimeOut … IntervalTime`.
      if (origin.kind === 'flag') {
        const via = typedOrFriendly(path);
        return via !== undefined && path.length > 1 && via === typedOrFriendly(subject) ? relativeName(path, subject) : origin.name;
      }
      if (!fromBody(path)) return flagOf(path);
      const name = relativeName(path, subject);
      return fromBody(subject) || !bodySource ? name : say(language, NAMES.inFile, { name, file: bodySource });
    },
    prefix: (path) => (fromBody(path) && bodySource ? `${bodySource}: ` : ''),
  };
  return namer;
}

/** Every top-level field a flag of `flags` sets, for checks that ask "was this given?". */
export function fieldsGivenByFlags(flags: Readonly<Record<string, unknown>>): string[] {
  return CREATE_LISTENER_FIELDS.filter((spec) => typedFlag(spec, flags) !== undefined).map((spec) => spec.api);
}
