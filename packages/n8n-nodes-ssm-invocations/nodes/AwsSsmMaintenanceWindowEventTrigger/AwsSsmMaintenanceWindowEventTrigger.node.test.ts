import type { IDataObject } from 'n8n-workflow';
import type { Emulator } from '@ssm-invocations/emulator';
import { AwsSsmMaintenanceWindowEventTrigger } from './AwsSsmMaintenanceWindowEventTrigger.node';
import {
  apiKeyMatches,
  EXECUTION_EVENT,
  firstDelivery,
  invocationOfEvent,
  MAX_REMEMBERED_INVOCATIONS,
  MAX_REMEMBERED_EVENTS,
  readMaintenanceWindowEvent,
  rememberEmitted,
  type EventMemory,
} from './maintenanceWindowEvent';
import {
  demoFixture,
  EXECUTION_ID,
  instanceId,
  TASK_ID,
  uuid,
  WINDOW_ID,
} from '../../test-support/ssmFixture';
import { fakeWebhook, sentCalls, startSsmEmulator } from '../../test-support/fakeN8n';
import { targetInvocationEvent } from '../../test-support/targetInvocationEvent';

const trigger = new AwsSsmMaintenanceWindowEventTrigger();
// A test value, not a secret: built at run time so it is never a literal in source.
const SECRET = ['eb', 'connection', 'key', String(Date.now())].join('-');
const parameters = {
  headerName: 'x-api-key',
  apiKey: SECRET,
  windowIds: '',
  statuses: ['FAILED', 'TIMED_OUT'],
  simplify: true,
};

function targetEvent(id: string, target: number, status = 'FAILED'): IDataObject {
  return targetInvocationEvent(id, {
    'start-time': '2026-11-28T20:16:15.419Z',
    'end-time': '2026-11-28T20:16:41.870Z',
    'task-execution-id': TASK_ID,
    'window-target-id': uuid(5, target),
    status,
    'owner-information': 'team-web',
  });
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startSsmEmulator(demoFixture(20));
});
afterAll(() => emulator.stop());

async function deliver(
  body: unknown,
  options: {
    headers?: Record<string, string>;
    staticData?: IDataObject;
    params?: IDataObject;
  } = {},
) {
  const { context, answered, requests } = fakeWebhook(
    emulator,
    { ...parameters, ...options.params },
    { headers: options.headers ?? { 'x-api-key': SECRET }, body },
    options.staticData,
  );
  const result = await trigger.webhook.call(context);
  return {
    answered,
    items: result.workflowData?.[0] ?? [],
    noWebhookResponse: result.noWebhookResponse,
    calls: sentCalls(requests),
  };
}

