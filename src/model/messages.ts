/**
 * Findings in the words of where the request came from. A rule says `must be 2–60, got 99` about
 * `HealthCheck.TimeOut`; the draft (draft.ts) says where that value came from, and the field is
 * named after it: `--health-check TimeOut` for a flag, `listener.yaml: HealthCheck.TimeOut` for a
 * file, `listeners[2].HealthCheck.TimeOut` for an apply file, nothing at all for the prompt that
 * asked for it.
 */
import { fieldByApi } from './fields.js';
import { type Draft, emptyDraft, type Origin, originAt, type Sourced } from './draft.js';
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
export function documentNamer(source: string | undefined, base: Path = [], language: Language = 'en'): Namer {
  return draftNamer(emptyDraft({ kind: 'document', ...(source !== undefined ? { source } : {}), base }), undefined, language);
}

/** For a prompt: its own field goes unnamed, others by the labels of `draft` (e.g. the file an earlier answer named) or their API names. */
export function promptNamer(own: Path, draft: Draft = emptyDraft({ kind: 'prompt' }), language: Language = 'en'): Namer {
  return draftNamer(draft, own, language);
}

function isList(path: Path): boolean {
  const spec = typeof path[0] === 'string' ? fieldByApi(path[0]) : undefined;
  return spec?.kind === 'integer-list' || spec?.kind === 'string-list';
}

function nestedWords(rest: Path, list: boolean): string {
  // `--port` for Ports[1]; `--health-check TimeOut`; `--multi-cert-info CertList[1].CertId`.
  const keys = list ? rest.filter((k) => typeof k === 'string') : rest;
  return keys.length ? ` ${pathText(keys)}` : '';
}

/** A value given by a flag (or filled in for one, or answered for one), named after it: `--port`, `--health-check TimeOut`, `--cert-id`. */
function flagWords(origin: { flag: string; whole?: string; nth?: number }, at: Path, path: Path): string {
  if (origin.whole && samePath(at, path)) return origin.whole;
  const which = origin.nth !== undefined ? ` #${origin.nth}` : '';
  return `${origin.flag}${which}${nestedWords(path.slice(at.length), isList(path))}`;
}

/** A field given nowhere, named by the flag that would give it. */
function suggestedFlag(path: Path, language: Language): string {
  // A listener certificate is mostly given through the friendly flags.
  if (path.length === 1 && path[0] === 'Certificate') return say(language, NAMES.certificateFlags);
  const spec = typeof path[0] === 'string' ? fieldByApi(path[0]) : undefined;
  if (!spec) return pathText(path);
  if (path.length === 1 && spec.aliases?.length)
    return say(language, NAMES.orAlias, { flag: `--${spec.flag}`, alias: `--${spec.aliases[0]}` });
  return `--${spec.flag}${nestedWords(path.slice(1), isList(path))}`;
}

/**
 * Fields named by where the draft says they came from: a flag as typed (`--port`, `--cert-id`,
 * `--health-check TimeOut`), a document's field by its path with the file in front, an answer not
 * at all when it is the question's own (`own`), else by its label. A field given nowhere is named
 * by the draft's `unset` origin: the flag that would give it, or its path in the document.
 */
export function draftNamer(draft: Draft, own?: Path, language: Language = 'en'): Namer {
  const found = (path: Path): Sourced => originAt(draft, path) ?? { path: [], origin: draft.unset };
  const inDocument = (path: Path): boolean => found(path).origin.kind === 'document';
  const subject = (path: Path): string => {
    const { path: at, origin } = found(path);
    switch (origin.kind) {
      case 'flag':
      case 'default':
        return flagWords(origin, at, path);
      case 'document':
        return pathText([...origin.base, ...path]);
      case 'prompt':
        if (own && isUnder(path, own)) return '';
        // An earlier answer by what the person gave (a file), else by the flag that gives it.
        return (
          origin.label ??
          (origin.flag ? flagWords({ flag: origin.flag, ...(origin.nth ? { nth: origin.nth } : {}) }, at, path) : pathText(path))
        );
      case 'flags':
        return suggestedFlag(path, language);
    }
  };
  /** The flag a value came through (typed, or the one an answer stands for). */
  const flagOf = (origin: Origin): string | undefined =>
    origin.kind === 'flag' ? origin.flag : origin.kind === 'prompt' && !origin.label ? origin.flag : undefined;
  return {
    subject,
    other: (path, about) => {
      const { path: at, origin } = found(path);
      switch (origin.kind) {
        case 'default':
          return samePath(path, about) ? subject(path) : flagWords(origin, at, path);
        case 'flag': {
          if (samePath(path, about)) return subject(path);
          // Beside a field of the same flag: `--health-check TimeOut … IntervalTime`.
          return path.length > 1 && flagOf(found(about).origin) === origin.flag ? relativeName(path, about) : flagWords(origin, at, path);
        }
        case 'document': {
          const name = relativeName(path, about);
          return inDocument(about) || !origin.source ? name : say(language, NAMES.inFile, { name, file: origin.source });
        }
        case 'prompt': {
          const { label, flag } = origin;
          if (label !== undefined || flag === undefined) return label ?? relativeName(path, about);
          if (samePath(path, about)) return subject(path);
          return path.length > 1 && flagOf(found(about).origin) === flag ? relativeName(path, about) : flagWords({ flag }, at, path);
        }
        case 'flags':
          return suggestedFlag(path, language);
      }
    },
    prefix: (path) => {
      const { origin } = found(path);
      return origin.kind === 'document' && origin.source ? `${origin.source}: ` : '';
    },
  };
}
