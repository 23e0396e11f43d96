import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { keepLeaseRenewed } from './leaseRenewal';
import type { LeaseStore } from './leases';
import type { SsmInvocationsMetrics } from './SsmInvocationsMetrics';

/** Timings of a {@link SharedFlight}. */
export interface SharedFlightTimings {
  /**
   * How long a lease lives unless renewed: the holder renews it while its fetch runs, so a
   * replica that died while fetching blocks the others this long at most.
   */
  leaseTtlMs: number;
  /** First poll interval of a waiting replica; doubles up to {@link maxPollMs}. */
  pollMs?: number;
  maxPollMs?: number;
}

const DEFAULT_POLL_MS = 20;
const DEFAULT_MAX_POLL_MS = 250;

/**
 * Single flight across replicas that share one cache store. When several replicas miss the same
 * key, the one that holds the key's lease (see {@link LeaseStore}) fetches and writes the value;
 * the others poll the cache for it while the lease is held. The holder renews its lease while it
 * fetches, however long that takes (its caller's deadline bounds it), so the others do not fetch
 * alongside a slow fetch. A waiter stops polling and fetches itself once the lease is gone without
 * a value: the fetch failed, or the holder died and its lease expired a TTL after its last renewal.
 *
 * @example
 * ```ts
 * const flight = new SharedFlight(leases, { leaseTtlMs: 10_000 }, metrics, logger);
 * const json = await flight.run('report:…', () => read('report:…'), fetchAndStore, signal);
 * ```
 */
export class SharedFlight {
  readonly #pollMs: number;
  readonly #maxPollMs: number;

  constructor(
    private readonly leases: LeaseStore,
    private readonly timings: SharedFlightTimings,
    private readonly metrics: SsmInvocationsMetrics,
    private readonly logger: LoggerService,
  ) {
    this.#pollMs = timings.pollMs ?? DEFAULT_POLL_MS;
    this.#maxPollMs = timings.maxPollMs ?? DEFAULT_MAX_POLL_MS;
  }

  /**
   * `fetch()` (which must store the value before it resolves) when this replica holds the lease,
   * else the value another replica stored, read with `read()`; `fetch()` after all when the other
   * replica failed or died. A waiter without a `signal` waits as long as the holder renews.
   */
  async run(
    key: string,
    read: () => Promise<string | undefined>,
    fetch: () => Promise<string>,
    signal?: AbortSignal,
  ): Promise<string> {
    const leaseKey = `lease:${key}`;
    const token = randomUUID();
    const lease = await this.#acquire(leaseKey, token, signal);
    if (lease !== 'taken') {
      const stopRenewing =
        lease === 'held'
          ? keepLeaseRenewed(this.leases, leaseKey, token, this.timings.leaseTtlMs, (error) =>
              this.#warn('renew', error),
            )
          : () => undefined;
      try {
        // Another replica may have stored the value between our miss and our lease.
        return (await read()) ?? (await fetch());
      } finally {
        stopRenewing();
        // The value is stored (or the fetch failed) already: the answer does not wait for the
        // store to let go, and a lease whose release is lost expires after its TTL.
        void this.leases
          .release(leaseKey, token)
          .catch((error: unknown) => this.#warn('release', error));
      }
    }
    const value = await this.#awaitValue(leaseKey, read, signal);
    if (value !== undefined) {
      this.metrics.coalescedWait('replica');
      return value;
    }
    return fetch();
  }

  /** `held` by this token, `taken` by another replica, or `unavailable`: fetch without one. */
  async #acquire(
    leaseKey: string,
    token: string,
    signal?: AbortSignal,
  ): Promise<'held' | 'taken' | 'unavailable'> {
    try {
      const held = await this.leases.acquire(leaseKey, token, this.timings.leaseTtlMs, signal);
      return held ? 'held' : 'taken';
    } catch (error) {
      if (signal?.aborted) throw error;
      // A store that cannot hold a lease must not stop the fetch: fetch as if there were none.
      this.#warn('lease', error);
      return 'unavailable';
    }
  }

  /** The value another replica stores, or `undefined` once waiting for it is pointless. */
  async #awaitValue(
    leaseKey: string,
    read: () => Promise<string | undefined>,
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    let interval = this.#pollMs;
    // Bounded by the lease: it is gone a TTL after the holder's last renewal at the latest.
    for (;;) {
      await sleep(interval, undefined, { signal });
      interval = Math.min(interval * 2, this.#maxPollMs);
      try {
        const value = await read();
        if (value !== undefined) return value;
        // The holder stores the value before it releases the lease: it may have done both between
        // the read above and this check, so a released lease gets one more read, not a refetch.
        if (!(await this.leases.held(leaseKey))) return await read();
      } catch (error) {
        this.#warn('poll', error);
        return undefined;
      }
    }
  }

  #warn(step: string, error: unknown): void {
    this.logger.warn(`ssm-invocations shared fetch ${step} failed: ${String(error)}`);
  }
}