describe('AWS SSM Maintenance Window Event Trigger', () => {
  it('emits the failed target with its invocation and diagnosis, answering 202 first', async () => {
    const { answered, items, noWebhookResponse, calls } = await deliver(targetEvent('e-1', 5));
    expect(answered.status).toBe(202);
    expect(noWebhookResponse).toBe(true);
    // The lookup, then the polling trigger's diagnosis of the failed invocation.
    expect(calls.map((call) => call.operation)).toEqual([
      'DescribeMaintenanceWindowExecutionTaskInvocations',
      'GetMaintenanceWindowExecutionTaskInvocation',
      'ListCommandInvocations',
      'GetCommandInvocation',
    ]);
    expect(items).toHaveLength(1);
    const json = items[0]?.json ?? {};
    expect(json).toMatchObject({
      EventId: 'e-1',
      WindowId: WINDOW_ID,
      WindowTargetId: uuid(5, 5),
      Status: 'FAILED',
      InvocationId: uuid(3, 100_005),
      Targets: [instanceId(5)],
      Reason: expect.any(String) as string,
      Diagnosis: expect.objectContaining({
        TaskType: 'RUN_COMMAND',
        FailedInstances: [expect.objectContaining({ InstanceId: instanceId(5) })],
      }) as IDataObject,
    });
  });

  it('with Include Failure Output off, emits the invocation alone after one call', async () => {
    const { items, calls } = await deliver(targetEvent('e-11', 5), {
      params: { includeFailureOutput: false },
    });
    expect(calls.map((call) => call.operation)).toEqual([
      'DescribeMaintenanceWindowExecutionTaskInvocations',
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]?.json).toMatchObject({ InvocationId: uuid(3, 100_005) });
    expect(items[0]?.json).not.toHaveProperty('Diagnosis');
    expect(items[0]?.json).not.toHaveProperty('Reason');
  });

  it.each([
    ['FAILED', 5],
    ['TIMED_OUT', 7],
  ])('lists only the invocations in the event status (%s)', async (status, target) => {
    const { items, calls } = await deliver(targetEvent(`e-13-${status}`, target, status), {
      params: { includeFailureOutput: false },
    });
    expect(calls.map((call) => call.input.Filters)).toEqual([
      [{ Key: 'STATUS', Values: [status] }],
    ]);
    expect(items.map((item) => item.json.Status)).toEqual([status]);
  });

  it('a refused diagnosis is a note on the item; the event still starts the workflow', async () => {
    emulator.setFaults({ operations: { GetCommandInvocation: { accessDenied: true } } });
    try {
      const { items } = await deliver(targetEvent('e-12', 5));
      expect(items).toHaveLength(1);
      expect(items[0]?.json).toMatchObject({ InvocationId: uuid(3, 100_005) });
      expect((items[0]?.json.Diagnosis as IDataObject).Notes).toEqual([
        expect.objectContaining({ Code: 'ACCESS_DENIED', Operation: 'GetCommandInvocation' }),
      ]);
    } finally {
      emulator.setFaults({});
    }
  });

  it('refuses a missing or wrong API key with 401 and starts nothing', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { 'x-api-key': 'wrong' },
      { 'x-api-key': `${SECRET}x` },
    ];
    for (const headers of attempts) {
      const { answered, items, calls } = await deliver(targetEvent('e-2', 5), { headers });
      expect(answered.status).toBe(401);
      expect(JSON.stringify(answered.body)).not.toContain(SECRET);
      expect(items).toHaveLength(0);
      expect(calls).toHaveLength(0);
    }
  });

  it('refuses other sources and detail-types with 422, and non-events with 400', async () => {
    expect((await deliver({ ...targetEvent('e-3', 5), source: 'aws.ec2' })).answered.status).toBe(
      422,
    );
    const other = {
      ...targetEvent('e-4', 5),
      'detail-type': 'Maintenance Window State-change Notification',
    };
    expect((await deliver(other)).answered.status).toBe(422);
    expect((await deliver('not json')).answered.status).toBe(400);
    expect((await deliver({ id: 'e-5', source: 'aws.ssm' })).answered.status).toBe(400);
  });

  it('starts the workflow once per event id (EventBridge delivers at least once)', async () => {
    const staticData: IDataObject = {};
    const first = await deliver(targetEvent('e-6', 10), { staticData });
    const again = await deliver(targetEvent('e-6', 10), { staticData });
    expect(first.items).toHaveLength(1);
    expect(again.answered.status).toBe(200);
    expect(again.items).toHaveLength(0);
    expect(again.calls).toHaveLength(0);
  });

  it('filters by window id and status', async () => {
    const otherWindow = await deliver(targetEvent('e-7', 5), {
      params: { windowIds: 'mw-0fedcba9876543210' },
    });
    expect(otherWindow.answered).toEqual({ status: 200, body: { message: 'filtered out' } });
    const succeeded = await deliver(targetEvent('e-8', 1, 'SUCCESS'));
    expect(succeeded.items).toHaveLength(0);
    const listed = await deliver(targetEvent('e-9', 5), {
      params: { windowIds: `mw-0fedcba9876543210, ${WINDOW_ID}` },
    });
    expect(listed.items).toHaveLength(1);
  });

  it('emits an execution state change as it came, without SSM calls', async () => {
    const event = {
      ...targetEvent('e-10', 5),
      'detail-type': EXECUTION_EVENT,
      detail: { 'window-id': WINDOW_ID, 'window-execution-id': EXECUTION_ID, status: 'TIMED_OUT' },
    };
    const { items, calls } = await deliver(event);
    expect(calls).toHaveLength(0);
    expect(items.map((item) => item.json)).toEqual([
      expect.objectContaining({ DetailType: EXECUTION_EVENT, Status: 'TIMED_OUT' }),
    ]);
  });
});

