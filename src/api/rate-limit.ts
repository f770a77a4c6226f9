/**
 * Keeps this process under the API's per-action request rate (20 requests a second for every
 * CLB action this tool calls, docs/api/tasks-and-limits.md). One limiter per action, shared by
 * every client in the process (per clock: tests that drive their own clock get their own), so
 * parallel work (many load balancers, many task polls) queues here instead of being refused with
 * RequestLimitExceeded. Callers are served in the order they asked. RequestLimitExceeded is still
 * retried by the client: another process may share the quota.
 */
import { systemClock, type Clock } from '../core/clock.js';
import { InterruptedError } from '../core/errors.js';

export interface RateLimit {
  /** Requests allowed per window, per action. */
  requests: number;
  /** The window, in ms. A little over a second leaves room for requests arriving closer together than they left. */
  windowMs: number;
}

/** The documented 20 requests per second, with 10% of room for requests that arrive bunched up. */
export const API_RATE_LIMIT: RateLimit = { requests: 20, windowMs: 1100 };

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

class ActionQueue {
  /** When the last `requests` grants were made (oldest first). */
  private readonly granted: number[] = [];
  private readonly waiting: Waiter[] = [];
  /** Set while the queue sleeps until the oldest grant leaves the window; aborting it wakes the queue. */
  private pause: AbortController | undefined;

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new InterruptedError());
    if (this.waiting.length === 0 && this.tryGrant()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(new InterruptedError());
          // Nobody left to wait for: no pause may keep the process alive.
          if (this.waiting.length === 0) this.pause?.abort();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiting.push(waiter);
      void this.pump();
    });
  }

  private tryGrant(): boolean {
    const now = this.clock.now();
    while (this.granted.length > 0 && this.granted[0]! <= now - this.limit.windowMs) this.granted.shift();
    if (this.granted.length >= this.limit.requests) return false;
    this.granted.push(now);
    return true;
  }

  /** Serves waiters in order, pausing (on the clock) while the window is full. One pump at a time. */
  private async pump(): Promise<void> {
    if (this.pause) return;
    while (this.waiting.length > 0) {
      while (this.waiting.length > 0 && this.tryGrant()) {
        const waiter = this.waiting.shift()!;
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.resolve();
      }
      if (this.waiting.length === 0) break;
      const wait = Math.max(1, this.granted[0]! + this.limit.windowMs - this.clock.now() + 1);
      const pause = new AbortController();
      this.pause = pause;
      try {
        await this.clock.sleep(wait, pause.signal);
      } catch {
        // Woken early: every waiter left.
      } finally {
        this.pause = undefined;
      }
    }
  }
}

export class ActionRateLimiter {
  private readonly queues = new Map<string, ActionQueue>();

  constructor(
    readonly limit: RateLimit = API_RATE_LIMIT,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Resolves when a request for `action` may be sent; rejects with InterruptedError if `signal` aborts first. */
  acquire(action: string, signal?: AbortSignal): Promise<void> {
    let queue = this.queues.get(action);
    if (!queue) {
      queue = new ActionQueue(this.limit, this.clock);
      this.queues.set(action, queue);
    }
    return queue.acquire(signal);
  }
}

const limiters = new WeakMap<Clock, ActionRateLimiter>();

/** The limiter everything on this clock shares: on the system clock, the one of the whole process. */
export function rateLimiterFor(clock: Clock): ActionRateLimiter {
  let limiter = limiters.get(clock);
  if (!limiter) {
    limiter = new ActionRateLimiter(API_RATE_LIMIT, clock);
    limiters.set(clock, limiter);
  }
  return limiter;
}
