/**
 * The sending side of `create`, loaded once the request is valid: read what is on the load
 * balancer, send CreateListener, follow its task, and reconcile an answer that was lost.
 */
import type { ResultRule } from '../../rules-step.js';
import { ruleDomains } from '../../../model/rule-fields.js';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { CreateFlags } from '../../../model/flags.js';
import type { CreateListenerRequest } from '../../../model/fields.js';
import type { Session } from '../../session.js';
import { AcceptedError, ApiError, CliError, ConflictError, CredentialsError, InterruptedError, UsageError } from '../../../core/errors.js';
import { suggestCommand } from '../../command-line.js';
import { formatElapsed, type Progress } from '../../../ui/progress.js';
import { printResult, type ResultView } from '../../../ui/output.js';
import { acceptedLine, followTask } from '../../follow-task.js';
import { answerWasLost, reconcileCreate, RECONCILE_TIMEOUT_MS, type ReportedListener } from '../../reconcile.js';
import { describeChanges, resolveExisting, type KeptListener } from './existing.js';
import { describeHolder, portLabel, portsInTheWay } from '../../../model/ports.js';
import { describePortConflict } from '../../port-conflicts.js';
import { describeTarget, resultView, type Outcome, type ResultListener } from './result.js';
import type { CreateTargets } from './targets.js';
import { TargetsIncompleteError, UnhealthyTargetsError } from '../../../core/target-errors.js';
import type { CreateRules } from './rules.js';
import type { ExistingRule } from '../../../model/rule-rules.js';
import { RulesIncompleteError } from '../../../core/rule-errors.js';

type Listed = Awaited<ReturnType<typeof import('../../../api/clb.js').describeListeners>>;

export interface RunState {
  ctx: CliContext;
  globals: GlobalOptions;
  progress: Progress;
  timeoutMs: number;
  /** `--rule`: forwarding rules to create once the listeners exist (rules.ts). */
  rules?: CreateRules;
  /** `--target` (and --wait-healthy): targets to bind once the listeners (and rules) exist (targets.ts). */
  targets?: CreateTargets;
}

/** The rules step, when --rule was given: on each listener this run made or kept. */
async function rulesStep(
  session: Session,
  request: CreateListenerRequest,
  listeners: readonly ResultListener[],
  before: Listed | undefined,
  flags: CreateFlags,
  run: RunState,
): Promise<Pick<Outcome, 'rules' | 'language'>> {
  if (!run.rules) return {};
  const { createRulesOn } = await import('./rules.js');
  const reported = (before?.Listeners ?? []) as (ReportedListener & { Rules?: ExistingRule[] | null })[];
  const targets = listeners.map((l) => {
    const existing = l.Action === 'existing' ? reported.find((r) => r.ListenerId === l.ListenerId)?.Rules : undefined;
    return { ListenerId: l.ListenerId, ...(existing ? { existing } : {}) };
  });
  const rules = await createRulesOn(session.client, request, targets, run.rules, run, flags.ifNotExists === true);
  return { rules, ...(run.ctx.language ? { language: run.ctx.language } : {}) };
}

/**
 * The targets step: --target on each listener this run made or kept, and the Targets of each
 * --rule on the rule made (or kept); then --wait-healthy.
 */
async function targetsStep(
  session: Session,
  request: CreateListenerRequest,
  listeners: readonly ResultListener[],
  rules: readonly ResultRule[] | undefined,
  run: RunState,
): Promise<Pick<Outcome, 'targets'>> {
  if (!run.targets && !run.rules?.ruleTargets?.some((t) => t?.length)) return {};
  const { bindTargetsOn, bindRuleTargets } = await import('./targets.js');
  if (run.targets?.targets.length) return { targets: await bindTargetsOn(session.client, request, listeners, run.targets, run) };
  const made = run.rules!;
  const indexOf = (rule: ResultRule) => made.rules.findIndex((r) => ruleDomains(r)[0] === rule.Domain && r.Url === rule.Url);
  const bound = await bindRuleTargets(session.client, request, rules ?? [], (rule) => made.ruleTargets?.[indexOf(rule)], {
    ...run,
    ...(run.targets?.healthMs !== undefined ? { healthMs: run.targets.healthMs } : {}),
  });
  return { targets: bound };
}

/**
 * What is on the load balancer just before sending: with --if-not-exists it decides what to send;
 * in any case it tells a listener this request created from one that was already there, should
 * the answer be lost (docs/reconcile.md). Without --if-not-exists a failed read only costs that
 * certainty.
 */
async function readBefore(
  session: Session,
  request: CreateListenerRequest,
  flags: CreateFlags,
  run: RunState,
): Promise<Listed | undefined> {
  const { describeListeners } = await import('../../../api/clb.js');
  try {
    return await describeListeners(session.client, { LoadBalancerId: request.LoadBalancerId }, { signal: run.ctx.signal });
  } catch (error) {
    // Only a read was under way: nothing was sent.
    if (error instanceof InterruptedError) throw InterruptedError.beforeSending();
    if (flags.ifNotExists) {
      const { addHint } = await import('../../api-hints.js');
      throw await addHint(error, { globals: run.globals, loadBalancerId: request.LoadBalancerId });
    }
    if (run.globals.debug) run.ctx.stderr.write(`[debug] DescribeListeners before sending failed: ${(error as Error).message}\n`);
    return undefined;
  }
}

