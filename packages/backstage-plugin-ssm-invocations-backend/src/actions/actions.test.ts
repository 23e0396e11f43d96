/**
 * The plugin's actions over HTTP, as MCP clients reach them through the actions registry
 * (`/.backstage/actions/v1/…` on the plugin's base URL): listed with their attributes and
 * schemas, invoked with the caller's credentials through the same checks as the routes.
 */
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ANNOTATION_SSM_WINDOW_ARN,
  type EntityDiagnosisResponse,
  type EntityReportResponse,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import request from 'supertest';
import { component, demoWindowArn, type Emulator } from '../test-support/demoEntities';
import { startPlugin, type StartedPlugin } from '../test-support/startPlugin';

const ACTIONS = '/api/ssm-invocations/.backstage/actions/v1/actions';
const OUTSIDER = 'user:default/outsider';
const DENIED = 'user:default/denied';
const asUser = mockCredentials.user.header();

let emulator: Emulator;
let plugin: StartedPlugin;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  plugin = await startPlugin({
    emulator,
    entities: [
      component('payments-api', {
        [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.paymentsApiNightlyPatching),
      }),
      component('inventory-db', {
        [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.inventoryDbBackups),
      }),
    ],
    hiddenFrom: [OUTSIDER],
    policy: (_request, credentials) =>
      (credentials.principal as { userEntityRef?: string }).userEntityRef === DENIED
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    features: [actionsRegistryServiceFactory],
  });
}, 30_000);

afterAll(async () => {
  await plugin?.backend.stop();
  await emulator?.stop();
});

function invoke(name: string, input: object, authorization = asUser) {
  return request(plugin.server)
    .post(`${ACTIONS}/ssm-invocations:${name}/invoke`)
    .set('Authorization', authorization)
    .send(input);
}

describe('actions', () => {
  it('are listed, read-only and idempotent, with input and output schemas', async () => {
    const res = await request(plugin.server).get(ACTIONS).set('Authorization', asUser);
    expect(res.status).toBe(200);
    const actions = res.body.actions as Array<{
      id: string;
      attributes: Record<string, boolean>;
      schema: { input: { properties: Record<string, unknown>; required?: string[] } };
    }>;
    expect(actions.map((action) => action.id).sort()).toEqual([
      'ssm-invocations:diagnose-invocation',
      'ssm-invocations:get-window-report',
    ]);
    for (const action of actions) {
      expect(action.attributes).toEqual({ readOnly: true, idempotent: true, destructive: false });
      expect(action.schema.input.required).toContain('entityRef');
    }
    const diagnose = actions.find((action) => action.id.endsWith('diagnose-invocation'));
    expect(diagnose?.schema.input.required?.sort()).toEqual([
      'entityRef',
      'invocationId',
      'taskId',
      'windowExecutionId',
    ]);
  });

  it('get-window-report answers the summary-shaped report to a signed-in user', async () => {
    const res = await invoke('get-window-report', {
      entityRef: 'component:default/payments-api',
      executions: 2,
    });
    expect(res.status).toBe(200);
    const output = res.body.output as EntityReportResponse;
    expect(output.windows.map((window) => window.windowId)).toEqual([
      DEMO_WINDOW_IDS.paymentsApiNightlyPatching,
    ]);
    const report = output.windows[0]?.report;
    expect(report?.executions).toHaveLength(2);
    expect(report?.maxTargetsPerTask).toBe(20);
    for (const task of report?.executions.flatMap((execution) => execution.tasks) ?? []) {
      expect(task.invocationsOmitted).toBeGreaterThanOrEqual(0);
      for (const invocation of task.invocations) {
        expect([
          'FAILED',
          'TIMED_OUT',
          'CANCELLED',
          'PENDING',
          'IN_PROGRESS',
          'CANCELLING',
        ]).toContain(invocation.Status);
        expect(invocation).not.toHaveProperty('Parameters');
      }
    }
  });

  it('diagnose-invocation explains a failed target of the report', async () => {
    const report = await invoke('get-window-report', { entityRef: 'payments-api', executions: 5 });
    // The summary names the execution and task once; each listed invocation its own id.
    const failed = (report.body.output as EntityReportResponse).windows[0]?.report?.executions
      .flatMap((execution) => execution.tasks)
      .flatMap(({ task, invocations }) => invocations.map((invocation) => ({ task, invocation })))
      .find(
        ({ invocation }) => invocation.Status === 'FAILED' && invocation.TaskType === 'RUN_COMMAND',
      );
    if (!failed) throw new Error('the demo window has no failed Run Command target');
    const res = await invoke('diagnose-invocation', {
      entityRef: 'component:default/payments-api',
      windowExecutionId: failed.task.WindowExecutionId,
      taskId: failed.task.TaskExecutionId,
      invocationId: failed.invocation.InvocationId,
    });
    expect(res.status).toBe(200);
    const output = res.body.output as EntityDiagnosisResponse;
    expect(output.outputWithheld).toBe(false);
    expect(output.diagnosis.taskType).toBe('RUN_COMMAND');
    expect(output.diagnosis.invocation.InvocationId).toBe(failed.invocation.InvocationId);
  });

  it('are refused to an anonymous caller, without asking the catalog', async () => {
    const before = plugin.getEntityByRef.mock.calls.length;
    const res = await invoke(
      'get-window-report',
      { entityRef: 'component:default/payments-api' },
      mockCredentials.none.header(),
    );
    expect(res.status).toBe(401);
    expect(res.body.output).toBeUndefined();
    expect(plugin.getEntityByRef.mock.calls.length).toBe(before);
  });

  it('answer 404 for an unknown entity and for one the caller cannot read', async () => {
    const unknown = await invoke('get-window-report', { entityRef: 'component:default/nope' });
    expect(unknown.status).toBe(404);
    const hidden = await invoke(
      'get-window-report',
      { entityRef: 'component:default/payments-api' },
      mockCredentials.user.header(OUTSIDER),
    );
    expect(hidden.status).toBe(404);
    const diagnosis = await invoke(
      'diagnose-invocation',
      {
        entityRef: 'component:default/payments-api',
        windowExecutionId: '00000000-0000-4000-8000-000000000000',
        taskId: '00000000-0000-4000-8000-000000000000',
        invocationId: '00000000-0000-4000-8000-000000000000',
      },
      mockCredentials.user.header(OUTSIDER),
    );
    expect(diagnosis.status).toBe(404);
  });

  it('answer 403 when the policy denies ssm-invocations.window.read, 400 for a bad ref', async () => {
    const denied = await invoke(
      'get-window-report',
      { entityRef: 'component:default/payments-api' },
      mockCredentials.user.header(DENIED),
    );
    expect(denied.status).toBe(403);
    const before = emulator.stats().requests;
    const bad = await invoke('get-window-report', { entityRef: 'component:default/ünïcode' });
    expect(bad.status).toBe(400);
    const missing = await invoke('get-window-report', {});
    expect(missing.status).toBe(400);
    expect(emulator.stats().requests).toBe(before);
  });

  it('diagnose-invocation answers 404 for an execution of another entity', async () => {
    const report = await invoke('get-window-report', {
      entityRef: 'component:default/inventory-db',
    });
    const execution = (report.body.output as EntityReportResponse).windows[0]?.report
      ?.executions[0];
    const task = execution?.tasks[0];
    const res = await invoke('diagnose-invocation', {
      entityRef: 'component:default/payments-api',
      windowExecutionId: execution?.execution.WindowExecutionId,
      taskId: task?.task.TaskExecutionId,
      invocationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.status).toBe(404);
  });
});
