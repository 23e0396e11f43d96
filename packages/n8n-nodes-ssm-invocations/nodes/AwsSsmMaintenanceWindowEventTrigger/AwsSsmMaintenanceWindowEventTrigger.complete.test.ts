/**
 * COMPLETE target events: AWS sends them for Automation, Lambda and Step Functions targets once
 * their invocation ended, failed or not. The trigger looks the invocation up on that target and
 * emits it only when its real status is one the filter wants.
 */
import type { IDataObject } from 'n8n-workflow';
import type { Emulator, Fixture, FixtureInvocation, FixtureTask } from '@ssm-invocations/emulator';
import { AwsSsmMaintenanceWindowEventTrigger } from './AwsSsmMaintenanceWindowEventTrigger.node';
import {
  completeStatusesWanted,
  passesFilters,
  readMaintenanceWindowEvent,
  type MaintenanceWindowEvent,
} from './maintenanceWindowEvent';
import { demoFixture, uuid } from '../../test-support/ssmFixture';
import { fakeWebhook, sentCalls, startSsmEmulator } from '../../test-support/fakeN8n';
import { targetInvocationEvent } from '../../test-support/targetInvocationEvent';

const trigger = new AwsSsmMaintenanceWindowEventTrigger();
// A test value, not a secret: built at run time so it is never a literal in source.
const SECRET = ['complete', 'events', String(Date.now())].join('-');
const AUTOMATION_TASK = uuid(2, 2);
const LAMBDA_TASK = uuid(2, 3);
/** An Automation task whose one window target ran twice: failed first, then succeeded. */
const SIBLINGS_TASK = uuid(2, 4);
/** Window targets of the Automation and Lambda invocations (one invocation each). */
const target = {
  automationFailed: uuid(6, 1),
  automationSucceeded: uuid(6, 2),
  lambdaTimedOut: uuid(6, 3),
  siblings: uuid(6, 4),
};

function invocation(
  n: number,
  windowTarget: string,
  status: FixtureInvocation['Status'],
  parameters: object,
  start: number,
): FixtureInvocation {
  return {
    InvocationId: uuid(3, n),
    ExecutionId: uuid(7, n),
    Parameters: JSON.stringify(parameters),
    Status: status,
    StatusDetails: status === 'SUCCESS' ? 'Success' : 'Failed',
    StartTime: start,
    EndTime: start + 30,
    WindowTargetId: windowTarget,
  };
}

/** The demo fixture's execution, plus an Automation task and a Lambda task. */
function fixtureWithOtherTaskTypes(): Fixture {
  const fixture = demoFixture(10);
  const execution = fixture.windows[0]?.executions?.[0];
  const start = execution?.StartTime;
  if (!execution?.tasks || typeof start !== 'number') throw new Error('no demo execution');
  const automation = (instance: string) => ({
    documentName: 'AWS-RestartEC2Instance',
    parameters: { InstanceId: [instance] },
  });
  /** A task started with the execution, ended 100 s later, over `invocations`. */
  const task = (
    TaskExecutionId: string,
    TaskType: FixtureTask['TaskType'],
    TaskArn: string,
    Status: FixtureTask['Status'],
    invocations: FixtureInvocation[],
  ): FixtureTask => ({
    TaskExecutionId,
    TaskType,
    TaskArn,
    Status,
    StartTime: start,
    EndTime: start + 100,
    invocations,
  });
  const tasks: FixtureTask[] = [
    task(AUTOMATION_TASK, 'AUTOMATION', 'AWS-RestartEC2Instance', 'FAILED', [
      invocation(200_001, target.automationFailed, 'FAILED', automation('i-01'), start + 1),
      invocation(200_002, target.automationSucceeded, 'SUCCESS', automation('i-02'), start + 2),
    ]),
    task(
      LAMBDA_TASK,
      'LAMBDA',
      'arn:aws:lambda:us-east-1:111122223333:function:reindex',
      'TIMED_OUT',
      [invocation(300_001, target.lambdaTimedOut, 'TIMED_OUT', { target: 'search' }, start + 3)],
    ),
    task(SIBLINGS_TASK, 'AUTOMATION', 'AWS-RestartEC2Instance', 'FAILED', [
      invocation(400_001, target.siblings, 'FAILED', automation('i-04'), start + 1),
      invocation(400_002, target.siblings, 'SUCCESS', automation('i-05'), start + 40),
    ]),
  ];
  execution.tasks.push(...tasks);
  return fixture;
}

