/**
 * `Rules:` under a listener of an apply file: RuleInput objects with the API's field names, typed
 * by the rule field table (string fields of nested objects may be `file://path`, read relative to
 * the file) and checked by the same forwarding-rule table as `create --rule`; problems are named
 * by their place in the file, through the entry's draft (rule-draft.ts): `apply.yaml:
 * listeners[1].Rules[0].Domain must be 1–80 characters, got 81`.
 */
import { UsageError, type Problem } from '../core/errors.js';
import type { Language } from '../core/i18n.js';
import { isPlainObject } from '../core/json.js';
import { coerceNested, coerceScalar, type ReadText } from './coerce.js';
import type { Protocol } from './fields.js';
import { documentDraft, type Draft } from './draft.js';
import { validateRuleDraft, withRules } from './rule-draft.js';
import { ruleFieldByApi, type RuleInput } from './rule-fields.js';
import { collectSecrets } from './request.js';

export interface EntryRules {
  /** The rules the entry describes; undefined when it has no `Rules` (its rules are not managed). */
  rules?: RuleInput[];
  problems: Problem[];
  /** The problems already named with the file in front (the rules' findings). */
  named: Problem[];
  warnings: string[];
  secrets: string[];
}

async function coerceRule(rule: Record<string, unknown>, at: string, readText: ReadText): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...rule };
  for (const [key, value] of Object.entries(rule)) {
    const spec = ruleFieldByApi(key);
    if (!spec || value === null || value === undefined) continue;
    if (spec.kind === 'object' && spec.nested) {
      if (isPlainObject(value))
        out[key] = await coerceNested(spec.nested, value as Record<string, unknown>, `${at}.${key}`, readText, true);
    } else if (typeof value === 'string' && !spec.kind.endsWith('-list')) {
      // A list is written as a list: the type check refuses anything else, items included.
      try {
        out[key] = coerceScalar(spec, value, `${at}.${key}`);
      } catch {
        // Left as written: the type check reports it.
      }
    }
  }
  return out;
}

/**
 * Reads and checks the `Rules` of entry `index` for a listener of `protocol` with `sniSwitch`.
 * `draft` is the entry's own (a document draft: the file as `source`, `['listeners', index]` as
 * `base`); each rule joins it with the entry's origin, so findings are named by their place in
 * the file, the file in front: `apply.yaml: listeners[0].Rules[1].Url …`.
 */
export async function readEntryRules(
  raw: unknown,
  index: number,
  listener: { protocol: Protocol | undefined; sniSwitch: number },
  options: { readText: ReadText; now: number; validate?: boolean; language?: Language; draft?: Draft },
): Promise<EntryRules> {
  const at = `listeners[${index}].Rules`;
  const out: EntryRules = { problems: [], named: [], warnings: [], secrets: [] };
  if (raw === undefined) return out;
  if (!Array.isArray(raw)) {
    out.problems.push({ field: at, rule: 'file.rules', message: `${at} must be a list of rules (RuleInput)` });
    return out;
  }
  const rules: unknown[] = [];
  for (const [i, rule] of raw.entries()) {
    if (!isPlainObject(rule)) {
      rules.push(rule);
      continue;
    }
    try {
      rules.push(await coerceRule(rule as Record<string, unknown>, `${at}[${i}]`, options.readText));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      out.problems.push({ field: `${at}[${i}]`, rule: 'input', message: error.message, ...(error.hint ? { hint: error.hint } : {}) });
    }
  }
  if (out.problems.length) return out;
  out.secrets.push(...collectSecrets(rules));
  const draft = options.draft ?? documentDraft({}, undefined, ['listeners', index]);
  const entries = rules.map((value) => ({ value, origin: draft.unset }));
  const checked = validateRuleDraft(withRules(listener, entries, draft, draft.unset), {
    now: options.now,
    ...(options.language ? { language: options.language } : {}),
    ...(options.validate === false ? { validate: false } : {}),
  });
  out.problems.push(...checked.refusals);
  out.named.push(...checked.refusals);
  out.warnings.push(...checked.warnings);
  if (out.problems.length === 0) out.rules = checked.rules;
  return out;
}
