/**
 * The body of `create`, loaded only when the command runs: build and validate the request, then
 * dry-run, or send it and follow the task.
 */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { CreateFlags } from '../../../model/flags.js';
import { buildCreateListenerRequest, type BuildOptions, type BuiltRequest } from '../../../model/request.js';
import { resolveValidate } from '../../../config/index.js';
import { settingsInput } from '../../settings-input.js';
import { readDocument } from '../../../model/coerce.js';
import { createListenerSkeleton } from '../../../model/skeleton.js';
import type { CreateListenerRequest } from '../../../model/fields.js';
import { inputReader } from '../../read-input.js';
import type { Session } from '../../session.js';
import { AcceptedError, ApiError, CliError, ConflictError, CredentialsError, InterruptedError, UsageError } from '../../../core/errors.js';
import { suggestCommand } from '../../command-line.js';
import { createProgress, formatElapsed, type Progress } from '../../../ui/progress.js';
import { checkQueryOn, keyValueTable, printResult, type ResultView } from '../../../ui/output.js';
import { acceptedLine, followTask, waitTimeoutMs } from '../../follow-task.js';
import { answerWasLost, reconcileCreate, RECONCILE_TIMEOUT_MS, type ReportedListener } from '../../reconcile.js';
import { describeChanges, resolveExisting, type KeptListener } from './existing.js';
import { describeHolder, holderOf } from '../../../model/ports.js';
import { printableLine } from '../../../core/printable.js';

function describeTarget(request: CreateListenerRequest): string {
  const count = request.Ports.length;
  const ports = request.EndPort ? `${request.Ports[0]}-${request.EndPort}` : request.Ports.join(', ');
  return `${count} ${request.Protocol} listener${count === 1 ? '' : 's'} on ${request.LoadBalancerId} (port${count === 1 ? '' : 's'} ${ports})`;
}

/**
 * Where the request body comes from: --from-file, or tccli's --cli-input-json. Both take
 * `file://PATH` (tccli's only form; `~` expanded as tccli does), a plain path, or `-` for stdin.
 */
function bodyInput(flags: CreateFlags, ctx: CliContext): { path: string; flag: string } | undefined {
  if (flags.fromFile !== undefined && flags.cliInputJson !== undefined) {
    throw new UsageError('--cli-input-json and --from-file are the same option; give one', '--cli-input-json');
  }
  const flag = flags.cliInputJson !== undefined ? '--cli-input-json' : '--from-file';
  const raw = flags.cliInputJson ?? flags.fromFile;
  if (raw === undefined) return undefined;
  let path = raw.startsWith('file://') ? raw.slice('file://'.length) : raw;
  if ((path === '~' || path.startsWith('~/')) && ctx.env.HOME) path = ctx.env.HOME + path.slice(1);
  if (path === '') throw new UsageError(`${flag} "${raw}": no path after file://`, flag);
  return { path, flag };
}

/** Settings for the listings of `create -i`: short, so an unreachable API costs seconds, not minutes. */
const PICKING = {
  requestTimeoutMs: 5000,
  connectTimeoutMs: 3000,
  // A refusal for the rate limit clears within a second: three tries span that, a dead network one.
  retry: { maxAttempts: 3, maxConnectAttempts: 1, baseDelayMs: 500, maxDelayMs: 2000 },
};

/**
 * For `create -i`: a session whose account the questions can pick from, or a one-line note on why
 * there is none (no credentials or region: the ids are typed). The session is kept for sending.
 */
async function connectForPicking(globals: GlobalOptions, ctx: CliContext, keep: (session: Session) => void) {
  const [{ openSession }, { accountLookup }, { CLB_SERVICE, SSL_SERVICE }] = await Promise.all([
    import('../../session.js'),
    import('../../../ui/interactive/index.js'),
    import('../../../api/constants.js'),
  ]);
  let session: Session;
  try {
    session = await openSession(globals, ctx);
  } catch (error) {
    if (error instanceof CredentialsError || error instanceof UsageError) {
      return { note: `not listing from the account (${error.message.split('\n')[0]}): type the ids` };
    }
    throw error;
  }
  keep(session);
  const clb = session.client.forService(CLB_SERVICE, PICKING);
  const ssl = session.client.forService(SSL_SERVICE, PICKING);
  keep({ ...session, client: clb });
  keep({ ...session, client: ssl });
  return { account: accountLookup(clb, ssl, ctx.now) };
}

