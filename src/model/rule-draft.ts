/**
 * Forwarding rules in the request draft (draft.ts), and their one check: the rule-draft twin of
 * `validateDraft`. Every source of rules puts each one into a draft at `['Rules', i]` with its
 * origin: a `--rule` value (the flag, its text and, of several, which one: `--rule #2`), an entry
 * of an apply file's `Rules:` (the listener entry's document origin, so `apply.yaml:
 * listeners[0].Rules[1].Url`), or an answer of create -i's domain questions. The listener's
 * `Protocol` and `SniSwitch` sit beside them with their own origins (the listener's draft, when
 * the rules come with the listener). `validateRuleDraft` runs the forwarding-rule table
 * (rule-rules.ts) on the draft and names every finding by looking its path up, as listener
 * findings are: nothing rebuilds a field's name from a position.
 *
 * A twin rather than the same function, because a listener's rules are checked against facts
 * the listener's request does not hold (the rules already on the listener, --if-not-exists) and
 * have their own table; the draft, the naming and the shape of the answer are shared.
 */
import { type Problem, UsageError } from '../core/errors.js';
import { type Language, render, say } from '../core/i18n.js';
import { type Draft, emptyDraft, type Origin, originAt, withValue } from './draft.js';
import { draftNamer, listedFindings, type Namer, renderFinding } from './messages.js';
import { pathText, type Path, samePath, valueAt } from './paths.js';
import { ruleFieldByApi, type RuleInput } from './rule-fields.js';
import { checkForwardingRules, type ExistingRule } from './rule-rules.js';
import { RULE_MESSAGES } from './rules.messages.js';
import { advisory, blocking } from './validate.js';
import type { Finding } from './rules.js';

/** One forwarding rule as read (typed by the rule field table, unknown keys kept), with where it came from. */
export interface RuleEntry {
  value: unknown;
  origin: Origin;
}

/**
 * The origin of the `index`th of `count` values of a repeated flag (`--rule`): the flag as typed,
 * its text, and which one when there are several.
 */
export function repeatedFlagOrigin(flag: string, text: string, index: number, count: number): Origin {
  return { kind: 'flag', flag, text, ...(count > 1 ? { nth: index + 1 } : {}) };
}

/**
 * `draft` with the listener's protocol and SNI switch as the rules see them (the checked
 * request's values, where the listener's draft already says where they came from) and each rule
 * at `['Rules', i]` with its origin; `whole` names the list itself (`--rule`, the apply entry).
 * Without a listener draft, the protocol and switch are named
 * by the flags that would give them.
 */
export function withRules(
  listener: { protocol: string | undefined; sniSwitch: number },
  rules: readonly RuleEntry[],
  draft: Draft = emptyDraft(),
  whole: Origin = { kind: 'flag', flag: '--rule' },
): Draft {
  const body: Record<string, unknown> = { ...draft.body, SniSwitch: listener.sniSwitch };
  if (listener.protocol !== undefined) body.Protocol = listener.protocol;
  // The list itself (`Rules`, for what is about all of them) is named by what gave its entries.
  let out = withValue({ ...draft, body }, ['Rules'], [], whole);
  for (const [i, rule] of rules.entries()) out = withValue(out, ['Rules', i], rule.value, rule.origin);
  return out;
}

export interface RuleDraftOptions {
  now: number;
  language?: Language;
  /** False for --no-validate: refusals become warnings, except those that always stop a rule. */
  validate?: boolean;
  /** Rules on the listener already, when known. */
  existing?: readonly ExistingRule[];
  /** Keep rules already there (`--if-not-exists`): a clash with one is not a problem. */
  keepExisting?: boolean;
  /** The question being answered: findings about it are named without the field. */
  own?: Path;
}

export interface CheckedRuleDraft {
  /** The rules, as they would be sent. */
  rules: RuleInput[];
  findings: Finding[];
  /** What stops them, named by origin: `--rule #2 Domain must be 1–80 characters, got 81`. */
  refusals: Problem[];
  /** What is only said, named the same way; a refusal that --no-validate lets through says so. */
  warnings: string[];
}

