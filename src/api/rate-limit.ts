/**
 * Keeps this process under the API's per-action request rate (20 requests a second for every
 * CLB action this tool calls, docs/api/tasks-and-limits.md). One limiter per action, shared by every
 * client in the process, so parallel work (many load balancers, many task polls) queues here
 * instead of being refused with RequestLimitExceeded. Callers are served in the order they
 * asked. RequestLimitExceeded is still retried by the client: another process may share the quota.
 */
import { InterruptedError } from '../core/errors.js';

export interface RateLimit {
  /** Requests allowed per window, per action. */
  requests: number;
  /** The window, in ms. A little over a second leaves room for requests arriving closer together than they left. */
  windowMs: number;
}

/** The documented 20 requests per second, with 5% of room for network jitter. */
export const API_RATE_LIMIT: RateLimit = { requests: 20, windowMs: 1050 };

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
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
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
          if (this.waiting.length === 0 && this.timer) {
            clearTimeout(this.timer);
            this.timer = undefined;
          }
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiting.push(waiter);
      this.schedule();
    });
  }

  private tryGrant(): boolean {
    const now = this.now();
    while (this.granted.length > 0 && this.granted[0]! <= now - this.limit.windowMs) this.granted.shift();
    if (this.granted.length >= this.limit.requests) return false;
    this.granted.push(now);
    return true;
  }

  private schedule(): void {
    if (this.timer) return;
    while (this.waiting.length > 0 && this.tryGrant()) {
      const waiter = this.waiting.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    if (this.waiting.length === 0) return;
    const wait = Math.max(1, this.granted[0]! + this.limit.windowMs - this.now() + 1);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.schedule();
    }, wait);
  }
}

export class ActionRateLimiter {
  private readonly queues = new Map<string, ActionQueue>();

  constructor(
    readonly limit: RateLimit = API_RATE_LIMIT,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves when a request for `action` may be sent; rejects with InterruptedError if `signal` aborts first. */
  acquire(action: string, signal?: AbortSignal): Promise<void> {
    let queue = this.queues.get(action);
    if (!queue) {
      queue = new ActionQueue(this.limit, this.now);
      this.queues.set(action, queue);
    }
    return queue.acquire(signal);
  }
}

/** The one limiter of this process: every client uses it unless told otherwise. */
export const sharedRateLimiter = new ActionRateLimiter();
