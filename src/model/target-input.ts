/**
 * `--target` values and apply files' `Targets:` lists, read into Target objects and checked
 * (target-rules.ts). A problem is one line naming the target as the person wrote it:
 * `--target ins-1a2b3c4d:0: Port must be 1–65535, got 0`, or
 * `listeners.yaml: listeners[0].Targets[1].Weight must be 0–100, got 101`.
 */
import { UsageError, type Problem } from '../core/errors.js';
import { say, type Language } from '../core/i18n.js';
import { isPlainObject } from '../core/json.js';
import { checkTargetList, looksLikeIp, type TargetFinding } from './target-rules.js';
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

export interface ReadTargets {
  targets: TargetInput[];
  warnings: string[];
}

function findingLine(finding: TargetFinding, name: (index: number) => string, fieldLine: boolean, language: Language): string {
  const where = name(finding.index);
  if (!fieldLine) {
    return finding.field
      ? say(language, M.flagLine, { value: where, field: finding.field, message: finding.message })
      : `--target ${where}: ${finding.message}`;
  }
  return finding.field
    ? say(language, M.fileLine, { where, field: finding.field, message: finding.message })
    : say(language, M.fileLineWhole, { where, message: finding.message });
}

/** The `--target` values, parsed and checked; a refusal is a UsageError (exit 2) naming the value as typed. */
export function readTargetFlags(raws: readonly string[], options: { language: Language; validate?: boolean }): ReadTargets {
  const { language } = options;
  const parsed = raws.map((raw) => parseTargetSpec(raw, language));
  const { targets, findings } = checkTargetList(parsed, options);
  const name = (index: number) => raws[index] ?? '';
  const refusals = findings.filter((f) => f.severity === 'refuse');
  if (refusals.length > 0) {
    const problems: Problem[] = refusals.map((f) => ({
      field: '--target',
      ...(f.field ? { path: `Targets[${f.index}].${f.field}` } : { path: `Targets[${f.index}]` }),
      rule: f.rule,
      message: findingLine(f, name, false, language),
    }));
    throw new UsageError(problems[0]!.message, '--target', { problems, hint: say(language, M.nothingSent) });
  }
  return { targets, warnings: findings.map((f) => findingLine(f, name, false, language)) };
}

/**
 * A `Targets:` value of an apply file (`at` is its place, `listeners[0].Targets`): problems are
 * added to `problems` (the file's own list), warnings returned.
 */
export function readTargetList(
  value: unknown,
  at: string,
  problems: Problem[],
  options: { language: Language; validate?: boolean },
): ReadTargets | undefined {
  if (!Array.isArray(value)) {
    problems.push({ field: at, path: at, rule: 'type', message: `${at} ${say(options.language, M.notList)}` });
    return undefined;
  }
  const { targets, findings } = checkTargetList(value, options);
  const name = (index: number) => `${at}[${index}]`;
  const refusals = findings.filter((f) => f.severity === 'refuse');
  for (const f of refusals) {
    const message = findingLine(f, name, true, options.language);
    problems.push({ field: name(f.index), path: f.field ? `${name(f.index)}.${f.field}` : name(f.index), rule: f.rule, message });
  }
  if (refusals.length > 0) return undefined;
  return { targets, warnings: findings.map((f) => findingLine(f, name, true, options.language)) };
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
 * Takes `Targets` out of forwarding rules given on the command line (`--rule`), checks them, and
 * returns the rules without them. `name(i)` is how the i-th rule is called (`--rule #2`).
 */
export function splitRuleTargets(
  values: readonly Record<string, unknown>[],
  name: (index: number) => string,
  options: { language: Language; validate?: boolean },
): SplitRules {
  const out: SplitRules = { rules: [], targets: [], warnings: [] };
  const problems: Problem[] = [];
  for (const [i, value] of values.entries()) {
    const { Targets: raw, ...rule } = value;
    out.rules.push(rule);
    if (raw === undefined) {
      out.targets.push(undefined);
      continue;
    }
    const at = `${name(i)} Targets`;
    const list = ruleTargetValues(raw, options.language);
    if (!list) {
      problems.push({ field: name(i), path: `Rules[${i}].Targets`, rule: 'type', message: `${at} ${say(options.language, M.notList)}` });
      out.targets.push(undefined);
      continue;
    }
    const read = readTargetList(list, at, problems, options);
    out.targets.push(read?.targets);
    if (read) out.warnings.push(...read.warnings);
  }
  if (problems.length > 0) {
    throw new UsageError(problems[0]!.message, problems[0]!.field, { problems, hint: say(options.language, M.nothingSent) });
  }
  return out;
}

/**
 * Takes `Targets:` out of the `Rules:` of an apply file's entry (`at`: `listeners[0].Rules`):
 * the rules go on without them, and each rule's targets are named by its (first) domain and URL.
 * Problems join the file's list.
 */
export function splitFileRuleTargets(
  rawRules: unknown,
  at: string,
  problems: Problem[],
  options: { language: Language; validate?: boolean },
): { rules: unknown; ruleTargets: { Domain: string; Url: string; targets: TargetInput[] }[]; warnings: string[] } {
  const ruleTargets: { Domain: string; Url: string; targets: TargetInput[] }[] = [];
  const warnings: string[] = [];
  if (!Array.isArray(rawRules)) return { rules: rawRules, ruleTargets, warnings };
  const rules = rawRules.map((raw, i) => {
    if (!isPlainObject(raw)) return raw;
    const { Targets, ...rule } = raw as Record<string, unknown>;
    if (Targets === undefined) return rule;
    const domains = Array.isArray(rule.Domains) ? rule.Domains : [rule.Domain];
    const domain = domains[0];
    const read = readTargetList(Targets, `${at}[${i}].Targets`, problems, options);
    if (read && typeof domain === 'string' && typeof rule.Url === 'string') {
      ruleTargets.push({ Domain: domain, Url: rule.Url, targets: read.targets });
      warnings.push(...read.warnings);
    }
    return rule;
  });
  return { rules, ruleTargets, warnings };
}
