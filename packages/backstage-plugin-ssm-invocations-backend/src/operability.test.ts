/**
 * Operability: the metrics the plugin emits (checked against the emulator's own counts), a health
 * route that costs SSM nothing, and log lines that name the window and the request.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { metricsServiceRef, type MetricsService } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ANNOTATION_SSM_WINDOW_ARN } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import request from 'supertest';
import {
  component,
  demoWindowArn,
  DEMO_CREDENTIALS,
  type Emulator,
} from './test-support/demoEntities';
import { startPlugin, type StartedPlugin } from './test-support/startPlugin';

interface Recorded {
  name: string;
  value: number;
  attributes: Record<string, unknown>;
}

/** A metrics service that records every counter increment. */
function recordingMetrics(recorded: Recorded[]): MetricsService {
  const unused = () => {
    throw new Error('not used by the plugin');
  };
  return {
    createCounter: (name) => ({
      add: (value, attributes) => {
        recorded.push({ name, value, attributes: { ...attributes } });
      },
    }),
    createUpDownCounter: unused,
    createHistogram: unused,
    createGauge: unused,
    createObservableCounter: unused,
    createObservableUpDownCounter: unused,
    createObservableGauge: unused,
  };
}

function sum(recorded: Recorded[], name: string, where: Record<string, unknown> = {}): number {
  return recorded
    .filter((r) => r.name === name)
    .filter((r) => Object.entries(where).every(([key, value]) => r.attributes[key] === value))
    .reduce((total, r) => total + r.value, 0);
}

const entities = [
  component('payments-api', {
    [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.paymentsApiNightlyPatching),
  }),
];
const reportPath = '/api/ssm-invocations/v1/entity/default/component/payments-api/report';

let emulator: Emulator;
let plugin: StartedPlugin;
const recorded: Recorded[] = [];
const logger = mockServices.logger.mock();

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  plugin = await startPlugin({
    emulator,
    entities,
    ssmInvocations: { cache: { ttl: 60 }, maxAttempts: 10 },
    features: [
      createServiceFactory({
        service: metricsServiceRef,
        deps: {},
        factory: () => recordingMetrics(recorded),
      }),
      logger.factory,
    ],
  });
});
afterAll(async () => {
  await plugin.backend.stop();
  await emulator.stop();
});

it('counts SSM requests by operation and outcome, throttles, cache lookups and coalesced waits', async () => {
  // A burst a bucket of 5 cannot take at once: some attempts are throttled, then retried.
  emulator.setFaults({ throttle: { requestsPerSecond: 50, burst: 5, retryAfterMs: 20 } });
  emulator.resetStats();
  try {
    const responses = await Promise.all(
      [0, 1, 2].map(() =>
        request(plugin.server).get(reportPath).set('Authorization', mockCredentials.user.header()),
      ),
    );
    for (const res of responses) expect(res.status).toBe(200);
  } finally {
    emulator.setFaults({});
  }
  const stats = emulator.stats();
  expect(stats.throttled).toBeGreaterThan(0);
  expect(sum(recorded, 'ssm_invocations.ssm.requests')).toBe(stats.requests);
  for (const [operation, count] of Object.entries(stats.byOperation)) {
    expect(sum(recorded, 'ssm_invocations.ssm.requests', { operation })).toBe(count);
    expect(sum(recorded, 'ssm_invocations.ssm.requests', { operation, outcome: 'success' })).toBe(
      stats.succeeded[operation] ?? 0,
    );
  }
  expect(sum(recorded, 'ssm_invocations.ssm.throttles')).toBe(stats.throttled);
  expect(sum(recorded, 'ssm_invocations.ssm.requests', { outcome: 'throttled' })).toBe(
    stats.throttled,
  );
  // Three concurrent requests: one cache miss, two waits on its fetch in this process.
  expect(sum(recorded, 'ssm_invocations.cache.lookups', { cache: 'report', result: 'miss' })).toBe(
    1,
  );
  expect(sum(recorded, 'ssm_invocations.coalesced_waits', { scope: 'process' })).toBe(2);

  await request(plugin.server).get(reportPath).set('Authorization', mockCredentials.user.header());
  expect(sum(recorded, 'ssm_invocations.cache.lookups', { cache: 'report', result: 'hit' })).toBe(
    1,
  );
});

it('answers /health without calling SSM', async () => {
  const before = emulator.stats().requests;
  const res = await request(plugin.server).get('/api/ssm-invocations/health');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok' });
  expect(emulator.stats().requests).toBe(before);
});

it('logs a fetched report with its window and request id, and no credentials', async () => {
  logger.info.mockClear();
  const res = await request(plugin.server)
    .get(`${reportPath}?executions=2`)
    .set('Authorization', mockCredentials.user.header())
    .set('x-request-id', 'req-12345');
  expect(res.status).toBe(200);
  expect(res.headers['x-request-id']).toBe('req-12345');
  const fetched = logger.info.mock.calls.find(([message]) => message.includes('report'));
  expect(fetched?.[1]).toMatchObject({
    windowId: DEMO_WINDOW_IDS.paymentsApiNightlyPatching,
    requestId: 'req-12345',
  });
  const logged = JSON.stringify([...logger.info.mock.calls, ...logger.warn.mock.calls]);
  expect(logged).not.toContain(DEMO_CREDENTIALS.secretAccessKey);
  expect(logged).not.toContain(DEMO_CREDENTIALS.accessKeyId);
});

it('gives a request without a usable x-request-id one of its own', async () => {
  const res = await request(plugin.server)
    .get('/api/ssm-invocations/health')
    .set('x-request-id', 'not an id; rm -rf /');
  expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
