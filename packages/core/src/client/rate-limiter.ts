/**
 * Client-side request rate limit shared by every call of one client. Requests are spaced evenly
 * (a token bucket of capacity 1) so that no one-second window ever exceeds the rate: SSM publishes
 * no TPS quota for these APIs, so staying smooth is the safe assumption.
 */
export interface RateLimiterClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export class RateLimiter {
  private nextFreeAt = Number.NEGATIVE_INFINITY;
  private readonly intervalMs: number;

  constructor(
    requestsPerSecond: number,
    private readonly clock: RateLimiterClock,
  ) {
    this.intervalMs = 1000 / requestsPerSecond;
  }

  /** Resolves when the caller may send; reserves its slot immediately so callers queue fairly. */
  async acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    const now = this.clock.now();
    const slot = Math.max(now, this.nextFreeAt);
    this.nextFreeAt = slot + this.intervalMs;
    if (slot > now) await this.clock.sleep(slot - now, signal);
  }
}
