// The README's IAM policy is what adopters paste into AWS; it must allow every SSM action the
// plugin calls (else the card shows AccessDenied) and nothing it never calls (least privilege).
// The emulator counts the operations it answered, so the set is measured, not assumed.
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  entityInvocationPath,
  entityReportPath,
  SSM_INVOCATIONS_IAM_ACTIONS,
  SSM_OWNERSHIP_TAG_IAM_ACTION,
  type EntityReportResponse,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ANNOTATION_SSM_WINDOW_ARN } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_OWNERSHIP_TAG_KEY, DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
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

/** The first JSON block under a README heading. */
function readmeJson<T>(heading: string): T {
  const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
  const at = readme.indexOf(heading);
  if (at < 0) throw new Error(`README has no "${heading}"`);
  const json = /```json\n([\s\S]*?)```/.exec(readme.slice(at))?.[1];
  if (json === undefined) throw new Error(`README has no JSON block under "${heading}"`);
  return JSON.parse(json) as T;
}

/** The README's policy, with the ownership-tag statement when that option is used. */
function readmePolicy(withOwnershipTag = false): PolicyStatement[] {
  const base = readmeJson<{ Statement: PolicyStatement[] }>('### IAM policy').Statement;
  if (!withOwnershipTag) return base;
  return [...base, readmeJson<PolicyStatement>('#### With an ownership tag')];
}

/** Every action the statements allow, sorted. */
function allowedActions(statements: PolicyStatement[]): string[] {
  return statements
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => [statement.Action].flat())
    .sort();
}

describe('the README IAM policy', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  /** The SSM actions the plugin sends for one report and one invocation detail. */
  async function actionsCalled(ssmInvocations: Record<string, unknown> = {}): Promise<string[]> {
    emulator.resetStats();
    const entity = component('payments-api', {
      [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.paymentsApiNightlyPatching),
    });
    const backend = await startTestBackend({
      features: [
        ssmInvocationsPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({ data: emulatorConfig(emulator, ssmInvocations) }),
      ],
    });
    const ref = { namespace: 'default', kind: 'component', name: 'payments-api' };
    const base = '/api/ssm-invocations';

    const report = await request(backend.server)
      .get(`${base}${entityReportPath(ref, { executions: 3 })}`)
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
    const invocation = (report.body as EntityReportResponse).windows[0]?.report?.executions[0]
      ?.tasks[0]?.invocations[0];
    if (!invocation) throw new Error('the demo window has no invocation to open');
    await request(backend.server)
      .get(
        `${base}${entityInvocationPath(ref, {
          windowExecutionId: invocation.WindowExecutionId ?? '',
          taskId: invocation.TaskExecutionId ?? '',
          invocationId: invocation.InvocationId ?? '',
        })}`,
      )
      .set('Authorization', mockCredentials.user.header())
      .expect(200);

    await backend.stop();
    return Object.keys(emulator.stats().byOperation)
      .map((operation) => `ssm:${operation}`)
      .sort();
  }

  it('allows exactly the SSM actions the plugin calls for a report and an invocation detail', async () => {
    const called = await actionsCalled();
    const statements = readmePolicy();
    expect(allowedActions(statements)).toEqual(called);
    expect([...SSM_INVOCATIONS_IAM_ACTIONS].sort()).toEqual(called);
    // Conservative on purpose: "*" works whether or not an action supports resource-level
    // permissions (an ARN in Resource silently fails to grant one that does not).
    for (const statement of statements) expect(statement.Resource).toBe('*');
  });

  it('grows by ssm:ListTagsForResource exactly when ownershipTag is used', async () => {
    const called = await actionsCalled({ ownershipTag: { key: DEMO_OWNERSHIP_TAG_KEY } });
    const statements = readmePolicy(true);
    expect(allowedActions(statements)).toEqual(called);
    expect([...SSM_INVOCATIONS_IAM_ACTIONS, SSM_OWNERSHIP_TAG_IAM_ACTION].sort()).toEqual(called);
    for (const statement of statements) expect(statement.Resource).toBe('*');
  });
});
