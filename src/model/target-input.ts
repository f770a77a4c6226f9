/**
 * `--target` values, rules' `Targets` and apply files' `Targets:` lists, read into Target objects
 * and checked in a draft (target-draft.ts `validateTargetDraft`; the rules in target-rules.ts). A
 * problem is one line naming the target as the person wrote it:
 * `--target ins-1a2b3c4d:0: Port must be 1–65535, got 0`, or
 * `listeners.yaml: listeners[0].Targets[1].Weight must be 0–100, got 101`.
 */
import { UsageError, type Problem } from '../core/errors.js';
import { say, type Language } from '../core/i18n.js';
import { isPlainObject } from '../core/json.js';
import { emptyDraft, type Origin, withValue } from './draft.js';
import type { Path } from './paths.js';
import { validateTargetDraft, withTargets } from './target-draft.js';
import { looksLikeIp } from './target-rules.js';
import { TARGET_MESSAGES as M } from './target-messages.js';
import type { TargetInput } from './target-fields.js';

const DIGITS = /^\d+$/;

/**
 * One `--target` value as a Target object: `HOST:PORT[:WEIGHT]` (HOST an instance id, an IPv4
 * address, or `[IPv6]`), or a JSON object with the API's fields. Numbers that are not digits are
 * kept as text, so the type check names them.
 */
export function parseTargetSpec(raw: string, language: Language): Record<string, unknown> {
  const text = raw.trim();
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new UsageError(
        say(language, M.flagLine, { value: raw, field: 'JSON', message: say(language, M.badJson, { reason: (error as Error).message }) }),
        '--target',
      );
    }
    if (!isPlainObject(parsed)) throw new UsageError(say(language, M.flagNotObject, { flag: '--target', value: raw }), '--target');
    return parsed as Record<string, unknown>;
  }
  const bracketed = /^\[([^\]]+)\]:([^:]*)(?::([^:]*))?$/.exec(text);
  const plain = /^([^:[\]]+):([^:]*)(?::([^:]*))?$/.exec(text);
  const match = bracketed ?? plain;
  if (!match || match[1] === '' || match[2] === '') {
    throw new UsageError(say(language, M.flagSpecShape, { flag: '--target', value: JSON.stringify(raw) }), '--target');
  }
  const [, host, port, weight] = match as unknown as [string, string, string, string | undefined];
  const number = (value: string) => (DIGITS.test(value) ? Number(value) : value);
  const id = bracketed || looksLikeIp(host) ? { EniIp: host } : { InstanceId: host };
  return { ...id, Port: number(port), ...(weight !== undefined ? { Weight: number(weight) } : {}) };
}

/** The origin of the `index`th of `count` `--target` values (as rule-draft.ts `repeatedFlagOrigin`, without loading the rules). */
function flagOrigin(text: string, index: number, count: number): Origin {
  return { kind: 'flag', flag: '--target', text, ...(count > 1 ? { nth: index + 1 } : {}) };
}

export interface ReadTargets {
  targets: TargetInput[];
  warnings: string[];
}

/**
 * The `--target` values, parsed, put in a draft (each with its text and, of several, which one)
 * and checked there; a refusal is a UsageError (exit 2) naming the value as typed.
 */
export function readTargetFlags(raws: readonly string[], options: { language: Language; validate?: boolean }): ReadTargets {
  const { language } = options;
  const entries = raws.map((raw, i) => ({ value: parseTargetSpec(raw, language), origin: flagOrigin(raw, i, raws.length) }));
  const checked = validateTargetDraft(withTargets(entries, { kind: 'flag', flag: '--target' }), options);
  if (checked.refusals.length > 0) {
    const problems = checked.refusals;
    throw new UsageError(problems[0]!.message, '--target', { problems, hint: say(language, M.nothingSent) });
  }
  return { targets: checked.lists[0]?.targets ?? [], warnings: checked.warnings };
}

/**
 * A `Targets:` value of an apply file's entry (`base` is the entry's place, `['listeners', 0]`),
 * checked in a draft under the entry's origin: problems are added to `problems` (the file's own
 * list), warnings returned.
 */