export async function send(session: Session, request: CreateListenerRequest, flags: CreateFlags, run: RunState): Promise<void> {
  const { ctx, globals, progress } = run;
  const [{ createListener }, { addHint }] = await Promise.all([import('../../../api/clb.js'), import('../../api-hints.js')]);
  const withAction = flags.ifNotExists === true;
  const before = await readBefore(session, request, flags, run);

  let toCreate: CreateListenerRequest | undefined = request;
  let kept: KeptListener[] = [];
  if (before) refuseTakenPorts(request, (before.Listeners ?? []) as ReportedListener[], flags, run);
  if (flags.ifNotExists && before) {
    const resolution = resolveExisting(request, (before.Listeners ?? []) as ReportedListener[]);
    kept = resolution.kept;
    toCreate = resolution.remaining;
    for (const listener of kept) {
      if (listener.differences.length > 0) {
        progress.warn(
          `${listener.ListenerId} on port ${listener.Port} already exists and was kept, but differs: ${describeChanges(listener.differences)} (apply -f changes it)`,
        );
      }
    }
  }
  const existing: ResultListener[] = kept.map((l) => ({
    ListenerId: l.ListenerId,
    Port: l.Port,
    ListenerName: l.ListenerName,
    Action: 'existing',
  }));
  if (!toCreate) {
    const many = request.Ports.length > 1;
    progress.succeed(
      `${many ? 'All' : 'The'} ${describeTarget(request).replace(/^1 /, '')} ${many ? 'exist' : 'exists'} already: ${existing.map((l) => l.ListenerId).join(', ')}`,
    );
    const withRules = await rulesStep(session, request, existing, before, flags, run);
    const withTargets = await targetsStep(session, request, existing, withRules.rules, run);
    await printResult(
      ctx,
      globals,
      resultView(request, { RequestId: null, TaskStatus: 'SUCCESS', listeners: existing, withAction, ...withRules, ...withTargets }),
    );
    return;
  }

  const label = `Creating ${describeTarget(toCreate)}`;
  const started = ctx.now();
  progress.start(label);
  let accepted: Awaited<ReturnType<typeof createListener>>;
  const sentAt = ctx.now();
  try {
    // Interrupted while getting ready (reading credentials, a prompt): nothing has gone out.
    if (ctx.signal.aborted) throw InterruptedError.beforeSending();
    accepted = await createListener(session.client, toCreate, { signal: ctx.signal });
  } catch (error) {
    progress.fail();
    if (answerWasLost(error)) {
      const found = await reconcile(session, toCreate, before, sentAt, error, run);
      if (found) {
        const created = found.map((l) => ({ ...l, Action: 'created' as const }));
        const withRules = await rulesStep(session, request, [...existing, ...created], before, flags, run);
        const withTargets = await targetsStep(session, request, [...existing, ...created], withRules.rules, run);
        await printResult(
          ctx,
          globals,
          resultView(request, {
            RequestId: null,
            TaskStatus: 'UNKNOWN',
            listeners: [...existing, ...created],
            withAction,
            ...withRules,
            ...withTargets,
          }),
        );
        return;
      }
      throw error;
    }
    throw await addHint(error, {
      globals,
      client: session.client,
      loadBalancerId: toCreate.LoadBalancerId,
      request: toCreate,
      ...(flags.ifNotExists ? { ifNotExists: true } : {}),
    });
  }
  const { ListenerIds, RequestId } = accepted;
  const resume = suggestCommand(globals, 'wait', RequestId);
  const created: ResultListener[] = ListenerIds.map((id, i) => ({
    ListenerId: id,
    Port: toCreate.Ports[i]!,
    ListenerName: toCreate.ListenerNames?.[i] ?? null,
    Action: 'created',
  }));
  const listeners = [...existing, ...created];
  const allIds = listeners.map((l) => l.ListenerId);
  try {
    if (!flags.wait) {
      progress.succeed(acceptedLine(`creating ${ListenerIds.join(', ')} on ${toCreate.LoadBalancerId}`, RequestId, globals));
      await printAccepted(ctx, globals, resultView(request, { RequestId, TaskStatus: 'PENDING', listeners, withAction }), {
        RequestId,
        ListenerIds: allIds,
        resume,
      });
      return;
    }
    await followTask(session.client, RequestId, {
      timeoutMs: run.timeoutMs,
      signal: ctx.signal,
      progress,
      label,
      globals,
      accepted: { action: 'CreateListener', listenerIds: ListenerIds },
    });
    progress.succeed(`Created ${describeTarget(toCreate)} in ${formatElapsed(ctx.now() - started)}: ${ListenerIds.join(', ')}`);
    const withRules = await rulesStep(session, request, listeners, before, flags, run);
    const withTargets = await targetsStep(session, request, listeners, withRules.rules, run);
    await printAccepted(
      ctx,
      globals,
      resultView(request, { RequestId, TaskStatus: 'SUCCESS', listeners, withAction, ...withRules, ...withTargets }),
      {
        RequestId,
        ListenerIds: allIds,
        resume,
      },
    );
  } catch (error) {
    // The rules and targets steps name the listeners and how to finish on their own.
    if (error instanceof RulesIncompleteError || error instanceof TargetsIncompleteError || error instanceof UnhealthyTargetsError)
      throw error;
    // The listeners exist (or may yet): whatever failed, the error says which, so a script or a
    // person can find them, and nothing after acceptance can read as "nothing was sent".
    if (error instanceof CliError && !(error instanceof UsageError) && !(error instanceof CredentialsError)) {
      error.details.ListenerIds = allIds;
      error.details.TaskId ??= RequestId;
      throw error;
    }
    throw new AcceptedError(
      RequestId,
      `CreateListener was accepted (task ${RequestId}), but then: ${(error as Error)?.message ?? String(error)}`,
      { hint: `find out how it ended with ${resume} (do not send it again)`, cause: error, listenerIds: allIds },
    );
  }
}

