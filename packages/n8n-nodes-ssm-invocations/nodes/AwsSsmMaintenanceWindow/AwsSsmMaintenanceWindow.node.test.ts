import { NodeApiError, NodeOperationError, type IDataObject, type JsonObject } from 'n8n-workflow';
import { REPORT_LIMITS } from '@ssm-invocations/core/json';
import { SsmCredentialError } from '../../shared/awsRequestSigning';
import { AwsSsmMaintenanceWindow } from './AwsSsmMaintenanceWindow.node';
import type { Emulator } from '@ssm-invocations/emulator';
import {
  demoFixture,
  EXECUTION_ID,
  instanceId,
  TASK_ID,
  uuid,
  WINDOW_ID,
} from '../../test-support/ssmFixture';
import {
  fakeExecute,
  sendAsAnotherClient,
  sentCalls,
  startSsmEmulator,
  TEST_CREDENTIALS,
} from '../../test-support/fakeN8n';

const node = new AwsSsmMaintenanceWindow();
const invocationsOf = {
  resource: 'invocation',
  operation: 'getAll',
  windowExecutionId: EXECUTION_ID,
  taskId: TASK_ID,
};

const emulators: Emulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emulator) => emulator.stop()));
});

async function emulatorWith(fixture = demoFixture()): Promise<Emulator> {
  const emulator = await startSsmEmulator(fixture);
  emulators.push(emulator);
  return emulator;
}

async function run(parameters: IDataObject[], fixture = demoFixture(), options = {}) {
  const emulator = await emulatorWith(fixture);
  const { context, requests } = fakeExecute(emulator, parameters, options);
  const [items = []] = await node.execute.call(context);
  return { items, emulator, calls: sentCalls(requests), requests };
}

describe('AWS SSM Maintenance Window node: Task Invocation → Get Many', () => {
  it('returns every invocation with Return All, paging with the largest page', async () => {
    const { items, calls } = await run(
      [{ ...invocationsOf, returnAll: true, simplify: false }],
      demoFixture(250),
    );
    expect(items).toHaveLength(250);
    expect(calls.map((call) => call.input.MaxResults)).toEqual([100, 100, 100]);
    expect(new Set(items.map((item) => item.json.InvocationId)).size).toBe(250);
    expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
  });

  it('stops at Limit, and Limit defaults to 50', async () => {
    const limited = await run([{ ...invocationsOf, returnAll: false, limit: 7 }], demoFixture(60));
    expect(limited.items).toHaveLength(7);
    const byDefault = await run([{ ...invocationsOf }], demoFixture(60));
    expect(byDefault.items).toHaveLength(50);
  });

  it('sends the Status filter to SSM and returns only matching invocations', async () => {
    const { items, calls } = await run([
      { ...invocationsOf, returnAll: true, filters: { statuses: ['FAILED', 'TIMED_OUT'] } },
    ]);
    expect(calls[0]?.input.Filters).toEqual([{ Key: 'STATUS', Values: ['FAILED', 'TIMED_OUT'] }]);
    expect(items.map((item) => item.json.Status).sort()).toEqual([
      'FAILED',
      'FAILED',
      'FAILED',
      'FAILED',
      'FAILED',
      'TIMED_OUT',
      'TIMED_OUT',
      'TIMED_OUT',
    ]);
  });

  it('outputs raw records with ISO dates when Simplify is off', async () => {
    const { items } = await run([{ ...invocationsOf, returnAll: true, simplify: false }]);
    expect(items).toHaveLength(25);
    const first = items.find((item) => item.json.InvocationId === uuid(3, 100_001))?.json ?? {};
    expect(Object.keys(first).sort()).toEqual(
      [
        'EndTime',
        'ExecutionId',
        'InvocationId',
        'OwnerInformation',
        'Parameters',
        'StartTime',
        'Status',
        'StatusDetails',
        'Targets',
        'TaskExecutionId',
        'TaskType',
        'WindowExecutionId',
        'WindowTargetId',
      ].sort(),
    );
    expect(first.Targets).toEqual([instanceId(1)]);
    expect(first.StartTime).toBe('2025-11-24T17:00:01.000Z');
    expect(first.EndTime).toBe('2025-11-24T17:00:43.500Z');
  });

  it('simplifies to the fields people act on, with a duration and without sensitive fields', async () => {
    const { items } = await run([{ ...invocationsOf, returnAll: true }]);
    expect(items).toHaveLength(25);
    const first = items.find((item) => item.json.InvocationId === uuid(3, 100_001))?.json ?? {};
    expect(first).toMatchObject({
      InvocationId: uuid(3, 100_001),
      Status: 'SUCCESS',
      WindowTargetId: uuid(5, 1),
      StartTime: '2025-11-24T17:00:01.000Z',
      Duration: '42.5s',
      // Read from the Parameters, which a simplified item leaves out.
      Targets: [instanceId(1)],
    });
    expect(first).not.toHaveProperty('Parameters');
    expect(first).not.toHaveProperty('OwnerInformation');
  });
});