async function buildRequest(
  given: CreateFlags,
  globals: GlobalOptions,
  ctx: CliContext,
  keep: (session: Session) => void,
): Promise<BuiltRequest> {
  const readText = inputReader(ctx);
  const input = bodyInput(given, ctx);
  // One spelling from here on (the equivalent command of -i says --from-file).
  const { cliInputJson: _, ...rest } = given;
  const flags: CreateFlags = input ? { ...rest, fromFile: input.path } : rest;
  const { validate } = resolveValidate(settingsInput(globals, ctx), flags.validate);
  const body = input ? await readDocument(input.path, input.flag, readText) : undefined;
  const bodySource = input?.path === '-' ? 'stdin' : input?.path;
  const options: BuildOptions = {
    readText,
    now: ctx.now(),
    validate,
    secrets: ctx.secrets,
    ...(body && bodySource ? { body, bodySource } : {}),
  };
  if (flags.interactive) {
    // Prompts fill in what the flags left out, then build through the same model.
    const { interactiveCreate } = await import('../../../ui/interactive/index.js');
    return interactiveCreate(flags, globals, ctx, options, () => connectForPicking(globals, ctx, keep));
  }
  return buildCreateListenerRequest(flags, options);
}

export async function runCreate(ctx: CliContext, globals: GlobalOptions, flags: CreateFlags): Promise<void> {
  if (flags.skeleton || flags.generateCliSkeleton !== undefined) {
    const skeleton = createListenerSkeleton();
    await printResult(ctx, globals, { json: skeleton, text: [JSON.stringify(skeleton, null, 2)], table: keyValueTable(skeleton) });
    return;
  }
  const timeoutMs = waitTimeoutMs(flags.waitTimeout);
  // Sessions opened while asking (create -i): the first one sends; all are closed at the end.
  const opened: Session[] = [];
  try {
    const built = await beforeSending(() => buildRequest(flags, globals, ctx, (session) => opened.push(session)));
    const { request } = built;

    if (flags.dryRun) {
      if (!globals.quiet) for (const warning of built.warnings) ctx.stderr.write(`warning: ${printableLine(warning)}\n`);
      const { printDryRun } = await import('../../dry-run.js');
      await printDryRun(ctx, globals, 'CreateListener', request);
      return;
    }

    // Whatever can fail on the result must fail now, while nothing has been sent.
    await checkQueryOn(globals, resultView(request, sampleOutcome(request, flags)).json);
    const progress = await createProgress(ctx, globals);
    for (const warning of built.warnings) progress.warn(warning);
    // The network side is loaded only once the request is known to be valid.
    const { openSession } = await import('../../session.js');
    if (opened.length === 0) opened.push(await beforeSending(() => openSession(globals, ctx)));
    await send(opened[0]!, request, flags, { ctx, globals, progress, timeoutMs });
  } finally {
    await Promise.all(opened.map((session) => session.client.close()));
  }
}

/** An interruption while reading input or credentials: nothing has been sent, and the error says so. */
async function beforeSending<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // A subclass (a cancelled prompt) already says it in its own words.
    const plain = Object.getPrototypeOf(error) === InterruptedError.prototype;
    if (plain && !(error as InterruptedError).notSent && !(error as InterruptedError).requestId) throw InterruptedError.beforeSending();
    throw error;
  }
}

interface ResultListener {
  ListenerId: string;
  Port: number;
  ListenerName: string | null;
  /** With --if-not-exists: whether this run created the listener or found it there. */
  Action?: 'created' | 'existing';
}

interface Outcome {
  RequestId: string | null;
  /** UNKNOWN: the answer was lost and the listeners were found; their task could not be followed. */
  TaskStatus: 'PENDING' | 'SUCCESS' | 'UNKNOWN';
  listeners: ResultListener[];
  /** Each listener says whether it was created or found (--if-not-exists). */
  withAction: boolean;
}

/** Stand-ins of the real shape, for checking --query before sending. */
function sampleOutcome(request: CreateListenerRequest, flags: CreateFlags): Outcome {
  return {
    RequestId: '00000000-0000-0000-0000-000000000000',
    TaskStatus: flags.wait ? 'SUCCESS' : 'PENDING',
    listeners: request.Ports.map((port, i) => ({
      ListenerId: 'lbl-00000000',
      Port: port,
      ListenerName: request.ListenerNames?.[i] ?? null,
      Action: 'created',
    })),
    withAction: flags.ifNotExists === true,
  };
}

