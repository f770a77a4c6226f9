/**
 * Waiting for many tasks of the same kind (apply's creates, modifies and deletes) without
 * wasting polls or time. Tasks of one action on one account tend to take about as long as each
 * other, and that is used three ways (docs/apply.md):
 *
 * - **Bracket.** Each finished task narrows down how long the next will take: the last poll that
 *   saw it running and the first that saw it done bracket its duration. The next task is polled
 *   inside that bracket (halfway, then at its end), so after a few tasks a finished task is
 *   noticed within tens of milliseconds with one or two polls.
 * - **The oldest goes first.** While nothing is known (the first tasks), or once a task outlasts
 *   the bracket, polls are given out in turns 100 ms apart, and each turn goes to the oldest task
 *   waiting for one: it is the likeliest to have ended. The first poll comes 250 ms after the
 *   write, then one every 100 ms for the first two seconds, then the usual growing schedule.
 * - **No poll that cannot tell anything.** A task younger than one of its kind seen still
 *   running in the last 0.3 s is taken to be running too, and is not polled, for at most 1.5 s
 *   at a time. So a wave of tasks started together costs one poll per turn (the oldest's) until
 *   one ends, and then about one poll each, which keeps DescribeTaskStatus under its rate limit
 *   with many load balancers at once.
 */
import type { ClbClient } from './client.js';
import type { Clock } from '../core/clock.js';
import { nextPollDelay, pollTask, type TaskOutcome } from './waiter.js';
import { InterruptedError, TaskFailedError, WaitTimeoutError } from '../core/errors.js';

/** The first poll of a task nothing is known about yet, after its write was accepted. */
export const FIRST_POLL_MS = 250;
/** Between unplanned polls of a young task (the first SCOUT_MS of its life); then the usual schedule. */
const STEP_MS = 100;
const SCOUT_MS = 2000;
/** A bracket this narrow is polled at its end, not halfway; and a task still running at the end is polled again this much later. */
const NARROW_MS = 25;
/** A task that misses the bracket by less than this moves it; by more, it starts it over. */
const NOISE_MS = 50;
/** Unplanned polls are given out in turns this far apart, whichever task asks: at most 10 a second, half of DescribeTaskStatus's 20. */
export const TURN_MS = 100;
/** A task is not polled because an older one is still running for at most this long since its own last poll (or its write). */
export const SKIP_LIMIT_MS = 1500;
/**
 * A sighting of a running task counts for this long: enough to cover the tasks started with it
 * (a wave starts within a turn or two), never the next wave, which an outlier of this one (an
 * age overestimated on a slow answer) would otherwise hold back.
 */
const SIGHTING_TTL_MS = 300;

interface TurnWaiter {
  started: number;
  /** Unpolled for SKIP_LIMIT_MS: goes before the others. */
  overdue: boolean;
  answer: (yours: boolean) => void;
}

export class TaskTiming {
  /** The task took longer than this (ms after it was accepted)… */
  private lower = 0;
  /** …and at most this long. Infinity until a task has been seen to finish. */
  private upper = Number.POSITIVE_INFINITY;
  private waiters: (() => void)[] = [];
  /** When (clock time) the next turn for an unplanned poll is free. */
  private nextTurn = Number.NEGATIVE_INFINITY;
  /** Tasks waiting for a turn. */
  private queue: TurnWaiter[] = [];
  private pumping = false;
  /** Recent polls that saw a task running: how old it was (ms after acceptance) and when (clock time). */
  private sightings: { age: number; at: number }[] = [];

  /** What one finished task showed: last seen running at `runningMs` (0 if never), done at `doneMs`. */
  observe(runningMs: number, doneMs: number): void {
    if (runningMs >= this.upper + NOISE_MS || doneMs <= this.lower - NOISE_MS) {
      // This task does not fit the bracket: durations have moved; start again from it.
      this.lower = runningMs;
      this.upper = doneMs;
    } else if (runningMs >= this.upper) {
      // It ran a little past the bracket's end (ages are estimates): move the end.
      this.upper = Math.min(doneMs, runningMs + NARROW_MS);
    } else if (doneMs <= this.lower) {
      // It ended a little before the bracket's start: move the bracket down to it.
      this.lower = Math.max(runningMs, doneMs - NARROW_MS);
      this.upper = doneMs;
    } else {
      this.lower = Math.max(this.lower, runningMs);
      this.upper = Math.min(this.upper, doneMs);
    }
    // A task that ended by `doneMs` says nothing more about tasks seen running past it.
    this.sightings = this.sightings.filter((s) => s.age < doneMs);
    // Tasks being waited for right now may be done too: let their waits look again.
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    this.release();
  }

  /** A poll saw a task still running `age` ms after its acceptance, at clock time `at`. */
  sawRunning(age: number, at: number): void {
    this.sightings.push({ age, at });
    // Tasks waiting for a turn may be younger: let them look again.
    this.release();
  }

  /** Whether a task of this kind was seen still running lately at least `age` ms after its acceptance. */
  runningBeyond(age: number, now: number): boolean {
    this.sightings = this.sightings.filter((s) => now - s.at <= SIGHTING_TTL_MS);
    return this.sightings.some((s) => s.age >= age);
  }

