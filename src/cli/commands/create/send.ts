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
import {
  AcceptedError,
  ApiError,
  CliError,
  ConflictError,
  CredentialsError,
  InterruptedError,
  saidIn,
  UsageError,
} from '../../../core/errors.js';
import { suggestCommand } from '../../command-line.js';
import { formatElapsed, type Progress } from '../../../ui/progress.js';
import { printResult, type ResultView } from '../../../ui/output.js';
import { followTask } from '../../follow-task.js';
import {
  answerWasLost,
  bothLanguages,
  LostTaskFailedError,
  reconcileCreate,
  RECONCILE_TIMEOUT_MS,
  type ReportedListener,
} from '../../reconcile.js';
import { RECONCILE } from '../../reconcile.messages.js';
import { COMMAND_TEXTS } from '../command-texts.messages.js';
import { describeChanges, resolveExisting, type KeptListener } from './existing.js';
import { describeHolder, portLabel, portsInTheWay } from '../../../model/ports.js';
import { describePortConflict } from '../../port-conflicts.js';
import { resultView, sayTarget, type Outcome, type ResultListener } from './result.js';
import type { CreateTargets } from './targets.js';
import { TargetsIncompleteError, UnhealthyTargetsError } from '../../../core/target-errors.js';
import type { CreateRules } from './rules.js';
import type { ExistingRule } from '../../../model/rule-rules.js';
import { RulesIncompleteError } from '../../../core/rule-errors.js';
import { message, render, say } from '../../../core/i18n.js';
import { FOLLOW } from '../../follow-task.messages.js';
import { CREATE } from './create.messages.js';
import { CONFLICTS } from '../../port-conflicts.messages.js';

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
  const language = ctx.language ?? 'en';
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
          say(language, CREATE.keptButDiffers, {
            id: listener.ListenerId,
            port: listener.Port,
            changes: describeChanges(listener.differences),
          }),
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
    progress.succeed(
      sayTarget(language, { one: CREATE.existsOne, many: CREATE.existsMany }, request, {
        ids: existing.map((l) => l.ListenerId).join(', '),
      }),
    );
    const withRules = await rulesStep(session, request, existing, before, flags, run);
    const withTargets = await targetsStep(session, request, existing, withRules.rules, run);
    await printResult(
      ctx,
      globals,
      resultView(
        request,
        { RequestId: null, TaskStatus: 'SUCCESS', listeners: existing, withAction, ...withRules, ...withTargets },
        language,
      ),
    );
    return;
  }

  const label = sayTarget(language, { one: CREATE.creatingOne, many: CREATE.creatingMany }, toCreate);
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
      const { found, failure } = await reconcile(session, toCreate, before, sentAt, error, run);
      if (found) {
        const created = found.map((l) => ({ ...l, Action: 'created' as const }));
        const withRules = await rulesStep(session, request, [...existing, ...created], before, flags, run);
        const withTargets = await targetsStep(session, request, [...existing, ...created], withRules.rules, run);
        await printResult(
          ctx,
          globals,
          resultView(
            request,
            { RequestId: null, TaskStatus: 'UNKNOWN', listeners: [...existing, ...created], withAction, ...withRules, ...withTargets },
            language,
          ),
        );
        return;
      }
      throw failure;
    }
    if (flags.ifNotExists && error instanceof ApiError && error.code === 'InvalidParameter.PortCheckFailed') {
      // Another run created the listeners between the read and the write (the API refused the
      // write, so nothing of it was made): read again, and keep them if they are the ones asked for.
      const settled = await keptAfterRace(session, toCreate, run);
      if (settled) {
        const listeners = [...existing, ...settled];
        progress.succeed(`Created meanwhile by another run, kept: ${settled.map((l) => `${l.ListenerId} (port ${l.Port})`).join(', ')}`);
        await printResult(ctx, globals, resultView(request, { RequestId: null, TaskStatus: 'SUCCESS', listeners, withAction }));
        return;
      }
    }
    throw await addHint(error, {
      globals,
      language: ctx.language ?? 'en',
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
      progress.succeed(
        say(language, CREATE.acceptedCreating, {
          ids: ListenerIds.join(', '),
          lb: toCreate.LoadBalancerId,
          task: RequestId,
          command: resume,
        }),
      );
      await printAccepted(ctx, globals, resultView(request, { RequestId, TaskStatus: 'PENDING', listeners, withAction }, language), {
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
    progress.succeed(
      sayTarget(language, { one: CREATE.createdOne, many: CREATE.createdMany }, toCreate, {
        elapsed: formatElapsed(ctx.now() - started),
        ids: ListenerIds.join(', '),
      }),
    );
    const withRules = await rulesStep(session, request, listeners, before, flags, run);
    const withTargets = await targetsStep(session, request, listeners, withRules.rules, run);
    await printAccepted(
      ctx,
      globals,
      resultView(request, { RequestId, TaskStatus: 'SUCCESS', listeners, withAction, ...withRules, ...withTargets }, language),
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
      throw error.with({ details: { ListenerIds: allIds, TaskId: error.details.TaskId ?? RequestId } });
    }
    const plain = (error as Error)?.message ?? String(error);
    const reason = error instanceof CliError ? { en: saidIn('en', error).message, zh: saidIn('zh', error).message } : plain;
    throw new AcceptedError(RequestId, message(CREATE.acceptedThen, { id: RequestId, reason }), {
      hint: message(FOLLOW.findOut, { command: resume }),
      cause: error,
      listenerIds: allIds,
    });
  }
}

/**
 * `--if-not-exists` after PortCheckFailed: the listeners read again. When every port of the
 * refused request now holds the listener asked for (same protocol, ports and name), they are the
 * result, as if they had been there at the first read; otherwise undefined, and the API's error
 * stands. A failed read also leaves the error as it is.
 */
async function keptAfterRace(session: Session, request: CreateListenerRequest, run: RunState): Promise<ResultListener[] | undefined> {
  const { describeListeners } = await import('../../../api/clb.js');
  let listed: Listed;
  try {
    listed = await describeListeners(session.client, { LoadBalancerId: request.LoadBalancerId }, { signal: run.ctx.signal });
  } catch {
    return undefined;
  }
  const resolution = resolveExisting(request, (listed.Listeners ?? []) as ReportedListener[]);
  if (resolution.remaining || resolution.conflicts.length > 0) return undefined;
  for (const listener of resolution.kept) {
    if (listener.differences.length > 0) {
      run.progress.warn(
        say(run.ctx.language ?? 'en', COMMAND_TEXTS.createdMeanwhileButDiffers, {
          id: listener.ListenerId,
          port: listener.Port,
          changes: describeChanges(listener.differences),
        }),
      );
    }
  }
  return resolution.kept.map((l) => ({
    ListenerId: l.ListenerId,
    Port: l.Port,
    ListenerName: l.ListenerName,
    Action: 'existing' as const,
  }));
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
    const language = run.ctx.language ?? 'en';
    const { summary, hint } = describePortConflict(request.LoadBalancerId, request.EndPort, refused, run.globals, {
      ifNotExists: flags.ifNotExists === true,
      language,
    });
    throw new ConflictError(say(language, CONFLICTS.nothingSent, { summary }), { hint });
  }
  for (const clash of inTheWay) {
    const params = { port: portLabel(clash.port, request.EndPort), holder: describeHolder(clash.holder), protocol: request.Protocol };
    run.progress.warn(say(run.ctx.language ?? 'en', CONFLICTS.mayRefuse, params));
  }
}

/**
 * The answer to CreateListener was lost: look for the listeners instead of sending it again.
 * Returns them when they are there; otherwise the failure to throw, which says what was checked.
 */
async function reconcile(
  session: Session,
  request: CreateListenerRequest,
  before: Listed | undefined,
  sentAt: number,
  error: unknown,
  run: RunState,
): Promise<{ found: ResultListener[]; failure?: undefined } | { found?: undefined; failure: unknown }> {
  const { ctx, globals, progress } = run;
  const interrupted = error instanceof InterruptedError;
  // After Ctrl-C the run's signal is spent: a short look of its own (a second Ctrl-C still ends it).
  const timeoutMs = Math.min(run.timeoutMs, interrupted ? 5000 : RECONCILE_TIMEOUT_MS);
  const language = ctx.language ?? 'en';
  progress.start(say(language, CREATE.answerLost, { lb: request.LoadBalancerId }));
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
  const reason =
    error instanceof CliError && error.text && render('en', error.text) === error.message
      ? bothLanguages(error.text)
      : error instanceof Error
        ? error.message
        : String(error);
  const list = suggestCommand(globals, 'list', '--lb', request.LoadBalancerId);
  if (outcome.found && outcome.settled) {
    const ids = outcome.listeners.map((l) => say(language, CREATE.idOnPort, { id: l.ListenerId, port: l.Port })).join(', ');
    progress.warn(say(language, CREATE.foundAfterLoss, { reason, ids }));
    return { found: outcome.listeners };
  }
  if (outcome.found) {
    // Listed, but their task may still fail and remove them: the ids, and no claim of success.
    const ids = outcome.listeners.map((l) => l.ListenerId);
    const hint = message(RECONCILE.listedMayStillFail, { command: list });
    if (error instanceof InterruptedError) return { failure: error.with({ hint, details: { ListenerIds: ids } }) };
    return {
      failure: new AcceptedError(undefined, message(RECONCILE.lostButListed, { reason, ids: ids.join(', ') }), {
        hint,
        cause: error,
        listenerIds: ids,
      }),
    };
  }
  if (outcome.vanished) return { failure: new LostTaskFailedError(reason, outcome.checkedText, list) };
  if (!(error instanceof CliError)) return { failure: error };
  const mayHaveApplied =
    error instanceof ApiError && error.isInternalError ? RECONCILE.lostApiFailedMayHaveApplied : RECONCILE.lostMayHaveApplied;
  return {
    failure: error.with({ hint: message(mayHaveApplied, { checked: bothLanguages(outcome.checkedText), command: list }) }),
  };
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
      hint: message(COMMAND_TEXTS.idsAboveCheckTask, { command: accepted.resume }),
      cause: error,
      listenerIds: accepted.ListenerIds,
    });
  }
}
