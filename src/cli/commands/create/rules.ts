/**
 * `create --rule`: the rules are read, typed and checked with the listener's request before
 * anything is sent, and sent once the listener exists. A failure after the listener was made
 * keeps its id and says how to finish (RulesIncompleteError, exit 8).
 */
import { splitRuleTargets } from '../../../model/target-input.js';
import type { TargetInput } from '../../../model/target-fields.js';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { CliError, InterruptedError, UsageError } from '../../../core/errors.js';
import { say } from '../../../core/i18n.js';
import { RulesIncompleteError } from '../../../core/rule-errors.js';
import type { Draft, Origin } from '../../../model/draft.js';
import type { CreateListenerRequest } from '../../../model/fields.js';
import type { CreateFlags } from '../../../model/flags.js';
import { ruleDomains, type RuleInput } from '../../../model/rule-fields.js';
import { checkRuleInputs, parseRuleFlags } from '../../../model/rule-input.js';
import type { ExistingRule } from '../../../model/rule-rules.js';
import { suggestCommand } from '../../command-line.js';
import { inputReader } from '../../read-input.js';
import { RULE_TEXT as T } from '../../rule-text.js';
import type { ClbClient } from '../../../api/client.js';
import { resultOf, sendRules, type ResultRule, type RuleRun } from '../../rules-step.js';

export interface CreateRules {
  rules: RuleInput[];
  warnings: string[];
  /** Each --rule as typed, for the command that finishes an unfinished job. */
  raws: string[];
  /** Each rule's `Targets`, taken out of it (bound once the rule exists, targets.ts); undefined for a rule without. */
  ruleTargets?: (TargetInput[] | undefined)[];
}

/** The --rule values, checked against the listener they are for; undefined without --rule. */
export async function prepareRules(
  flags: CreateFlags,
  request: CreateListenerRequest,
  ctx: CliContext,
  validate: boolean,
  listener: { draft: Draft; answered?: boolean },
): Promise<CreateRules | undefined> {
  const raws = flags.rule ?? [];
  if (raws.length === 0) return undefined;
  const language = ctx.language ?? 'en';
  if (flags.wait === false) throw new UsageError(say(language, T.noWaitWithRules), '--no-wait');
  // Typed --rule values, or the domains create -i asked for: answers that stand for --rule values.
  const answered = (raw: string, index: number, count: number): Origin => ({
    kind: 'prompt',
    flag: '--rule',
    text: raw,
    ...(count > 1 ? { nth: index + 1 } : {}),
  });
  const given = await parseRuleFlags(raws, inputReader(ctx), ctx.secrets, listener.answered ? answered : undefined);
  // A rule's Targets are not a RuleInput field: checked here, bound once the rule exists (targets.ts).
  const split = splitRuleTargets(given, { language, validate });
  const parsed = given.map((p, i) => ({ ...p, value: split.rules[i]! }));
  const protocol = typeof request.Protocol === 'string' ? request.Protocol : undefined;
  const checked = checkRuleInputs(
    parsed,
    { protocol, sniSwitch: request.SniSwitch ?? 0, ...(flags.ifNotExists ? { keepExisting: true } : {}) },
    { now: ctx.now(), language, validate },
    listener.draft,
  );
  return { ...checked, warnings: [...checked.warnings, ...split.warnings], raws, ruleTargets: split.targets };
}

/** The CreateRule request a dry run shows beside CreateListener's. */
export function dryRunRules(request: CreateListenerRequest, rules: CreateRules, ctx: CliContext): { action: string; body: object } {
  return {
    action: 'CreateRule',
    body: { LoadBalancerId: request.LoadBalancerId, ListenerId: say(ctx.language ?? 'en', T.dryRunRuleListener), Rules: rules.rules },
  };
}

/** Stand-ins of the result's rules, for checking --query before sending. */
export function sampleRules(listenerIds: readonly string[], rules: CreateRules): ResultRule[] {
  // The same shape as the real result: Domains when the rule has several, an Action when asked.
  return listenerIds.flatMap((id) => rules.rules.map((rule) => resultOf(rule, id, 'loc-00000000', 'created')));
}

/**
 * Creates the rules on each listener (one CreateRule per listener). `listeners` are the ones this
 * run made or kept, with the rules a kept one already has. Whatever stops the step, the error
 * names the listeners, what was done, and the command that finishes.
 */
export async function createRulesOn(
  client: ClbClient,
  request: CreateListenerRequest,
  listeners: readonly { ListenerId: string; existing?: readonly ExistingRule[] }[],
  rules: CreateRules,
  run: RuleRun,
  keepExisting: boolean,
): Promise<ResultRule[]> {
  const results: ResultRule[] = [];
  for (const [i, listener] of listeners.entries()) {
    try {
      results.push(
        ...(await sendRules(
          client,
          {
            LoadBalancerId: request.LoadBalancerId,
            ListenerId: listener.ListenerId,
            ...(listener.existing ? { existing: listener.existing } : {}),
          },
          rules.rules,
          run,
          { keepExisting },
        )),
      );
    } catch (error) {
      throw unfinished(
        error,
        request,
        listeners.slice(i).map((l) => l.ListenerId),
        listeners.map((l) => l.ListenerId),
        rules,
        run.globals,
        run.ctx,
      );
    }
  }
  return results;
}

function unfinished(
  error: unknown,
  request: CreateListenerRequest,
  pending: readonly string[],
  all: string[],
  rules: CreateRules,
  globals: GlobalOptions,
  ctx: CliContext,
): CliError {
  const language = ctx.language ?? 'en';
  const command = pending
    .map((id) =>
      suggestCommand(
        globals,
        'rule',
        'create',
        '--lb',
        request.LoadBalancerId,
        '--listener-id',
        id,
        ...rules.raws.flatMap((r) => ['--rule', r]),
        '--if-not-exists',
      ),
    )
    .join(' && ');
  const notDone = say(language, T.rulesNotDoneList, {
    rules: rules.rules.map((r) => `${ruleDomains(r).join(',')} ${r.Url}`).join('; '),
  });
  const hint = say(language, T.rulesIncompleteHint, { done: all.join(', '), notDone, command });
  // Ctrl-C keeps its own exit code; the ids and the way to finish are still said.
  if (error instanceof InterruptedError) return error.with({ hint, details: { ListenerIds: all } });
  const reason = error instanceof Error ? error.message : String(error);
  const taskId = error instanceof CliError ? error.details.TaskId : undefined;
  return new RulesIncompleteError(say(language, T.rulesIncomplete, { listener: pending[0]!, reason }), {
    hint,
    cause: error,
    listenerIds: all,
    ...(taskId ? { taskId } : {}),
  });
}
