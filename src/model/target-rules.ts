/**
 * The rules of targets (the API's `Target`), in the rule-table style of rules.ts: each with its
 * source (docs/api/targets.md) and a severity that follows it. They read a list of targets meant
 * for one listener or rule, since two entries may name one target.
 *
 * A finding points at the entry (`index`) and, when one field is at fault, the field; the edge
 * (`--target`, an apply file) names it in its own words.
 */
import { say, type Language, type Text } from '../core/i18n.js';
import { show, type Provenance, type Severity } from './rules.js';
import { closestName } from './suggest.js';
import { TARGET_FIELDS, targetKey, type TargetInput } from './target-fields.js';
import { TARGET_MESSAGES as M } from './target-messages.js';

export interface TargetFinding {
  rule: string;
  severity: Severity;
  /** The entry's index in the list. */
  index: number;
  /** The field at fault, when one is. */
  field?: string;
  /** Without the field's name: `must be 0–100, got 101`. */
  message: string;
}

interface TargetRule {
  id: string;
  checks: string;
  provenance: Provenance;
  source: string;
  check(
    target: Record<string, unknown>,
    words: (text: Text, params?: Record<string, string | number>) => string,
  ): { field?: string; message: string }[];
}

const SDK = (source: string) => ({ provenance: 'sdk-model' as const, source });
const OURS = (source: string) => ({ provenance: 'ours' as const, source });

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]+$/;

/** An IPv4 dotted quad, or text that can only be an IPv6 address (hex digits and at least two colons). */
export function looksLikeIp(value: string): boolean {
  return IPV4.test(value) || (IPV6.test(value) && value.split(':').length >= 3);
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The rule table; the README-style list of them is in docs/api/targets.md. */
export const TARGET_RULES: readonly TargetRule[] = [
  {
    id: 'Target.Port.required',
    checks: 'a target names its port',
    ...SDK('Target.Port: required to bind a CVM or an ENI'),
    check: (t, w) => (t.Port === undefined ? [{ field: 'Port', message: w(M.portRequired) }] : []),
  },
  {
    id: 'Target.Port.range',
    checks: 'Port is 1–65535',
    ...SDK("Target.Port: the port the backend listens on (0 appears only in answers, for a full-port-range listener's target group)"),
    check: (t, w) =>
      typeof t.Port === 'number' && (t.Port < 1 || t.Port > 65535)
        ? [{ field: 'Port', message: w(M.portRange, { value: show(t.Port) }) }]
        : [],
  },
  {
    id: 'Target.Weight.range',
    checks: 'Weight is 0–100',
    ...SDK('Target.Weight: 0–100, 10 when left out'),
    check: (t, w) =>
      typeof t.Weight === 'number' && (t.Weight < 0 || t.Weight > 100)
        ? [{ field: 'Weight', message: w(M.weightRange, { value: show(t.Weight) }) }]
        : [],
  },
  {
    id: 'Target.id.one-of',
    checks: 'exactly one of InstanceId and EniIp',
    ...SDK('Target.InstanceId / Target.EniIp: exactly one of the two must be given'),
    check: (t, w) => {
      const both = present(t.InstanceId) && present(t.EniIp);
      const neither = !present(t.InstanceId) && !present(t.EniIp);
      if (!both && !neither) return [];
      return [{ message: w(M.oneOfIds, { given: w(both ? M.givenBoth : M.givenNeither) }) }];
    },
  },
  {
    id: 'Target.EniIp.ip',
    checks: 'EniIp is an IP address',
    ...SDK('Target.EniIp: the IP of an ENI or another private IP'),
    check: (t, w) =>
      typeof t.EniIp === 'string' && t.EniIp !== '' && !looksLikeIp(t.EniIp)
        ? [{ field: 'EniIp', message: w(M.eniIpNotIp, { value: show(t.EniIp) }) }]
        : [],
  },
];

/** Our own guards: they warn, since no documented API error makes a refusal certain. */
export const TARGET_WARNINGS: readonly TargetRule[] = [
  {
    id: 'Target.InstanceId.shape',
    checks: 'InstanceId looks like ins- and 8 letters or digits',
    ...OURS('every CVM id the API documents has this form; an unusual one is sent as given'),
    check: (t, w) =>
      typeof t.InstanceId === 'string' && t.InstanceId !== '' && !/^ins-[a-z0-9]{8}$/.test(t.InstanceId)
        ? [{ field: 'InstanceId', message: w(M.instanceIdShape, { value: show(t.InstanceId) }) }]
        : [],
  },
];

function typeFindings(target: Record<string, unknown>, index: number, language: Language): TargetFinding[] {
  const out: TargetFinding[] = [];
  for (const [key, value] of Object.entries(target)) {
    const spec = TARGET_FIELDS.find((f) => f.api === key);
    if (!spec || key === '__proto__' || key === 'constructor' || key === 'prototype') {
      const near = closestName(
        key,
        TARGET_FIELDS.map((f) => f.api),
      );
      out.push({
        rule: 'type',
        severity: 'refuse',
        index,
        field: key,
        message: say(language, M.unknownField, { near: near ? say(language, M.nearName, { name: near }) : '' }),
      });
      continue;
    }
    const ok = spec.kind === 'integer' ? typeof value === 'number' && Number.isInteger(value) : typeof value === 'string';
    if (!ok) {
      out.push({
        rule: 'type',
        severity: 'refuse',
        index,
        field: key,
        message: say(language, M.wrongType, {
          kind: say(language, spec.kind === 'integer' ? M.kindInteger : M.kindString),
          value: show(value),
        }),
      });
    }
  }
  return out;
}

export interface CheckedTargets {
  /** The targets that passed, duplicates folded (the later entry wins), in the order given. */
  targets: TargetInput[];
  /** Refusals and warnings; refusals mean nothing may be sent. */
  findings: TargetFinding[];
}

/**
 * Checks a list of targets meant for one listener or rule: types first (each entry an object of
 * Target fields), then the rules. With `validate` false (--no-validate) the sourced rules warn
 * instead of refusing; type errors still refuse.
 */
export function checkTargetList(values: readonly unknown[], options: { language: Language; validate?: boolean }): CheckedTargets {
  const { language } = options;
  const words = (text: Text, params?: Record<string, string | number>) => say(language, text, params);
  const findings: TargetFinding[] = [];
  const kept = new Map<string, TargetInput>();
  for (const [index, value] of values.entries()) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      findings.push({ rule: 'type', severity: 'refuse', index, message: words(M.notObject) });
      continue;
    }
    const target = value as Record<string, unknown>;
    const types = typeFindings(target, index, language);
    findings.push(...types);
    if (types.length > 0) continue;
    let refused = false;
    for (const rule of TARGET_RULES) {
      for (const found of rule.check(target, words)) {
        const severity: Severity = options.validate === false ? 'warn' : 'refuse';
        refused ||= severity === 'refuse';
        findings.push({ rule: rule.id, severity, index, ...(found.field ? { field: found.field } : {}), message: found.message });
      }
    }
    for (const rule of TARGET_WARNINGS) {
      for (const found of rule.check(target, words)) {
        findings.push({ rule: rule.id, severity: 'warn', index, ...(found.field ? { field: found.field } : {}), message: found.message });
      }
    }
    if (refused) continue;
    const typed = target as unknown as TargetInput;
    const key = targetKey(typed);
    if (kept.has(key)) {
      findings.push({ rule: 'Target.duplicate', severity: 'warn', index, message: words(M.duplicate, { target: key }) });
      kept.delete(key);
    }
    kept.set(key, { ...typed });
  }
  return { targets: [...kept.values()], findings };
}
