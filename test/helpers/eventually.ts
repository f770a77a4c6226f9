/**
 * A bounded wait for something outside the test's control (a real process, a terminal, a request
 * in flight) to reach a state: checks often, fails with `what` after a generous limit. It never
 * asserts how long anything took; a loaded machine only makes it check more times.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  { timeoutMs = 30_000, everyMs = 10 } = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
