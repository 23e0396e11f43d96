/**
 * The diagnosis route (issue 10, Surfaces → Backstage): the same entity, permission and window
 * checks as the invocation route, core's diagnosis with the request deadline, and command output
 * only for callers allowed `ssm-invocations.output.read`. Against the emulator's demo seed, whose
 * failed Run Command nodes print real stderr.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ANNOTATION_SSM_WINDOW_ARN,
  entityDiagnosisPath,
  entityReportPath,
  type EntityDiagnosisResponse,
  type EntityReportResponse,
  type InvocationIds,
  type ReportInvocation,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import request from 'supertest';
import { component, demoWindowArn, type Emulator } from './test-support/demoEntities';
import { listedInvocations } from './test-support/reportTargets';
import { startPlugin, type StartedPlugin, type TestPolicy } from './test-support/startPlugin';

const BASE = '/api/ssm-invocations';
const READER = 'user:default/reader';
const OPERATOR = 'user:default/operator';

const entities: Entity[] = [
  component('payments-api', {
    [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.paymentsApiNightlyPatching),
  }),
  component('inventory-db', {
    [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.inventoryDbBackups),
  }),
];
const ref = (name: string) => ({ namespace: 'default', kind: 'component', name });

/** Everyone may read windows; only the operator may read command output. */
const policy: TestPolicy = (req, credentials) => {
  if (req.permission.name !== 'ssm-invocations.output.read') return AuthorizeResult.ALLOW;
  const user = (credentials.principal as { userEntityRef?: string }).userEntityRef;
  return user === OPERATOR ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
};

let emulator: Emulator;
let plugin: StartedPlugin;
let failedCommand: ReportInvocation;

const idsOf = (invocation: ReportInvocation): InvocationIds => ({
  windowExecutionId: invocation.WindowExecutionId ?? '',
  taskId: invocation.TaskExecutionId ?? '',
  invocationId: invocation.InvocationId ?? '',
});

function diagnose(
  server: StartedPlugin['server'],
  name: string,
  ids: InvocationIds,
  as = OPERATOR,
) {
  return request(server)
    .get(`${BASE}${entityDiagnosisPath(ref(name), ids)}`)
    .set('Authorization', mockCredentials.user.header(as));
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  plugin = await startPlugin({ emulator, entities, policy });
  const report = await request(plugin.server)
    .get(`${BASE}${entityReportPath(ref('payments-api'), { executions: 5 })}`)
    .set('Authorization', mockCredentials.user.header(READER))
    .expect(200);
  const found = listedInvocations(report.body as EntityReportResponse).find(
    (invocation) => invocation.TaskType === 'RUN_COMMAND' && invocation.Status === 'FAILED',
  );
  if (!found) throw new Error('the demo payments window has no failed Run Command invocation');
  failedCommand = found;
});
afterAll(async () => {
  await plugin?.backend.stop();
  await emulator?.stop();
});

describe('the report', () => {
  it('carries each invocation’s instance ids as targets, not its Parameters', () => {
    expect(failedCommand).not.toHaveProperty('Parameters');
    expect(failedCommand.targets?.length).toBeGreaterThan(0);
    for (const target of failedCommand.targets ?? []) {
      expect(target).toMatchObject({
        kind: 'instance',
        id: expect.stringMatching(/^i-[0-9a-f]+$/),
      });
    }
  });
});

