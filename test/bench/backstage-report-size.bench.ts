/**
 * Backstage backend: what the report route sends to the browser for a modest patch window —
 * 5 executions × 4 tasks × 500 targets, 2 % failed — side by side with the full core report of
 * the same window (what the route sent before it answered the summary shape). Goal: ≤ 100 KB of
 * JSON. The window is an emulator fixture; the plugin runs in a test backend.
 */
import { gzipSync } from 'node:zlib';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import ssmInvocationsPlugin from '@ssm-invocations/backstage-plugin-ssm-invocations-backend';
import {
  ANNOTATION_SSM_WINDOW_ARN,
  entityReportPath,
  type EntityReportResponse,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { createInvocationsClient } from '@ssm-invocations/core';
import { startEmulator } from '@ssm-invocations/emulator';
import { BENCH_WINDOW_ID, benchFixture, verdict } from './report-fixture';

const ACCOUNT = '123456789012';
const SHAPE = { executions: 5, tasks: 4, invocations: 500, failedEvery: 50 };
const GOAL_BYTES = 100 * 1024;
const CREDENTIALS = { accessKeyId: 'AKIABENCH00000000000', secretAccessKey: 'bench' };

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'fleet',
    namespace: 'default',
    annotations: {
      [ANNOTATION_SSM_WINDOW_ARN]: `arn:aws:ssm:us-east-1:${ACCOUNT}:maintenancewindow/${BENCH_WINDOW_ID}`,
    },
  },
  spec: { type: 'service', owner: 'group:default/platform', lifecycle: 'production' },
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Runs the benchmark and prints its numbers; returns false when the goal is missed. */
export async function backstageReportSizeBench(): Promise<boolean> {
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    fixture: benchFixture(SHAPE),
  });
  const backend = await startTestBackend({
    features: [
      ssmInvocationsPlugin,
      catalogServiceMock.factory({ entities: [entity] }),
      mockServices.rootConfig.factory({
        data: {
          aws: { accounts: [{ accountId: ACCOUNT, ...CREDENTIALS }] },
          ssmInvocations: { endpoint: emulator.url, region: 'us-east-1', accountId: ACCOUNT },
        },
      }),
    ],
  });
  try {
    const path = entityReportPath(
      { namespace: 'default', kind: 'component', name: 'fleet' },
      { executions: SHAPE.executions },
    );
    const res = await fetch(
      `http://127.0.0.1:${backend.server.port()}/api/ssm-invocations${path}`,
      { headers: { authorization: mockCredentials.user.header(), 'accept-encoding': 'identity' } },
    );
    const body = await res.text();
    if (res.status !== 200) throw new Error(`the report route answered ${res.status}`);
    const report = (JSON.parse(body) as EntityReportResponse).windows[0]?.report;
    const failed = report?.summary.failed ?? 0;
    const listed = (report?.executions ?? [])
      .flatMap((execution) => execution.tasks)
      .reduce((sum, task) => sum + task.invocations.length, 0);
    if (report?.summary.total !== 5 * 4 * 500 || listed !== failed) {
      throw new Error(`incomplete summary: ${report?.summary.total} targets, ${listed} listed`);
    }

    const client = createInvocationsClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: CREDENTIALS,
    });
    const full = JSON.stringify(
      await client.getWindowReport({ windowId: BENCH_WINDOW_ID, executions: SHAPE.executions }),
    );

    const bytes = Buffer.byteLength(body);
    const ok = bytes <= GOAL_BYTES;
    console.log(
      `window of ${SHAPE.executions} × ${SHAPE.tasks} × ${SHAPE.invocations} targets, ${failed} failed (2 %)`,
    );
    console.log(
      `report route (summary shape): ${kb(bytes)} JSON, ${kb(gzipSync(body).length)} gzipped, ` +
        `${listed} targets listed`,
    );
    console.log(
      `full core report of the same window: ${kb(Buffer.byteLength(full))} JSON, ` +
        `${kb(gzipSync(full).length)} gzipped (${(Buffer.byteLength(full) / bytes).toFixed(0)}× the summary)`,
    );
    console.log(`goal: report response ≤ ${kb(GOAL_BYTES)} — ${verdict(ok)}`);
    return ok;
  } finally {
    await backend.stop();
    await emulator.stop();
  }
}
