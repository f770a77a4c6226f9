/**
 * Follows an asynchronous task through DescribeTaskStatus until it ends. Polls at once, then at
 * most every half second for the first five seconds (most tasks finish in a second or two, and
 * a finished task should be noticed within half a second), then backs off to a cap of a few
 * seconds, which keeps one waiter far below the API's 20 requests/second.
 */
import type { ClbClient } from './client.js';
import type { Clock } from '../core/clock.js';
import { describeTaskStatus, type TaskStatusResult } from './clb.js';
import { InterruptedError, TaskFailedError, WaitTimeoutError } from '../core/errors.js';

export interface TaskProgress {
  requestId: string;
  status: 0 | 1 | 2;
  polls: number;
  elapsedMs: number;
}

export interface WaitOptions {
  /** Give up (WaitTimeoutError) after this long; the task may still finish. */
  timeoutMs: number;
  signal?: AbortSignal;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Called after every poll, for a spinner or a progress line. */
  onPoll?: (progress: TaskProgress) => void;
  /** Where the wait's time comes from; by default the client's (the system clock unless a test drives it). */
  clock?: Clock;
}

export interface TaskOutcome extends TaskProgress {
  status: 0;
  loadBalancerIds: string[];
}

/** While the task is young, the gap between two polls stays at or under this. */
export const QUICK_PHASE = { durationMs: 5000, maxDelayMs: 500 };

/** The pause after a poll that took the task to `elapsedMs`, given the previous pause. */
export function nextPollDelay(previousMs: number, elapsedMs: number, maxDelayMs = 3000): number {
  const grown = Math.round(previousMs * 1.6);
  if (elapsedMs < QUICK_PHASE.durationMs) return Math.min(grown, QUICK_PHASE.maxDelayMs, maxDelayMs);
  return Math.min(grown, maxDelayMs);
}

/**
 * One DescribeTaskStatus of a wait that started at `started`. The poll (with its own retries) may
 * not outlive the wait: the deadline is the deadline (WaitTimeoutError); an abort of `signal` is
 * InterruptedError.
 */
export async function pollTask(
  client: ClbClient,
  requestId: string,
  wait: { clock: Clock; started: number; deadline: number; signal?: AbortSignal | undefined },
): Promise<TaskStatusResult> {
  const { clock, signal } = wait;
  const pollDeadline = clock.timeoutSignal(Math.max(1, Math.round(wait.deadline - clock.now())));
  try {
    return await describeTaskStatus(client, requestId, { signal: signal ? AbortSignal.any([signal, pollDeadline]) : pollDeadline });
  } catch (error) {
    if (signal?.aborted) throw new InterruptedError(requestId);
    if (pollDeadline.aborted) throw new WaitTimeoutError(requestId, clock.now() - wait.started);
    throw error;
  }
}

export async function waitForTask(client: ClbClient, requestId: string, options: WaitOptions): Promise<TaskOutcome> {
  const clock = options.clock ?? client.clock;
  const now = () => clock.now();
  const started = now();
  const deadline = started + options.timeoutMs;
  const maxDelay = options.maxDelayMs ?? 3000;
  let delay = Math.min(options.firstDelayMs ?? 250, maxDelay);
  for (let polls = 1; ; polls++) {
    if (options.signal?.aborted) throw new InterruptedError(requestId);
    const result = await pollTask(client, requestId, { clock, started, deadline, signal: options.signal });
    const elapsedMs = now() - started;
    options.onPoll?.({ requestId, status: result.Status, polls, elapsedMs });
    if (result.Status === 0) return { requestId, status: 0, polls, elapsedMs, loadBalancerIds: result.LoadBalancerIds ?? [] };
    if (result.Status === 1) throw new TaskFailedError(requestId, result.Message ?? '');
    const remaining = deadline - now();
    if (remaining <= 0) throw new WaitTimeoutError(requestId, elapsedMs);
    try {
      await clock.sleep(Math.min(delay, remaining), options.signal);
    } catch {
      throw new InterruptedError(requestId);
    }
    delay = nextPollDelay(delay, now() - started, maxDelay);
  }
}
