/**
 * `Rules:` under a listener of an apply file: RuleInput objects with the API's field names, typed
 * by the rule field table (string fields of nested objects may be `file://path`, read relative to
 * the file) and checked by the same forwarding-rule table as `create --rule`; problems are named
 * by their place in the file: `listeners[1].Rules[0].Domain must be 1–80 characters, got 81`.
 */
import { UsageError, type Problem } from '../core/errors.js';
import type { Language } from '../core/i18n.js';
import { isPlainObject } from '../core/json.js';
import { coerceNested, coerceScalar, type ReadText } from './coerce.js';
import type { Protocol } from './fields.js';
import { pathText, valueAt } from './paths.js';
import { ruleFieldByApi, type RuleInput } from './rule-fields.js';
import { checkForwardingRules } from './rule-rules.js';
import { collectSecrets } from './request.js';

export interface EntryRules {
  /** The rules the entry describes; undefined when it has no `Rules` (its rules are not managed). */
  rules?: RuleInput[];
  problems: Problem[];
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
    } else if (typeof value === 'string' || (Array.isArray(value) && spec.kind.endsWith('-list'))) {
      try {
        out[key] = coerceScalar(spec, value, `${at}.${key}`);
      } catch {
        // Left as written: the type check reports it.
      }
    }
  }
  return out;
}

/** Reads and checks the `Rules` of entry `index` for a listener of `protocol` with `sniSwitch`. */
export async function readEntryRules(
  raw: unknown,
  index: number,
  listener: { protocol: Protocol | undefined; sniSwitch: number },
  options: { readText: ReadText; now: number; validate?: boolean; language?: Language },
): Promise<EntryRules> {
  const at = `listeners[${index}].Rules`;
  const out: EntryRules = { problems: [], warnings: [], secrets: [] };
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
  const findings = checkForwardingRules({
    protocol: listener.protocol,
    sniSwitch: listener.sniSwitch,
    rules,
    now: options.now,
    language: options.language ?? 'en',
  });
  const validate = options.validate !== false;
  for (const finding of findings) {
    const where = `listeners[${index}].${pathText(finding.path)}`;
    const root = typeof finding.path[1] === 'number' ? `listeners[${index}].Rules[${finding.path[1]}]` : `listeners[${index}]`;
    const named = finding.message.replace(/(?<!%)\{([A-Za-z][\w.]*)\}/g, (_, name: string) =>
      name === 'Protocol' || name === 'SniSwitch' ? `listeners[${index}].${name}` : `${root}.${name}`,
    );
    const message = `${where} ${named}`;
    const stops = finding.severity === 'refuse' && (validate || finding.always);
    if (stops) {
      const value = valueAt({ Rules: rules }, finding.path);
      out.problems.push({
        field: where,
        path: where,
        ...(value !== undefined && typeof value !== 'object' ? { value } : {}),
        rule: finding.rule,
        message,
        ...(finding.hint ? { hint: finding.hint } : {}),
      });
    } else out.warnings.push(`${message}${finding.severity === 'refuse' ? ' (not validated: --no-validate)' : ''}`);
  }
  if (out.problems.length === 0) out.rules = rules as RuleInput[];
  return out;
}
