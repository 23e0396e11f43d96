// The README's IAM policy is what adopters paste into AWS; it must allow every SSM action the
// plugin calls (else the card shows AccessDenied) and nothing it never calls (least privilege).
// The emulator counts the operations it answered, so the set is measured, not assumed.
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  entityInvocationPath,
  entityReportPath,
  SSM_INVOCATIONS_IAM_ACTIONS,
  type EntityReportResponse,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ANNOTATION_SSM_WINDOW_ARN } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { createInvocationsClient } from '@ssm-invocations/core';
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import ssmInvocationsPlugin from './index';
import {
  component,
  DEMO_CREDENTIALS,
  demoWindowArn,
  emulatorConfig,
  type Emulator,
} from './test-support/demoEntities';

interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
}

/** The JSON block under the README's "IAM policy" heading. */
function readmePolicy(): { Statement: PolicyStatement[] } {
  const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### IAM policy'));
  const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  if (json === undefined) throw new Error('README has no JSON block under "### IAM policy"');
  return JSON.parse(json) as { Statement: PolicyStatement[] };
}

describe('the README IAM policy', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it('allows exactly the SSM actions the plugin calls for a report, an invocation detail and a diagnosis', async () => {
    const entity = component('payments-api', {
      [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.paymentsApiNightlyPatching),
    });
    const { server } = await startTestBackend({
      features: [
        ssmInvocationsPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({ data: emulatorConfig(emulator) }),
      ],
    });
    const ref = { namespace: 'default', kind: 'component', name: 'payments-api' };
    const base = '/api/ssm-invocations';

    const report = await request(server)
      .get(`${base}${entityReportPath(ref, { executions: 3 })}`)
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
    const invocation = (report.body as EntityReportResponse).windows[0]?.report?.executions[0]
      ?.tasks[0]?.invocations[0];
    if (!invocation) throw new Error('the demo window has no invocation to open');
    await request(server)
      .get(
        `${base}${entityInvocationPath(ref, {
          windowExecutionId: invocation.WindowExecutionId ?? '',
          taskId: invocation.TaskExecutionId ?? '',
          invocationId: invocation.InvocationId ?? '',
        })}`,
      )
      .set('Authorization', mockCredentials.user.header())
      .expect(200);

    // A failed target's diagnosis is core's diagnoseInvocation with the plugin's credentials:
    // measured here on a failed RUN_COMMAND and a failed AUTOMATION invocation of the demo.
    const diagnosing = createInvocationsClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: DEMO_CREDENTIALS,
      maxAttempts: 1,
    });
    for (const taskType of ['RUN_COMMAND', 'AUTOMATION']) {
      const failed = emulator.store.invocations.find(
        (i) => i.TaskType === taskType && i.Status === 'FAILED',
      );
      if (!failed) throw new Error(`the demo has no failed ${taskType} invocation`);
      const diagnosis = await diagnosing.diagnoseInvocation({
        windowExecutionId: failed.WindowExecutionId,
        taskId: failed.TaskExecutionId,
        invocationId: failed.InvocationId,
      });
      expect(diagnosis.notes).toEqual([]);
    }

    const called = Object.keys(emulator.stats().byOperation)
      .map((operation) => `ssm:${operation}`)
      .sort();
    const statements = readmePolicy().Statement;
    const allowed = statements
      .filter((statement) => statement.Effect === 'Allow')
      .flatMap((statement) => [statement.Action].flat())
      .sort();
    expect(allowed).toEqual(called);
    expect([...SSM_INVOCATIONS_IAM_ACTIONS].sort()).toEqual(called);
    // Conservative on purpose: "*" works whether or not an action supports resource-level
    // permissions (an ARN in Resource silently fails to grant one that does not).
    for (const statement of statements) expect(statement.Resource).toBe('*');
  });
});
