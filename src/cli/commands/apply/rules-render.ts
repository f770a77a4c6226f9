/**
 * How the rule changes of a plan and their outcome are shown beside the listeners': a block of
 * lines after the listener plan (text), `RuleChanges` and `RuleRequests` (json), and `Rules` in
 * the outcome. Pure.
 */
import { say, type Language } from '../../../core/i18n.js';
import type { ResultView } from '../../../ui/output.js';
import { RULE_TEXT as T } from '../../rule-text.js';
import { showValue } from './render.js';
import type { RuleResult } from './rules-execute.js';
import type { RuleChange } from './rules-plan.js';

const SIGN: Record<RuleChange['kind'], string> = { create: '+', 'modify-rule': '~', 'modify-domain': '~', delete: '-', conflict: '!' };
const ACTION: Record<RuleChange['kind'], string> = {
  create: 'create',
  'modify-rule': 'update',
  'modify-domain': 'update',
  delete: 'delete',
  conflict: 'conflict',
};
const REQUEST: Record<RuleChange['kind'], string | null> = {
  create: 'CreateRule',
  'modify-rule': 'ModifyRule',
  'modify-domain': 'ModifyDomainAttributes',
  delete: 'DeleteRule',
  conflict: null,
};

function subject(change: RuleChange): string {
  const domains = change.domains.join(',');
  return change.kind === 'modify-domain' ? `domain ${domains}` : `rule ${domains} ${change.url ?? ''}`.trimEnd();
}

export function ruleRequests(changes: readonly RuleChange[]): Record<string, number> {
  const listeners = (kind: RuleChange['kind']) => new Set(changes.filter((c) => c.kind === kind).map((c) => c.item)).size;
  return {
    CreateRule: listeners('create'),
    ModifyRule: changes.filter((c) => c.kind === 'modify-rule').length,
    ModifyDomainAttributes: changes.filter((c) => c.kind === 'modify-domain').length,
    DeleteRule: listeners('delete'),
  };
}

function summary(changes: readonly RuleChange[], language: Language): string {
  const count = (kinds: RuleChange['kind'][]) => changes.filter((c) => kinds.includes(c.kind)).length;
  const conflicts = count(['conflict']);
  return say(language, T.planRulesSummary, {
    create: count(['create']),
    update: count(['modify-rule', 'modify-domain']),
    delete: count(['delete']),
    conflicts: conflicts ? say(language, T.planRulesConflicts, { count: conflicts }) : '',
  });
}

function changeJson(change: RuleChange) {
  return {
    Action: ACTION[change.kind],
    Request: REQUEST[change.kind],
    LoadBalancerId: change.loadBalancerId,
    ListenerId: change.listenerId,
    Source: change.item.where,
    Domain: change.domain,
    ...(change.domains.length > 1 ? { Domains: change.domains } : {}),
    Url: change.url,
    LocationId: change.locationId,
    ...(change.fields.length ? { Changes: change.fields.map((f) => ({ Field: f.path, Old: f.old ?? null, New: f.new ?? null })) } : {}),
    ...(change.reason ? { Reason: change.reason } : {}),
  };
}

/** The listener plan's view with the rule changes added (nothing added when the file manages no rules). */
export function withRulePlan(view: ResultView, changes: readonly RuleChange[], language: Language): ResultView {
  if (changes.length === 0) return view;
  const lines = [say(language, T.planRulesHeading)];
  for (const change of changes) {
    const on = change.listenerId ?? say(language, T.planNewListener);
    const where = change.item.where ? `  (${change.item.where})` : '';
    const id = change.locationId ? `  ${change.locationId}` : '';
    lines.push(`  ${SIGN[change.kind]} ${ACTION[change.kind].padEnd(9)} ${subject(change)}  on ${on}${id}${where}`);
    for (const field of change.fields) lines.push(`        ${field.path}: ${showValue(field.old)} → ${showValue(field.new)}`);
    if (change.reason) lines.push(`        ${change.reason}`);
  }
  lines.push(summary(changes, language));
  const text = view.text ?? [];
  const json = view.json as Record<string, unknown>;
  return {
    ...view,
    json: { ...json, RuleChanges: changes.map((c) => changeJson(c)), RuleRequests: ruleRequests(changes) },
    text: [...text, ...lines],
  };
}

/** The outcome's view with each rule change's result. */
export function withRuleOutcome(
  view: ResultView,
  changes: readonly RuleChange[],
  results: ReadonlyMap<RuleChange, RuleResult>,
  language: Language,
): ResultView {
  if (changes.length === 0) return view;
  const rows = changes.map((change) => {
    const result = results.get(change);
    const status = change.kind === 'conflict' ? 'conflict' : (result?.status ?? 'not tried');
    return { change, status: status === 'done' ? 'ok' : status, result };
  });
  const json = view.json as Record<string, unknown>;
  return {
    ...view,
    json: {
      ...json,
      Rules: rows.map(({ change, status, result }) => ({
        ...changeJson(change),
        LocationId: result?.locationId ?? change.locationId,
        Result: status,
        ...(result?.detail ? { Detail: result.detail } : {}),
      })),
    },
    text: [
      ...(view.text ?? []),
      say(language, T.planRulesHeading),
      ...rows.map(
        ({ change, status, result }) =>
          `  ${ACTION[change.kind].padEnd(9)} ${subject(change)}  ${result?.locationId ?? change.locationId ?? ''}  ${status}${result?.detail ? `: ${result.detail}` : ''}`,
      ),
    ],
  };
}