describe('GET …/diagnosis', () => {
  it('gives an output reader the failed node’s exit code and stderr tail, links and targets', async () => {
    const res = await diagnose(plugin.server, 'payments-api', idsOf(failedCommand));
    expect(res.status).toBe(200);
    const { diagnosis, outputWithheld } = res.body as EntityDiagnosisResponse;
    expect(outputWithheld).toBe(false);
    if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(`got ${diagnosis.taskType}`);
    const failed = diagnosis.instances.find((node) => node.status === 'Failed');
    expect(failed?.instanceId).toMatch(/^i-[0-9a-f]+$/);
    expect(diagnosis.targets.map((target) => target.id)).toContain(failed?.instanceId);
    expect(failed?.output?.responseCode).toEqual(expect.any(Number));
    expect(failed?.output?.responseCode).not.toBe(0);
    expect(failed?.output?.standardError?.text.trim()).not.toBe('');
    expect(diagnosis.links.map((link) => link.kind)).toContain('run-command');
    for (const link of diagnosis.links) expect(link.url).toMatch(/^https:\/\//);
    // Parameters stay with the backend (exposeParameters is off); the targets came from them.
    expect(diagnosis.invocation).not.toHaveProperty('Parameters');
    expect(diagnosis.notes).toEqual([]);
  });

  it('withholds every piece of command output from a caller without ssm-invocations.output.read', async () => {
    const allowed = (await diagnose(plugin.server, 'payments-api', idsOf(failedCommand)))
      .body as EntityDiagnosisResponse;
    plugin.authorizeCalls.length = 0;
    const res = await diagnose(plugin.server, 'payments-api', idsOf(failedCommand), READER);
    expect(res.status).toBe(200);
    const { diagnosis, outputWithheld } = res.body as EntityDiagnosisResponse;
    expect(outputWithheld).toBe(true);
    expect(plugin.authorizeCalls.map((call) => [call.permission, call.resourceRef])).toEqual([
      ['ssm-invocations.window.read', 'component:default/payments-api'],
      ['ssm-invocations.output.read', 'component:default/payments-api'],
    ]);
    if (diagnosis.taskType !== 'RUN_COMMAND' || allowed.diagnosis.taskType !== 'RUN_COMMAND') {
      throw new Error('expected a Run Command diagnosis');
    }
    const failed = diagnosis.instances.find((node) => node.status === 'Failed');
    // Statuses and exit codes stay; the printed text does not.
    expect(failed?.output?.responseCode).toEqual(expect.any(Number));
    for (const node of diagnosis.instances) {
      expect(node.output).not.toHaveProperty('standardError');
      expect(node.output).not.toHaveProperty('standardOutput');
      for (const plugin of node.plugins) expect(plugin).not.toHaveProperty('output');
    }
    const allowedFailed = allowed.diagnosis.instances.find((node) => node.status === 'Failed');
    const stderr = allowedFailed?.output?.standardError?.text.trim() ?? '';
    expect(stderr).not.toBe('');
    expect(JSON.stringify(res.body)).not.toContain(stderr.split('\n')[0]);
  });

  it('withholds an Automation step’s failure message and details but keeps the step', async () => {
    const report = await request(plugin.server)
      .get(`${BASE}${entityReportPath(ref('inventory-db'), { executions: 10 })}`)
      .set('Authorization', mockCredentials.user.header(READER))
      .expect(200);
    const automation = listedInvocations(report.body as EntityReportResponse).find(
      (invocation) => invocation.TaskType === 'AUTOMATION' && invocation.Status === 'FAILED',
    );
    if (!automation) throw new Error('the demo inventory window has no failed Automation');
    const full = (await diagnose(plugin.server, 'inventory-db', idsOf(automation)))
      .body as EntityDiagnosisResponse;
    const withheld = (await diagnose(plugin.server, 'inventory-db', idsOf(automation), READER))
      .body as EntityDiagnosisResponse;
    if (full.diagnosis.taskType !== 'AUTOMATION' || withheld.diagnosis.taskType !== 'AUTOMATION') {
      throw new Error('expected Automation diagnoses');
    }
    const step = full.diagnosis.automation?.failedStep;
    expect(step?.failureMessage).toBeTruthy();
    const hidden = withheld.diagnosis.automation?.failedStep;
    expect(hidden?.stepName).toBe(step?.stepName);
    expect(hidden).not.toHaveProperty('failureMessage');
    expect(hidden?.failureDetails?.details ?? {}).toEqual({});
    expect(withheld.diagnosis.automation).not.toHaveProperty('failureMessage');
    // The Automation service's own text is gone. (The maintenance-window invocation's
    // StatusDetails, which every window reader sees in the report, is window data and stays.)
    expect(JSON.stringify(withheld.diagnosis.automation)).not.toContain(
      step?.failureMessage ?? '?',
    );
  });

  it('answers 404 for an execution of a window not annotated on the entity, asking SSM no output', async () => {
    const before = emulator.stats().byOperation;
    const res = await diagnose(plugin.server, 'inventory-db', idsOf(failedCommand));
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    const after = emulator.stats().byOperation;
    for (const operation of ['ListCommandInvocations', 'GetCommandInvocation']) {
      expect(after[operation] ?? 0).toBe(before[operation] ?? 0);
    }
  });

  it('answers 403 without any SSM call when ssm-invocations.window.read is denied', async () => {
    const denying = await startPlugin({
      emulator,
      entities,
      policy: () => AuthorizeResult.DENY,
    });
    try {
      const before = emulator.stats().requests;
      const res = await diagnose(denying.server, 'payments-api', idsOf(failedCommand));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('ssm-invocations.window.read');
      expect(emulator.stats().requests).toBe(before);
    } finally {
      await denying.backend.stop();
    }
  });

  it('answers 400 for a missing or malformed id, before SSM', async () => {
    const before = emulator.stats().requests;
    const missing = await request(plugin.server)
      .get(`${BASE}/v1/entity/default/component/payments-api/diagnosis?taskId=x`)
      .set('Authorization', mockCredentials.user.header(OPERATOR));
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('windowExecutionId');
    const malformed = await diagnose(plugin.server, 'payments-api', {
      ...idsOf(failedCommand),
      taskId: 'not-a-task',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('taskId');
    expect(emulator.stats().requests).toBe(before);
  });
});

describe('a backend whose AWS role may not read command output', () => {
  it('still answers, with an ACCESS_DENIED note naming the refused action', async () => {
    const denied = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      seed: 'demo',
      faults: { operations: { GetCommandInvocation: { accessDenied: true } } },
    });
    const degraded = await startPlugin({ emulator: denied, entities, policy });
    try {
      const res = await diagnose(degraded.server, 'payments-api', idsOf(failedCommand));
      expect(res.status).toBe(200);
      const { diagnosis } = res.body as EntityDiagnosisResponse;
      if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(`got ${diagnosis.taskType}`);
      expect(diagnosis.instances.length).toBeGreaterThan(0);
      expect(diagnosis.notes).toContainEqual(
        expect.objectContaining({
          code: 'ACCESS_DENIED',
          operation: 'GetCommandInvocation',
          message: expect.stringContaining('ssm:GetCommandInvocation'),
        }),
      );
    } finally {
      await degraded.backend.stop();
      await denied.stop();
    }
  });
});