export function readTargetList(
  value: unknown,
  base: Path,
  problems: Problem[],
  options: { language: Language; validate?: boolean },
): ReadTargets | undefined {
  const origin: Origin = { kind: 'document', base };
  const draft = Array.isArray(value)
    ? withTargets(
        value.map((v) => ({ value: v, origin })),
        origin,
      )
    : withValue(emptyDraft(), ['Targets'], value, origin);
  const checked = validateTargetDraft(draft, options);
  problems.push(...checked.refusals);
  const targets = checked.lists[0]?.targets;
  if (checked.refusals.length > 0 || !targets) return undefined;
  return { targets, warnings: checked.warnings };
}

/**
 * A rule's `Targets` as given in `--rule` (a JSON list of Target objects or specs, or specs in
 * one string: `ins-…:80 10.0.0.5:80:50`), as a list to check.
 */
function ruleTargetValues(value: unknown, language: Language): unknown[] | undefined {
  let list: unknown = value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        list = JSON.parse(text);
      } catch {
        return undefined;
      }
    } else list = text === '' ? [] : text.split(/[\s;]+/);
  }
  if (!Array.isArray(list)) return undefined;
  return list.map((item) => (typeof item === 'string' ? parseTargetSpec(item, language) : item));
}

export interface SplitRules {
  /** Each rule without its `Targets`, for the rule's own checks. */
  rules: Record<string, unknown>[];
  /** Each rule's targets, checked; undefined for a rule without `Targets`. */
  targets: (TargetInput[] | undefined)[];
  warnings: string[];
}

/**
 * Takes `Targets` out of forwarding rules given on the command line (`--rule`, or the answers
 * that stand for them), checks them in a draft under each rule's origin (`--rule #2
 * Targets[0].Port`), and returns the rules without them.
 */
export function splitRuleTargets(
  given: readonly { value: Record<string, unknown>; origin: Origin }[],
  options: { language: Language; validate?: boolean },
): SplitRules {
  const rules: Record<string, unknown>[] = [];
  let draft = withValue(emptyDraft(), ['Rules'], [], { kind: 'flag', flag: '--rule' });
  for (const [i, { value, origin }] of given.entries()) {
    const { Targets: raw, ...rule } = value;
    rules.push(rule);
    const parsed = raw === undefined ? undefined : (ruleTargetValues(raw, options.language) ?? raw);
    draft = withValue(draft, ['Rules', i], parsed === undefined ? {} : { Targets: parsed }, origin);
  }
  const checked = validateTargetDraft(draft, options);
  if (checked.refusals.length > 0) {
    const problems = checked.refusals;
    throw new UsageError(problems[0]!.message, problems[0]!.field, { problems, hint: say(options.language, M.nothingSent) });
  }
  const targets = given.map((_, i) => checked.lists.find((l) => l.path[1] === i)?.targets);
  return { rules, targets, warnings: checked.warnings };
}

/**
 * Takes `Targets:` out of the `Rules:` of an apply file's entry (`base`: `['listeners', 0]`):
 * the rules go on without them, and each rule's targets, checked in a draft under the entry's
 * origin, are named by its (first) domain and URL. Problems join the file's list.
 */
export function splitFileRuleTargets(
  rawRules: unknown,
  base: Path,
  problems: Problem[],
  options: { language: Language; validate?: boolean },
): { rules: unknown; ruleTargets: { Domain: string; Url: string; targets: TargetInput[] }[]; warnings: string[] } {
  const ruleTargets: { Domain: string; Url: string; targets: TargetInput[] }[] = [];
  if (!Array.isArray(rawRules)) return { rules: rawRules, ruleTargets, warnings: [] };
  const origin: Origin = { kind: 'document', base };
  let draft = withValue(emptyDraft(origin), ['Rules'], [], origin);
  const rules = rawRules.map((raw, i) => {
    if (!isPlainObject(raw)) return raw;
    const { Targets, ...rule } = raw as Record<string, unknown>;
    if (Targets !== undefined) draft = withValue(draft, ['Rules', i], { Targets }, origin);
    return rule;
  });
  const checked = validateTargetDraft(draft, options);
  problems.push(...checked.refusals);
  for (const list of checked.lists) {
    const rule = rules[list.path[1] as number] as Record<string, unknown>;
    const domains = Array.isArray(rule.Domains) ? rule.Domains : [rule.Domain];
    const domain = domains[0];
    if (list.targets && typeof domain === 'string' && typeof rule.Url === 'string') {
      ruleTargets.push({ Domain: domain, Url: rule.Url, targets: list.targets });
    }
  }
  return { rules, ruleTargets, warnings: checked.warnings };
}