describe('AWS SSM Maintenance Window node: other operations', () => {
  it('Task Invocation → Get returns the one invocation', async () => {
    const invocationId = uuid(3, 100_005);
    const { items } = await run([
      {
        resource: 'invocation',
        operation: 'get',
        windowExecutionId: EXECUTION_ID,
        taskId: TASK_ID,
        invocationId,
      },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]?.json).toMatchObject({ InvocationId: invocationId, Status: 'FAILED' });
  });

  it('Window Execution → Get Many lists newest first, honouring Limit and Executed After', async () => {
    const fixture = demoFixture(1, 4);
    const { items } = await run(
      [{ resource: 'execution', operation: 'getAll', windowId: WINDOW_ID, limit: 3 }],
      fixture,
    );
    expect(items.map((item) => item.json.WindowExecutionId)).toEqual([
      uuid(1, 4),
      uuid(1, 3),
      uuid(1, 2),
    ]);
    const after = await run(
      [
        {
          resource: 'execution',
          operation: 'getAll',
          windowId: WINDOW_ID,
          returnAll: true,
          executionFilters: { after: '2025-11-24T18:30:00Z' },
        },
      ],
      fixture,
    );
    expect(after.items.map((item) => item.json.WindowExecutionId)).toEqual([
      uuid(1, 4),
      uuid(1, 3),
    ]);
    expect(after.calls[0]?.input.Filters).toEqual([
      { Key: 'ExecutedAfter', Values: ['2025-11-24T18:30:00Z'] },
    ]);
  });

  it('Window Execution → Get returns the execution with its task IDs', async () => {
    const { items } = await run([
      { resource: 'execution', operation: 'get', windowExecutionId: EXECUTION_ID, simplify: false },
    ]);
    expect(items[0]?.json).toMatchObject({
      WindowExecutionId: EXECUTION_ID,
      TaskIds: [TASK_ID],
      Status: 'FAILED',
    });
  });

  it('Execution Task → Get Many lists the tasks of an execution', async () => {
    const { items } = await run([
      { resource: 'task', operation: 'getAll', windowExecutionId: EXECUTION_ID },
    ]);
    expect(items.map((item) => item.json)).toEqual([
      expect.objectContaining({
        TaskExecutionId: TASK_ID,
        TaskArn: 'AWS-RunPatchBaseline',
        Duration: '9m 50s',
      }),
    ]);
  });

  it('Window → Get Many lists windows', async () => {
    const { items } = await run([{ resource: 'window', operation: 'getAll', returnAll: true }]);
    expect(items.map((item) => item.json)).toEqual([
      { WindowId: WINDOW_ID, Name: 'patch-web', Enabled: true, Schedule: 'cron(0 2 ? * SUN *)' },
    ]);
  });

  it('Report gives one item per invocation, carrying window, execution and task', async () => {
    const { items } = await run(
      [
        {
          resource: 'report',
          operation: 'get',
          windowId: WINDOW_ID,
          executions: 2,
          reportOutput: 'invocation',
        },
      ],
      demoFixture(10, 3),
    );
    expect(items).toHaveLength(20);
    expect(items[0]?.json).toMatchObject({
      WindowId: WINDOW_ID,
      WindowName: 'patch-web',
      WindowExecutionId: uuid(1, 3),
      TaskArn: 'AWS-RunPatchBaseline',
      InvocationId: expect.any(String),
      Duration: '42.5s',
    });
    // Invocation uuid(3, e * 100_000 + i) ran on instanceId(i).
    for (const { json } of items) {
      const i = Number.parseInt(String(json.InvocationId).slice(-12), 16) % 100_000;
      expect(json.Targets).toEqual([instanceId(i)]);
    }
  });

  it('Report gives one item per execution with tasks, invocations and summaries nested', async () => {
    const { items } = await run(
      [
        {
          resource: 'report',
          operation: 'get',
          windowId: WINDOW_ID,
          executions: 2,
          reportOutput: 'execution',
        },
      ],
      demoFixture(10, 3),
    );
    expect(items).toHaveLength(2);
    const first = items[0]?.json as IDataObject;
    expect(first).toMatchObject({
      WindowExecutionId: uuid(1, 3),
      Summary: { total: 10, failed: 3 },
    });
    const tasks = first.Tasks as IDataObject[];
    expect((tasks[0]?.Invocations as IDataObject[]).length).toBe(10);
  });
});