/** `{Domain}` in a finding about a rule is that rule's Domain; `{Protocol}` stays the listener's. */
function anchored(text: string, path: Path): string {
  const i = path[1];
  if (path[0] !== 'Rules' || typeof i !== 'number') return text;
  return text.replace(/(?<!%)\{([A-Za-z]\w*)((?:\.[A-Za-z]\w*|\[\d+\])*)\}/g, (whole, top: string, rest: string) =>
    ruleFieldByApi(top) ? `{Rules[${i}].${top}${rest}}` : whole,
  );
}

/** A finding said in `language`, with the rule's own fields named as paths of the draft. */
function inDraftTerms(finding: Finding, language: Language): Finding {
  const message = anchored(finding.text ? render(language, finding.text) : finding.message, finding.path);
  const hint = finding.hintText ? render(language, finding.hintText) : finding.hint;
  const { text: _t, hintText: _h, hint: _hint, ...rest } = finding;
  return { ...rest, message, ...(hint ? { hint: anchored(hint, finding.path) } : {}) };
}

/**
 * Names for rule findings: the draft's own, except that another field is named in full (`--rule
 * Domains give --rule Domain or …`, `listeners[0].Protocol`) unless it comes from another file
 * than the subject, which the draft's namer says (`Protocol in listener.yaml`).
 */
function ruleNamer(draft: Draft, own: Path | undefined, language: Language): Namer {
  const base = draftNamer(draft, own, language);
  const originOf = (path: Path): Origin => originAt(draft, path)?.origin ?? draft.unset;
  return {
    ...base,
    other: (path, about) => {
      const origin = originOf(path);
      const subject = originOf(about);
      if (own && samePath(path, own)) return base.other(path, about);
      if (origin.kind === 'document' && origin.source !== undefined) {
        const same = subject.kind === 'document' && subject.source === origin.source;
        return same ? base.subject(path) : base.other(path, about);
      }
      return origin.kind === 'prompt' ? base.other(path, about) : base.subject(path);
    },
  };
}

/** A finding as an entry of an error's problem list (a rule's value, an object, is not repeated there). */
function problemOf(finding: Finding, namer: Namer, draft: Draft, language: Language): Problem {
  const rendered = renderFinding(finding, namer, language);
  const value = valueAt(draft.body, finding.path);
  const base = draft.unset.kind === 'document' ? draft.unset.base : [];
  return {
    field: rendered.where,
    path: pathText([...base, ...finding.path]),
    ...(value !== undefined && typeof value !== 'object' ? { value } : {}),
    rule: finding.rule,
    message: rendered.message,
    ...(rendered.hint ? { hint: rendered.hint } : {}),
  };
}

/**
 * The one check of forwarding rules: the rule table on the draft's `Rules` for a listener of its
 * `Protocol` and `SniSwitch`, every finding named where its value came from.
 */
export function validateRuleDraft(draft: Draft, options: RuleDraftOptions): CheckedRuleDraft {
  const language = options.language ?? 'en';
  const rules = Array.isArray(draft.body.Rules) ? (draft.body.Rules as unknown[]) : [];
  const protocol = typeof draft.body.Protocol === 'string' ? draft.body.Protocol : undefined;
  const sniSwitch = typeof draft.body.SniSwitch === 'number' ? draft.body.SniSwitch : 0;
  const findings = checkForwardingRules({
    protocol: protocol as Parameters<typeof checkForwardingRules>[0]['protocol'],
    sniSwitch,
    rules,
    ...(options.existing ? { existing: options.existing } : {}),
    ...(options.keepExisting ? { keepExisting: true } : {}),
    now: options.now,
    language,
  }).map((f) => inDraftTerms(f, language));
  const namer = ruleNamer(draft, options.own, language);
  const validate = options.validate !== false;
  return {
    rules: rules as RuleInput[],
    findings,
    refusals: listedFindings(blocking(findings, validate)).map((f) => problemOf(f, namer, draft, language)),
    warnings: advisory(findings, validate).map((f) => {
      const { message } = renderFinding(f, namer, language);
      return f.severity === 'refuse' ? say(language, RULE_MESSAGES.notValidated, { message }) : message;
    }),
  };
}

/** The refusal of rules that cannot be sent: the first problem's line, every problem in the list (exit 2). */
export function rulesRefusal(refusals: readonly Problem[]): UsageError {
  const [first] = refusals;
  return new UsageError(first!.message, first!.field, { ...(first!.hint ? { hint: first!.hint } : {}), problems: refusals });
}