function targetEvent(id: string, taskId: string, windowTarget: string, status = 'COMPLETE') {
  return targetInvocationEvent(id, {
    'task-execution-id': taskId,
    'window-target-id': windowTarget,
    status,
  });
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startSsmEmulator(fixtureWithOtherTaskTypes());
});
afterAll(() => emulator.stop());

async function deliver(body: unknown, params: IDataObject = {}, staticData: IDataObject = {}) {
  const { context, answered, requests } = fakeWebhook(
    emulator,
    {
      headerName: 'x-api-key',
      apiKey: SECRET,
      windowIds: '',
      statuses: ['FAILED', 'TIMED_OUT'],
      simplify: true,
      includeFailureOutput: false,
      ...params,
    },
    { headers: { 'x-api-key': SECRET }, body },
    staticData,
  );
  const result = await trigger.webhook.call(context);
  return {
    answered,
    started: result.workflowData !== undefined,
    items: (result.workflowData?.[0] ?? []).map((item) => item.json),
    calls: sentCalls(requests),
  };
}

describe('a COMPLETE target event', () => {
  it('of a failed Automation target emits it once, with its real status', async () => {
    const staticData: IDataObject = {};
    const body = targetEvent('c-1', AUTOMATION_TASK, target.automationFailed);
    const first = await deliver(body, { includeFailureOutput: true }, staticData);
    expect(first.answered.status).toBe(202);
    expect(first.items).toEqual([
      expect.objectContaining({
        EventId: 'c-1',
        Status: 'FAILED',
        TaskType: 'AUTOMATION',
        InvocationId: uuid(3, 200_001),
        WindowTargetId: target.automationFailed,
        Diagnosis: expect.objectContaining({ TaskType: 'AUTOMATION' }) as IDataObject,
      }),
    ]);
    // The lookup asks SSM for the final statuses the filter wants, never for COMPLETE.
    const lookup = first.calls[0];
    expect(lookup?.operation).toBe('DescribeMaintenanceWindowExecutionTaskInvocations');
    // Every final status: the event is matched among all the target's finished invocations first.
    expect(lookup?.input.Filters).toEqual([
      { Key: 'STATUS', Values: ['SUCCESS', 'FAILED', 'TIMED_OUT', 'CANCELLED'] },
    ]);

    const repeated = await deliver(body, {}, staticData);
    expect(repeated.answered).toEqual({
      status: 200,
      body: { message: 'duplicate delivery ignored' },
    });
    // Another delivery about the same target (a new event id) finds nothing left to emit.
    const again = await deliver(
      targetEvent('c-2', AUTOMATION_TASK, target.automationFailed),
      {},
      staticData,
    );
    expect(again.answered.status).toBe(202);
    expect(again.started).toBe(false);
  });

  it('of a succeeded Automation target starts nothing, unless the filter wants SUCCESS or COMPLETE', async () => {
    const body = (id: string) => targetEvent(id, AUTOMATION_TASK, target.automationSucceeded);
    const unwanted = await deliver(body('c-3'));
    expect(unwanted.answered.status).toBe(202);
    expect(unwanted.calls.map((call) => call.operation)).toEqual([
      'DescribeMaintenanceWindowExecutionTaskInvocations',
    ]);
    expect(unwanted.started).toBe(false);
    for (const [id, statuses] of [
      ['c-4', ['SUCCESS']],
      ['c-5', ['COMPLETE']],
      ['c-6', []],
    ] as const) {
      const wanted = await deliver(body(id), { statuses: [...statuses] });
      expect(wanted.items).toEqual([
        expect.objectContaining({ Status: 'SUCCESS', InvocationId: uuid(3, 200_002) }),
      ]);
    }
  });

  it('of a timed-out Lambda target emits it when the filter wants TIMED_OUT', async () => {
    const body = (id: string) => targetEvent(id, LAMBDA_TASK, target.lambdaTimedOut);
    const emitted = await deliver(body('c-7'));
    expect(emitted.items).toEqual([
      expect.objectContaining({
        Status: 'TIMED_OUT',
        TaskType: 'LAMBDA',
        InvocationId: uuid(3, 300_001),
      }),
    ]);
    const onlyFailed = await deliver(body('c-8'), { statuses: ['FAILED'] });
    expect(onlyFailed.started).toBe(false);
  });

  it('is filtered out at once when the filter wants no final status', async () => {
    const { answered, calls } = await deliver(
      targetEvent('c-9', AUTOMATION_TASK, target.automationFailed),
      { statuses: ['IN_PROGRESS'] },
    );
    expect(answered).toEqual({ status: 200, body: { message: 'filtered out' } });
    expect(calls).toHaveLength(0);
  });

  it('leaves Run Command events as they were: FAILED looked up in FAILED', async () => {
    const { items, calls } = await deliver(targetEvent('c-10', uuid(2, 1), uuid(5, 5), 'FAILED'));
    expect(calls[0]?.input.Filters).toEqual([{ Key: 'STATUS', Values: ['FAILED'] }]);
    expect(items).toEqual([
      expect.objectContaining({ Status: 'FAILED', InvocationId: uuid(3, 100_005) }),
    ]);
  });
});

