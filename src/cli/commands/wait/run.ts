/** The body of `wait`, loaded only when it runs. */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { openSession } from '../../session.js';
import { checkRequestId, followTask, waitTimeoutMs } from '../../follow-task.js';
import { createProgress, formatElapsed } from '../../../ui/progress.js';
import { printResult } from '../../../ui/output.js';
import { addHint } from '../../api-hints.js';
import { say } from '../../../core/i18n.js';
import { DELETE } from '../delete/delete.messages.js';

export interface WaitFlags {
  requestId: string;
  waitTimeout?: string;
}

export async function runWait(ctx: CliContext, globals: GlobalOptions, flags: WaitFlags): Promise<void> {
  const requestId = checkRequestId(flags.requestId);
  const timeoutMs = waitTimeoutMs(flags.waitTimeout, ctx.language ?? 'en');
  const progress = await createProgress(ctx, globals);
  const session = await openSession(globals, ctx);
  const language = ctx.language ?? 'en';
  const label = say(language, DELETE.waiting);
  progress.start(say(language, DELETE.waitingTask, { id: requestId }));
  try {
    const outcome = await followTask(session.client, requestId, { timeoutMs, signal: ctx.signal, progress, label, globals }).catch(
      async (error: unknown) => {
        throw await addHint(error, { globals });
      },
    );
    progress.succeed(say(language, DELETE.succeeded, { id: requestId, elapsed: formatElapsed(outcome.elapsedMs) }));
    const json = { RequestId: requestId, Status: 0, TaskStatus: 'SUCCESS', LoadBalancerIds: outcome.loadBalancerIds };
    // Text output stays empty: for a script the exit code is the answer.
    await printResult(ctx, globals, {
      json,
      text: [],
      table: [
        [say(language, DELETE.headerRequestId), say(language, DELETE.headerStatus), say(language, DELETE.headerLoadBalancers)],
        [requestId, 'SUCCESS', outcome.loadBalancerIds.join(', ')],
      ],
    });
  } finally {
    await session.client.close();
  }
}
