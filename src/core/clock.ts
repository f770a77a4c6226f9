/**
 * Time as a command sees it: now, a sleep that an interrupt cuts short, and a deadline signal.
 * The real clock is the system's; tests hand a command a clock they move themselves, so a wait
 * of minutes takes no time and ends at exactly the same step on a loaded machine as on an idle one.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects (AbortError) as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A signal that aborts (TimeoutError) once `ms` have passed on this clock. */
  timeoutSignal(ms: number): AbortSignal;
}

/** The system's clock; node:timers/promises is loaded by the first sleep, not by every command. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => process.getBuiltinModule('node:timers/promises').setTimeout(ms, undefined, signal ? { signal } : {}),
  timeoutSignal: (ms) => AbortSignal.timeout(ms),
};
