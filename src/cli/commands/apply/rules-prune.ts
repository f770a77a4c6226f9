/**
 * Which forwarding rules `--prune` may delete (docs/apply.md, "Prune scope"). Rules are pruned only
 * on listeners whose entry gives `Rules:` (the file then describes every rule it wants there), and
 * only when that listener is inside the file's `prune:` scope, judged as a listener is: its name
 * against `names:`, its ports against `ports:`, and a controller's name mark (`TKE-`, `k8s-`)
 * keeping its rules unless a `names:` glob with the mark names it. The rules of a listener outside
 * the scope are kept, and counted. Pure.
 */
import { defineMessages, say, type Language } from '../../../core/i18n.js';
import { scopeCheck, type PruneScope } from '../../../model/prune-scope.js';

export const RULE_PRUNE_TEXT = defineMessages({
  deleteNoScope: {
    en: "not in the Rules: of its listener's entry; the file has no prune: scope",
    zh: '不在其监听器条目的 Rules: 中；文件没有 prune: 范围',
  },
  deleteInScope: {
    en: "not in the Rules: of its listener's entry, and the listener is inside the prune: scope",
    zh: '不在其监听器条目的 Rules: 中，且该监听器在 prune: 范围内',
  },
  kept: { en: '%{count} %{count|rule|rules} kept outside the prune scope', zh: '%{count} 条规则不在 prune 范围内，予以保留' },
  keptMarked: {
    en: "%{count} %{count|rule|rules} kept outside the prune scope (%{marked} on a listener with a controller's name mark)",
    zh: '%{count} 条规则不在 prune 范围内，予以保留（其中 %{marked} 条所在监听器带有控制器的名称标记）',
  },
});

/** A rule `--prune` leaves alone although its listener's entry does not give it. */
export interface KeptRule {
  loadBalancerId: string;
  listenerId: string;
  locationId: string;
  /** Kept for a controller's mark on its listener's name. */
  controller?: string;
}

export interface RulePruneVerdict {
  inScope: boolean;
  /** In scope: why a delete is (for the plan); kept: the controller, when a mark keeps it. */
  reason: string;
  controller?: string;
}

/** Whether the rules of this listener that its entry does not give may be deleted. */
export function rulePruneVerdict(
  scope: PruneScope | undefined,
  listener: { name: string | null; port: number; endPort: number | null },
  language: Language,
): RulePruneVerdict {
  const verdict = scopeCheck(scope, { kind: 'rule', ...listener });
  if (!verdict.inScope)
    return { inScope: false, reason: verdict.reason, ...(verdict.controller ? { controller: verdict.controller } : {}) };
  return { inScope: true, reason: say(language, scope ? RULE_PRUNE_TEXT.deleteInScope : RULE_PRUNE_TEXT.deleteNoScope) };
}

/** `3 rule(s) kept outside the prune scope (…)`, or undefined when none is kept. */
export function keptRulesText(kept: readonly KeptRule[], language: Language): string | undefined {
  if (kept.length === 0) return undefined;
  const marked = kept.filter((k) => k.controller).length;
  return marked
    ? say(language, RULE_PRUNE_TEXT.keptMarked, { count: kept.length, marked })
    : say(language, RULE_PRUNE_TEXT.kept, { count: kept.length });
}