describe('completeStatusesWanted and passesFilters', () => {
  const event = readMaintenanceWindowEvent(
    targetEvent('c-11', AUTOMATION_TASK, target.automationFailed),
  ) as MaintenanceWindowEvent;

  it('names the final statuses the filter wants; all of them for none or COMPLETE', () => {
    const all = ['SUCCESS', 'FAILED', 'TIMED_OUT', 'CANCELLED'];
    expect(completeStatusesWanted([])).toEqual(all);
    expect(completeStatusesWanted(['COMPLETE'])).toEqual(all);
    expect(completeStatusesWanted(['CANCELLED', 'FAILED', 'IN_PROGRESS'])).toEqual([
      'FAILED',
      'CANCELLED',
    ]);
    expect(completeStatusesWanted(['IN_PROGRESS', 'PENDING'])).toEqual([]);
  });

  it('lets a COMPLETE target event through when a final status is wanted', () => {
    expect(passesFilters(event, [], ['FAILED', 'TIMED_OUT'])).toBe(true);
    expect(passesFilters(event, [], ['CANCELLED'])).toBe(true);
    expect(passesFilters(event, [], ['IN_PROGRESS'])).toBe(false);
    expect(passesFilters(event, ['mw-0fedcba9876543210'], ['FAILED'])).toBe(false);
  });

  it("of a succeeded sibling never takes the failed sibling's invocation, in either order", async () => {
    const staticData: IDataObject = {};
    const execution = fixtureWithOtherTaskTypes().windows[0]?.executions?.[0];
    const start = Number(execution?.StartTime);
    const endOf = (offset: number) => new Date((start + offset + 30) * 1000).toISOString();
    const succeeded = targetEvent('s-ok', SIBLINGS_TASK, target.siblings);
    (succeeded.detail as IDataObject)['end-time'] = endOf(40);
    const failed = targetEvent('s-failed', SIBLINGS_TASK, target.siblings);
    (failed.detail as IDataObject)['end-time'] = endOf(1);
    // The succeeded sibling's event comes first: it starts nothing (its invocation succeeded).
    const first = await deliver(succeeded, {}, staticData);
    expect(first.started).toBe(false);
    // The failed sibling's own event then emits the failure, once.
    const second = await deliver(failed, {}, staticData);
    expect(second.items).toEqual([
      expect.objectContaining({
        EventId: 's-failed',
        InvocationId: uuid(3, 400_001),
        Status: 'FAILED',
      }),
    ]);
  });
});
