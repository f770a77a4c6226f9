/**
 * "At most N requests per second for this API": a sliding one-second window per action. Only
 * admitted requests occupy the window, so a client that backs off gets through again promptly.
 */
const WINDOW_MS = 1000;

export class RateLimiter {
  private readonly admitted = new Map<string, number[]>();

  constructor(
    private readonly limit: () => number,
    private readonly clock: () => number,
  ) {}

  admit(action: string): boolean {
    const now = this.clock();
    const recent = (this.admitted.get(action) ?? []).filter((at) => at > now - WINDOW_MS);
    const ok = recent.length < this.limit();
    if (ok) recent.push(now);
    this.admitted.set(action, recent);
    return ok;
  }

  reset(): void {
    this.admitted.clear();
  }
}
