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
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import ssmInvocationsPlugin from './index';
import {
  component,
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

  it('allows exactly the SSM actions the plugin calls for a report and an invocation detail', async () => {
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
