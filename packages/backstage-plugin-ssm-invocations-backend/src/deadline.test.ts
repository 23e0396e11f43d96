/**
 * Nothing waits forever (issue 9, item 1, backend half): with SSM accepting requests and never
 * answering, a viewer gets a 504 within `ssmInvocations.requestTimeout`, viewers who joined the
 * same fetch are released too, and once SSM answers again the next viewer gets the report — the
 * hung fetch does not stay in the coalescing cache.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type { EntityReportResponse } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ANNOTATION_SSM_WINDOW_ARN } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import request from 'supertest';
import { component, demoWindowArn, type Emulator } from './test-support/demoEntities';
import { firstTarget } from './test-support/reportTargets';
import { startPlugin, type StartedPlugin } from './test-support/startPlugin';

const DEADLINE_MS = 1000;
const entities = [
  component('inventory-db', {
    [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.inventoryDbBackups),
  }),
];
const reportPath = '/api/ssm-invocations/v1/entity/default/component/inventory-db/report';
const asUser = mockCredentials.user.header();

let emulator: Emulator;
let plugin: StartedPlugin;

async function setHang(hangRate: number): Promise<void> {
  const res = await fetch(`${emulator.url}/__emulator/faults`, {
    method: 'PUT',
    body: JSON.stringify({ hangRate }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  plugin = await startPlugin({
    emulator,
    entities,
    ssmInvocations: { requestTimeout: { milliseconds: DEADLINE_MS }, cache: { ttl: 60 } },
  });
});
afterAll(async () => {
  await plugin.backend.stop();
  await emulator.stop();
});

it('answers 504 within the deadline while SSM hangs, and the report once SSM answers again', async () => {
  await setHang(1);
  const started = Date.now();
  const [first, joined] = await Promise.all(
    [0, 1].map(() => request(plugin.server).get(reportPath).set('Authorization', asUser)),
  );
  const elapsed = Date.now() - started;
  for (const res of [first, joined]) {
    expect(res?.status).toBe(504);
    expect(res?.body.error.name).toBe('SsmGatewayTimeoutError');
    expect(res?.body.error.message).toContain('ssmInvocations.requestTimeout');
  }
  expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
  expect(elapsed).toBeLessThan(DEADLINE_MS + 2000);

  await setHang(0);
  const recovered = await request(plugin.server).get(reportPath).set('Authorization', asUser);
  expect(recovered.status).toBe(200);
  expect((recovered.body as EntityReportResponse).windows[0]?.report).toBeDefined();
});

it('ends the invocation route within the deadline too', async () => {
  const invocation = await firstTarget(plugin.server, asUser, 'inventory-db');
  await setHang(1);
  try {
    const started = Date.now();
    const res = await request(plugin.server)
      .get(
        `/api/ssm-invocations/v1/entity/default/component/inventory-db/invocations/${invocation.WindowExecutionId}/${invocation.TaskExecutionId}/${invocation.InvocationId}`,
      )
      .set('Authorization', asUser);
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 2000);
  } finally {
    await setHang(0);
  }
});
