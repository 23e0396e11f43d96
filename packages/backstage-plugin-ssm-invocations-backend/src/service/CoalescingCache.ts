import type { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { RecentValues } from './RecentValues';

/** Parsed values kept in process; a report is ~100 kB, so this bounds the memo to tens of MB. */
const MAX_PARSED = 200;

/**
 * Read-through cache over the Backstage cache service (memory, Redis, memcache …; shared by
 * replicas) that also coalesces concurrent loads of one key in this process: a hundred people
 * opening one entity page cause one upstream fetch, not a hundred. Values are JSON text, so what
 * is cached is exactly what was served.
 *
 * @example
 * ```ts
 * const cache = new CoalescingCache(coreCache, 60_000, logger);
 * const json = await cache.get('report:…', async () => JSON.stringify(await fetchReport()));
 * ```
 */
export class CoalescingCache {
  readonly #inFlight = new Map<string, Promise<string>>();
  /** Last parsed value per key, reused while the cached text is unchanged (see {@link getParsed}). */
  readonly #parsed = new RecentValues<string, { json: string; value: unknown }>(MAX_PARSED);

  constructor(
    private readonly cache: CacheService,
    /** 0 disables the shared cache; loads are still coalesced. */
    private readonly ttlMs: number,
    private readonly logger: LoggerService,
  ) {}

  /**
   * The cached value of `key`, or the result of `load()`; concurrent callers for one key share a
   * single cache read and a single `load()`. A failed load is not cached.
   */
  get(key: string, load: () => Promise<string>): Promise<string> {
    const pending = this.#inFlight.get(key);
    if (pending) return pending;
    const started = this.#readThrough(key, load).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, started);
    return started;
  }

  /**
   * Like {@link get}, parsed. Cached reports are large and read far more often than they change,
   * so the parsed value of the last text seen per key is kept (at most {@link MAX_PARSED} keys)
   * and reused while the cache returns the same text. Callers must not mutate the result.
   */
  async getParsed<T>(key: string, load: () => Promise<string>): Promise<T> {
    const json = await this.get(key, load);
    const memo = this.#parsed.get(key);
    if (memo && memo.json === json) return memo.value as T;
    const value = JSON.parse(json) as T;
    this.#parsed.set(key, { json, value });
    return value;
  }

  async #readThrough(key: string, load: () => Promise<string>): Promise<string> {
    if (this.ttlMs > 0) {
      // A cache outage (e.g. Redis down) degrades to uncached answers instead of failing them.
      const cached = await this.cache.get(key).catch((error: unknown) => {
        this.logger.warn(`ssm-invocations cache read failed: ${String(error)}`);
        return undefined;
      });
      if (typeof cached === 'string') return cached;
    }
    const value = await load();
    if (this.ttlMs > 0) {
      await this.cache.set(key, value, { ttl: this.ttlMs }).catch((error: unknown) => {
        this.logger.warn(`ssm-invocations cache write failed: ${String(error)}`);
      });
    }
    return value;
  }
}
