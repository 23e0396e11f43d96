import type { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { createMemoryHistoryStore, type ReportHistoryStore } from '@ssm-invocations/core';
import { cacheHistoryStore } from './cacheHistoryStore';
import { CoalescingCache } from './CoalescingCache';
import type { SsmInvocationsConfig } from './config';
import { cacheLeaseStore, type LeaseStore } from './leases';
import { redisLeaseStore } from './redisLeaseStore';
import { SharedFlight } from './SharedFlight';
import type { SsmInvocationsMetrics } from './SsmInvocationsMetrics';

/** Finished executions kept per process when the cache store is not shared (memory store). */
const MAX_LOCAL_HISTORY = 1000;

/** The service's caches: answers (coalesced, shared across replicas) and finished history. */
export interface ReportCaching {
  cache: CoalescingCache;
  /** `undefined` when caching or history is turned off. */
  history?: ReportHistoryStore;
  /** Closes what was opened for them (the lease connection to Redis or Valkey). */
  close(): Promise<void>;
}

/**
 * The caches as the config asks for them. With a shared store (Redis, Valkey, memcache) replicas
 * share one fetch per key (leased atomically in a Redis or Valkey server, else through the cache)
 * and one history; with the memory store each process coalesces its own fetches and keeps a
 * bounded history of its own.
 *
 * @example
 * ```ts
 * const { cache, history } = createReportCaching(coreCache, settings, metrics, logger);
 * ```
 */
export function createReportCaching(
  cache: CacheService,
  settings: SsmInvocationsConfig,
  metrics: SsmInvocationsMetrics,
  logger: LoggerService,
): ReportCaching {
  const caching = settings.cacheTtlMs > 0;
  const shared = caching && settings.sharedCacheStore;
  let leases: LeaseStore | undefined;
  if (shared) {
    leases = settings.leaseServerUrl
      ? redisLeaseStore(settings.leaseServerUrl)
      : cacheLeaseStore(cache);
  }
  const flight = leases
    ? new SharedFlight(leases, { leaseTtlMs: settings.leaseTtlMs }, metrics, logger)
    : undefined;
  const coalescing = new CoalescingCache(cache, settings.cacheTtlMs, logger, { flight, metrics });
  const close = async () => leases?.close();
  if (!caching || settings.historyTtlMs === 0) return { cache: coalescing, close };
  return {
    cache: coalescing,
    close,
    history: shared
      ? cacheHistoryStore(cache, metrics)
      : createMemoryHistoryStore({ maxEntries: MAX_LOCAL_HISTORY }),
  };
}
