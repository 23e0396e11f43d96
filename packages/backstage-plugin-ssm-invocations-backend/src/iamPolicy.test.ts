// The README's IAM policy is what adopters paste into AWS; it must allow every SSM action the
// plugin calls (else the card shows AccessDenied) and nothing it never calls (least privilege).
// The emulator counts the operations it answered, so the set is measured, not assumed.
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  entityDiagnosisPath,
  entityInvocationPath,
  entityReportPath,
  SSM_INVOCATIONS_IAM_ACTIONS,
  SSM_OWNERSHIP_TAG_IAM_ACTION,
  type EntityDiagnosisResponse,
  type EntityReportResponse,
  type ReportInvocation,
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
import { listedInvocations } from './test-support/reportTargets';

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

  /**
   * The SSM actions the plugin sends for one report, one invocation detail and the diagnoses of a
   * failed Run Command invocation and an Automation one.
   */
  async function actionsCalled(ssmInvocations: Record<string, unknown> = {}): Promise<string[]> {
    emulator.resetStats();
    // Payments patches with Run Command (its newest run failed); inventory-db runs an Automation.
    // One entity each, so that each window's ownership tag names its own entity.
    const entities = [
      component('payments-api', {
        [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.paymentsApiNightlyPatching),
      }),
      component('inventory-db', {
        [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.inventoryDbBackups),
      }),
    ];
    const backend = await startTestBackend({
      features: [
        ssmInvocationsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({ data: emulatorConfig(emulator, ssmInvocations) }),
      ],
    });
    const base = '/api/ssm-invocations';
    const get = (path: string) =>
      request(backend.server)
        .get(`${base}${path}`)
        .set('Authorization', mockCredentials.user.header())
        .expect(200);
    const idsOf = (invocation: ReportInvocation) => ({
      windowExecutionId: invocation.WindowExecutionId ?? '',
      taskId: invocation.TaskExecutionId ?? '',
      invocationId: invocation.InvocationId ?? '',
    });

    const opened: Array<[string, ReportInvocation | undefined]> = [];
    for (const name of ['payments-api', 'inventory-db']) {
      const ref = { namespace: 'default', kind: 'component', name };
      const report = await get(entityReportPath(ref, { executions: 3 }));
      const invocations = listedInvocations(report.body as EntityReportResponse);
      opened.push([
        name,
        invocations.find((candidate) =>
          name === 'payments-api'
            ? candidate.TaskType === 'RUN_COMMAND' && candidate.Status === 'FAILED'
            : candidate.TaskType === 'AUTOMATION',
        ),
      ]);
    }
    for (const [name, invocation] of opened) {
      if (!invocation) throw new Error(`the demo window of ${name} has no invocation to diagnose`);
      const ref = { namespace: 'default', kind: 'component', name };
      await get(entityInvocationPath(ref, idsOf(invocation)));
      const diagnosis = await get(entityDiagnosisPath(ref, idsOf(invocation)));
      // Every follow-up answered: no note says a call was refused or failed.
      expect((diagnosis.body as EntityDiagnosisResponse).diagnosis.notes).toEqual([]);
    }

    await backend.stop();
    return Object.keys(emulator.stats().byOperation)
      .map((operation) => `ssm:${operation}`)
      .sort();
  }

  it('allows exactly the SSM actions the plugin calls for a report, an invocation detail and diagnoses', async () => {
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
