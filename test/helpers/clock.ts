/**
 * A clock the test moves. Shared by an in-process emulator and the commands run against it, it is
 * the one time both sides see: a task due in 1 s ends when the waiter's sleeps have added up to
 * 1 s, whatever the machine's load.
 *
 * - `auto` (the default): a `sleep(ms)` moves the clock forward by `ms` at once, firing every timer
 *   due on the way, then resolves on the next turn of the event loop. A command that waits through
 *   the clock runs at full speed and sees exactly the time it asked for.
 * - `auto: false`: sleeps stay pending until the test calls `advance()`, so a test can stop a
 *   command mid-wait (`await clock.sleeping(pending)`), look, interrupt it, or let time pass.
 *
 * `timeoutSignal(ms)` never moves the clock by itself: it aborts only when the clock passes it.
 */
import type { Clock } from '../../src/core/clock.js';

interface Timer {
  at: number;
  seq: number;
  kind: 'sleep' | 'timeout';
  fire(): void;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

export class FakeClock implements Clock {
  private current: number;
  /** Whether sleeps move the clock by themselves (see above); a test may switch it off for a while. */
  auto: boolean;
  private timers: Timer[] = [];
  private seq = 0;
  private sleepWaiters: (() => void)[] = [];
  private readonly listeners: ((now: number) => void)[] = [];
  /** Every sleep asked for, in ms, in order (what a waiter's back-off looked like). */
  readonly sleeps: number[] = [];

  constructor(options: { start?: number; auto?: boolean } = {}) {
    this.current = options.start ?? Date.now();
    this.auto = options.auto ?? true;
  }

  readonly now = (): number => this.current;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = (): void => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(abortReason(signal!));
      };
      const timer = this.add(ms, 'sleep', () => {
        signal?.removeEventListener('abort', onAbort);
        // The next turn of the event loop, as a real timer would: I/O in flight gets its turn.
        setImmediate(resolve);
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      if (this.auto) this.advance(Math.max(0, timer.at - this.current));
      else for (const wake of this.sleepWaiters.splice(0)) wake();
    });
  };

  readonly timeoutSignal = (ms: number): AbortSignal => {
    const controller = new AbortController();
    this.add(ms, 'timeout', () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')));
    return controller.signal;
  };

  /** Moves time forward by `ms`, firing every timer due on the way, in order. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`the clock only moves forward (advance(${ms}))`);
    const target = this.current + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.at);
      next.fire();
    }
    this.current = target;
    for (const listener of this.listeners) listener(this.current);
  }

  /** Called after every advance (the in-process emulator settles its tasks there). */
  onAdvance(listener: (now: number) => void): void {
    this.listeners.push(listener);
  }

  /** Sleeps not yet over (with `auto: false`). */
  get pendingSleeps(): number {
    return this.timers.filter((t) => t.kind === 'sleep').length;
  }

  /**
   * Resolves once something sleeps on this clock (with `auto: false`): the command is waiting.
   * `until` is the command (or call) expected to wait: should it end without ever sleeping (a
   * waiter that stops at the first answer, say), this rejects at once, saying how it ended,
   * instead of waiting forever.
   */
  sleeping(until: PromiseLike<unknown>): Promise<void> {
    if (this.pendingSleeps > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.sleepWaiters.push(resolve);
      until.then(
        (value) => reject(new Error(`it ended without waiting on the clock: ${endedWith(value)}`)),
        (error: unknown) => reject(new Error(`it failed without waiting on the clock: ${String(error)}`, { cause: error })),
      );
    });
  }

  private add(ms: number, kind: Timer['kind'], fire: () => void): Timer {
    const timer: Timer = { at: this.current + Math.max(0, ms), seq: this.seq++, kind, fire };
    this.timers.push(timer);
    return timer;
  }
}

/** How a run or a call ended, for the message above: a run's exit code and stderr, else the value. */
function endedWith(value: unknown): string {
  const run = value as { code?: unknown; stderr?: unknown } | undefined;
  if (run && typeof run.code === 'number' && typeof run.stderr === 'string') return `exit ${run.code}\n${run.stderr}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const live = new Set<FakeClock>();

/**
 * The clock of the in-process emulator this test file started, if exactly one is running: a
 * command run in-process without a clock of its own shares it, so its waits move the emulator's
 * time (a CLI and an emulator in one process live in one time).
 */
export function sharedClock(): FakeClock | undefined {
  return live.size === 1 ? [...live][0] : undefined;
}

export function registerShared(clock: FakeClock): () => void {
  live.add(clock);
  return () => void live.delete(clock);
}
