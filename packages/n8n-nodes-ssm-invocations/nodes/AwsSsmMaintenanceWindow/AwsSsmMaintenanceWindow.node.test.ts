import { NodeApiError, NodeOperationError, type IDataObject, type JsonObject } from 'n8n-workflow';
import { REPORT_LIMITS } from '@ssm-invocations/core/json';
import { SsmCredentialError } from '../../shared/awsRequestSigning';
import { AwsSsmMaintenanceWindow } from './AwsSsmMaintenanceWindow.node';
import {
  awsError,
  createFakeSsm,
  demoData,
  EXECUTION_ID,
  TASK_ID,
  uuid,
  WINDOW_ID,
} from '../../test-support/fakeSsm';
import { fakeExecute, TEST_CREDENTIALS } from '../../test-support/fakeN8n';

const node = new AwsSsmMaintenanceWindow();
const invocationsOf = {
  resource: 'invocation',
  operation: 'getAll',
  windowExecutionId: EXECUTION_ID,
  taskId: TASK_ID,
};

async function run(parameters: IDataObject[], data = demoData(), options = {}) {
  const ssm = createFakeSsm(data);
  const { context, requests } = fakeExecute(ssm, parameters, options);
  const [items = []] = await node.execute.call(context);
  return { items, ssm, requests };
}

describe('AWS SSM Maintenance Window node: Task Invocation → Get Many', () => {
  it('returns every invocation with Return All, paging with the largest page', async () => {
    const { items, ssm } = await run(
      [{ ...invocationsOf, returnAll: true, simplify: false }],
      demoData(250),
    );
    expect(items).toHaveLength(250);
    expect(ssm.calls.map((call) => call.input.MaxResults)).toEqual([100, 100, 100]);
    expect(new Set(items.map((item) => item.json.InvocationId)).size).toBe(250);
    expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
  });

  it('stops at Limit, and Limit defaults to 50', async () => {
    const limited = await run([{ ...invocationsOf, returnAll: false, limit: 7 }], demoData(60));
    expect(limited.items).toHaveLength(7);
    const byDefault = await run([{ ...invocationsOf }], demoData(60));
    expect(byDefault.items).toHaveLength(50);
  });

  it('sends the Status filter to SSM and returns only matching invocations', async () => {
    const { items, ssm } = await run([
      { ...invocationsOf, returnAll: true, filters: { statuses: ['FAILED', 'TIMED_OUT'] } },
    ]);
    expect(ssm.calls[0]?.input.Filters).toEqual([
      { Key: 'STATUS', Values: ['FAILED', 'TIMED_OUT'] },
    ]);
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
    const first = items[0]?.json ?? {};
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
        'TaskExecutionId',
        'TaskType',
        'WindowExecutionId',
        'WindowTargetId',
      ].sort(),
    );
    expect(first.StartTime).toBe('2025-11-24T17:00:01.000Z');
    expect(first.EndTime).toBe('2025-11-24T17:00:43.500Z');
  });

  it('simplifies to the fields people act on, with a duration and without sensitive fields', async () => {
    const { items } = await run([{ ...invocationsOf, returnAll: true }]);
    const first = items[0]?.json ?? {};
    expect(first).toMatchObject({
      InvocationId: uuid(3, 100_001),
      Status: 'SUCCESS',
      WindowTargetId: uuid(5, 1),
      StartTime: '2025-11-24T17:00:01.000Z',
      Duration: '42.5s',
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
    const data = demoData(1, 4);
    const { items } = await run(
      [{ resource: 'execution', operation: 'getAll', windowId: WINDOW_ID, limit: 3 }],
      data,
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
      data,
    );
    expect(after.items.map((item) => item.json.WindowExecutionId)).toEqual([
      uuid(1, 4),
      uuid(1, 3),
    ]);
    expect(after.ssm.calls[0]?.input.Filters).toEqual([
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
      demoData(10, 3),
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
      demoData(10, 3),
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
    const ssm = createFakeSsm(demoData());
    const { context } = fakeExecute(ssm, [{ ...invocationsOf, taskId: '' }]);
    await expect(node.execute.call(context)).rejects.toThrow(/^Task ID: /);
    expect(ssm.calls).toHaveLength(0);
  });

  it('names the credential field when the credential is wrong, sending nothing', async () => {
    const ssm = createFakeSsm(demoData());
    const { context } = fakeExecute(ssm, [{ ...invocationsOf }], {
      credentials: { ...TEST_CREDENTIALS, region: 'eu-west' },
    });
    const error = await node.execute.call(context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as Error).message).toMatch(/^Region: 'eu-west' is not an AWS region name/);
    expect(ssm.calls).toHaveLength(0);
  });

  it("surfaces the credential probe's diagnosis through n8n's and the core's wrapping", async () => {
    const ssm = createFakeSsm(demoData());
    const { context } = fakeExecute(ssm, [{ ...invocationsOf }]);
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
    const error = await run([
      {
        resource: 'invocation',
        operation: 'get',
        windowExecutionId: EXECUTION_ID,
        taskId: TASK_ID,
        invocationId: uuid(3, 999),
      },
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NodeApiError);
    const apiError = error as NodeApiError;
    expect(apiError.message).toContain('does not exist');
    expect(apiError.message).toContain('req-err');
    expect(apiError.description).toContain('req-err');
    expect(JSON.stringify(apiError)).not.toContain(String(TEST_CREDENTIALS.secretAccessKey));
  });

  it('fails the item instead of returning part of a listing when a later page fails', async () => {
    const ssm = createFakeSsm(demoData(250));
    ssm.fault = (_operation, input) =>
      input.NextToken === '200' ? awsError(500, 'InternalServerError', 'boom') : undefined;
    const { context } = fakeExecute(ssm, [{ ...invocationsOf, returnAll: true }], {
      continueOnFail: true,
    });
    const [items = []] = await node.execute.call(context);
    expect(items).toHaveLength(1);
    expect(items[0]?.json.error).toMatch(/InternalServerError|boom/);
    expect(items[0]?.pairedItem).toEqual({ item: 0 });
  });

  it('with Continue On Fail, reports the bad item and still runs the good one', async () => {
    const { items } = await run(
      [
        { ...invocationsOf, windowExecutionId: 'bad' },
        { ...invocationsOf, returnAll: true },
      ],
      demoData(5),
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
    const ssm = createFakeSsm(demoData(30));
    let throttled = 0;
    ssm.fault = () =>
      throttled++ < 1 ? awsError(400, 'ThrottlingException', 'Rate exceeded') : undefined;
    const { context } = fakeExecute(ssm, [{ ...invocationsOf, returnAll: true }]);
    const [items = []] = await node.execute.call(context);
    expect(items).toHaveLength(30);
    expect(ssm.calls.length).toBe(2);
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
