/**
 * `--rule` values → typed forwarding rules, each remembering where it came from (a draft origin),
 * then the one check of forwarding rules (rule-draft.ts `validateRuleDraft`), its findings named
 * by lookup the way they were given (`--rule #2 Domain`). Two small steps, kept apart:
 * `parseRuleFlags` only reads and types (shorthand `Domain=www.example.com,Url=/`, JSON, or
 * `file://rule.json`, like the other structured flags), and `checkRuleInputs` validates a
 * listener's rules whatever gave them.
 */
import { UsageError, type Problem } from '../core/errors.js';
import type { Language } from '../core/i18n.js';
import { coerceNested, coerceScalar, parseObjectFlag, type ReadText } from './coerce.js';
import type { FieldSpec, Protocol } from './fields.js';
import type { Draft, Origin } from './draft.js';
import { repeatedFlagOrigin, rulesRefusal, validateRuleDraft, withRules } from './rule-draft.js';
import { ruleFieldByApi, type RuleInput } from './rule-fields.js';
import { checkForwardingRules, type ExistingRule } from './rule-rules.js';
import { collectSecrets } from './request.js';

export interface ParsedRule {
  /** Typed by the field table; unknown keys kept for the check to report. */
  value: Record<string, unknown>;
  /** The flag as typed, its text (a file:// path, shorthand or JSON) and, of several, which one. */
  origin: Origin;
}

const RULE_SPEC: FieldSpec = { api: 'Rules', kind: 'object', help: '', example: {} };

/** One `--rule` value, typed field by field. Private keys are read only from files (file://). */
async function parseOne(raw: string, label: string, readText: ReadText): Promise<Record<string, unknown>> {
  const source = await parseObjectFlag(RULE_SPEC, raw, label, readText);
  // JSON and files are typed documents: a list is given as a list (shorthand has only text, split at commas).
  const typedDocument = /^\s*(\{|file:\/\/)/.test(raw);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source.value)) {
    const spec = ruleFieldByApi(key);
    const keyLabel = `${label} ${key}`;
    if (!spec) {
      out[key] = value; // reported by the check, with the nearest field name
    } else if (spec.kind === 'object' && spec.nested) {
      const nested =
        typeof value === 'string'
          ? await parseObjectFlag(spec, value, keyLabel, readText)
          : { value: value as Record<string, unknown>, fromFile: source.fromFile };
      out[key] =
        nested.value && typeof nested.value === 'object' && !Array.isArray(nested.value)
          ? await coerceNested(spec.nested, nested.value, keyLabel, readText, nested.fromFile)
          : nested.value;
    } else {
      const asWritten = value === null || (typedDocument && spec.kind === 'string-list');
      out[key] = asWritten ? value : coerceScalar(spec, value, keyLabel);
    }
  }
  return out;
}

/**
 * Each `--rule` value read and typed. A value that cannot be read at all (JSON that does not
 * parse, a file that is missing, a private key typed on the command line) is a problem of its
 * own; all are tried, so all are reported together.
 */
export async function parseRuleFlags(
  raws: readonly string[],
  readText: ReadText,
  secrets?: { add(value: string): void },
  originOf: (raw: string, index: number, count: number) => Origin = (raw, index, count) => repeatedFlagOrigin('--rule', raw, index, count),
): Promise<ParsedRule[]> {
  const rules: ParsedRule[] = [];
  const problems: Problem[] = [];
  for (const [index, raw] of raws.entries()) {
    const label = raws.length > 1 ? `--rule #${index + 1}` : '--rule';
    try {
      const value = await parseOne(raw, label, readText);
      for (const secret of collectSecrets(value)) secrets?.add(secret);
      rules.push({ value, origin: originOf(raw, index, raws.length) });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push({
        field: label,
        path: `Rules[${index}]`,
        rule: 'input',
        message: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
      });
    }
  }
  if (problems.length) {
    const [first] = problems;
    throw new UsageError(first!.message, first!.field, { ...(first!.hint ? { hint: first!.hint } : {}), problems });
  }
  return rules;
}

export interface RuleListener {
  protocol: Protocol | undefined;
  sniSwitch: number;
  existing?: readonly ExistingRule[];
  keepExisting?: boolean;
}

export interface CheckedRules {
  rules: RuleInput[];
  /** What is only said, in the input's words. */
  warnings: string[];
}

/**
 * Checks the rules meant for one listener, each in a draft with its origin (rule-draft.ts), beside
 * the listener's own draft when they come with it (its origins name `{Protocol}`); refuses (exit
 * 2, nothing sent) on what stops them, and returns them typed with what is only said.
 * `validate: false` (--no-validate) keeps only the refusals that always stop (wrong types,
 * private keys out of place).
 */
export function checkRuleInputs(
  parsed: readonly ParsedRule[],
  listener: RuleListener,
  options: { now: number; language: Language; validate?: boolean },
  draft?: Draft,
): CheckedRules {
  const whole: Origin = parsed[0]?.origin.kind === 'prompt' ? { kind: 'prompt', flag: '--rule' } : { kind: 'flag', flag: '--rule' };
  const checked = validateRuleDraft(withRules(listener, parsed, draft, whole), {
    now: options.now,
    language: options.language,
    ...(options.validate === false ? { validate: false } : {}),
    ...(listener.existing ? { existing: listener.existing } : {}),
    ...(listener.keepExisting ? { keepExisting: true } : {}),
  });
  if (checked.refusals.length) throw rulesRefusal(checked.refusals);
  return { rules: checked.rules, warnings: checked.warnings };
}

/**
 * The domain and URL that name a rule on the command line (`rule delete --domain --url`, and
 * `--new-default-domain`), checked by the same rules as a rule's own (length, form, control
 * characters) before anything is read or sent; a finding is named by its flag.
 */
export function checkRuleAddress(
  address: { domain?: string; url?: string; newDefaultDomain?: string },
  options: { now: number; language: Language },
): void {
  const given: [string, string, 'Domain' | 'Url'][] = [];
  if (address.domain !== undefined) given.push(['--domain', address.domain, 'Domain']);
  if (address.url !== undefined) given.push(['--url', address.url, 'Url']);
  if (address.newDefaultDomain !== undefined) given.push(['--new-default-domain', address.newDefaultDomain, 'Domain']);
  const problems: Problem[] = [];
  for (const [flag, value, field] of given) {
    // Each value alone, in a rule that is otherwise valid, so that only its own findings are kept.
    const rule = field === 'Domain' ? { Domain: value, Url: '/' } : { Domain: 'example.com', Url: value };
    const findings = checkForwardingRules({
      protocol: undefined,
      sniSwitch: 0,
      rules: [rule],
      now: options.now,
      language: options.language,
    });
    for (const finding of findings) {
      if (finding.severity !== 'refuse' || finding.path[2] !== field) continue;
      problems.push({ field: flag, path: flag, rule: finding.rule, message: `${flag} ${finding.message}` });
    }
  }
  if (problems.length) {
    const [first] = problems;
    throw new UsageError(first!.message, first!.field, { problems });
  }
}