describe('a window target on two instances that both fail', () => {
  // Invocations 5 and 10 run on the same window target (one instance each) and both fail.
  let pair: Emulator;
  let endOf5: number;
  async function pairWith(secondsAfter5: number): Promise<Emulator> {
    const fixture = demoFixture(20);
    const invocations = fixture.windows[0]?.executions?.[0]?.tasks?.[0]?.invocations ?? [];
    const [fifth, tenth] = [invocations[4], invocations[9]];
    // The fixture gives times as epoch seconds.
    if (typeof fifth?.EndTime !== 'number' || !tenth) throw new Error('no invocations 5 and 10');
    endOf5 = fifth.EndTime;
    tenth.WindowTargetId = fifth.WindowTargetId;
    tenth.EndTime = endOf5 + secondsAfter5;
    pair = await startSsmEmulator(fixture);
    return pair;
  }
  afterEach(() => pair.stop());

  /** Delivers the events (distinct ids) one after the other; the invocation ids each emitted. */
  async function deliverAll(emulatorOfPair: Emulator, endTimes: Array<string | undefined>) {
    const staticData: IDataObject = {};
    const emitted: unknown[][] = [];
    for (const [index, endTime] of endTimes.entries()) {
      const body = targetEvent(`pair-${index}`, 5) as { detail: IDataObject };
      body.detail['end-time'] = endTime;
      const { context } = fakeWebhook(
        emulatorOfPair,
        { ...parameters, includeFailureOutput: false },
        { headers: { 'x-api-key': SECRET }, body },
        staticData,
      );
      const result = await trigger.webhook.call(context);
      emitted.push((result.workflowData?.[0] ?? []).map((item) => item.json.InvocationId));
    }
    return emitted;
  }

  it('with the same end-time, or none, each event emits one of them and no event repeats one', async () => {
    const emulatorOfPair = await pairWith(0);
    const sameEnd = new Date(endOf5 * 1000).toISOString();
    for (const endTimes of [
      [sameEnd, sameEnd],
      [undefined, undefined],
    ]) {
      const emitted = await deliverAll(emulatorOfPair, endTimes);
      expect(emitted.map((ids) => ids.length)).toEqual([1, 1]);
      expect(emitted.flat().sort()).toEqual([uuid(3, 100_005), uuid(3, 100_010)]);
    }
  });

  it('a coarse end-time that fits the other invocation better does not lose one', async () => {
    // 5 ended at …:N.5 and 10 at …:N+1.0; both events say …:N (whole seconds): nearer to 5.
    const emulatorOfPair = await pairWith(0.5);
    const coarse = new Date(Math.floor(endOf5) * 1000).toISOString();
    const emitted = await deliverAll(emulatorOfPair, [coarse, coarse]);
    expect(emitted).toEqual([[uuid(3, 100_005)], [uuid(3, 100_010)]]);
  });
});