/**
 * Ports the load balancer's listeners already hold, seen just before sending: where the API's
 * PortCheckFailed is certain (the same protocol, or both in TCP's port space), nothing is sent and
 * the error names each port, its holder and the fix; between UDP and QUIC, a warning. With
 * --if-not-exists only the holders that are not the listeners asked for are in the way (those
 * asked for are kept), and any of them is a conflict, as that flag promises.
 */
function refuseTakenPorts(request: CreateListenerRequest, listeners: readonly ReportedListener[], flags: CreateFlags, run: RunState): void {
  const inTheWay = portsInTheWay(request, listeners).filter((c) => !(flags.ifNotExists && c.asked));
  const refused = flags.ifNotExists ? inTheWay : inTheWay.filter((c) => c.certain);
  if (refused.length > 0) {
    const { summary, hint } = describePortConflict(request.LoadBalancerId, request.EndPort, refused, run.globals, {
      ifNotExists: flags.ifNotExists === true,
    });
    throw new ConflictError(`${summary}; nothing was sent`, { hint });
  }
  for (const clash of inTheWay) {
    run.progress.warn(
      `port ${portLabel(clash.port, request.EndPort)} is held by ${describeHolder(clash.holder)}; the API may refuse a ${request.Protocol} listener beside it`,
    );
  }
}

/**
 * The answer to CreateListener was lost: look for the listeners instead of sending it again.
 * Returns them when they are there; otherwise says on the error what was checked.
 */
async function reconcile(
  session: Session,
  request: CreateListenerRequest,
  before: Listed | undefined,
  sentAt: number,
  error: unknown,
  run: RunState,
): Promise<ResultListener[] | undefined> {
  const { ctx, globals, progress } = run;
  const interrupted = error instanceof InterruptedError;
  // After Ctrl-C the run's signal is spent: a short look of its own (a second Ctrl-C still ends it).
  const timeoutMs = Math.min(run.timeoutMs, interrupted ? 5000 : RECONCILE_TIMEOUT_MS);
  progress.start(`The answer was lost; checking whether the listeners were created on ${request.LoadBalancerId}`);
  const outcome = await reconcileCreate({
    client: session.client,
    request,
    ...(before ? { before: (before.Listeners ?? []) as ReportedListener[] } : {}),
    sentAt,
    timeoutMs,
    clock: ctx,
    ...(interrupted ? {} : { signal: ctx.signal }),
  });
  progress.stop();
  const reason = error instanceof Error ? error.message : String(error);
  if (outcome.found) {
    const ids = outcome.listeners.map((l) => `${l.ListenerId} (port ${l.Port})`).join(', ');
    progress.warn(
      `the answer to CreateListener was lost (${reason}), but DescribeListeners shows the listeners were created: ${ids}; their task could not be followed (its id was in the lost answer)`,
    );
    return outcome.listeners;
  }
  if (error instanceof CliError) {
    const list = suggestCommand(globals, 'list', '--lb', request.LoadBalancerId);
    const what = error instanceof ApiError && error.isInternalError ? 'the API failed while handling the request, which' : 'the request';
    error.hint = `${outcome.checked}; ${what} may or may not have been applied: check with ${list} before retrying (create --if-not-exists keeps what is there)`;
  }
  return undefined;
}

/**
 * Prints the result of an accepted create. Should that fail (stdout on a full disk, a --query that
 * fails on the real data), the ids still reach stderr with the resume command, under exit 7: a
 * script must neither lose them nor read "nothing was sent".
 */
async function printAccepted(
  ctx: CliContext,
  globals: GlobalOptions,
  view: ResultView,
  accepted: { RequestId: string; ListenerIds: string[]; resume: string },
): Promise<void> {
  try {
    await printResult(ctx, globals, view);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AcceptedError(accepted.RequestId, `CreateListener was accepted (task ${accepted.RequestId}), but ${reason}`, {
      hint: `the listener ids are above; check the task with ${accepted.resume}`,
      cause: error,
      listenerIds: accepted.ListenerIds,
    });
  }
}
