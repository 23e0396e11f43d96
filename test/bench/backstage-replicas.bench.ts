/**
 * Backstage backend at scale: two example backends sharing one Redis (`backend.cache.store:
 * redis`, a real redis-server), the emulator behind a counting proxy. Measured side by side in
 * one run:
 *
 * - 200 concurrent views over both replicas after everything expired → SSM requests vs one fetch
 *   set (goal ≤ 1.1×: one replica fetches, the other waits for its result in Redis);
 * - warm refresh of a window whose executions all finished vs its cold fetch (goal ≤ 0.2×);
 * - cached report p50 from a replica with Redis (goal ≤ 5 ms), beside Redis's own round trip and
 *   the replica's /health on the same stack.
 */
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startReplicas, type Replica } from '../support/replicas';
import { startBackend, type BenchCacheStore } from './backstage-report.bench';

const VIEWS = 200;
const CACHED_SAMPLES = 200;
const BURST_GOAL = 1.1;
const REFRESH_GOAL = 0.2;
const CACHED_P50_GOAL_MS = 5;

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/**
 * Backstage's own cache service factory, configured with `backend.cache: redis`. Loaded from the
 * example backend's dependencies (it is the Backstage that runs the replicas): this package only
 * has the test utilities, whose cache is in memory.
 */
function redisCacheStore(redis: RedisServer): BenchCacheStore {
  const fromExampleBackend = createRequire(
    require.resolve('@ssm-invocations/example-backstage-backend/package.json'),
  );
  const { cacheServiceFactory } = fromExampleBackend('@backstage/backend-defaults/cache') as {
    cacheServiceFactory: BenchCacheStore['factory'];
  };
  return {
    config: { store: 'redis', connection: redis.url, redis: {} },
    factory: cacheServiceFactory,
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Runs the benchmark and prints its numbers; returns false when a goal is missed. */
export async function runBackstageReplicasBench(): Promise<boolean> {
  const setup = await startReplicas(2);
  try {
    const [first, second] = setup.replicas as [Replica, Replica];
    const views = () =>
      Promise.all(
        Array.from({ length: VIEWS }, (_, index) =>
          setup.report(index % 2 === 0 ? first : second, 'payments-api'),
        ),
      );

    await setup.redis.command('FLUSHALL');
    const oneFetchSet = await setup.ssmRequestsOf(() => setup.report(first, 'payments-api'));
    await setup.redis.command('FLUSHALL');
    let burstMs = 0;
    const burst = await setup.ssmRequestsOf(async () => {
      burstMs = await timed(views);
    });

    await setup.redis.command('FLUSHALL');
    const cold = await setup.ssmRequestsOf(() => setup.report(first, 'inventory-db'));
    await setup.expireReports();
    const warm = await setup.ssmRequestsOf(() => setup.report(second, 'inventory-db'));

    // Cached answers: the plugin in a test backend (mock catalog, as the single-process
    // benchmark) with Backstage's Redis cache store, and a full example replica beside it.
    const ownRedis = await startRedisServer();
    ownRedis.stopAtExit();
    const single = await startBackend(setup.emulator, 60, redisCacheStore(ownRedis));
    const cached: number[] = [];
    const health: number[] = [];
    const replicaCached: number[] = [];
    try {
      await single.get();
      for (let i = 0; i < CACHED_SAMPLES; i += 1) {
        cached.push(await single.get());
        health.push(await single.health());
        replicaCached.push(await timed(() => setup.report(second, 'payments-api')));
      }
    } finally {
      await single.backend.stop();
    }
    const redisRoundTrip = p50(await ownRedis.pingRoundTrips(CACHED_SAMPLES));

    const burstRatio = burst / oneFetchSet;
    const refreshRatio = warm / cold;
    const cachedP50 = p50(cached);
    console.log(
      `load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    console.log(`payments-api: one fetch set = ${oneFetchSet} SSM requests`);
    console.log(
      `${VIEWS} concurrent views over 2 replicas after expiry: ${burst} SSM requests = ` +
        `${burstRatio.toFixed(2)}× one fetch set (goal ≤ ${BURST_GOAL}×), answered in ${burstMs.toFixed(0)} ms`,
    );
    console.log(
      `inventory-db (all executions finished): cold ${cold} SSM requests, warm refresh ${warm} = ` +
        `${refreshRatio.toFixed(2)}× (goal ≤ ${REFRESH_GOAL}×)`,
    );
    console.log(
      `cached report p50 with Redis ${cachedP50.toFixed(2)} ms (n=${CACHED_SAMPLES}, goal ≤ ${CACHED_P50_GOAL_MS} ms); ` +
        `Redis PING round trip p50 ${redisRoundTrip.toFixed(3)} ms; /health on the same backend ${p50(health).toFixed(2)} ms; ` +
        `an example replica (guest JWT, catalog over HTTP) ${p50(replicaCached).toFixed(2)} ms`,
    );
    const met = [
      burstRatio <= BURST_GOAL,
      refreshRatio <= REFRESH_GOAL,
      cachedP50 <= CACHED_P50_GOAL_MS,
    ];
    console.log(
      `goals: burst ${met[0] ? 'met' : 'MISSED'}; refresh ${met[1] ? 'met' : 'MISSED'}; ` +
        `cached p50 ${met[2] ? 'met' : 'MISSED'}`,
    );
    return met.every(Boolean);
  } finally {
    await setup.stop();
  }
}
