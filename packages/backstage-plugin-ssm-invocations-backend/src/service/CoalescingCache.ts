import type { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { RecentValues } from './RecentValues';
import type { SharedFlight } from './SharedFlight';
import { SsmInvocationsMetrics } from './SsmInvocationsMetrics';

/** What a {@link CoalescingCache} adds when the store is shared by replicas, and its counters. */
export interface CoalescingCacheOptions {
  /** Single flight across replicas; without it each process fetches on its own miss. */
  flight?: SharedFlight;
  metrics?: SsmInvocationsMetrics;
  /** Most characters of JSON text whose parsed values {@link CoalescingCache.getParsed} keeps. */
  maxParsedChars?: number;
}

/** One key's load, shared by the callers that asked for it while it ran. */
interface SharedLoad {
  value: Promise<string>;
  /** Callers still waiting for it. */
  waiting: number;
  /** Aborts the cross-replica wait (see {@link SharedFlight.run}). */
  stop: AbortController;
}

/** Most keys whose parsed values are kept in process. */
const MAX_PARSED = 200;
/**
 * Most characters of JSON text whose parsed values are kept in process, however large each is (a
 * full report can be several MB). The JSON of reports is ASCII, which V8 keeps one byte a
 * character: this is about 16 MB of text; the parsed values kept with it take a few times that.
 */
const MAX_PARSED_CHARS = 16 * 1024 * 1024;

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
  readonly #inFlight = new Map<string, SharedLoad>();
  /** Last parsed value per key, reused while the cached text is unchanged (see {@link getParsed}). */
  readonly #parsed: RecentValues<string, { json: string; value: unknown }>;

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
    this.#parsed = new RecentValues(MAX_PARSED, {
      maxWeight: options.maxParsedChars ?? MAX_PARSED_CHARS,
      weigh: (memo) => memo.json.length,
    });
  }

  /**
   * The cached value of `key`, or the result of `load()`; concurrent callers for one key share a
   * single cache read and a single `load()`. A failed load is not cached. A caller whose `signal`
   * aborts stops waiting and evicts the shared load, so the next caller starts a fresh one rather
   * than joining a load that may never settle (a server that accepted and never answered).
   */
  get(key: string, load: () => Promise<string>, signal?: AbortSignal): Promise<string> {
    // A caller that has already given up starts nothing: no load would be waited for.
    if (signal?.aborted) return Promise.reject(signal.reason);
    let shared = this.#inFlight.get(key);
    if (shared) {
      this.#metrics.coalescedWait('process');
    } else {
      shared = this.#start(key, load);
    }
    shared.waiting += 1;
    return signal ? this.#untilAborted(key, shared, signal) : shared.value;
  }

  /**
   * Like {@link get}, parsed. Cached reports are large and read far more often than they change,
   * so the parsed value of the last text seen per key is kept (at most {@link MAX_PARSED} keys
   * and {@link MAX_PARSED_CHARS} characters of text, the most recent first) and reused while the
   * cache returns the same text. Callers must not mutate the result.
   */
  async getParsed<T>(key: string, load: () => Promise<string>, signal?: AbortSignal): Promise<T> {
    const json = await this.get(key, load, signal);
    const memo = this.#parsed.get(key);
    if (memo && memo.json === json) return memo.value as T;
    const value = JSON.parse(json) as T;
    this.#parsed.set(key, { json, value });
    return value;
  }

  /**
   * Starts the key's shared load. Its flight is aborted once every caller waiting for it has
   * given up (replicas stop polling for nobody); a caller without a signal never gives up.
   */
  #start(key: string, load: () => Promise<string>): SharedLoad {
    const stop = new AbortController();
    const value = this.#readThrough(key, load, stop.signal).finally(() =>
      this.#evict(key, started),
    );
    const started: SharedLoad = { value, waiting: 0, stop };
    // Callers that gave up leave the load to settle unobserved: its failure is not theirs.
    value.catch(() => undefined);
    this.#inFlight.set(key, started);
    return started;
  }

  /** Forgets `load` as the key's shared load, unless a newer one has taken its place. */
  #evict(key: string, load: SharedLoad): void {
    if (this.#inFlight.get(key) === load) this.#inFlight.delete(key);
  }

  #untilAborted(key: string, shared: SharedLoad, signal: AbortSignal): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        this.#evict(key, shared);
        shared.waiting -= 1;
        if (shared.waiting === 0) shared.stop.abort(signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.value
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort))
        .catch(() => undefined);
    });
  }

  async #readThrough(
    key: string,
    load: () => Promise<string>,
    signal: AbortSignal,
  ): Promise<string> {
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
      ? this.#flight.run(key, () => this.#read(key), loadAndStore, signal)
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
