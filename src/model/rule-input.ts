/**
 * `--rule` values → typed forwarding rules, each remembering where it came from, then the one
 * check of forwarding rules (rule-rules.ts), its findings named the way they were given
 * (`--rule #2 Domain`). Two small steps, kept apart: `parseRuleFlags` only reads and types
 * (shorthand `Domain=www.example.com,Url=/`, JSON, or `file://rule.json`, like the other
 * structured flags), and `checkRuleInputs` validates a listener's rules whatever gave them.
 */
import { UsageError, type Problem } from '../core/errors.js';
import type { Language } from '../core/i18n.js';
import { coerceNested, coerceScalar, parseObjectFlag, type ReadText } from './coerce.js';
import type { FieldSpec, Protocol } from './fields.js';
import { pathText, type Path, valueAt } from './paths.js';
import { RULE_INPUT_FIELDS, ruleFieldByApi, type RuleInput } from './rule-fields.js';
import { checkForwardingRules, type ExistingRule } from './rule-rules.js';
import type { Finding } from './rules.js';
import { collectSecrets } from './request.js';

/** Where one rule came from. */
export interface RuleOrigin {
  /** The flag as typed: `--rule`. */
  flag: string;
  /** Its position among the rules given (0-based). */
  index: number;
  /** The text given, as typed (a file:// path, shorthand or JSON), for the command that finishes a job. */
  raw: string;
}

export interface ParsedRule {
  /** Typed by the field table; unknown keys kept for the check to report. */
  value: Record<string, unknown>;
  origin: RuleOrigin;
}

const RULE_SPEC: FieldSpec = { api: 'Rules', kind: 'object', help: '', example: {} };

/** One `--rule` value, typed field by field. Private keys are read only from files (file://). */
async function parseOne(raw: string, label: string, readText: ReadText): Promise<Record<string, unknown>> {
  const source = await parseObjectFlag(RULE_SPEC, raw, label, readText);
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
      out[key] = value === null ? value : coerceScalar(spec, value, keyLabel);
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
): Promise<ParsedRule[]> {
  const rules: ParsedRule[] = [];
  const problems: Problem[] = [];
  for (const [index, raw] of raws.entries()) {
    const label = raws.length > 1 ? `--rule #${index + 1}` : '--rule';
    try {
      const value = await parseOne(raw, label, readText);
      for (const secret of collectSecrets(value)) secrets?.add(secret);
      rules.push({ value, origin: { flag: '--rule', index, raw } });
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

/** How a finding's field is named for rules given with `--rule`: `--rule #2 HealthCheck.TimeOut`. */
export function ruleFlagName(path: Path, count: number): string {
  const [, index, ...rest] = path;
  const which = count > 1 && typeof index === 'number' ? ` #${index + 1}` : '';
  const field = rest.length ? ` ${pathText(rest)}` : '';
  return `--rule${which}${field}`;
}

/** Other fields a message names (`{Domains}`, `{Protocol}`), in the same words. */
function fillReferences(text: string, path: Path, count: number): string {
  return text.replace(/\{([A-Za-z][\w.[\]]*)\}/g, (whole, name: string) => {
    if (name === 'Protocol') return '--protocol';
    if (name === 'SniSwitch') return '--sni-switch';
    const top = name.split(/[.[]/)[0]!;
    if (RULE_INPUT_FIELDS.some((f) => f.api === top) && typeof path[1] === 'number') return ruleFlagName(['Rules', path[1], name], count);
    return whole;
  });
}

/** A finding as one line in the user's words, and as a problem of the -o json error. */
export function ruleProblem(finding: Finding, count: number, rules: readonly unknown[]): Problem {
  const field = ruleFlagName(finding.path, count);
  const message = `${field} ${fillReferences(finding.message, finding.path, count)}`;
  const value = valueAt({ Rules: rules }, finding.path);
  return {
    field,
    path: pathText(finding.path),
    ...(value !== undefined && typeof value !== 'object' ? { value } : {}),
    rule: finding.rule,
    message,
    ...(finding.hint ? { hint: fillReferences(finding.hint, finding.path, count) } : {}),
  };
}

/**
 * Checks the rules meant for one listener; refuses (exit 2, nothing sent) on what stops them,
 * and returns them typed with what is only said. `validate: false` (--no-validate) keeps only
 * the refusals that always stop (wrong types, private keys out of place).
 */
export function checkRuleInputs(
  parsed: readonly ParsedRule[],
  listener: RuleListener,
  options: { now: number; language: Language; validate?: boolean },
): CheckedRules {
  const values = parsed.map((p) => p.value);
  const findings = checkForwardingRules({
    protocol: listener.protocol,
    sniSwitch: listener.sniSwitch,
    rules: values,
    ...(listener.existing ? { existing: listener.existing } : {}),
    ...(listener.keepExisting ? { keepExisting: true } : {}),
    now: options.now,
    language: options.language,
  });
  const validate = options.validate !== false;
  const stops = findings.filter((f) => f.severity === 'refuse' && (validate || f.always));
  if (stops.length) {
    const problems = stops.map((f) => ruleProblem(f, values.length, values));
    const [first] = problems;
    throw new UsageError(first!.message, first!.field, { ...(first!.hint ? { hint: first!.hint } : {}), problems });
  }
  const warnings = findings.filter((f) => !stops.includes(f)).map((f) => ruleProblem(f, values.length, values).message);
  return { rules: values as RuleInput[], warnings };
}
