/**
 * Which bound targets `--prune` may deregister (docs/apply.md, "Prune scope"), the way forwarding
 * rules are pruned (rules-prune.ts): only on a listener or rule whose entry gives `Targets:` (the
 * file then lists every target it wants there), and only when that listener is inside the file's
 * `prune:` scope, judged as a listener is: its name against `names:`, its ports against `ports:`,
 * and a controller's name mark (`TKE-`, `k8s-`) keeping its targets unless a `names:` glob with
 * the mark names it. The targets of a listener outside the scope are kept, and counted. Pure.
 */
import { defineMessages, say, type Language } from '../../../core/i18n.js';
import { scopeCheck, type PruneScope } from '../../../model/prune-scope.js';

export const TARGET_PRUNE_TEXT = defineMessages({
  deregisterNoScope: {
    en: 'deregistered: not in the Targets: of the entry; the file has no prune: scope',
    zh: '将解绑：不在该条目的 Targets: 中；文件没有 prune: 范围',
  },
  deregisterInScope: {
    en: 'deregistered: not in the Targets: of the entry, and the listener is inside the prune: scope',
    zh: '将解绑：不在该条目的 Targets: 中，且该监听器在 prune: 范围内',
  },
  kept: {
    en: '%{count} bound %{count|target|targets} the file does not list, kept outside the prune scope',
    zh: '%{count} 个已绑定但文件未列出的后端不在 prune 范围内，予以保留',
  },
  keptMarked: {
    en: "%{count} bound %{count|target|targets} the file does not list, kept outside the prune scope (%{marked} on a listener with a controller's name mark)",
    zh: '%{count} 个已绑定但文件未列出的后端不在 prune 范围内，予以保留（其中 %{marked} 个所在监听器带有控制器的名称标记）',
  },
});

export interface TargetPruneVerdict {
  inScope: boolean;
  /** In scope: why a deregistration is (for the plan); kept: the scope's reason. */
  reason: string;
  /** Kept for a controller's mark on the listener's name. */
  controller?: string;
}

/** Whether the targets of this listener (and its rules) that its entry does not list may be deregistered. */
export function targetPruneVerdict(
  scope: PruneScope | undefined,
  listener: { name: string | null; port: number; endPort: number | null },
  language: Language,
): TargetPruneVerdict {
  const verdict = scopeCheck(scope, { kind: 'target', ...listener });
  if (!verdict.inScope)
    return { inScope: false, reason: verdict.reason, ...(verdict.controller ? { controller: verdict.controller } : {}) };
  return { inScope: true, reason: say(language, scope ? TARGET_PRUNE_TEXT.deregisterInScope : TARGET_PRUNE_TEXT.deregisterNoScope) };
}

/** `3 bound target(s) … kept outside the prune scope (…)`, or undefined when none is kept. */
export function keptTargetsText(kept: number, marked: number, language: Language): string | undefined {
  if (kept === 0) return undefined;
  return marked
    ? say(language, TARGET_PRUNE_TEXT.keptMarked, { count: kept, marked })
    : say(language, TARGET_PRUNE_TEXT.kept, { count: kept });
}
