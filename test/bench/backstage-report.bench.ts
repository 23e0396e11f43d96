/**
 * Backstage backend plugin: what many viewers of one entity page cost upstream, and what a cached
 * report costs the caller. Measured side by side in one run against the emulator:
 *
 * - 200 concurrent report requests for one entity on a cold cache → SSM requests, compared with
 *   the SSM requests of one report (the goal: at most one fetch set, ratio ≤ 1);
 * - p50 latency of cold reports (cache off) vs cached reports (the goal: cached p50 ≤ 5 ms).
 */
import { cpus, loadavg } from 'node:os';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import ssmInvocationsPlugin from '@ssm-invocations/backstage-plugin-ssm-invocations-backend';
import { ANNOTATION_SSM_WINDOW_ARN } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const ACCOUNT = '123456789012';
const CONCURRENT = 200;
const COLD_SAMPLES = 10;
const CACHED_SAMPLES = 200;
const CACHED_P50_GOAL_MS = 5;

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      [ANNOTATION_SSM_WINDOW_ARN]: [
        DEMO_WINDOW_IDS.paymentsApiNightlyPatching,
        DEMO_WINDOW_IDS.checkoutWebWeeklyReboot,
      ]
        .map((id) => `arn:aws:ssm:us-east-1:${ACCOUNT}:maintenancewindow/${id}`)
        .join(','),
    },
  },
  spec: { type: 'service', owner: 'group:default/platform', lifecycle: 'production' },
};

type Feature = NonNullable<Parameters<typeof startTestBackend>[0]['features']>[number];

/** Where the test backend keeps its cache: in memory (default), or a real cache store. */
export interface BenchCacheStore {
  /** `backend.cache`, e.g. `{ store: 'redis', connection: 'redis://…', redis: {} }`. */
  config: { store: string; connection: string; redis?: Record<string, never> };
  /** Backstage's real cache service factory (the test backend's default is in memory). */
  factory: Feature;
}

/**
 * The plugin in a test backend against `emulator`, with a mock catalog holding payments-api, and
 * timed GETs of its report and of /health.
 */
export async function startBackend(
  emulator: Emulator,
  ttlSeconds: number,
  cacheStore?: BenchCacheStore,
) {
  const backend = await startTestBackend({
    features: [
      ssmInvocationsPlugin,
      catalogServiceMock.factory({ entities: [entity] }),
      ...(cacheStore ? [cacheStore.factory] : []),
      mockServices.rootConfig.factory({
        data: {
          ...(cacheStore ? { backend: { cache: cacheStore.config } } : {}),
          aws: {
            accounts: [
              { accountId: ACCOUNT, accessKeyId: 'AKIABENCH00000000000', secretAccessKey: 'bench' },
            ],
          },
          ssmInvocations: { endpoint: emulator.url, cache: { ttl: ttlSeconds } },
        },
      }),
    ],
  });
  const base = `http://127.0.0.1:${backend.server.port()}/api/ssm-invocations`;
  const authorization = mockCredentials.user.header();
  const timed = async (url: string): Promise<number> => {
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    return performance.now() - started;
  };
  return {
    backend,
    get: () => timed(`${base}/v1/entity/default/component/payments-api/report?executions=5`),
    /** The same HTTP stack without the plugin's work: the floor under any answer. */
    health: () => timed(`${base}/health`),
  };
}

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** Runs the benchmark and prints its numbers; returns false when a goal is missed. */
export async function runBackstageReportBench(): Promise<boolean> {
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  const uncached = await startBackend(emulator, 0);
  const cached = await startBackend(emulator, 60);
  try {
    // Cold: cache off, so every request is a full fetch set.
    const cold: number[] = [];
    let fetchSet = 0;
    for (let i = 0; i < COLD_SAMPLES; i += 1) {
      const before = emulator.stats().requests;
      cold.push(await uncached.get());
      fetchSet = emulator.stats().requests - before;
    }

    // Many viewers at once on a cold cache.
    const beforeBurst = emulator.stats().requests;
    const burstStarted = performance.now();
    const burst = await Promise.all(Array.from({ length: CONCURRENT }, () => cached.get()));
    const burstMs = performance.now() - burstStarted;
    const burstUpstream = emulator.stats().requests - beforeBurst;

    // Warm: the same report, now cached, interleaved with the health route as a baseline.
    const warm: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < CACHED_SAMPLES; i += 1) {
      warm.push(await cached.get());
      floor.push(await cached.health());
    }

    const coldP50 = p50(cold);
    const warmP50 = p50(warm);
    const floorP50 = p50(floor);
    console.log(
      `load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    console.log(`one report (2 windows, 5 executions each) = ${fetchSet} SSM requests`);
    console.log(
      `${CONCURRENT} concurrent requests on a cold cache: ${burstUpstream} SSM requests ` +
        `(${(burstUpstream / fetchSet).toFixed(2)}× one report), all answered in ${burstMs.toFixed(0)} ms ` +
        `(p50 ${p50(burst).toFixed(1)} ms)`,
    );
    console.log(
      `p50 cold ${coldP50.toFixed(2)} ms (n=${COLD_SAMPLES}) vs cached ${warmP50.toFixed(2)} ms ` +
        `(n=${CACHED_SAMPLES}): cached is ${(coldP50 / warmP50).toFixed(1)}× faster; ` +
        `/health on the same stack ${floorP50.toFixed(2)} ms (cached report = ${(warmP50 / floorP50).toFixed(1)}× that)`,
    );
    const coalesced = burstUpstream <= fetchSet;
    const fastEnough = warmP50 <= CACHED_P50_GOAL_MS;
    console.log(
      `goals: ≤ 1 fetch set for the burst ${coalesced ? 'met' : 'MISSED'}; ` +
        `cached p50 ≤ ${CACHED_P50_GOAL_MS} ms ${fastEnough ? 'met' : 'MISSED'}`,
    );
    return coalesced && fastEnough;
  } finally {
    await cached.backend.stop();
    await uncached.backend.stop();
    await emulator.stop();
  }
}
