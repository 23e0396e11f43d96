import { iamActionOf } from '@ssm-invocations/core/model';
import {
  coreServices,
  createServiceFactory,
  type RootLoggerService,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATION_SSM_REGION,
  ANNOTATION_SSM_WINDOW_ARN,
  ANNOTATION_SSM_WINDOW_ID,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import request from 'supertest';
import ssmInvocationsPlugin from './index';
import { listedInvocations } from './test-support/reportTargets';
import type { EntityReportResponse } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import {
  component,
  DEMO_ACCOUNT,
  demoWindowArn,
  emulatorConfig,
  type Emulator,
} from './test-support/demoEntities';

const ACCOUNT = DEMO_ACCOUNT;
const arn = demoWindowArn;
const OUTSIDER = 'user:default/outsider';

const entities: Entity[] = [
  component('payments-api', {
    [ANNOTATION_SSM_WINDOW_ARN]: `${arn(DEMO_WINDOW_IDS.paymentsApiNightlyPatching)}, ${arn(DEMO_WINDOW_IDS.checkoutWebWeeklyReboot)}`,
  }),
  component('inventory-db', {
    [ANNOTATION_SSM_WINDOW_ARN]: arn(DEMO_WINDOW_IDS.inventoryDbBackups),
  }),
  component('search-indexer', {
    [ANNOTATION_SSM_WINDOW_ID]: DEMO_WINDOW_IDS.searchIndexerHourlyReindex,
    [ANNOTATION_SSM_REGION]: 'us-east-1',
  }),
  component('half-broken', {
    [ANNOTATION_SSM_WINDOW_ARN]: `arn:aws:ssm:us-east-1:${ACCOUNT}:maintenancewindow/not-a-window, ${arn('mw-0000000000000dead')}, ${arn(DEMO_WINDOW_IDS.inventoryDbBackups)}`,
  }),
  component('storefront-web'),
];

/** The in-memory catalog, except that OUTSIDER can read no entity (as a permission rule would). */
function catalogWithReadRules() {
  const inMemory = catalogServiceMock({ entities });
  return catalogServiceMock.mock({
    getEntityByRef: async (ref, options) => {
      const credentials = options && 'credentials' in options ? options.credentials : undefined;
      const principal = credentials?.principal as { userEntityRef?: string } | undefined;
      if (!principal || principal.userEntityRef === OUTSIDER) return undefined;
      return inMemory.getEntityByRef(ref, options);
    },
  });
}

/** A root logger that keeps every line (message and metadata) for inspection. */
function recordingRootLogger() {
  const lines: string[] = [];
  const make = (meta: unknown): RootLoggerService => {
    const write = (message: string, extra?: unknown) => {
      lines.push(
        JSON.stringify({ message, meta, extra: String(extra), stack: (extra as Error)?.stack }),
      );
    };
    return {
      error: write,
      warn: write,
      info: write,
      debug: write,
      child: (more) => make([meta, more]),
    };
  };
  return {
    lines,
    factory: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => make(undefined),
    }),
  };
}

async function startPlugin(
  emulator: Emulator,
  ssmInvocations: Record<string, unknown> = {},
  extraFeatures: ServiceFactory[] = [],
) {
  const catalog = catalogWithReadRules();
  const backend = await startTestBackend({
    features: [
      ssmInvocationsPlugin,
      catalog.factory,
      ...extraFeatures,
      mockServices.rootConfig.factory({ data: emulatorConfig(emulator, ssmInvocations) }),
    ],
  });
  return { backend, catalog, server: backend.server };
}

/** SSM requests the emulator has answered so far. */
const upstreamRequests = (emulator: Emulator): number => emulator.stats().requests;

const reportPath = (name: string, query = '') =>
  `/api/ssm-invocations/v1/entity/default/component/${name}/report${query}`;

