import type { CacheService } from '@backstage/backend-plugin-api';
import type { ReportHistoryStore } from '@ssm-invocations/core';
import type { SsmInvocationsMetrics } from './SsmInvocationsMetrics';

/**
 * Core's report history (finished executions with their tasks and invocations, which never
 * change) kept in the Backstage cache, so every replica reads what any of them fetched once.
 * Counted as cache `history` lookups. Failures are left to core, which treats them as misses.
 *
 * @example
 * ```ts
 * const history = cacheHistoryStore(cache, metrics);
 * await client.getWindowReport({ windowId }, { history, historyTtlMs });
 * ```
 */
export function cacheHistoryStore(
  cache: CacheService,
  metrics: SsmInvocationsMetrics,
): ReportHistoryStore {
  return {
    get: async (key) => {
      const value = await cache.get(key);
      metrics.cacheLookup('history', value !== undefined);
      return value;
    },
    set: (key, value, { ttl }) => cache.set(key, value, { ttl }),
  };
}
