/**
 * The rule side of `apply`, loaded only when the file's rules change: consent for rule deletes
 * (the same as for listeners: --yes, or an answer at a terminal), carrying out the changes, and
 * the error when some did not succeed.
 */
import type { CliContext } from '../../../core/context.js';
import { InterruptedError, PartialFailureError, UsageError } from '../../../core/errors.js';
import { say, type Language } from '../../../core/i18n.js';
import { RULE_TEXT as T } from '../../rule-text.js';
import type { RuleRun } from '../../rules-step.js';
import type { Session } from '../../session.js';
import type { ItemResult } from './execute.js';
import type { PlanItem } from './plan.js';
import { executeRules, type RuleResult } from './rules-execute.js';
import type { RuleChange } from './rules-plan.js';

export async function confirmRuleDeletes(ctx: CliContext, changes: readonly RuleChange[], flags: { yes?: boolean }): Promise<void> {
  const deletes = changes.filter((c) => c.kind === 'delete');
  if (deletes.length === 0 || flags.yes) return;
  const language = ctx.language ?? 'en';
  const list = deletes.map((d) => `${d.locationId} (${d.domains.join(',')} ${d.url ?? ''} on ${d.listenerId})`);
  const { canPrompt } = await import('../../../ui/terminal.js');
  if (!canPrompt(ctx)) {
    throw new UsageError(say(language, T.applyRuleDeletes, { count: deletes.length, list: list.join(', ') }), '--prune', {
      hint: say(language, T.applyRuleDeletesHint),
    });
  }
  const { createAsker } = await import('../../../ui/interactive/asker.js');
  const asker = await createAsker(ctx);
  ctx.stdout.write(`${list.map((l) => `  - ${l}`).join('\n')}\n`);
  const yes = await asker.confirm({ message: say(language, T.applyRuleDeletesAsk, { count: deletes.length }), default: false });
  if (!yes) throw InterruptedError.beforeSending('cancelled');
}

export async function runRuleChanges(
  session: Session,
  changes: readonly RuleChange[],
  listenerResults: ReadonlyMap<PlanItem, ItemResult>,
  run: RuleRun,
): Promise<Map<RuleChange, RuleResult>> {
  return executeRules(session.client, changes, listenerResults, run);
}

/** The error for rule changes that did not succeed (exit 1, like listener changes), or undefined. */
export function ruleFailure(
  changes: readonly RuleChange[],
  results: ReadonlyMap<RuleChange, RuleResult>,
  language: Language,
): PartialFailureError | undefined {
  const failed = changes.filter((c) => c.kind !== 'conflict' && results.get(c)?.status !== 'done' && results.has(c));
  if (failed.length === 0) return undefined;
  const detail = failed.map((c) => results.get(c)?.detail).find(Boolean) ?? '';
  return new PartialFailureError(say(language, T.applyRulesFailed, { failed: failed.length, detail }), {
    hint: say(language, T.applyRulesFailedHint),
  });
}
