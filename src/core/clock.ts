/**
 * Time as a command sees it: now, a sleep that an interrupt cuts short, and a deadline signal.
 * The real clock is the system's; tests hand a command a clock they move themselves, so a wait
 * of minutes takes no time and ends at exactly the same step on a loaded machine as on an idle one.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects (AbortError) as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A signal that aborts (TimeoutError) once `ms` have passed on this clock. */
  timeoutSignal(ms: number): AbortSignal;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleepFor(ms, undefined, signal ? { signal } : {}),
  timeoutSignal: (ms) => AbortSignal.timeout(ms),
};
