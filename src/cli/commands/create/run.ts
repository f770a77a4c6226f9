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
import { AcceptedError, ApiError, CliError, CredentialsError, InterruptedError, NetworkError, UsageError } from '../../../core/errors.js';
import { suggestCommand } from '../../command-line.js';
import { createProgress, formatElapsed, type Progress } from '../../../ui/progress.js';
import { checkQueryOn, keyValueTable, printResult, type ResultView } from '../../../ui/output.js';
import { followTask, waitTimeoutMs } from '../../follow-task.js';

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
    const built = await buildRequest(flags, globals, ctx, (session) => opened.push(session));
    const { request } = built;

    if (flags.dryRun) {
      if (!globals.quiet) for (const warning of built.warnings) ctx.stderr.write(`warning: ${warning}\n`);
      const { printDryRun } = await import('../../dry-run.js');
      await printDryRun(ctx, globals, 'CreateListener', request);
      return;
    }

    // Whatever can fail on the result must fail now, while nothing has been sent.
    await checkQueryOn(globals, resultView(request, SAMPLE_ACCEPTED, flags.wait ? 'SUCCESS' : 'PENDING').json);
    const progress = await createProgress(ctx, globals);
    for (const warning of built.warnings) progress.warn(warning);
    // The network side is loaded only once the request is known to be valid.
    const { openSession } = await import('../../session.js');
    if (opened.length === 0) opened.push(await openSession(globals, ctx));
    await send(opened[0]!, request, flags, { ctx, globals, progress, timeoutMs });
  } finally {
    await Promise.all(opened.map((session) => session.client.close()));
  }
}

/** Stand-in ids of the real shape, for checking --query before sending. */
const SAMPLE_ACCEPTED = { ListenerIds: [] as string[], RequestId: '00000000-0000-0000-0000-000000000000' };

/** What `create` prints, in every format, for an accepted request. */
function resultView(
  request: CreateListenerRequest,
  accepted: { ListenerIds: string[]; RequestId: string },
  status: 'PENDING' | 'SUCCESS',
): Required<Omit<ResultView, 'jsonLine'>> {
  const ListenerIds = accepted.ListenerIds.length ? accepted.ListenerIds : request.Ports.map(() => 'lbl-00000000');
  const json = {
    ListenerIds,
    RequestId: accepted.RequestId,
    LoadBalancerId: request.LoadBalancerId,
    Ports: request.Ports,
    Protocol: request.Protocol,
    TaskStatus: status,
    Listeners: ListenerIds.map((id, i) => ({ ListenerId: id, Port: request.Ports[i], ListenerName: request.ListenerNames?.[i] ?? null })),
  };
  const table = [
    ['LISTENER ID', 'PORT', 'PROTOCOL', 'NAME'],
    ...json.Listeners.map((l) => [l.ListenerId, String(l.Port), request.Protocol, l.ListenerName ?? '']),
  ];
  return { json, text: ListenerIds, table };
}

async function send(
  session: Session,
  request: CreateListenerRequest,
  flags: CreateFlags,
  run: { ctx: CliContext; globals: GlobalOptions; progress: Progress; timeoutMs: number },
): Promise<void> {
  const { ctx, globals, progress } = run;
  const [{ createListener }, { addHint }] = await Promise.all([import('../../../api/clb.js'), import('../../api-hints.js')]);
  const label = `Creating ${describeTarget(request)}`;
  const started = ctx.now();
  progress.start(label);
  let accepted: Awaited<ReturnType<typeof createListener>>;
  try {
    // Interrupted while getting ready (reading credentials, a prompt): nothing has gone out.
    if (ctx.signal.aborted) throw InterruptedError.beforeSending();
    accepted = await createListener(session.client, request, { signal: ctx.signal });
  } catch (error) {
    progress.fail();
    const check = suggestCommand(globals, 'list', '--lb', request.LoadBalancerId);
    if (error instanceof InterruptedError) {
      // The request may have reached the API before the interruption: say how to find out.
      error.hint = error.notSent ? undefined : `the request may already have been applied; check with: ${check}`;
      throw error;
    }
    if (error instanceof NetworkError && error.mayHaveApplied) {
      error.hint = `the request may or may not have been applied; check with ${check} before retrying`;
    }
    if (error instanceof ApiError && error.isInternalError) {
      // A server-side failure does not say the write was not carried out.
      error.hint = `the API failed while handling the request, which may or may not have been applied; check with ${check} before retrying`;
    }
    throw await addHint(error, {
      globals,
      client: session.client,
      loadBalancerId: request.LoadBalancerId,
      ports: request.Ports,
      protocol: request.Protocol,
    });
  }
  const { ListenerIds, RequestId } = accepted;
  const resume = suggestCommand(globals, 'wait', RequestId);

  if (!flags.wait) {
    progress.succeed(`Accepted: ${ListenerIds.join(', ')} (task ${RequestId} still running)`);
    progress.info(`follow it with: ${resume}`);
    await printAccepted(ctx, globals, resultView(request, accepted, 'PENDING'), { RequestId, ListenerIds, resume });
    return;
  }
  try {
    await followTask(session.client, RequestId, {
      timeoutMs: run.timeoutMs,
      signal: ctx.signal,
      progress,
      label,
      globals,
      accepted: { action: 'CreateListener', listenerIds: ListenerIds },
    });
  } catch (error) {
    // The listeners exist (or may yet): the error says which, so a script or a person can find them.
    if (error instanceof CliError) error.details.ListenerIds = ListenerIds;
    throw error;
  }
  progress.succeed(`Created ${describeTarget(request)} in ${formatElapsed(ctx.now() - started)}: ${ListenerIds.join(', ')}`);
  await printAccepted(ctx, globals, resultView(request, accepted, 'SUCCESS'), { RequestId, ListenerIds, resume });
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
