import { mockServices } from '@backstage/backend-test-utils';
import { CoalescingCache } from './CoalescingCache';
import { SharedFlight } from './SharedFlight';
import { SsmInvocationsMetrics } from './SsmInvocationsMetrics';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('CoalescingCache', () => {
  const logger = mockServices.logger.mock();

  it('runs one load for concurrent callers of one key, then serves the cache', async () => {
    const backing = new Map<string, unknown>();
    const store = mockServices.cache.mock({
      get: async (key: string) => backing.get(key) as never,
      set: async (key: string, value: unknown) => {
        backing.set(key, value);
      },
    });
    const coalescing = new CoalescingCache(store, 60_000, logger);
    const gate = deferred<string>();
    const load = jest.fn(() => gate.promise);
    const calls = [coalescing.get('k', load), coalescing.get('k', load), coalescing.get('k', load)];
    gate.resolve('{"a":1}');
    await expect(Promise.all(calls)).resolves.toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(load).toHaveBeenCalledTimes(1);
    expect(store.set).toHaveBeenCalledWith('k', '{"a":1}', { ttl: 60_000 });

    await expect(coalescing.get('k', load)).resolves.toBe('{"a":1}');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not cache a failed load and lets the next caller try again', async () => {
    const store = mockServices.cache.mock({ get: async () => undefined, set: async () => {} });
    const coalescing = new CoalescingCache(store, 60_000, logger);
    const load = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('upstream down'))
      .mockResolvedValueOnce('"ok"');
    await expect(coalescing.get('k', load)).rejects.toThrow('upstream down');
    expect(store.set).not.toHaveBeenCalled();
    await expect(coalescing.get('k', load)).resolves.toBe('"ok"');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('skips the shared cache when the TTL is 0', async () => {
    const store = mockServices.cache.mock();
    const coalescing = new CoalescingCache(store, 0, logger);
    await expect(coalescing.get('k', async () => '1')).resolves.toBe('1');
    expect(store.get).not.toHaveBeenCalled();
    expect(store.set).not.toHaveBeenCalled();
  });

  it('answers from the load when the cache service fails', async () => {
    const store = mockServices.cache.mock({
      get: async () => {
        throw new Error('redis down');
      },
      set: async () => {
        throw new Error('redis down');
      },
    });
    const coalescing = new CoalescingCache(store, 60_000, logger);
    await expect(coalescing.get('k', async () => '"fresh"')).resolves.toBe('"fresh"');
    expect(logger.warn).toHaveBeenCalled();
  });
});

describe('CoalescingCache.getParsed', () => {
  const logger = mockServices.logger.mock();

  it('reuses the parsed value while the cached text is unchanged', async () => {
    let text = '{"n":1}';
    const store = mockServices.cache.mock({ get: async () => text as never, set: async () => {} });
    const coalescing = new CoalescingCache(store, 60_000, logger);
    const load = jest.fn(async () => text);
    const first = await coalescing.getParsed<{ n: number }>('k', load);
    const second = await coalescing.getParsed<{ n: number }>('k', load);
    expect(second).toBe(first);
    text = '{"n":2}';
    const third = await coalescing.getParsed<{ n: number }>('k', load);
    expect(third).toEqual({ n: 2 });
    expect(load).not.toHaveBeenCalled();
  });

  it('keeps parsed values of no more text than its bound, the most recent first', async () => {
    const texts = new Map<string, string>();
    const store = mockServices.cache.mock({
      get: async (key: string) => texts.get(key) as never,
      set: async () => {},
    });
    const entry = (index: number) => JSON.stringify({ index, padding: 'x'.repeat(100_000) });
    const coalescing = new CoalescingCache(store, 60_000, logger, {
      maxParsedChars: 3 * entry(0).length,
    });
    const load = async () => 'never used';
    const first = new Map<string, unknown>();
    for (let index = 0; index < 10; index += 1) {
      texts.set(`k${index}`, entry(index));
      first.set(`k${index}`, await coalescing.getParsed(`k${index}`, load));
    }
    // The last three fit and are reused; the ones before were let go and are parsed anew.
    const reused: Record<string, boolean> = {};
    for (const key of ['k9', 'k8', 'k7', 'k6', 'k0']) {
      reused[key] = (await coalescing.getParsed(key, load)) === first.get(key);
    }
    expect(reused).toEqual({ k9: true, k8: true, k7: true, k6: false, k0: false });
  });
});

describe('CoalescingCache with a caller deadline', () => {
  const logger = mockServices.logger.mock();

  it('lets an aborted caller go and starts a fresh load for the next one (no wedge)', async () => {
    const store = mockServices.cache.mock({ get: async () => undefined, set: async () => {} });
    const coalescing = new CoalescingCache(store, 60_000, logger);
    const hung = deferred<string>();
    const controller = new AbortController();
    const first = coalescing.get('k', () => hung.promise, controller.signal);
    const joiner = coalescing.get('k', () => Promise.resolve('never used'));
    controller.abort(new Error('deadline'));
    await expect(first).rejects.toThrow('deadline');

    const fresh = jest.fn(async () => '{"fresh":true}');
    await expect(coalescing.get('k', fresh)).resolves.toBe('{"fresh":true}');
    expect(fresh).toHaveBeenCalledTimes(1);

    // The abandoned load still settles for whoever joined it, and does not evict the fresh one.
    hung.resolve('{"late":true}');
    await expect(joiner).resolves.toBe('{"late":true}');
  });

  it('rejects at once for a signal that is already aborted', async () => {
    const store = mockServices.cache.mock({ get: async () => undefined, set: async () => {} });
    const coalescing = new CoalescingCache(store, 0, logger);
    const load = jest.fn(async () => 'x');
    await expect(coalescing.get('k', load, AbortSignal.abort(new Error('gone')))).rejects.toThrow(
      'gone',
    );
    await expect(coalescing.get('k', load)).resolves.toBe('x');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('leaves no unhandled rejection when a load fails after its only caller gave up', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const store = mockServices.cache.mock({ get: async () => undefined, set: async () => {} });
      const coalescing = new CoalescingCache(store, 60_000, logger);
      const failing = deferred<string>();
      const controller = new AbortController();
      const gone = coalescing.get('k', () => failing.promise, controller.signal);
      controller.abort(new Error('deadline'));
      await expect(gone).rejects.toThrow('deadline');
      const early = coalescing.get('k2', () => failing.promise, AbortSignal.abort());
      await expect(early).rejects.toBeDefined();
      failing.reject(new Error('upstream down'));
      await new Promise((done) => setTimeout(done, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('stops waiting for another replica once every caller has given up', async () => {
    const store = mockServices.cache.mock({ get: async () => undefined, set: async () => {} });
    // Another replica holds the lease for long and never stores a value.
    const leases = {
      acquire: async () => false,
      renew: async () => true,
      release: async () => undefined,
      held: jest.fn(async () => true),
      close: async () => undefined,
    };
    const flight = new SharedFlight(
      leases,
      { leaseTtlMs: 60_000, pollMs: 5, maxPollMs: 5 },
      new SsmInvocationsMetrics(),
      logger,
    );
    const coalescing = new CoalescingCache(store, 60_000, logger, { flight });
    const controller = new AbortController();
    const gone = coalescing.get('k', async () => 'never', controller.signal);
    await new Promise((done) => setTimeout(done, 30));
    controller.abort(new Error('deadline'));
    await expect(gone).rejects.toThrow('deadline');
    await new Promise((done) => setTimeout(done, 30));
    const polls = leases.held.mock.calls.length;
    await new Promise((done) => setTimeout(done, 100));
    expect(leases.held.mock.calls.length).toBe(polls);
  });
});
