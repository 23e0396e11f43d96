import { setTimeout as sleep } from 'node:timers/promises';
import type { CacheService } from '@backstage/backend-plugin-api';

/**
 * Short-lived claims on a key, shared by replicas: who fetches a report that several replicas
 * miss at once.
 *
 * @example
 * ```ts
 * if (await leases.acquire('lease:report:…', token, 10_000)) {
 *   try { await fetchAndStore(); } finally { await leases.release('lease:report:…', token); }
 * }
 * ```
 */
export interface LeaseStore {
  /** Whether `token` now holds `key` (for `ttlMs`, unless released earlier). */
  acquire(key: string, token: string, ttlMs: number, signal?: AbortSignal): Promise<boolean>;
  /**
   * Extends `key` to `ttlMs` from now, only while `token` still holds it; whether it did (`false`:
   * the lease expired or another token holds it now).
   */
  renew(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Gives `key` up, if `token` still holds it. */
  release(key: string, token: string): Promise<void>;
  /** Whether anyone holds `key`. */
  held(key: string): Promise<boolean>;
  /** Closes connections the store opened. */
  close(): Promise<void>;
}

/** Wait after writing a lease before reading it back; see {@link cacheLeaseStore}. */
const DEFAULT_SETTLE_MS = 40;

/**
 * Leases through Backstage's `CacheService` alone, for stores without an atomic set-if-absent
 * the plugin can reach (memcache, infinispan): a lease is taken by writing a random token where
 * none is, waiting `settleMs` and reading it back; of replicas that wrote at once only the last
 * writer finds its own token. A replica whose write lands more than `settleMs` after another's
 * read-back also wins, so two fetches remain possible under heavy load; a Redis or Valkey store
 * gets {@link redisLeaseStore}'s atomic `SET NX` instead.
 *
 * @example
 * ```ts
 * const leases = cacheLeaseStore(cache);
 * ```
 */
export function cacheLeaseStore(cache: CacheService, settleMs = DEFAULT_SETTLE_MS): LeaseStore {
  return {
    acquire: async (key, token, ttlMs, signal) => {
      if ((await cache.get(key)) !== undefined) return false;
      await cache.set(key, token, { ttl: ttlMs });
      await sleep(settleMs, undefined, { signal });
      return (await cache.get(key)) === token;
    },
    // Read, then write: not atomic, like the acquire above; a lease that expired between the two
    // is written back, holding the others back one TTL more.
    renew: async (key, token, ttlMs) => {
      if ((await cache.get(key)) !== token) return false;
      await cache.set(key, token, { ttl: ttlMs });
      return true;
    },
    release: async (key, token) => {
      if ((await cache.get(key)) === token) await cache.delete(key);
    },
    held: async (key) => (await cache.get(key)) !== undefined,
    close: async () => undefined,
  };
}
