import { mockServices } from '@backstage/backend-test-utils';
import type { CacheService } from '@backstage/backend-plugin-api';
import { cacheLeaseStore } from './leases';
import { SharedFlight } from './SharedFlight';
import { SsmInvocationsMetrics } from './SsmInvocationsMetrics';

/** One store shared by "replicas", with TTLs, like Redis: a Map behind a CacheService. */
function sharedStore(): CacheService {
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  const store: CacheService = {
    get: async (key) => {
      const entry = entries.get(key);
      if (!entry || entry.expiresAt <= Date.now()) return undefined;
      return entry.value as never;
    },
    set: async (key, value, options) => {
      const ttl = typeof options?.ttl === 'number' ? options.ttl : 60_000;
      entries.set(key, { value, expiresAt: Date.now() + ttl });
    },
    delete: async (key) => {
      entries.delete(key);
    },
    withOptions: () => store,
  };
  return store;
}

const logger = mockServices.logger.mock();
const timings = { leaseTtlMs: 2_000, pollMs: 5, maxPollMs: 20 };
const SETTLE_MS = 5;

function replica(store: CacheService, leaseTtlMs = timings.leaseTtlMs) {
  const flight = new SharedFlight(
    cacheLeaseStore(store, SETTLE_MS),
    { ...timings, leaseTtlMs },
    new SsmInvocationsMetrics(),
    logger,
  );
  const read = async () => (await store.get('k')) as string | undefined;
  const fetches: number[] = [];
  /** A fetch that takes `ms` and stores its value, as CoalescingCache's load does. */
  const fetching =
    (value: string, ms = 50, fail = false) =>
    async () => {
      fetches.push(Date.now());
      await new Promise((done) => setTimeout(done, ms));
      if (fail) throw new Error('SSM said no');
      await store.set('k', value, { ttl: 60_000 });
      return value;
    };
  return { run: flight.run.bind(flight), read, fetches, fetching };
}

