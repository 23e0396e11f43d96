import type { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { RecentValues } from './RecentValues';
import type { SharedFlight } from './SharedFlight';
import { SsmInvocationsMetrics } from './SsmInvocationsMetrics';

/** What a {@link CoalescingCache} adds when the store is shared by replicas, and its counters. */
export interface CoalescingCacheOptions {
  /** Single flight across replicas; without it each process fetches on its own miss. */
  flight?: SharedFlight;
  metrics?: SsmInvocationsMetrics;
}

/** Parsed values kept in process; a report is ~100 kB, so this bounds the memo to tens of MB. */
const MAX_PARSED = 200;

/**
 * Read-through cache over the Backstage cache service (memory, Redis, memcache …; shared by
 * replicas) that also coalesces concurrent loads of one key in this process: a hundred people
 * opening one entity page cause one upstream fetch, not a hundred. With a {@link SharedFlight},
 * replicas that miss one key at once also share one fetch. Values are JSON text, so what is
 * cached is exactly what was served.
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

  readonly #flight?: SharedFlight;
  readonly #metrics: SsmInvocationsMetrics;

  constructor(
    private readonly cache: CacheService,
    /** 0 disables the shared cache; loads are still coalesced. */
    private readonly ttlMs: number,
    private readonly logger: LoggerService,
    options: CoalescingCacheOptions = {},
  ) {
    this.#flight = options.flight;
    this.#metrics = options.metrics ?? new SsmInvocationsMetrics();
  }

  /**
   * The cached value of `key`, or the result of `load()`; concurrent callers for one key share a
   * single cache read and a single `load()`. A failed load is not cached. A caller whose `signal`
   * aborts stops waiting and evicts the shared load, so the next caller starts a fresh one rather
   * than joining a load that may never settle (a server that accepted and never answered).
   */
  get(key: string, load: () => Promise<string>, signal?: AbortSignal): Promise<string> {
    let shared = this.#inFlight.get(key);
    if (!shared) {
      const started = this.#readThrough(key, load).finally(() => this.#evict(key, started));
      this.#inFlight.set(key, started);
      shared = started;
    } else {
      this.#metrics.coalescedWait('process');
    }
    return signal ? this.#untilAborted(key, shared, signal) : shared;
  }

  /**
   * Like {@link get}, parsed. Cached reports are large and read far more often than they change,
   * so the parsed value of the last text seen per key is kept (at most {@link MAX_PARSED} keys)
   * and reused while the cache returns the same text. Callers must not mutate the result.
   */
  async getParsed<T>(key: string, load: () => Promise<string>, signal?: AbortSignal): Promise<T> {
    const json = await this.get(key, load, signal);
    const memo = this.#parsed.get(key);
    if (memo && memo.json === json) return memo.value as T;
    const value = JSON.parse(json) as T;
    this.#parsed.set(key, { json, value });
    return value;
  }

  /** Forgets `load` as the key's shared load, unless a newer one has taken its place. */
  #evict(key: string, load: Promise<string>): void {
    if (this.#inFlight.get(key) === load) this.#inFlight.delete(key);
  }

  #untilAborted(key: string, shared: Promise<string>, signal: AbortSignal): Promise<string> {
    if (signal.aborted) {
      this.#evict(key, shared);
      return Promise.reject(signal.reason);
    }
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        this.#evict(key, shared);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort))
        .catch(() => undefined);
    });
  }

  async #readThrough(key: string, load: () => Promise<string>): Promise<string> {
    if (this.ttlMs <= 0) return load();
    const kind = key.slice(0, key.indexOf(':'));
    const cached = await this.#read(key);
    this.#metrics.cacheLookup(kind, cached !== undefined);
    if (cached !== undefined) return cached;
    const loadAndStore = async () => {
      const value = await load();
      await this.cache.set(key, value, { ttl: this.ttlMs }).catch((error: unknown) => {
        this.logger.warn(`ssm-invocations cache write failed: ${String(error)}`);
      });
      return value;
    };
    return this.#flight
      ? this.#flight.run(key, () => this.#read(key), loadAndStore)
      : loadAndStore();
  }

  /** The cached text, or `undefined`; a cache outage (e.g. Redis down) reads as a miss. */
  async #read(key: string): Promise<string | undefined> {
    const cached = await this.cache.get(key).catch((error: unknown) => {
      this.logger.warn(`ssm-invocations cache read failed: ${String(error)}`);
      return undefined;
    });
    return typeof cached === 'string' ? cached : undefined;
  }
}
