/**
 * Two example Backstage backends sharing one Redis as their cache store, with the SSM emulator
 * behind a counting proxy: what the replica end-to-end test and benchmark measure.
 */
import { startEmulator, type Emulator } from '@ssm-invocations/emulator';
import { startCountingProxy, type CountingProxy } from './counting-proxy';
import { startExampleBackend, type ExampleBackend } from './example-backend';
import { startRedisServer, type RedisServer } from './redis-server';

/** A replica and its guest's token. */
export interface Replica {
  backend: ExampleBackend;
  token: string;
}

/** Everything the replica setup started. */
export interface ReplicaSetup {
  redis: RedisServer;
  emulator: Emulator;
  proxy: CountingProxy;
  replicas: Replica[];
  /** Fetches an entity's report from a replica; throws unless it answers 200. */
  report(replica: Replica, entity: string, executions?: number): Promise<string>;
  /** The SSM requests `work` caused, counted by the proxy. */
  ssmRequestsOf(work: () => Promise<unknown>): Promise<number>;
  /** Lets the reports expire (as after `ssmInvocations.cache.ttl`), history kept. */
  expireReports(): Promise<void>;
  stop(): Promise<void>;
}

/** Config of the replicas: Redis as `backend.cache`, a report TTL no test step outlives. */
function replicaEnv(redis: RedisServer, proxy: CountingProxy): Record<string, string> {
  return {
    SSM_EMULATOR_URL: proxy.url,
    APP_CONFIG_backend_cache_store: 'redis',
    APP_CONFIG_backend_cache_connection: redis.url,
    APP_CONFIG_backend_cache_redis: '{}',
    APP_CONFIG_ssmInvocations_cache_ttl: '600',
  };
}

/** Starts Redis, the emulator (seed demo) behind a counting proxy, and `count` replicas. */
export async function startReplicas(count = 2): Promise<ReplicaSetup> {
  const redis = await startRedisServer();
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  const proxy = await startCountingProxy(emulator.url);
  const started = await Promise.allSettled(
    Array.from({ length: count }, () => startExampleBackend(replicaEnv(redis, proxy))),
  );
  const backends = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(backends.map((b) => b.stop()));
    await proxy.stop();
    await emulator.stop();
    await redis.stop();
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const replicas = await Promise.all(
    backends.map(async (backend) => ({ backend, token: await backend.guestToken() })),
  );
  return {
    redis,
    emulator,
    proxy,
    replicas,
    report: async ({ backend, token }, entity, executions = 5) => {
      const res = await fetch(
        `${backend.url}/api/ssm-invocations/v1/entity/default/component/${entity}/report?executions=${executions}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${entity} answered ${res.status}: ${body}`);
      return body;
    },
    ssmRequestsOf: async (work) => {
      const before = proxy.requests();
      await work();
      return proxy.requests() - before;
    },
    expireReports: async () => {
      // Backstage's cache client stores keys base64-encoded under the plugin's namespace; the
      // plugin's report keys start with `report:v1:` (9 bytes encode to 12 characters, unpadded).
      const deleted = await redis.deleteMatching(
        `ssm-invocations:${Buffer.from('report:v1').toString('base64')}*`,
      );
      if (deleted === 0) throw new Error('no cached report to expire');
    },
    stop,
  };
}