describe('AWS SSM Maintenance Window node: errors', () => {
  it('rejects a malformed ID before sending anything, naming the parameter', async () => {
    const attempt = run([{ ...invocationsOf, windowExecutionId: 'not-an-id' }]);
    await expect(attempt).rejects.toThrow(NodeOperationError);
    await expect(attempt).rejects.toThrow(/^Window Execution ID: must be a 36-character UUID/);
    const emulator = await emulatorWith();
    const { context } = fakeExecute(emulator, [{ ...invocationsOf, taskId: '' }]);
    await expect(node.execute.call(context)).rejects.toThrow(/^Task ID: /);
    expect(emulator.stats().requests).toBe(0);
  });

  it('names the credential field when the credential is wrong, sending nothing', async () => {
    const emulator = await emulatorWith();
    const { context } = fakeExecute(emulator, [{ ...invocationsOf }], {
      credentials: { ...TEST_CREDENTIALS, region: 'eu-west' },
    });
    const error = await node.execute.call(context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as Error).message).toMatch(/^Region: 'eu-west' is not an AWS region name/);
    expect(emulator.stats().requests).toBe(0);
  });

  it.each([
    [
      { secretAccessKey: 'not-the-secret-at-all' },
      /^Secret Access Key: it does not match the Access Key ID\. AWS said: /,
    ],
    [
      { region: 'eu-west-2' },
      /^Region: the requests are signed for another region than the endpoint's\. AWS said: /,
    ],
    [{ accessKeyId: 'AKIDNOBODYKNOWS' }, /^Access Key ID: AWS does not recognise this key/],
  ])(
    'names the credential field AWS refused at run time (%j), as its test does',
    async (override, message) => {
      const emulator = await emulatorWith();
      const { context } = fakeExecute(emulator, [{ ...invocationsOf }], {
        credentials: { ...TEST_CREDENTIALS, ...override },
      });
      const error = await node.execute.call(context).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NodeOperationError);
      expect((error as Error).message).toMatch(message);
      expect((error as NodeOperationError).description).toMatch(
        /^Fix the AWS SSM \(Maintenance Windows\) credential\./,
      );
      expect((error as Error).message).not.toContain('not-the-secret-at-all');
      expect((error as Error).message).not.toContain(String(TEST_CREDENTIALS.secretAccessKey));
    },
  );

  it("surfaces the credential probe's diagnosis through n8n's and the core's wrapping", async () => {
    const emulator = await emulatorWith();
    const { context } = fakeExecute(emulator, [{ ...invocationsOf }]);
    // What n8n's request helper throws when preAuthentication rejects the key.
    context.helpers.httpRequestWithAuthentication = async () => {
      throw new NodeApiError(
        context.getNode(),
        new SsmCredentialError(
          'accessKeyId',
          'AWS does not recognise this key',
        ) as unknown as JsonObject,
      );
    };
    await expect(node.execute.call(context)).rejects.toThrow(
      /^Access Key ID: AWS does not recognise this key/,
    );
  });

  it("words a bad status from core's field and reason, not its message", async () => {
    const attempt = run([{ ...invocationsOf, filters: { statuses: ['FAILED', 'BROKEN'] } }]);
    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as Error).message).toMatch(/^Status: must be one of PENDING, /);
    expect((error as Error).message).not.toContain('Invalid input');
  });

  it('rejects a Limit below 1 naming the parameter', async () => {
    await expect(run([{ ...invocationsOf, limit: 0 }])).rejects.toThrow(/^Limit: /);
  });

  it('turns an AWS failure into a NodeApiError with the AWS message and request id', async () => {
    const emulator = await emulatorWith();
    const { context, responses } = fakeExecute(emulator, [
      {
        resource: 'invocation',
        operation: 'get',
        windowExecutionId: EXECUTION_ID,
        taskId: TASK_ID,
        invocationId: uuid(3, 999),
      },
    ]);
    const error = await node.execute.call(context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NodeApiError);
    expect(emulator.stats().errors).toEqual({ DoesNotExistException: 1 });
    expect(responses).toHaveLength(1);
    const requestId = String(responses[0]?.headers['x-amzn-requestid']);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const apiError = error as NodeApiError;
    expect(apiError.message).toContain('does not exist');
    expect(apiError.message).toContain(requestId);
    expect(apiError.description).toContain(requestId);
    expect(JSON.stringify(apiError)).not.toContain(String(TEST_CREDENTIALS.secretAccessKey));
  });

  it('fails the item instead of returning part of a listing when a later page fails', async () => {
    const emulator = await emulatorWith(demoFixture(250));
    let pagesAsked = 0;
    const { context } = fakeExecute(emulator, [{ ...invocationsOf, returnAll: true }], {
      continueOnFail: true,
      // SSM starts failing before the third of three pages is asked for, and keeps failing.
      beforeSend: (call) => {
        if (call.input.NextToken !== undefined && ++pagesAsked === 2)
          emulator.setFaults({ failureRate: 1 });
      },
    });
    const [items = []] = await node.execute.call(context);
    expect(emulator.stats().succeeded).toEqual({
      DescribeMaintenanceWindowExecutionTaskInvocations: 2,
    });
    expect(emulator.stats().faults.failure).toBeGreaterThan(0);
    expect(items).toHaveLength(1);
    expect(items[0]?.json.error).toMatch(/InternalServerError|internal error/);
    expect(items[0]?.pairedItem).toEqual({ item: 0 });
  });

  it('with Continue On Fail, reports the bad item and still runs the good one', async () => {
    const { items } = await run(
      [
        { ...invocationsOf, windowExecutionId: 'bad' },
        { ...invocationsOf, returnAll: true },
      ],
      demoFixture(5),
      { continueOnFail: true },
    );
    expect(items[0]).toEqual({
      json: { error: expect.stringMatching(/^Window Execution ID: /), description: null },
      pairedItem: { item: 0 },
    });
    expect(items.slice(1)).toHaveLength(5);
    expect(items.slice(1).every((item) => JSON.stringify(item.pairedItem) === '{"item":1}')).toBe(
      true,
    );
  });

  it('retries throttling and then returns complete results', async () => {
    // One request a second for the account, and another client has just used this second's.
    const emulator = await emulatorWith(demoFixture(30));
    emulator.setFaults({ throttle: { requestsPerSecond: 1, burst: 1, retryAfterMs: 1100 } });
    expect(await sendAsAnotherClient(emulator, 'DescribeMaintenanceWindows', {})).toBe(200);
    const { context, requests } = fakeExecute(emulator, [{ ...invocationsOf, returnAll: true }]);
    const [items = []] = await node.execute.call(context);
    expect(items).toHaveLength(30);
    expect(requests).toHaveLength(2);
    expect(emulator.stats().throttled).toBe(1);
  });

  it('never puts credentials into requests other than the signature, nor into output', async () => {
    const { items, requests } = await run([{ ...invocationsOf, returnAll: true, simplify: false }]);
    const secret = String(TEST_CREDENTIALS.secretAccessKey);
    expect(JSON.stringify(items)).not.toContain(secret);
    expect(JSON.stringify(requests)).not.toContain(secret);
    expect(String((requests[0]?.headers as IDataObject).authorization)).toContain(
      'Credential=AKIDUNITTEST/',
    );
  });
});

describe('AWS SSM Maintenance Window node: report limits', () => {
  it("offers core's executions-per-report limits", () => {
    const executions = node.description.properties.find((p) => p.name === 'executions');
    expect(executions?.default).toBe(REPORT_LIMITS.executions.default);
    expect(executions?.typeOptions).toMatchObject({
      minValue: REPORT_LIMITS.executions.min,
      maxValue: REPORT_LIMITS.executions.max,
    });
  });
});
