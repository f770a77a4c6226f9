/**
 * Sending a listener's forwarding rules, shared by `create --rule` and `rule create`: the rules
 * of one listener go out in one CreateRule call, its task is followed, and
 *
 * - with `keepExisting` (--if-not-exists) a rule already there (same domain and URL) is kept and
 *   reported, not sent again;
 * - a refusal because the load balancer is busy with another task (ResourceInOperating: nothing
 *   was written) is tried again by the client, a bounded number of times (src/api/client.ts);
 * - a lost answer is never resent: the listener's rules are read until they show, for a bounded
 *   time, and the error says what was checked when they do not.
 */
import type { ClbClient } from '../api/client.js';
import type { CliContext, GlobalOptions } from '../core/context.js';
import { CliError, InterruptedError, TaskFailedError } from '../core/errors.js';
import { say } from '../core/i18n.js';
import { ruleDomains, ruleKeys, type RuleInput } from '../model/rule-fields.js';
import type { ExistingRule } from '../model/rule-rules.js';
import type { Progress } from '../ui/progress.js';
import type { TaskOutcome } from '../api/waiter.js';
import { followTask } from './follow-task.js';
import { answerWasLost, RECONCILE_TIMEOUT_MS } from './reconcile.js';
import { RULE_TEXT as T } from './rule-text.js';

export interface RuleRun {
  ctx: CliContext;
  globals: GlobalOptions;
  progress: Progress;
  timeoutMs: number;
}

/**
 * Follows the task of an accepted rule write (CreateRule, ModifyRule, DeleteRule,
 * ModifyDomainAttributes) on one listener, within the run's wait bound, signal and progress.
 */
export function followRuleTask(
  client: ClbClient,
  requestId: string,
  run: RuleRun,
  label: string,
  action: string,
  listenerId: string,
): Promise<TaskOutcome> {
  return followTask(client, requestId, {
    timeoutMs: run.timeoutMs,
    signal: run.ctx.signal,
    progress: run.progress,
    label,
    globals: run.globals,
    accepted: { action, listenerIds: [listenerId] },
  });
}

/** One rule in a command's result. */
export interface ResultRule {
  ListenerId: string;
  Domain: string;
  Domains?: string[];
  Url: string;
  LocationId: string;
  /** With --if-not-exists: whether this run created the rule or found it there. */
  Action?: 'created' | 'existing';
}

/** One rule as a command's result gives it. */
export function resultOf(rule: RuleInput, listenerId: string, locationId: string, action?: 'created' | 'existing'): ResultRule {
  const domains = ruleDomains(rule);
  return {
    ListenerId: listenerId,
    Domain: domains[0] ?? '',
    ...(domains.length > 1 ? { Domains: domains } : {}),
    Url: rule.Url,
    LocationId: locationId,
    ...(action ? { Action: action } : {}),
  };
}

function locationOf(rule: RuleInput, rules: readonly ExistingRule[]): string | undefined {
  const keys = ruleKeys(rule);
  const found = rules.find((r) => {
    const there = new Set(ruleKeys({ Domain: r.Domain ?? undefined, Domains: r.Domains ?? undefined, Url: r.Url ?? undefined }));
    return keys.every((k) => there.has(k));
  });
  return found?.LocationId;
}

async function listedRules(client: ClbClient, loadBalancerId: string, listenerId: string, signal?: AbortSignal): Promise<ExistingRule[]> {
  const { describeListeners } = await import('../api/clb.js');
  const listed = await describeListeners(client, { LoadBalancerId: loadBalancerId, ListenerIds: [listenerId] }, signal ? { signal } : {});
  return (listed.Listeners?.[0]?.Rules ?? []) as ExistingRule[];
}

/**
 * After a lost answer: reads the listener's rules until `done` says the change shows, for a bounded
 * time (a read that fails proves nothing either way). True when it showed.
 */
export async function readRulesUntil(
  client: ClbClient,
  target: { LoadBalancerId: string; ListenerId: string },
  done: (rules: ExistingRule[]) => boolean,
  ctx: CliContext,
  options: { interrupted?: boolean; timeoutMs?: number } = {},
): Promise<boolean> {
  const signal = options.interrupted ? undefined : ctx.signal;
  const deadline = ctx.now() + Math.min(options.timeoutMs ?? RECONCILE_TIMEOUT_MS, options.interrupted ? 5000 : RECONCILE_TIMEOUT_MS);
  for (;;) {
    try {
      if (done(await listedRules(client, target.LoadBalancerId, target.ListenerId, signal))) return true;
    } catch (error) {
      if (error instanceof InterruptedError) return false;
    }
    const left = deadline - ctx.now();
    if (left <= 0) return false;
    try {
      await ctx.sleep(Math.min(1000, left), signal);
    } catch {
      return false;
    }
  }
}

