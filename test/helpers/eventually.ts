/**
 * A bounded wait for something outside the test's control (a real process, a terminal, a request
 * in flight) to reach a state: checks often, fails with `what` after a generous limit. It never
 * asserts how long anything took; a loaded machine only makes it check more times.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** The least a real-time limit may be: a loaded machine must never outrun it. */
export const GENEROUS_MS = 10_000;

/** Throws when a real-time limit is one a loaded machine could outrun. */
export function assertGenerous(ms: number, what: string): void {
  if (!(ms >= GENEROUS_MS)) {
    throw new Error(
      `${what}: a limit of ${ms} ms can be outrun by a loaded machine; give at least ${GENEROUS_MS} ms, or use the test clock`,
    );
  }
}

export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  { timeoutMs = 30_000, everyMs = 10 } = {},
): Promise<T> {
  assertGenerous(timeoutMs, `eventually(${what})`);
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