describe('apiKeyMatches and firstDelivery', () => {
  it('matches only the exact key, never an empty one', () => {
    expect(apiKeyMatches(SECRET, SECRET)).toBe(true);
    expect(apiKeyMatches([SECRET], SECRET)).toBe(true);
    expect(apiKeyMatches(SECRET.slice(1), SECRET)).toBe(false);
    expect(apiKeyMatches(undefined, SECRET)).toBe(false);
    expect(apiKeyMatches('', '')).toBe(false);
  });

  it('remembers a bounded number of event ids, oldest forgotten first', () => {
    const memory: EventMemory = {};
    for (let i = 0; i <= MAX_REMEMBERED_EVENTS; i += 1) firstDelivery(memory, `id-${i}`);
    expect(memory.eventIds).toHaveLength(MAX_REMEMBERED_EVENTS);
    expect(firstDelivery(memory, `id-${MAX_REMEMBERED_EVENTS}`)).toBe(false);
    expect(firstDelivery(memory, 'id-0')).toBe(true);
  });
});

describe('invocationOfEvent', () => {
  // One window target resolved to three instances: one invocation each, on the same target.
  const target = uuid(5, 1);
  const at = (second: number) => new Date(Date.UTC(2026, 10, 28, 20, 16, second));
  const invocation = (n: number, status: string, endSecond?: number) => ({
    InvocationId: uuid(3, n),
    WindowTargetId: target,
    Status: status as 'FAILED',
    ...(endSecond === undefined ? {} : { EndTime: at(endSecond) }),
  });
  const listed = [
    invocation(1, 'SUCCESS', 40),
    invocation(2, 'FAILED', 41),
    invocation(3, 'FAILED', 44),
    { ...invocation(4, 'FAILED', 41), WindowTargetId: uuid(5, 2) },
  ];
  const eventFor = (status: string, endTime?: string) => {
    const body = targetEvent('e-20', 1, status) as { detail: IDataObject };
    body.detail['end-time'] = endTime;
    const event = readMaintenanceWindowEvent(body);
    if ('reason' in event) throw new Error(event.reason);
    return event;
  };
  const idOf = (emitted: string[], event: ReturnType<typeof eventFor>) =>
    invocationOfEvent(listed, event, emitted)?.InvocationId;

  it('takes the invocation on the event target, in its status, that ended at its end-time', () => {
    expect(idOf([], eventFor('FAILED', at(44).toISOString()))).toBe(uuid(3, 3));
    expect(idOf([], eventFor('FAILED', '2026-11-28T20:16:41Z'))).toBe(uuid(3, 2));
    expect(idOf([], eventFor('SUCCESS', at(44).toISOString()))).toBe(uuid(3, 1));
    expect(idOf([], eventFor('TIMED_OUT', at(44).toISOString()))).toBeUndefined();
  });

  it('skips invocations already emitted: the nearest of the others, then none', () => {
    const event = eventFor('FAILED', at(41).toISOString());
    expect(idOf([uuid(3, 2)], event)).toBe(uuid(3, 3));
    expect(idOf([uuid(3, 2), uuid(3, 3)], event)).toBeUndefined();
  });

  it('without an end-time, or none listed yet, the first to end, then the next', () => {
    expect(idOf([], eventFor('FAILED'))).toBe(uuid(3, 2));
    expect(idOf([uuid(3, 2)], eventFor('FAILED'))).toBe(uuid(3, 3));
    const running = [invocation(5, 'FAILED'), invocation(6, 'FAILED')];
    const event = eventFor('FAILED', at(44).toISOString());
    expect(invocationOfEvent(running, event, [])?.InvocationId).toBe(uuid(3, 5));
    expect(invocationOfEvent(running, event, [uuid(3, 5)])?.InvocationId).toBe(uuid(3, 6));
  });

  it('remembers a bounded number of emitted invocations, oldest forgotten first', () => {
    const memory: EventMemory = {};
    for (let i = 0; i <= MAX_REMEMBERED_INVOCATIONS; i += 1) rememberEmitted(memory, `inv-${i}`);
    expect(memory.invocationIds).toHaveLength(MAX_REMEMBERED_INVOCATIONS);
    expect(memory.invocationIds).not.toContain('inv-0');
    expect(memory.invocationIds).toContain(`inv-${MAX_REMEMBERED_INVOCATIONS}`);
  });
});