/** What `create` prints, in every format: the listeners in the order the ports were asked for. */
function resultView(request: CreateListenerRequest, outcome: Outcome): Required<Omit<ResultView, 'jsonLine'>> {
  const listeners = request.Ports.map((port) => outcome.listeners.find((l) => l.Port === port)).filter(
    (l): l is ResultListener => l !== undefined,
  );
  const shown = listeners.map((l) => ({
    ListenerId: l.ListenerId,
    Port: l.Port,
    ListenerName: l.ListenerName,
    ...(outcome.withAction && l.Action ? { Action: l.Action } : {}),
  }));
  const ListenerIds = listeners.map((l) => l.ListenerId);
  const json = {
    ListenerIds,
    RequestId: outcome.RequestId,
    LoadBalancerId: request.LoadBalancerId,
    Ports: request.Ports,
    Protocol: request.Protocol,
    TaskStatus: outcome.TaskStatus,
    Listeners: shown,
  };
  const table = [
    ['LISTENER ID', 'PORT', 'PROTOCOL', 'NAME', ...(outcome.withAction ? ['ACTION'] : [])],
    ...shown.map((l) => [
      l.ListenerId,
      String(l.Port),
      request.Protocol,
      l.ListenerName ?? '',
      ...(outcome.withAction ? [l.Action ?? ''] : []),
    ]),
  ];
  return { json, text: ListenerIds, table };
}

type Listed = Awaited<ReturnType<typeof import('../../../api/clb.js').describeListeners>>;

interface RunState {
  ctx: CliContext;
  globals: GlobalOptions;
  progress: Progress;
  timeoutMs: number;
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

async function send(session: Session, request: CreateListenerRequest, flags: CreateFlags, run: RunState): Promise<void> {
  const { ctx, globals, progress } = run;
  const [{ createListener }, { addHint }] = await Promise.all([import('../../../api/clb.js'), import('../../api-hints.js')]);
  const withAction = flags.ifNotExists === true;
  const before = await readBefore(session, request, flags, run);

  let toCreate: CreateListenerRequest | undefined = request;
  let kept: KeptListener[] = [];
  if (flags.ifNotExists && before) {
    const resolution = resolveExisting(request, (before.Listeners ?? []) as ReportedListener[]);
    if (resolution.conflicts.length > 0) {
      throw new ConflictError(`${resolution.conflicts.join('; ')}; nothing was sent`, {
        hint: 'pick other ports, or remove the listener first (clb-listener delete); apply -f changes listeners in place',
      });
    }
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
    await printResult(ctx, globals, resultView(request, { RequestId: null, TaskStatus: 'SUCCESS', listeners: existing, withAction }));
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
        await printResult(
          ctx,
          globals,
          resultView(request, { RequestId: null, TaskStatus: 'UNKNOWN', listeners: [...existing, ...created], withAction }),
        );
        return;
      }
      throw error;
    }
    const hinted = await addHint(error, {
      globals,
      client: session.client,
      loadBalancerId: toCreate.LoadBalancerId,
      ports: toCreate.Ports,
      protocol: toCreate.Protocol,
    });
    if (hinted instanceof ApiError && hinted.code === 'InvalidParameter.PortCheckFailed' && !flags.ifNotExists) {
      const same = sameProtocolHolders(toCreate, before);
      if (same)
        hinted.hint = `${same}: add --if-not-exists to keep it and create only the missing ports${hinted.hint ? `; ${hinted.hint}` : ''}`;
    }
    throw hinted;
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
    await printAccepted(ctx, globals, resultView(request, { RequestId, TaskStatus: 'SUCCESS', listeners, withAction }), {
      RequestId,
      ListenerIds: allIds,
      resume,
    });
  } catch (error) {
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

/** `port 80 already has lbl-… (TCP, "web")`, when listeners of the requested protocol hold requested ports. */
function sameProtocolHolders(request: CreateListenerRequest, before: Listed | undefined): string | undefined {
  const listeners = (before?.Listeners ?? []) as ReportedListener[];
  const found = request.Ports.flatMap((port) => {
    const holder = holderOf(listeners, request.Protocol, port, request.EndPort);
    return holder && holder.Protocol.toUpperCase() === request.Protocol ? [`port ${port} already has ${describeHolder(holder)}`] : [];
  });
  return found.length > 0 ? found.join(', ') : undefined;
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
