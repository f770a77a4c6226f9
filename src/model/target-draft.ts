/**
 * Targets (backends) in the request draft (draft.ts), and their one check: the target twin of
 * `validateRuleDraft`. Every source of targets puts each one into a draft with its origin: a
 * `--target` value at `['Targets', i]` (the flag, its text and, of several, which one), a rule's
 * `Targets` at `['Rules', i, 'Targets', j]` under the rule's origin (`--rule #1`), an apply
 * entry's `Targets:` under the entry's document origin (`listeners[0].Targets[1]`).
 * `validateTargetDraft` runs the target table (target-rules.ts) on every list of the draft and
 * names each finding by looking its path up: `--target ins-1a2b3c4d:0: Port …` (the value as
 * typed), `--rule #1 Targets[0].Port …`, `listeners[0].Targets[1].Weight …`.
 */
import type { Problem } from '../core/errors.js';
import { type Language, say } from '../core/i18n.js';
import { type Draft, emptyDraft, type Origin, originAt, withValue } from './draft.js';
import { pathText, type Path, valueAt } from './paths.js';
import type { TargetInput } from './target-fields.js';
import { TARGET_MESSAGES as M } from './target-messages.js';
import { checkTargetList, type TargetFinding } from './target-rules.js';

/** One target as read (a Target object, or anything the type check names), with where it came from. */
export interface TargetEntry {
  value: unknown;
  origin: Origin;
}

/**
 * `draft` with a list of targets at `at` (`['Targets']`, `['Rules', 0, 'Targets']`) named by
 * `whole`, and each entry below it with its own origin. (A value that is not a list goes in with
 * `withValue` as given, for the check to name.)
 */
export function withTargets(entries: readonly TargetEntry[], whole: Origin, at: Path = ['Targets'], draft: Draft = emptyDraft()): Draft {
  let out = withValue(draft, at, [], whole);
  for (const [i, entry] of entries.entries()) out = withValue(out, [...at, i], entry.value, entry.origin);
  return out;
}

export interface TargetDraftOptions {
  language: Language;
  /** False for --no-validate: the sourced rules warn; type errors still refuse. */
  validate?: boolean;
}

export interface CheckedTargetList {
  /** Where the list sits in the draft. */
  path: Path;
  /** The targets as they would be sent, duplicates folded; undefined when the list is refused. */
  targets: TargetInput[] | undefined;
}

export interface CheckedTargetDraft {
  lists: CheckedTargetList[];
  /** What stops the targets, each a line naming where the value came from. */
  refusals: Problem[];
  warnings: string[];
}

/** The lists of targets a draft holds: the listener's, then each rule's. */
function targetLists(draft: Draft): Path[] {
  const out: Path[] = [];
  if (draft.body.Targets !== undefined) out.push(['Targets']);
  const rules = Array.isArray(draft.body.Rules) ? (draft.body.Rules as unknown[]) : [];
  for (const [i, rule] of rules.entries()) {
    if (rule && typeof rule === 'object' && (rule as Record<string, unknown>).Targets !== undefined) out.push(['Rules', i, 'Targets']);
  }
  return out;
}

/**
 * How the draft names the value at `path`: a `--target` value by its text as typed; a value
 * below a flag's value by the flag (`--rule #2`) and the rest of the path; a document's value by
 * its path in the document.
 */
function placeOf(draft: Draft, path: Path): { flagText?: string; where: string } {
  const found = originAt(draft, path);
  const origin = found?.origin ?? draft.unset;
  const below = path.slice(found?.path.length ?? 0);
  switch (origin.kind) {
    case 'document':
      return { where: pathText([...origin.base, ...path]) };
    case 'flag':
    case 'prompt': {
      const flag = origin.flag ?? '--target';
      if (below.length === 0 && flag === '--target' && origin.text !== undefined) return { flagText: origin.text, where: origin.text };
      const which = origin.nth !== undefined ? ` #${origin.nth}` : '';
      const rest = pathText(below);
      return { where: `${flag}${which}${rest ? ` ${rest}` : ''}` };
    }
    default:
      return { where: pathText(path) };
  }
}

function problemOf(draft: Draft, list: Path, f: TargetFinding, language: Language): Problem {
  const place = placeOf(draft, [...list, f.index]);
  if (place.flagText !== undefined) {
    const message = f.field
      ? say(language, M.flagLine, { value: place.flagText, field: f.field, message: f.message })
      : `--target ${place.flagText}: ${f.message}`;
    return { field: '--target', path: pathText(['Targets', f.index, ...(f.field ? [f.field] : [])]), rule: f.rule, message };
  }
  const message = f.field
    ? say(language, M.fileLine, { where: place.where, field: f.field, message: f.message })
    : say(language, M.fileLineWhole, { where: place.where, message: f.message });
  return { field: place.where, path: f.field ? `${place.where}.${f.field}` : place.where, rule: f.rule, message };
}

/**
 * The one check of targets: the target table on every list of targets the draft holds, each
 * finding named where its value came from. A list that is not a list is refused, named likewise.
 */
export function validateTargetDraft(draft: Draft, options: TargetDraftOptions): CheckedTargetDraft {
  const { language } = options;
  const out: CheckedTargetDraft = { lists: [], refusals: [], warnings: [] };
  for (const path of targetLists(draft)) {
    const value = valueAt(draft.body, path);
    if (!Array.isArray(value)) {
      const { where } = placeOf(draft, path);
      out.refusals.push({ field: where, path: where, rule: 'type', message: `${where} ${say(language, M.notList)}` });
      out.lists.push({ path, targets: undefined });
      continue;
    }
    const { targets, findings } = checkTargetList(value, options);
    const refused = findings.filter((f) => f.severity === 'refuse');
    out.refusals.push(...refused.map((f) => problemOf(draft, path, f, language)));
    if (refused.length > 0) {
      out.lists.push({ path, targets: undefined });
      continue;
    }
    out.lists.push({ path, targets });
    out.warnings.push(...findings.map((f) => problemOf(draft, path, f, language).message));
  }
  return out;
}
