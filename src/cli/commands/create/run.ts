/**
 * The body of `create`, loaded only when the command runs: build and validate the request, then
 * dry-run, or send it and follow the task.
 */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { CreateFlags } from '../../../model/flags.js';
import { buildCreateListenerRequest, type BuiltRequest } from '../../../model/request.js';
import { readDocument } from '../../../model/coerce.js';
import { createListenerSkeleton } from '../../../model/skeleton.js';
import type { CreateListenerRequest } from '../../../model/schema.js';
import { inputReader } from '../../read-input.js';
import type { Session } from '../../session.js';
import { CliError, InterruptedError, NetworkError } from '../../../core/errors.js';
import { suggestCommand } from '../../command-line.js';
import { createProgress, formatElapsed, type Progress } from '../../../ui/progress.js';
import { printResult } from '../../../ui/output.js';
import { followTask, waitTimeoutMs } from '../../follow-task.js';

function describeTarget(request: CreateListenerRequest): string {
  const count = request.Ports.length;
  const ports = request.EndPort ? `${request.Ports[0]}-${request.EndPort}` : request.Ports.join(', ');
  return `${count} ${request.Protocol} listener${count === 1 ? '' : 's'} on ${request.LoadBalancerId} (port${count === 1 ? '' : 's'} ${ports})`;
}

async function buildRequest(flags: CreateFlags, globals: GlobalOptions, ctx: CliContext): Promise<BuiltRequest> {
  const readText = inputReader(ctx);
  const body = flags.fromFile ? await readDocument(flags.fromFile, '--from-file', readText) : undefined;
  const bodySource = flags.fromFile === '-' ? 'stdin' : flags.fromFile;
  const options = { readText, now: ctx.now(), ...(body && bodySource ? { body, bodySource } : {}) };
  if (flags.interactive) {
    // Prompts fill in what the flags left out, then build through the same model.
    const { interactiveCreate } = await import('../../../ui/interactive/index.js');
    return interactiveCreate(flags, globals, ctx, options);
  }
  return buildCreateListenerRequest(flags, options);
}

export async function runCreate(ctx: CliContext, globals: GlobalOptions, flags: CreateFlags): Promise<void> {
  if (flags.skeleton) {
    ctx.stdout.write(`${JSON.stringify(createListenerSkeleton(), null, 2)}\n`);
    return;
  }
  const timeoutMs = waitTimeoutMs(flags.waitTimeout);
  const built = await buildRequest(flags, globals, ctx);
  for (const secret of built.secrets) ctx.secrets.add(secret);
  const { request } = built;

  if (flags.dryRun) {
    if (!globals.quiet) for (const warning of built.warnings) ctx.stderr.write(`warning: ${warning}\n`);
    const { printDryRun } = await import('../../dry-run.js');
    await printDryRun(ctx, globals, 'CreateListener', request);
    return;
  }

  const progress = await createProgress(ctx, globals);
  for (const warning of built.warnings) progress.warn(warning);
  // The network side is loaded only once the request is known to be valid.
  const { openSession } = await import('../../session.js');
  const session = await openSession(globals, ctx);
  try {
    await send(session, request, flags, { ctx, globals, progress, timeoutMs });
  } finally {
    await session.client.close();
  }
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
    accepted = await createListener(session.client, request, { signal: ctx.signal });
  } catch (error) {
    progress.fail();
    if (error instanceof InterruptedError) {
      // The request may have reached the API before Ctrl-C: say how to find out.
      error.hint = `the request may already have been applied; check with: ${suggestCommand(globals, 'list', '--lb', request.LoadBalancerId)}`;
      throw error;
    }
    if (error instanceof NetworkError && error.mayHaveApplied) {
      error.hint = `the request may or may not have been applied; check with ${suggestCommand(globals, 'list', '--lb', request.LoadBalancerId)} before retrying`;
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
  const result = {
    ListenerIds,
    RequestId,
    LoadBalancerId: request.LoadBalancerId,
    Ports: request.Ports,
    Protocol: request.Protocol,
    TaskStatus: 'PENDING' as 'PENDING' | 'SUCCESS',
    Listeners: ListenerIds.map((id, i) => ({ ListenerId: id, Port: request.Ports[i], ListenerName: request.ListenerNames?.[i] ?? null })),
  };
  const table = [
    ['LISTENER ID', 'PORT', 'PROTOCOL', 'NAME'],
    ...result.Listeners.map((l) => [l.ListenerId, String(l.Port), request.Protocol, l.ListenerName ?? '']),
  ];

  if (!flags.wait) {
    progress.succeed(`Accepted: ${ListenerIds.join(', ')} (task ${RequestId} still running)`);
    progress.info(`follow it with: ${suggestCommand(globals, 'wait', RequestId)}`);
    await printResult(ctx, globals, { json: result, text: ListenerIds, table });
    return;
  }
  try {
    await followTask(session.client, RequestId, { timeoutMs: run.timeoutMs, signal: ctx.signal, progress, label, globals });
  } catch (error) {
    // The listeners exist (or may yet): the error says which, so a script or a person can find them.
    if (error instanceof CliError) error.details.ListenerIds = ListenerIds;
    throw error;
  }
  result.TaskStatus = 'SUCCESS';
  progress.succeed(`Created ${describeTarget(request)} in ${formatElapsed(ctx.now() - started)}: ${ListenerIds.join(', ')}`);
  await printResult(ctx, globals, { json: result, text: ListenerIds, table });
}
