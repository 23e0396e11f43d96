import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { REPORT_LIMITS } from '@ssm-invocations/core/model';
import { readSsmInvocationsConfig } from './config';

const read = (ssmInvocations: JsonObject | undefined) =>
  readSsmInvocationsConfig(new ConfigReader(ssmInvocations ? { ssmInvocations } : {}));

describe('readSsmInvocationsConfig', () => {
  it('has defaults when the block is missing', () => {
    expect(read(undefined)).toEqual({
      cacheTtlMs: 60_000,
      historyTtlMs: 7 * 86_400_000,
      leaseTtlMs: 10_000,
      sharedCacheStore: false,
      executionsPerWindow: REPORT_LIMITS.executions.default,
      maxExecutionsPerWindow: 20,
      requestTimeoutMs: 30_000,
      exposeParameters: false,
    });
  });

  it("bounds the executions settings by core's report limits", () => {
    const { min, max } = REPORT_LIMITS.executions;
    expect(read({ maxExecutionsPerWindow: max }).maxExecutionsPerWindow).toBe(max);
    expect(() => read({ maxExecutionsPerWindow: max + 1 })).toThrow(
      `maxExecutionsPerWindow must be an integer from ${min} to ${max}`,
    );
    expect(() => read({ executionsPerWindow: min - 1 })).toThrow(`from ${min} to 20`);
  });

  it('reads the security settings', () => {
    expect(
      read({
        requestTimeout: { seconds: 5 },
        allowedAccounts: ['111122223333'],
        allowedRegions: ['eu-west-1', 'us-gov-west-1'],
        ownershipTag: { key: 'backstage.io/owner' },
        exposeParameters: true,
      }),
    ).toMatchObject({
      requestTimeoutMs: 5000,
      allowedAccounts: ['111122223333'],
      allowedRegions: ['eu-west-1', 'us-gov-west-1'],
      ownershipTag: { key: 'backstage.io/owner' },
      exposeParameters: true,
    });
    expect(read({ requestTimeout: 2 }).requestTimeoutMs).toBe(2000);
  });

  it.each([
    [30, 30_000],
    [0, 0],
    [{ minutes: 2 }, 120_000],
    ['5m', 300_000],
  ])('reads cache.ttl %p as %p ms', (ttl, ms) => {
    expect(read({ cache: { ttl } }).cacheTtlMs).toBe(ms);
  });

  it('reads the other settings', () => {
    const settings = {
      endpoint: 'http://127.0.0.1:4566',
      region: 'eu-west-1',
      accountId: '123456789012',
      executionsPerWindow: 3,
      maxExecutionsPerWindow: 10,
      maxConcurrency: 8,
      maxAttempts: 2,
      requestsPerSecond: 5,
    };
    expect(read(settings)).toMatchObject(settings);
  });

  it.each([
    [{ cache: { ttl: -1 } }, 'cache.ttl'],
    [{ executionsPerWindow: 0 }, 'executionsPerWindow'],
    [{ executionsPerWindow: 30 }, 'executionsPerWindow'],
    [{ maxExecutionsPerWindow: 5, executionsPerWindow: 6 }, 'executionsPerWindow'],
    [{ maxConcurrency: 1.5 }, 'maxConcurrency'],
    [{ requestTimeout: 0 }, 'requestTimeout'],
    [{ requestTimeout: 1e10 }, 'requestTimeout'],
    [{ allowedAccounts: ['12345'] }, 'allowedAccounts'],
    [{ allowedRegions: ['Europe'] }, 'allowedRegions'],
    [{ ownershipTag: { key: 'a;b' } }, 'ownershipTag.key'],
    [{ cache: { historyTtl: 10 } }, 'cache.historyTtl'],
    [{ cache: { historyTtl: { days: 31 } } }, 'cache.historyTtl'],
    [{ cache: { leaseTtl: 0 } }, 'cache.leaseTtl'],
    [{ cache: { leaseTtl: { hours: 1 } } }, 'cache.leaseTtl'],
  ])('rejects %p naming %s', (block, key) => {
    expect(() => read(block)).toThrow(key);
  });

  it('reads the history and lease TTLs, and whether the cache store is shared', () => {
    expect(read({ cache: { historyTtl: { days: 30 }, leaseTtl: 2 } })).toMatchObject({
      historyTtlMs: 30 * 86_400_000,
      leaseTtlMs: 2_000,
      sharedCacheStore: false,
    });
    expect(read({ cache: { historyTtl: 0 } }).historyTtlMs).toBe(0);
    const withStore = (store: string) =>
      readSsmInvocationsConfig(new ConfigReader({ backend: { cache: { store } } }));
    expect(withStore('redis').sharedCacheStore).toBe(true);
    expect(withStore('valkey').sharedCacheStore).toBe(true);
    expect(withStore('memory').sharedCacheStore).toBe(false);
    expect(withStore('memcache')).toMatchObject({ sharedCacheStore: true });
    expect(withStore('memcache').leaseServerUrl).toBeUndefined();
  });

  it('takes the lease server from a Redis or Valkey backend.cache, not from a cluster', () => {
    const withCache = (cache: JsonObject) =>
      readSsmInvocationsConfig(new ConfigReader({ backend: { cache } }));
    expect(withCache({ store: 'redis', connection: 'redis://cache:6379' }).leaseServerUrl).toBe(
      'redis://cache:6379',
    );
    expect(
      withCache({ store: 'redis', connection: { url: 'rediss://cache:6380' } }).leaseServerUrl,
    ).toBe('rediss://cache:6380');
    expect(withCache({ store: 'valkey', connection: 'redis://valkey:6379' }).leaseServerUrl).toBe(
      'redis://valkey:6379',
    );
    expect(
      withCache({
        store: 'redis',
        connection: 'redis://cache:6379',
        redis: { cluster: { rootNodes: [] } },
      }).leaseServerUrl,
    ).toBeUndefined();
  });
});