describe('SharedFlight', () => {
  it('reads once more when the holder stored its value and released the lease between two polls', async () => {
    let stored: string | undefined;
    // The holder finishes right after this waiter's read: value stored, lease released.
    const read = jest.fn(async () => {
      const seen = stored;
      stored = 'from the holder';
      return seen;
    });
    const leases = {
      acquire: async () => false,
      renew: async () => true,
      release: async () => undefined,
      held: async () => false,
      close: async () => undefined,
    };
    const flight = new SharedFlight(leases, timings, new SsmInvocationsMetrics(), logger);
    const fetch = jest.fn(async () => 'fetched again');
    await expect(flight.run('k', read, fetch)).resolves.toBe('from the holder');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('lets one of several replicas that miss one key fetch; the others read its value', async () => {
    const store = sharedStore();
    const replicas = [replica(store), replica(store), replica(store)];
    const values = await Promise.all(
      replicas.map((r, index) => r.run('k', r.read, r.fetching(`from ${index}`))),
    );
    expect(replicas.flatMap((r) => r.fetches)).toHaveLength(1);
    expect(new Set(values).size).toBe(1);
    expect(await store.get('lease:k')).toBeUndefined();
  });

  it('does not fetch when another replica stored the value while this one took the lease', async () => {
    const store = sharedStore();
    const r = replica(store);
    // Read once the lease is held: the other replica stored it after this one's miss.
    const read = async () => 'stored by the other replica';
    await expect(r.run('k', read, r.fetching('mine'))).resolves.toBe('stored by the other replica');
    expect(r.fetches).toHaveLength(0);
  });

  it('fetches itself once the holder fails, without waiting out the lease', async () => {
    const store = sharedStore();
    const [a, b] = [replica(store, 10_000), replica(store, 10_000)];
    const failing = a.run('k', a.read, a.fetching('a', 50, true));
    await new Promise((done) => setTimeout(done, 20)); // a holds the lease now
    const started = Date.now();
    const [failed, fromB] = await Promise.allSettled([
      failing,
      b.run('k', b.read, b.fetching('b')),
    ]);
    expect(failed.status).toBe('rejected');
    expect(fromB).toEqual({ status: 'fulfilled', value: 'b' });
    expect(b.fetches).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fetches itself after the lease TTL when the holder died (its lease never released)', async () => {
    const store = sharedStore();
    await store.set('lease:k', 'a replica that died', { ttl: 300 });
    const b = replica(store, 300);
    const started = Date.now();
    await expect(b.run('k', b.read, b.fetching('b'))).resolves.toBe('b');
    expect(b.fetches).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('keeps the others waiting while a fetch takes longer than the lease TTL', async () => {
    const store = sharedStore();
    const [a, b, c] = [replica(store, 300), replica(store, 300), replica(store, 300)];
    const slow = a.run('k', a.read, a.fetching('from a', 1_000));
    await new Promise((done) => setTimeout(done, 20)); // a holds the lease now
    const values = await Promise.all([
      slow,
      b.run('k', b.read, b.fetching('from b')),
      c.run('k', c.read, c.fetching('from c')),
    ]);
    expect(values).toEqual(['from a', 'from a', 'from a']);
    expect([a, b, c].flatMap((r) => r.fetches)).toHaveLength(1);
  });

  it('fetches a TTL after a holder stopped renewing (it died mid-fetch)', async () => {
    const store = sharedStore();
    const leases = cacheLeaseStore(store, SETTLE_MS);
    // A dead process's renewals never reach the store.
    const dead = { ...leases, renew: async () => true };
    const a = new SharedFlight(
      dead,
      { ...timings, leaseTtlMs: 300 },
      new SsmInvocationsMetrics(),
      logger,
    );
    let finish: (value: string) => void = () => undefined;
    const hanging = new Promise<string>((done) => {
      finish = done;
    });
    const dying = a.run(
      'k',
      async () => undefined,
      () => hanging,
    );
    await new Promise((done) => setTimeout(done, 20)); // a holds the lease now
    const b = replica(store, 300);
    const started = Date.now();
    await expect(b.run('k', b.read, b.fetching('b'))).resolves.toBe('b');
    expect(b.fetches).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    finish('too late'); // stops its renewal timer
    await dying;
  });

  it('fetches when the store cannot hold a lease', async () => {
    const broken = mockServices.cache.mock({
      get: async () => {
        throw new Error('connection refused');
      },
      delete: async () => {
        throw new Error('connection refused');
      },
    });
    const flight = new SharedFlight(
      cacheLeaseStore(broken),
      timings,
      new SsmInvocationsMetrics(),
      logger,
    );
    await expect(
      flight.run(
        'k',
        async () => undefined,
        async () => 'fetched',
      ),
    ).resolves.toBe('fetched');
  });

  it('answers without waiting for the release of its lease', async () => {
    const leases = {
      acquire: async () => true,
      renew: async () => true,
      // A store that stopped answering: the release never settles.
      release: () => new Promise<void>(() => undefined),
      held: async () => true,
      close: async () => undefined,
    };
    const flight = new SharedFlight(leases, timings, new SsmInvocationsMetrics(), logger);
    const answer = flight.run(
      'k',
      async () => undefined,
      async () => 'fetched',
    );
    const late = new Promise((done) => setTimeout(() => done('still waiting'), 1_000));
    await expect(Promise.race([answer, late])).resolves.toBe('fetched');
  });

  it('stops waiting when the caller aborts', async () => {
    const store = sharedStore();
    await store.set('lease:k', 'someone else', { ttl: 10_000 });
    const b = replica(store, 10_000);
    const signal = AbortSignal.timeout(100);
    await expect(b.run('k', b.read, b.fetching('b'), signal)).rejects.toThrow();
    expect(b.fetches).toHaveLength(0);
  });
});