describe('ssm-invocations backend plugin', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  describe('with caching', () => {
    let server: Awaited<ReturnType<typeof startPlugin>>['server'];
    let catalog: ReturnType<typeof catalogWithReadRules>;
    let stop: () => Promise<void>;

    beforeAll(async () => {
      const started = await startPlugin(emulator, { cache: { ttl: 60 } });
      server = started.server;
      catalog = started.catalog;
      stop = () => started.backend.stop();
    });

    afterAll(async () => {
      await stop();
    });

    it('answers /health without credentials', async () => {
      const res = await request(server)
        .get('/api/ssm-invocations/health')
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('serves one report per annotated window, read with the caller’s credentials', async () => {
      const res = await request(server)
        .get(reportPath('payments-api', '?executions=2'))
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const body = res.body as EntityReportResponse;
      expect(body.windows.map((w) => w.windowId)).toEqual([
        DEMO_WINDOW_IDS.paymentsApiNightlyPatching,
        DEMO_WINDOW_IDS.checkoutWebWeeklyReboot,
      ]);
      for (const window of body.windows) {
        expect(window.error).toBeUndefined();
        expect(window.region).toBe('us-east-1');
        expect(window.accountId).toBe(ACCOUNT);
        expect(window.windowArn).toBe(arn(window.windowId));
        expect(window.report?.window.WindowId).toBe(window.windowId);
        expect(window.report?.executions).toHaveLength(2);
        // Dates travel as ISO strings.
        expect(typeof window.report?.generatedAt).toBe('string');
        expect(Number.isNaN(Date.parse(window.report?.generatedAt ?? ''))).toBe(false);
        expect(window.report?.summary.total).toBeGreaterThan(0);
      }
      expect(catalog.getEntityByRef).toHaveBeenCalledWith(
        { kind: 'component', namespace: 'default', name: 'payments-api' },
        {
          credentials: expect.objectContaining({
            principal: expect.objectContaining({ userEntityRef: 'user:default/mock' }),
          }),
        },
      );
    });

    it('resolves the id annotation with the configured account and the annotated region', async () => {
      const res = await request(server)
        .get(reportPath('search-indexer', '?executions=1'))
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const [window] = (res.body as EntityReportResponse).windows;
      expect(window).toMatchObject({
        windowId: DEMO_WINDOW_IDS.searchIndexerHourlyReindex,
        region: 'us-east-1',
        accountId: ACCOUNT,
        windowArn: arn(DEMO_WINDOW_IDS.searchIndexerHourlyReindex),
      });
      expect(window?.report?.executions).toHaveLength(1);
    });

    it('keeps loading the other windows when one annotation is bad or one window is missing', async () => {
      const res = await request(server)
        .get(reportPath('half-broken', '?executions=1'))
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const [bad, missing, good] = (res.body as EntityReportResponse).windows;
      expect(bad?.error).toMatchObject({ code: 'INVALID_INPUT', name: 'InvalidInputError' });
      expect(bad?.report).toBeUndefined();
      expect(missing?.error).toMatchObject({ code: 'NOT_FOUND', name: 'NotFoundError' });
      expect(good?.report?.window.WindowId).toBe(DEMO_WINDOW_IDS.inventoryDbBackups);
    });

    it('answers an entity without annotations with no windows', async () => {
      const res = await request(server)
        .get(reportPath('storefront-web'))
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ windows: [] });
    });

    it('refuses a caller without credentials (401) before asking SSM', async () => {
      const before = upstreamRequests(emulator);
      const res = await request(server)
        .get(reportPath('inventory-db'))
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
      expect(upstreamRequests(emulator)).toBe(before);
    });

    it('answers 404 for an entity the caller may not read, without touching SSM or the cache', async () => {
      // Warm the cache for this entity first: a hidden entity must not be served from it either.
      await request(server)
        .get(reportPath('inventory-db'))
        .set('Authorization', mockCredentials.user.header())
        .expect(200);
      const before = upstreamRequests(emulator);
      const res = await request(server)
        .get(reportPath('inventory-db'))
        .set('Authorization', mockCredentials.user.header(OUTSIDER));
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
      expect(JSON.stringify(res.body)).not.toContain('mw-');
      expect(upstreamRequests(emulator)).toBe(before);
    });

    it('answers 404 for an unknown entity', async () => {
      const res = await request(server)
        .get(reportPath('no-such-service'))
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(404);
    });

    it.each([
      ['?executions=0', 'executions'],
      ['?executions=21', 'executions'],
      ['?executions=abc', 'executions'],
      ['?executions=1&executions=2', 'executions'],
      ['?statuses=FAILED,BROKEN', 'statuses[1]'],
    ])('answers 400 naming the field for %s', async (query, field) => {
      const before = upstreamRequests(emulator);
      const res = await request(server)
        .get(reportPath('inventory-db', query))
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(field);
      expect(upstreamRequests(emulator)).toBe(before);
    });

    it('serves a repeated report from the cache', async () => {
      await request(server)
        .get(reportPath('inventory-db', '?executions=3'))
        .set('Authorization', mockCredentials.user.header())
        .expect(200);
      const before = upstreamRequests(emulator);
      const res = await request(server)
        .get(reportPath('inventory-db', '?executions=3'))
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(upstreamRequests(emulator)).toBe(before);
    });

    it('serves an unchanged report from its stored encoding, gzip or plain as asked', async () => {
      const get = (encoding: string) =>
        request(server)
          .get(reportPath('payments-api', '?executions=3'))
          .set('Authorization', mockCredentials.user.header())
          .set('Accept-Encoding', encoding);
      const first = await get('gzip');
      const before = upstreamRequests(emulator);
      const gzipped = await get('gzip, deflate');
      const again = await get('gzip');
      const plain = await get('identity');
      expect([first.status, gzipped.status, again.status, plain.status]).toEqual([
        200, 200, 200, 200,
      ]);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers['vary']).toContain('Accept-Encoding');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
      // supertest decodes gzip: every variant carries the same report.
      expect(gzipped.body).toEqual(first.body);
      expect(again.body).toEqual(first.body);
      expect(plain.body).toEqual(first.body);
      expect(upstreamRequests(emulator)).toBe(before);
    });

    describe('invocation detail', () => {
      async function firstInvocationOf(name: string) {
        const res = await request(server)
          .get(reportPath(name, '?executions=5'))
          .set('Authorization', mockCredentials.user.header())
          .expect(200);
        const [invocation] = listedInvocations(res.body as EntityReportResponse);
        if (invocation) return invocation;
        throw new Error(`no invocation in the report of ${name}`);
      }

      const detailPath = (
        name: string,
        ids: { WindowExecutionId?: string; TaskExecutionId?: string; InvocationId?: string },
      ) =>
        `/api/ssm-invocations/v1/entity/default/component/${name}/invocations/${ids.WindowExecutionId}/${ids.TaskExecutionId}/${ids.InvocationId}`;

      it('serves an invocation of a window annotated on the entity', async () => {
        const invocation = await firstInvocationOf('inventory-db');
        const res = await request(server)
          .get(detailPath('inventory-db', invocation))
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          WindowExecutionId: invocation.WindowExecutionId,
          TaskExecutionId: invocation.TaskExecutionId,
          InvocationId: invocation.InvocationId,
          Status: invocation.Status,
        });
      });

      it('serves a repeated detail from the cache, ownership check included', async () => {
        const invocation = await firstInvocationOf('search-indexer');
        const get = () =>
          request(server)
            .get(detailPath('search-indexer', invocation))
            .set('Authorization', mockCredentials.user.header());
        const first = await get();
        expect(first.status).toBe(200);
        const before = upstreamRequests(emulator);
        const second = await get();
        expect(second.status).toBe(200);
        expect(second.body).toEqual(first.body);
        expect(upstreamRequests(emulator)).toBe(before);
      });

      it('refuses (404) an invocation of a window not annotated on the entity', async () => {
        const invocation = await firstInvocationOf('inventory-db');
        const res = await request(server)
          .get(detailPath('payments-api', invocation))
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(404);
        expect(res.body.error.message).toContain('does not belong');
      });

      it('refuses (404) the detail for a caller who may not read the entity', async () => {
        const invocation = await firstInvocationOf('inventory-db');
        const before = upstreamRequests(emulator);
        const res = await request(server)
          .get(detailPath('inventory-db', invocation))
          .set('Authorization', mockCredentials.user.header(OUTSIDER));
        expect(res.status).toBe(404);
        expect(upstreamRequests(emulator)).toBe(before);
      });

      it('answers 400 naming the bad id, before asking SSM', async () => {
        const invocation = await firstInvocationOf('inventory-db');
        const before = upstreamRequests(emulator);
        const res = await request(server)
          .get(detailPath('inventory-db', { ...invocation, TaskExecutionId: 'not-a-uuid' }))
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('taskId');
        expect(upstreamRequests(emulator)).toBe(before);
      });

      it('answers 404 for an execution id that does not exist', async () => {
        const invocation = await firstInvocationOf('inventory-db');
        const res = await request(server)
          .get(
            detailPath('inventory-db', {
              ...invocation,
              WindowExecutionId: '00000000-0000-4000-8000-000000000000',
            }),
          )
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(404);
      });
    });
  });

  it('coalesces concurrent requests for one report into one upstream fetch set', async () => {
    // TTL 0: nothing is cached, so only coalescing can share the work. Each SSM answer takes
    // 50 ms, so one fetch set outlasts the time all the requests need to arrive.
    const slow = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      seed: 'demo',
      faults: { latencyMs: 50 },
    });
    const { backend, server } = await startPlugin(slow, { cache: { ttl: 0 } });
    try {
      const get = () =>
        request(server)
          .get(reportPath('payments-api', '?executions=4'))
          .set('Authorization', mockCredentials.user.header());
      const start = upstreamRequests(slow);
      await get().expect(200);
      const oneFetchSet = upstreamRequests(slow) - start;
      expect(oneFetchSet).toBeGreaterThan(0);

      const before = upstreamRequests(slow);
      const responses = await Promise.all(Array.from({ length: 25 }, () => get()));
      expect(responses.map((res) => res.status)).toEqual(Array(25).fill(200));
      expect(upstreamRequests(slow) - before).toBe(oneFetchSet);
      const bodies = new Set(responses.map((res) => JSON.stringify(res.body)));
      expect(bodies.size).toBe(1);

      // Without a fetch in flight, the next request fetches again (TTL 0 caches nothing).
      await get().expect(200);
      expect(upstreamRequests(slow) - before).toBe(2 * oneFetchSet);
    } finally {
      await backend.stop();
      await slow.stop();
    }
  }, 30_000); // 200 requests through a real backend: slow on a loaded machine, not a timing check

  /** The report of inventory-db (two finished executions) from a started plugin. */
  const inventoryReport = (server: Parameters<typeof request>[0]) =>
    request(server)
      .get(reportPath('inventory-db', '?executions=2'))
      .set('Authorization', mockCredentials.user.header())
      .expect(200);

  it('fetches again once the cache entry has expired, finished executions excepted', async () => {
    const { backend, server } = await startPlugin(emulator, { cache: { ttl: 1 } });
    try {
      const get = () => inventoryReport(server);
      const start = upstreamRequests(emulator);
      const first = await get();
      const oneFetchSet = upstreamRequests(emulator) - start;
      await get();
      expect(upstreamRequests(emulator) - start).toBe(oneFetchSet);
      await new Promise((done) => setTimeout(done, 1200));
      const again = await get();
      // Both executions of inventory-db have finished: only the window and its execution list.
      expect(upstreamRequests(emulator) - start).toBe(oneFetchSet + 2);
      expect(oneFetchSet).toBeGreaterThan(2);
      const executionsOf = (res: { body: EntityReportResponse }) =>
        res.body.windows.map((window) => window.report?.executions);
      expect(executionsOf(again)).toEqual(executionsOf(first));
    } finally {
      await backend.stop();
    }
  });

  it('fetches everything again after expiry when history is off', async () => {
    const { backend, server } = await startPlugin(emulator, {
      cache: { ttl: 1, historyTtl: 0 },
    });
    try {
      const get = () => inventoryReport(server);
      const start = upstreamRequests(emulator);
      await get();
      const oneFetchSet = upstreamRequests(emulator) - start;
      await new Promise((done) => setTimeout(done, 1200));
      await get();
      expect(upstreamRequests(emulator) - start).toBe(2 * oneFetchSet);
    } finally {
      await backend.stop();
    }
  });

  describe('with SigV4 checked by the emulator', () => {
    const sigv4 = (secretAccessKey: string) => ({
      credentials: [{ accessKeyId: 'AKIAPLUGINTEST000000', secretAccessKey }],
      region: 'us-east-1',
    });

    it('signs with the credentials of the window’s account from aws.accounts', async () => {
      const checked = await startEmulator({
        port: 0,
        host: '127.0.0.1',
        seed: 'demo',
        sigv4: sigv4('plugin-test-secret-key'),
      });
      const { backend, server } = await startPlugin(checked);
      try {
        const res = await request(server)
          .get(reportPath('inventory-db', '?executions=1'))
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        expect((res.body as EntityReportResponse).windows[0]?.report).toBeDefined();
        expect(checked.stats().signatures.verified).toBeGreaterThan(0);
        expect(checked.stats().signatures.rejected).toBe(0);
      } finally {
        await backend.stop();
        await checked.stop();
      }
    });

    it('reports refused credentials per window, and as 502 on the detail route, without secrets', async () => {
      const refusing = await startEmulator({
        port: 0,
        host: '127.0.0.1',
        seed: 'demo',
        sigv4: sigv4('the-real-secret-the-plugin-does-not-have'),
      });
      const logs = recordingRootLogger();
      const { backend, server } = await startPlugin(refusing, { maxAttempts: 1 }, [logs.factory]);
      try {
        const report = await request(server)
          .get(reportPath('inventory-db', '?executions=1'))
          .set('Authorization', mockCredentials.user.header());
        expect(report.status).toBe(200);
        const [window] = (report.body as EntityReportResponse).windows;
        expect(window?.report).toBeUndefined();
        expect(window?.error?.code).toBe('ACCESS_DENIED');
        // The operation AWS refused travels as a field, so the card can name its IAM action;
        // a refused signature also says it was the credentials, not a permission.
        expect(iamActionOf(window?.error?.operation)).toMatch(/^ssm:\w+$/);
        expect(window?.error?.credentialFault).toEqual({
          setting: 'secretAccessKey',
          rule: 'signature-mismatch',
        });

        const detail = await request(server)
          .get(
            '/api/ssm-invocations/v1/entity/default/component/inventory-db/invocations/' +
              '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90/6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d91/' +
              '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d92',
          )
          .set('Authorization', mockCredentials.user.header());
        expect(detail.status).toBe(502);
        expect(detail.body.error.name).toBe('SsmUpstreamError');
        expect(detail.body.error.stack).toBeUndefined();
        // The failures were logged (a 502 is), but never with a key or a secret.
        expect(logs.lines.some((line) => line.includes('SsmUpstreamError'))).toBe(true);
        for (const text of [
          JSON.stringify(report.body),
          JSON.stringify(detail.body),
          ...logs.lines,
        ]) {
          expect(text).not.toContain('plugin-test-secret-key');
          expect(text).not.toContain('the-real-secret');
          expect(text).not.toContain('Signature=');
        }
        expect(refusing.stats().signatures.rejected).toBeGreaterThan(0);
      } finally {
        await backend.stop();
        await refusing.stop();
      }
    });
  });

  it('answers 503 with Retry-After when SSM throttles', async () => {
    const throttled = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      seed: 'demo',
      faults: { throttle: { requestsPerSecond: 0.001, burst: 1, retryAfterMs: 7000 } },
    });
    const { backend, server } = await startPlugin(throttled, { maxAttempts: 1 });
    try {
      const res = await request(server)
        .get(reportPath('inventory-db'))
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(503);
      expect(res.body.error.name).toBe('ServiceUnavailableError');
      // The emulator asked for 7000 ms; the core keeps it and the plugin passes it on in seconds.
      expect(res.headers['retry-after']).toBe('7');
      expect(throttled.stats().throttled).toBeGreaterThan(0);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('plugin-test-secret-key');
      expect(text).not.toContain('AKIAPLUGINTEST');
    } finally {
      await backend.stop();
      await throttled.stop();
    }
  });
});
