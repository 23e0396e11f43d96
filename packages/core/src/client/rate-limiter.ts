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
  /** The latest slot a caller was let through at. */
  private lastGrantedAt = Number.NEGATIVE_INFINITY;
  /** Slots of callers still waiting for them. */
  private readonly waiting = new Set<number>();
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
    if (slot > now) {
      this.waiting.add(slot);
      try {
        await this.clock.sleep(slot - now, signal);
        signal?.throwIfAborted();
      } catch (error) {
        this.waiting.delete(slot);
        this.giveBack();
        throw error;
      }
      this.waiting.delete(slot);
    }
    this.lastGrantedAt = Math.max(this.lastGrantedAt, slot);
  }

  /**
   * An aborted caller's slot goes back: the next free slot follows the latest one still taken
   * (granted or waited for). A hole before a caller still waiting stays: it keeps its place.
   */
  private giveBack(): void {
    this.nextFreeAt = Math.max(this.lastGrantedAt, ...this.waiting) + this.intervalMs;
  }
}
