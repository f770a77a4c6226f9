/**
 * Waiting for many tasks of the same kind (apply's creates, modifies and deletes) without
 * wasting polls or time. Tasks of one action on one account tend to take about as long as each
 * other, so each finished task narrows down how long the next will take: the last poll that saw
 * it running and the first that saw it done bracket its duration. The next task is polled
 * inside that bracket (halfway, then at its end), so after a few tasks a finished task is noticed
 * within tens of milliseconds with one or two polls, and DescribeTaskStatus stays far below its
 * rate limit even with many load balancers at once. A task that outlasts the bracket, or one of
 * the first, nothing being known yet, is polled by the usual schedule in turns shared by all tasks
 * (docs/apply.md).
 */
import type { ClbClient } from './client.js';
import type { Clock } from '../core/clock.js';
import { describeTaskStatus, type TaskStatusResult } from './clb.js';
import { nextPollDelay, type TaskOutcome } from './waiter.js';
import { InterruptedError, TaskFailedError, WaitTimeoutError } from '../core/errors.js';

/** The first poll of a task nothing is known about yet. */
const FIRST_POLL_MS = 250;
/** Polls after the bracket start here and grow by the usual schedule. */
const AFTER_BRACKET_MS = 100;
/** A bracket this narrow is polled once, at its end. */
const NARROW_MS = 25;
/**
 * Unplanned polls (a task nothing is known about, or one past its bracket) are given out in turns
 * this far apart, whichever task asks: at most 10 a second together, half of
 * DescribeTaskStatus's 20, and spread in time, so that tasks started together are not all polled
 * at the same moments (one of them notices the end early, and its news wakes the others).
 */
const TURN_MS = 100;

export class TaskTiming {
  /** The task took longer than this (ms after it was accepted)… */
  private lower = 0;
  /** …and at most this long. Infinity until a task has been seen to finish. */
  private upper = Number.POSITIVE_INFINITY;
  private waiters: (() => void)[] = [];
  /** When (clock time) the next turn for an unplanned poll is free. */
  private nextTurn = Number.NEGATIVE_INFINITY;

  /** The first free turn for an unplanned poll from `now` (clock time), taken. Asked only when a poll is due. */
  takeTurn(now: number): number {
    const turn = Math.max(now, this.nextTurn);
    this.nextTurn = turn + TURN_MS;
    return turn;
  }

  /** What one finished task showed: last seen running at `runningMs` (0 if never), done at `doneMs`. */
  observe(runningMs: number, doneMs: number): void {
    if (runningMs >= this.upper || doneMs <= this.lower) {
      // This task does not fit the bracket: durations have moved; start again from it.
      this.lower = runningMs;
      this.upper = doneMs;
    } else {
      this.lower = Math.max(this.lower, runningMs);
      this.upper = Math.min(this.upper, doneMs);
    }
    // Tasks being waited for right now may be done too: let their waits look again.
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves the next time a finished task is observed. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The moments (ms after acceptance) at which to poll first, given what is known. */
  plannedPolls(): number[] {
    if (!Number.isFinite(this.upper)) return [FIRST_POLL_MS];
    if (this.upper - this.lower <= NARROW_MS) return [this.upper];
    return [Math.round((this.lower + this.upper) / 2), this.upper];
  }
}

export interface LearningWaitOptions {
  timing: TaskTiming;
  timeoutMs: number;
  signal?: AbortSignal;
  /** The clock the wait runs on; default the client's. */
  clock?: Clock;
  /** When the write was accepted (same clock); default: now. */
  acceptedAt?: number;
}

/** Sleeps `ms`, or less if another task finishes meanwhile; rejects on abort. */
async function pause(clock: Clock, ms: number, timing: TaskTiming, signal?: AbortSignal): Promise<void> {
  const controller = new AbortController();
  const stop = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
  try {
    await Promise.race([clock.sleep(ms, stop), timing.changed()]);
  } catch (error) {
    if (signal?.aborted) throw error;
  } finally {
    controller.abort();
  }
}

/** Polls DescribeTaskStatus until the task ends, learning how long tasks take as it goes. */
export async function waitForTaskLearning(client: ClbClient, requestId: string, options: LearningWaitOptions): Promise<TaskOutcome> {
  const clock = options.clock ?? client.clock;
  const now = () => clock.now();
  const { timing } = options;
  const started = options.acceptedAt ?? now();
  const deadline = started + options.timeoutMs;
  let lastRunning = -1;
  let fallback = AFTER_BRACKET_MS;
  for (let polls = 1; ; polls++) {
    // The next moment worth polling: the first planned one after the last poll that saw it
    // running; past the plan, the usual growing schedule, in turns shared by every task.
    let turn: number | undefined;
    for (;;) {
      const planned = timing.plannedPolls().find((at) => at > lastRunning);
      let target: number;
      if (planned !== undefined) target = started + planned;
      else {
        target = started + lastRunning + fallback;
        // Due: take the next free turn (at once, or a moment later when others just polled).
        if (target <= now()) target = turn ??= timing.takeTurn(now());
      }
      const wait = target - now();
      if (wait <= 0) break;
      const remaining = deadline - now();
      if (remaining <= 0) throw new WaitTimeoutError(requestId, now() - started);
      try {
        await pause(clock, Math.min(wait, remaining), timing, options.signal);
      } catch {
        throw new InterruptedError(requestId);
      }
    }
    if (options.signal?.aborted) throw new InterruptedError(requestId);
    const pollDeadline = clock.timeoutSignal(Math.max(1, Math.round(deadline - now())));
    const sent = now();
    let result: TaskStatusResult;
    try {
      result = await describeTaskStatus(client, requestId, {
        signal: options.signal ? AbortSignal.any([options.signal, pollDeadline]) : pollDeadline,
      });
    } catch (error) {
      if (options.signal?.aborted) throw new InterruptedError(requestId);
      if (pollDeadline.aborted) throw new WaitTimeoutError(requestId, now() - started);
      throw error;
    }
    // The API looked at the task about halfway through the round trip.
    const seenAt = (sent + now()) / 2 - started;
    if (result.Status === 2) {
      if (timing.plannedPolls().every((at) => at <= seenAt)) fallback = nextPollDelay(fallback, seenAt);
      lastRunning = seenAt;
      continue;
    }
    timing.observe(Math.max(0, lastRunning), seenAt);
    if (result.Status === 1) throw new TaskFailedError(requestId, result.Message ?? '');
    return { requestId, status: 0, polls, elapsedMs: now() - started, loadBalancerIds: result.LoadBalancerIds ?? [] };
  }
}
