/**
 * Waits for an asynchronous task with progress on stderr; shared by `create` and `wait` so both
 * have the same spinner, timeout and exit codes.
 */
import type { ClbClient } from '../api/client.js';
import { waitForTask, type TaskOutcome } from '../api/waiter.js';
import { formatElapsed, type Progress } from '../ui/progress.js';
import {
  AcceptedError,
  ApiError,
  CliError,
  InterruptedError,
  saidIn,
  TaskFailedError,
  UsageError,
  WaitTimeoutError,
} from '../core/errors.js';
import { ERRORS } from '../core/errors.messages.js';
import type { GlobalOptions } from '../core/context.js';
import { suggestCommand } from './command-line.js';
import { type Message, message, render, say } from '../core/i18n.js';
import { FOLLOW } from './follow-task.messages.js';
import { COMMAND_TEXTS } from './commands/command-texts.messages.js';

export { DEFAULT_WAIT_TIMEOUT_SECONDS, waitTimeoutMs } from './seconds.js';

export function checkRequestId(raw: string): string {
  const id = raw.trim();
  if (!/^[0-9a-fA-F-]{8,64}$/.test(id)) {
    throw new UsageError(message(COMMAND_TEXTS.notRequestId, { raw }), '<request-id>');
  }
  return id;
}

export interface FollowOptions {
  timeoutMs: number;
  signal: AbortSignal;
  progress: Progress;
  label: string;
  globals: Partial<GlobalOptions>;
  /**
   * Set when this run's own write created the task: the write was accepted, so a poll that cannot
   * go on (credentials refused, an endpoint that stops answering) ends in AcceptedError (exit 7)
   * with these ids, never in an exit code that could be read as "nothing happened".
   */
  accepted?: { action: string; listenerIds?: string[] };
}

export async function followTask(client: ClbClient, requestId: string, options: FollowOptions): Promise<TaskOutcome> {
  const { progress } = options;
  // Short enough for one terminal line: the full id is printed wherever it is needed.
  const task = requestId.slice(0, 8);
  const language = progress.language ?? 'en';
  progress.update(say(language, FOLLOW.waiting, { label: options.label, task }));
  try {
    return await waitForTask(client, requestId, {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      onPoll: ({ elapsedMs }) =>
        progress.update(say(language, FOLLOW.waitingFor, { label: options.label, task, elapsed: formatElapsed(elapsedMs) })),
    });
  } catch (error) {
    progress.fail();
    const resume = suggestCommand(options.globals, 'wait', requestId);
    if (options.accepted && !(error instanceof TaskFailedError || error instanceof WaitTimeoutError || error instanceof InterruptedError))
      throw pollFailedAfterAcceptance(error, requestId, resume, options.accepted);
    if (!(error instanceof CliError)) throw error;
    const details = { TaskId: requestId };
    if (error instanceof WaitTimeoutError) throw error.with({ hint: message(ERRORS.resumeWith, { command: resume }), details });
    if (error instanceof InterruptedError) throw error.with({ hint: message(ERRORS.taskKeepsRunning, { command: resume }), details });
    // A task the API does not know is not one that was accepted: say so, not "follow it".
    if (isUnknownTask(error)) throw error.with({ hint: unknownTaskHint(requestId, client.region), details });
    if (error instanceof TaskFailedError) throw error.with({ details });
    // Following failed, not the task (the API could not be asked): it may still be running.
    const before = error.hintText ?? error.hint;
    throw error.with({
      hint:
        before === undefined
          ? message(FOLLOW.outcomeUnknown, { command: resume })
          : message(FOLLOW.outcomeUnknownAfter, {
              hint: typeof before === 'string' ? before : { en: render('en', before), zh: render('zh', before) },
              command: resume,
            }),
      details,
    });
  }
}

/**
 * DescribeTaskStatus refused the TaskId itself (InvalidParameter, other than an unknown region):
 * no task of that id is known where it was asked. The API documents no other InvalidParameter for
 * this action, and no time after which a finished task is forgotten.
 */
function isUnknownTask(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.action === 'DescribeTaskStatus' &&
    (error.code === 'InvalidParameter' || (error.code.startsWith('InvalidParameter.') && error.code !== 'InvalidParameter.RegionNotFound'))
  );
}

function unknownTaskHint(requestId: string, region: string): Message {
  return message(FOLLOW.unknownTask, { id: requestId, region: region || FOLLOW.thisRegion });
}

/** The wait cannot go on after an accepted write: say what failed, what may exist, and how to resume. */
function pollFailedAfterAcceptance(
  error: unknown,
  requestId: string,
  resume: string,
  accepted: NonNullable<FollowOptions['accepted']>,
): AcceptedError {
  const reason =
    error instanceof CliError
      ? { en: saidIn('en', error).message, zh: saidIn('zh', error).message }
      : error instanceof Error
        ? error.message
        : String(error);
  const refused = error instanceof ApiError && error.isAuthFailure;
  return new AcceptedError(requestId, message(FOLLOW.waitFailed, { action: accepted.action, id: requestId, reason }), {
    hint: message(refused ? FOLLOW.findOutRefused : FOLLOW.findOut, { command: resume }),
    cause: error,
    ...(accepted.listenerIds ? { listenerIds: accepted.listenerIds } : {}),
  });
}