/** The rules of a lost CreateRule, looked for on the listener until they show; undefined if they do not in time. */
async function reconcileRules(
  client: ClbClient,
  loadBalancerId: string,
  listenerId: string,
  rules: readonly RuleInput[],
  run: RuleRun,
  interrupted: boolean,
): Promise<string[] | undefined> {
  let ids: (string | undefined)[] = [];
  const found = await readRulesUntil(
    client,
    { LoadBalancerId: loadBalancerId, ListenerId: listenerId },
    (there) => {
      ids = rules.map((r) => locationOf(r, there));
      return ids.every((id) => id !== undefined);
    },
    run.ctx,
    { interrupted, timeoutMs: run.timeoutMs },
  );
  return found ? (ids as string[]) : undefined;
}

/**
 * Creates `rules` on one listener and waits for the task. `existing` are the listener's rules as
 * read before (needed with `keepExisting`). Returns every rule asked for, with its LocationId.
 */
export async function sendRules(
  client: ClbClient,
  target: { LoadBalancerId: string; ListenerId: string; existing?: readonly ExistingRule[] },
  rules: readonly RuleInput[],
  run: RuleRun,
  options: { keepExisting?: boolean } = {},
): Promise<ResultRule[]> {
  const { ctx, progress } = run;
  const language = ctx.language ?? 'en';
  const { createRule } = await import('../api/clb.js');
  const results = new Map<RuleInput, ResultRule>();
  const toSend: RuleInput[] = [];
  for (const rule of rules) {
    const there = options.keepExisting && target.existing ? locationOf(rule, target.existing) : undefined;
    if (there) results.set(rule, resultOf(rule, target.ListenerId, there, 'existing'));
    else toSend.push(rule);
  }
  const withAction = options.keepExisting === true;
  const ordered = () => rules.map((r) => results.get(r)!).map((r) => (withAction ? r : { ...r, Action: undefined }));
  if (toSend.length === 0) {
    progress.succeed(
      say(language, T.rulesThere, {
        listener: target.ListenerId,
        ids: ordered()
          .map((r) => r.LocationId)
          .join(', '),
      }),
    );
    return ordered().map(stripUndefined);
  }

  const label = say(language, T.creatingRules, { count: toSend.length, listener: target.ListenerId });
  progress.start(label);
  const ruleTarget = { LoadBalancerId: target.LoadBalancerId, ListenerId: target.ListenerId };
  let accepted: Awaited<ReturnType<typeof createRule>>;
  try {
    accepted = await createRule(client, ruleTarget, toSend, { signal: ctx.signal });
  } catch (error) {
    progress.fail();
    if (!answerWasLost(error)) throw error;
    progress.start(say(language, T.checkingRules, { listener: target.ListenerId }));
    const found = await reconcileRules(client, target.LoadBalancerId, target.ListenerId, toSend, run, error instanceof InterruptedError);
    progress.stop();
    if (!found) {
      throw error instanceof CliError ? error.with({ hint: say(language, T.rulesNotFound, { listener: target.ListenerId }) }) : error;
    }
    const reason = error instanceof Error ? error.message : String(error);
    progress.warn(say(language, T.lostRules, { reason, ids: found.join(', ') }));
    for (const [i, rule] of toSend.entries()) results.set(rule, resultOf(rule, target.ListenerId, found[i]!, 'created'));
    return ordered().map(stripUndefined);
  }
  try {
    await followRuleTask(client, accepted.RequestId, run, label, 'CreateRule', target.ListenerId);
  } catch (error) {
    // The rules were accepted with these ids: whatever stopped the wait (but a failed task, which
    // made none), they are not lost.
    if (error instanceof CliError && !(error instanceof TaskFailedError) && accepted.LocationIds.length > 0)
      throw error.with({ details: { LocationIds: [...accepted.LocationIds] } });
    throw error;
  }
  for (const [i, rule] of toSend.entries()) results.set(rule, resultOf(rule, target.ListenerId, accepted.LocationIds[i] ?? '', 'created'));
  progress.succeed(
    say(language, T.createdRules, { count: toSend.length, listener: target.ListenerId, ids: accepted.LocationIds.join(', ') }),
  );
  return ordered().map(stripUndefined);
}

function stripUndefined(rule: ResultRule): ResultRule {
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as unknown as ResultRule;
}