  /** Resolves the next time a finished task is observed. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * The moments (ms after acceptance) at which to poll, given what is known: halfway through the
   * bracket (unless it is narrow), at its end, and a moment later (ages are estimates, and a task
   * may run a little longer than the last); none while nothing is known.
   */
  plannedPolls(): number[] {
    if (!Number.isFinite(this.upper)) return [];
    const end = [this.upper, this.upper + NARROW_MS];
    if (this.upper - this.lower <= NARROW_MS) return end;
    return [Math.round((this.lower + this.upper) / 2), ...end];
  }

  /**
   * Waits for a turn for an unplanned poll of a task accepted at `started`: turns are TURN_MS
   * apart, and each goes to the oldest task waiting (an overdue one first: it has not been polled
   * for SKIP_LIMIT_MS). Resolves true when it is this task's turn, false when something was
   * learnt meanwhile (a task seen running or done): look again.
   */
  turn(started: number, clock: Clock, options: { overdue?: boolean; signal?: AbortSignal } = {}): Promise<boolean> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new InterruptedError());
    return new Promise<boolean>((resolve, reject) => {
      const onAbort = () => {
        this.queue = this.queue.filter((w) => w !== waiter);
        reject(new InterruptedError());
      };
      const waiter: TurnWaiter = {
        started,
        overdue: options.overdue === true,
        answer: (yours) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(yours);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump(clock);
    });
  }

  /** Gives out the turns, one pump at a time. */
  private async pump(clock: Clock): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const wait = this.nextTurn - clock.now();
        if (wait > 0) {
          await clock.sleep(wait);
          continue;
        }
        const first = (a: TurnWaiter, b: TurnWaiter) => (a.overdue !== b.overdue ? a.overdue : a.started <= b.started);
        const oldest = this.queue.reduce((a, b) => (first(a, b) ? a : b));
        this.queue = this.queue.filter((w) => w !== oldest);
        this.nextTurn = clock.now() + TURN_MS;
        oldest.answer(true);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Everyone waiting for a turn looks again. */
  private release(): void {
    const queue = this.queue;
    this.queue = [];
    for (const waiter of queue) waiter.answer(false);
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

/** The pause between unplanned polls of a task `age` ms old, after one of `previous`. */
function nextStep(previous: number, age: number): number {
  return age < SCOUT_MS ? STEP_MS : nextPollDelay(previous, age);
}

/** Polls DescribeTaskStatus until the task ends, learning how long tasks take as it goes. */
export async function waitForTaskLearning(client: ClbClient, requestId: string, options: LearningWaitOptions): Promise<TaskOutcome> {
  const clock = options.clock ?? client.clock;
  const now = () => clock.now();
  const { timing } = options;
  const started = options.acceptedAt ?? now();
  const deadline = started + options.timeoutMs;
  /** The age (ms after acceptance) at which a poll last saw it running; -1: never. */
  let lastRunning = -1;
  /** Up to what age it is taken to be running: seen so, or inferred from an older task seen running. */
  let assumed = -1;
  /** When it was last polled (or accepted): how long it has gone unpolled. */
  let lastPolled = started;
  let step = STEP_MS;
  for (let polls = 1; ; polls++) {
    for (;;) {
      // The next moment worth polling: the first planned one past what is known; past the plan,
      // the unplanned schedule.
      const planned = timing.plannedPolls().find((at) => at > assumed);
      const target = started + (planned ?? (assumed < 0 ? FIRST_POLL_MS : assumed + step));
      const wait = target - now();
      if (wait > 0) {
        const remaining = deadline - now();
        if (remaining <= 0) throw new WaitTimeoutError(requestId, now() - started);
        try {
          await pause(clock, Math.min(wait, remaining), timing, options.signal);
        } catch {
          throw new InterruptedError(requestId);
        }
        continue;
      }
      const age = now() - started;
      // An older task of its kind was just seen running: so is this one, most likely.
      const overdue = now() - lastPolled >= SKIP_LIMIT_MS;
      if (!overdue && timing.runningBeyond(age, now())) {
        assumed = age;
        if (planned === undefined) step = nextStep(step, age);
        continue;
      }
      if (planned !== undefined) break;
      let yours: boolean;
      try {
        yours = await timing.turn(started, clock, { overdue, ...(options.signal && { signal: options.signal }) });
      } catch {
        throw new InterruptedError(requestId);
      }
      if (yours) break;
    }
    if (options.signal?.aborted) throw new InterruptedError(requestId);
    if (now() >= deadline) throw new WaitTimeoutError(requestId, now() - started);
    const sent = now();
    const result = await pollTask(client, requestId, { clock, started, deadline, signal: options.signal });
    lastPolled = now();
    // The API looked at the task about halfway through the round trip.
    const seenAt = (sent + now()) / 2 - started;
    if (result.Status === 2) {
      if (timing.plannedPolls().every((at) => at <= seenAt)) step = nextStep(step, seenAt);
      lastRunning = seenAt;
      assumed = Math.max(assumed, seenAt);
      timing.sawRunning(seenAt, now());
      continue;
    }
    timing.observe(Math.max(0, lastRunning), seenAt);
    if (result.Status === 1) throw new TaskFailedError(requestId, result.Message ?? '');
    return { requestId, status: 0, polls, elapsedMs: now() - started, loadBalancerIds: result.LoadBalancerIds ?? [] };
  }
}
