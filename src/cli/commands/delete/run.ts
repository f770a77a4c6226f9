/** The body of `delete`, loaded only when it runs. */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { printableLine } from '../../../core/printable.js';
import { deleteLoadBalancerListeners } from '../../../api/clb.js';
import { checkListenerIds } from '../../../model/ids.js';
import { openSession } from '../../session.js';
import { checkQueryOn, printResult } from '../../../ui/output.js';
import { AcceptedError } from '../../../core/errors.js';
import { createProgress, formatElapsed } from '../../../ui/progress.js';
import { addHint } from '../../api-hints.js';
import { followTask, waitTimeoutMs } from '../../follow-task.js';
import { listFilter } from '../list/run.js';
import { suggestCommand } from '../../command-line.js';
import { message, say } from '../../../core/i18n.js';
import { COMMAND_TEXTS } from '../command-texts.messages.js';
import { HEADERS } from '../../../ui/table.messages.js';
import { DELETE } from './delete.messages.js';
import { ERRORS } from '../../../core/errors.messages.js';

export interface DeleteFlags {
  lb: string;
  /** The flags the values were given as, for messages in the user's words. */
  lbFlag?: string;
  listenerId: string[];
  listenerIdFlag?: string;
  wait: boolean;
  waitTimeout?: string;
  dryRun?: boolean;
}

export async function runDelete(ctx: CliContext, globals: GlobalOptions, flags: DeleteFlags): Promise<void> {
  const warn = (warning: string): void => {
    if (!globals.quiet) ctx.stderr.write(`${say(ctx.language ?? 'en', ERRORS.warningLine, { message: printableLine(warning) })}\n`);
  };
  const { LoadBalancerId } = listFilter({ lb: flags.lb, ...(flags.lbFlag && { lbFlag: flags.lbFlag }) }, warn);
  // Never empty: the API reads a missing list as "every listener". At most 20 per call.
  const checked = checkListenerIds(flags.listenerId, flags.listenerIdFlag ?? '--listener-id', 20);
  for (const warning of checked.warnings) warn(warning);
  const ids = checked.ids;
  const timeoutMs = waitTimeoutMs(flags.waitTimeout, ctx.language ?? 'en');
  if (flags.dryRun) {
    const { printDryRun } = await import('../../dry-run.js');
    await printDryRun(ctx, globals, 'DeleteLoadBalancerListeners', { LoadBalancerId, ListenerIds: ids });
    return;
  }
  const sample = { LoadBalancerId, ListenerIds: ids, RequestId: '', TaskStatus: flags.wait ? 'SUCCESS' : 'PENDING' };
  await checkQueryOn(globals, sample);
  const progress = await createProgress(ctx, globals);
  const session = await openSession(globals, ctx);
  const language = ctx.language ?? 'en';
  const label = say(language, DELETE.deleting, { count: ids.length, lb: LoadBalancerId });
  const started = ctx.now();
  progress.start(label);
  try {
    const { RequestId } = await deleteLoadBalancerListeners(session.client, LoadBalancerId, ids, { signal: ctx.signal }).catch(
      async (error: unknown) => {
        progress.fail();
        throw await addHint(error, { globals, loadBalancerId: LoadBalancerId });
      },
    );
    const json = { LoadBalancerId, ListenerIds: ids, RequestId, TaskStatus: flags.wait ? 'SUCCESS' : 'PENDING' };
    if (flags.wait) {
      await followTask(session.client, RequestId, {
        timeoutMs,
        signal: ctx.signal,
        progress,
        label,
        globals,
        accepted: { action: 'DeleteLoadBalancerListeners' },
      });
      progress.succeed(say(language, DELETE.deleted, { ids: ids.join(', '), elapsed: formatElapsed(ctx.now() - started) }));
    } else {
      const command = suggestCommand(globals, 'wait', RequestId);
      progress.succeed(say(language, DELETE.acceptedDeleting, { ids: ids.join(', '), lb: LoadBalancerId, task: RequestId, command }));
    }
    await printResult(ctx, globals, {
      json,
      text: ids,
      table: [[say(language, HEADERS.listenerId), say(language, DELETE.headerStatus)], ...ids.map((id) => [id, json.TaskStatus])],
    }).catch((error: unknown) => {
      throw new AcceptedError(RequestId, `DeleteLoadBalancerListeners was accepted (task ${RequestId}), but ${(error as Error).message}`, {
        hint: message(COMMAND_TEXTS.checkTask, { command: suggestCommand(globals, 'wait', RequestId) }),
        cause: error,
      });
    });
  } finally {
    await session.client.close();
  }
}
