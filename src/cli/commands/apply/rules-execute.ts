/**
 * Carries out the rule changes of a plan once the listeners are done: listener by listener, the
 * missing rules in one CreateRule, each ModifyRule, each ModifyDomainAttributes, then one
 * DeleteRule, every task followed before the next write (one task at a time per load balancer).
 * A failure stops that listener's remaining rule changes ("not tried"); a lost answer is never
 * resent: the listener's rules are read until the change shows (then it is done), else its
 * outcome is unknown.
 */
import type { ClbClient } from '../../../api/client.js';
import type { RuleInput } from '../../../model/rule-fields.js';
import { answerWasLost } from '../../reconcile.js';
import { followRuleTask, readRulesUntil, sendRules, type RuleRun } from '../../rules-step.js';
import { type CurrentRule, currentDomains, domainChanges, ruleChanges } from '../../rule-diff.js';
import { CliError, InterruptedError } from '../../../core/errors.js';
import type { ItemResult } from './execute.js';
import type { PlanItem } from './plan.js';
import type { RuleChange } from './rules-plan.js';
import { say } from '../../../core/i18n.js';
import { RULE_TEXT as T } from '../../rule-text.js';

export interface RuleResult {
  status: 'done' | 'failed' | 'unknown' | 'not tried';
  locationId: string | null;
  /** The listener the rule is on, when known: for a listener made in the same run, its new id. */
  listenerId?: string;
  detail?: string;
}

const ORDER: Record<RuleChange['kind'], number> = { create: 0, 'modify-rule': 1, 'modify-domain': 2, delete: 3, conflict: 4 };

export async function executeRules(
  client: ClbClient,
  changes: readonly RuleChange[],
  listenerResults: ReadonlyMap<PlanItem, ItemResult>,
  run: RuleRun,
): Promise<Map<RuleChange, RuleResult>> {
  const results = new Map<RuleChange, RuleResult>();
  const language = run.ctx.language ?? 'en';
  const api = await import('../../../api/clb.js');
  const byItem = new Map<PlanItem, RuleChange[]>();
  for (const change of changes) {
    if (change.kind === 'conflict') continue;
    byItem.set(change.item, [...(byItem.get(change.item) ?? []), change]);
  }
  for (const [item, list] of byItem) {
    const listenerResult = listenerResults.get(item);
    const listenerId = item.listenerId ?? (listenerResult?.status === 'done' ? listenerResult.listenerId : null);
    const pending = [...list].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
    const notTried = (from: number, detail?: string) => {
      for (const change of pending.slice(from))
        results.set(change, { status: 'not tried', locationId: change.locationId, ...(detail ? { detail } : {}) });
    };
    if (!listenerId || run.ctx.signal.aborted) {
      notTried(0, listenerId ? undefined : say(language, T.applyListenerNotMade));
      continue;
    }
    const target = { LoadBalancerId: item.loadBalancerId, ListenerId: listenerId };
    /**
     * Sends a write and follows its task; should an answer be lost, reads the listener's rules until
     * the change shows (then it is done, and said so) or the bounded look ends (then the error
     * stands): never resent. Ctrl-C while the accepted write's task is followed ends the wait at
     * once (its fate is then unknown), without the look.
     */
    const lostAnswerChecked = async (
      action: string,
      label: string,
      shows: (rules: CurrentRule[]) => boolean,
      write: () => Promise<{ RequestId: string }>,
    ) => {
      let sent = false;
      try {
        const accepted = await write();
        sent = true;
        await followRuleTask(client, accepted.RequestId, run, label, action, listenerId);
      } catch (error) {
        if (!answerWasLost(error) || (sent && error instanceof InterruptedError)) throw error;
        const seen = await readRulesUntil(client, target, (rules) => shows(rules as CurrentRule[]), run.ctx, {
          interrupted: error instanceof InterruptedError,
        });
        if (!seen) throw error;
        run.progress.warn(say(language, T.lostModify, { action, reason: error instanceof Error ? error.message : String(error) }));
      }
    };
    let i = 0;
    try {
      const creates = pending.filter((c) => c.kind === 'create');
      if (creates.length > 0) {
        const made = await sendRules(
          client,
          target,
          creates.map((c) => c.body as unknown as RuleInput),
          run,
        );
        creates.forEach((change, n) => {
          results.set(change, { status: 'done', locationId: made[n]?.LocationId ?? null });
        });
        i += creates.length;
      }
      for (; i < pending.length && pending[i]!.kind !== 'delete'; i++) {
        const change = pending[i]!;
        const action = change.kind === 'modify-rule' ? 'ModifyRule' : 'ModifyDomainAttributes';
        const label = say(language, T.applyRuleWrite, { action, what: `${change.domain}${change.url ?? ''}`, listener: listenerId });
        run.progress.start(label);
        const shows = (rules: CurrentRule[]): boolean => {
          const now =
            change.kind === 'modify-rule'
              ? rules.find((r) => r.LocationId === change.locationId)
              : rules.find((r) => currentDomains(r).includes(change.domain));
          if (!now) return false;
          const left = change.kind === 'modify-rule' ? ruleChanges(now, change.body) : domainChanges(now, change.body, { uploads: 'keep' });
          return Object.keys(left).length === 0;
        };
        await lostAnswerChecked(action, label, shows, () =>
          change.kind === 'modify-rule'
            ? api.modifyRule(client, { ...target, LocationId: change.locationId! }, change.body, { signal: run.ctx.signal })
            : api.modifyDomainAttributes(client, { ...target, Domain: change.domain }, change.body, { signal: run.ctx.signal }),
        );
        run.progress.succeed(label);
        results.set(change, { status: 'done', locationId: change.locationId });
      }
      const deletes = pending.slice(i);
      if (deletes.length > 0) {
        const label = say(language, T.applyRuleWrite, {
          action: 'DeleteRule',
          what: deletes.map((d) => d.locationId).join(', '),
          listener: listenerId,
        });
        run.progress.start(label);
        const ids = deletes.map((d) => d.locationId!);
        await lostAnswerChecked(
          'DeleteRule',
          label,
          (rules) => !rules.some((r) => ids.includes(r.LocationId)),
          () => api.deleteRules(client, target, ids, {}, { signal: run.ctx.signal }),
        );
        run.progress.succeed(label);
        for (const change of deletes) results.set(change, { status: 'done', locationId: change.locationId });
        i = pending.length;
      }
    } catch (error) {
      run.progress.fail();
      const detail = error instanceof Error ? error.message : String(error);
      const failed = pending[i];
      if (failed) {
        const lost = answerWasLost(error);
        results.set(failed, {
          status: lost ? 'unknown' : 'failed',
          locationId: failed.locationId,
          detail: lost ? say(language, T.applyNotResent, { reason: detail }) : detail,
        });
        // CreateRule went out for every create at once: they share its fate, and keep the ids it answered.
        if (failed.kind === 'create') {
          const ids = error instanceof CliError ? (error.details.LocationIds ?? []) : [];
          for (const [n, c] of pending.filter((p) => p.kind === 'create').entries())
            results.set(c, { ...results.get(failed)!, locationId: ids[n] ?? null });
        }
        notTried(failed.kind === 'create' ? pending.filter((p) => p.kind === 'create').length : i + 1);
      }
    }
    for (const change of list) {
      const result = results.get(change);
      if (result) results.set(change, { ...result, listenerId });
    }
  }
  return results;
}
