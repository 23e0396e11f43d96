import {
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowExecutionsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  DescribeMaintenanceWindowTargetsCommand,
  DoesNotExistException,
  GetMaintenanceWindowCommand,
  GetMaintenanceWindowExecutionCommand,
  GetMaintenanceWindowExecutionTaskCommand,
  GetMaintenanceWindowExecutionTaskInvocationCommand,
  SSMClient,
  ValidationException,
  paginateDescribeMaintenanceWindowExecutionTaskInvocations,
  type MaintenanceWindowExecutionTaskInvocationIdentity,
} from '@aws-sdk/client-ssm';
import { startEmulator, type Emulator } from '../http/server';

const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

describe('pagination, validation and DoesNotExist through the real SDK', () => {
  let emulator: Emulator;
  let ssm: SSMClient;
  let windowExecutionId: string;
  let taskId: string;

  beforeAll(async () => {
    // 1 window × 2 executions × 2 tasks × 257 invocations: pages of 10 and 100 do not divide it.
    emulator = await startEmulator({
      seed: 'pagination',
      seedOptions: {
        windows: 1,
        executionsPerWindow: 2,
        tasksPerExecution: 2,
        invocationsPerTask: 257,
      },
    });
    ssm = new SSMClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
      maxAttempts: 1,
    });
    const execution = emulator.store.executions[0];
    const task = execution && emulator.store.tasksOf(execution.WindowExecutionId)[0];
    if (!execution || !task) throw new Error('seed produced no task');
    windowExecutionId = execution.WindowExecutionId;
    taskId = task.TaskExecutionId;
  });
  afterAll(async () => {
    ssm.destroy();
    await emulator.stop();
  });

  async function collect(pageSize: number) {
    const items: MaintenanceWindowExecutionTaskInvocationIdentity[] = [];
    const tokens: string[] = [];
    for await (const page of paginateDescribeMaintenanceWindowExecutionTaskInvocations(
      { client: ssm, pageSize },
      { WindowExecutionId: windowExecutionId, TaskId: taskId },
    )) {
      items.push(...(page.WindowExecutionTaskInvocationIdentities ?? []));
      if (page.NextToken) tokens.push(page.NextToken);
    }
    return { items, tokens };
  }

  it.each([10, 37, 100])('pages of %i return every invocation once, in order', async (pageSize) => {
    const { items, tokens } = await collect(pageSize);
    const expected = emulator.store.invocationsOf(windowExecutionId, taskId);
    expect(items.map((i) => i.InvocationId)).toEqual(expected.map((i) => i.InvocationId));
    expect(new Set(items.map((i) => i.InvocationId)).size).toBe(257);
    expect(tokens).toHaveLength(Math.ceil(257 / pageSize) - 1);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('defaults to pages of 10 and leaves NextToken out on the last page', async () => {
    const firstPage = await ssm.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
        WindowExecutionId: windowExecutionId,
        TaskId: taskId,
      }),
    );
    expect(firstPage.WindowExecutionTaskInvocationIdentities).toHaveLength(10);
    expect(firstPage.NextToken).toEqual(expect.any(String));
    const execs = await ssm.send(
      new DescribeMaintenanceWindowExecutionsCommand({
        WindowId: emulator.store.windows[0]?.WindowId,
        MaxResults: 10,
      }),
    );
    expect(execs.WindowExecutions).toHaveLength(2);
    expect(execs).not.toHaveProperty('NextToken');
  });

  it('pages with a STATUS filter keep the filter and lose nothing', async () => {
    const expected = emulator.store
      .invocationsOf(windowExecutionId, taskId)
      .filter((i) => i.Status === 'SUCCESS')
      .map((i) => i.InvocationId);
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await ssm.send(
        new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
          WindowExecutionId: windowExecutionId,
          TaskId: taskId,
          Filters: [{ Key: 'STATUS', Values: ['SUCCESS'] }],
          MaxResults: 25,
          NextToken,
        }),
      );
      seen.push(
        ...(page.WindowExecutionTaskInvocationIdentities ?? []).map((i) => i.InvocationId ?? ''),
      );
      NextToken = page.NextToken;
    } while (NextToken);
    expect(seen).toEqual(expected);
  });

  it('rejects a token used with another query, or edited', async () => {
    const firstPage = await ssm.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
        WindowExecutionId: windowExecutionId,
        TaskId: taskId,
      }),
    );
    const token = firstPage.NextToken ?? '';
    const otherTask = emulator.store.tasksOf(windowExecutionId)[1]?.TaskExecutionId;
    const reuse = ssm.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
        WindowExecutionId: windowExecutionId,
        TaskId: otherTask,
        NextToken: token,
      }),
    );
    await expect(reuse).rejects.toBeInstanceOf(ValidationException);
    await expect(reuse).rejects.toThrow('The specified token is invalid.');
    const withFilter = ssm.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
        WindowExecutionId: windowExecutionId,
        TaskId: taskId,
        Filters: [{ Key: 'STATUS', Values: ['FAILED'] }],
        NextToken: token,
      }),
    );
    await expect(withFilter).rejects.toThrow('The specified token is invalid.');
    const edited = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(
      ssm.send(
        new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
          WindowExecutionId: windowExecutionId,
          TaskId: taskId,
          NextToken: edited,
        }),
      ),
    ).rejects.toThrow('The specified token is invalid.');
    // The same token with another page size is the same query: allowed.
    const resumed = await ssm.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
        WindowExecutionId: windowExecutionId,
        TaskId: taskId,
        NextToken: token,
        MaxResults: 20,
      }),
    );
    expect(resumed.WindowExecutionTaskInvocationIdentities?.[0]?.InvocationId).toBe(
      emulator.store.invocationsOf(windowExecutionId, taskId)[10]?.InvocationId,
    );
  });

  it.each([
    [
      'MaxResults below 10',
      () =>
        new DescribeMaintenanceWindowExecutionTasksCommand({
          WindowExecutionId: UNKNOWN_UUID,
          MaxResults: 5,
        }),
      "1 validation error detected: Value '5' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 10",
    ],
    [
      'MaxResults above 100',
      () =>
        new DescribeMaintenanceWindowExecutionTasksCommand({
          WindowExecutionId: UNKNOWN_UUID,
          MaxResults: 101,
        }),
      "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    ],
    [
      'a malformed window id',
      () => new GetMaintenanceWindowCommand({ WindowId: 'mw-XYZ' }),
      "2 validation errors detected: Value 'mw-XYZ' at 'windowId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^mw-[0-9a-f]{17}$; Value 'mw-XYZ' at 'windowId' failed to satisfy constraint: Member must have length greater than or equal to 20",
    ],
    [
      'a missing TaskId',
      () =>
        new GetMaintenanceWindowExecutionTaskCommand({
          WindowExecutionId: UNKNOWN_UUID,
          TaskId: undefined,
        }),
      "1 validation error detected: Value null at 'taskId' failed to satisfy constraint: Member must not be null",
    ],
    [
      'six filters',
      () =>
        new DescribeMaintenanceWindowTargetsCommand({
          WindowId: 'mw-0123456789abcdef0',
          Filters: Array.from({ length: 6 }, () => ({ Key: 'Type', Values: ['INSTANCE'] })),
        }),
      "Value '[",
    ],
    [
      'an unknown filter key',
      () =>
        new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
          WindowExecutionId: UNKNOWN_UUID,
          TaskId: UNKNOWN_UUID,
          Filters: [{ Key: 'Status', Values: ['FAILED'] }],
        }),
      "1 validation error detected: Value 'Status' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [STATUS]",
    ],
    [
      'an unknown STATUS value',
      () =>
        new DescribeMaintenanceWindowExecutionTasksCommand({
          WindowExecutionId: UNKNOWN_UUID,
          Filters: [{ Key: 'STATUS', Values: ['FAILED', 'BROKEN'] }],
        }),
      "Value 'BROKEN' at 'filters.1.member.values.2.member' failed to satisfy constraint: Member must satisfy enum value set: [PENDING, IN_PROGRESS, SUCCESS, FAILED, TIMED_OUT, CANCELLING, CANCELLED, SKIPPED_OVERLAPPING]",
    ],
    [
      'a non-ISO ExecutedAfter',
      () =>
        new DescribeMaintenanceWindowExecutionsCommand({
          WindowId: 'mw-0123456789abcdef0',
          Filters: [{ Key: 'ExecutedAfter', Values: ['yesterday'] }],
        }),
      "Value 'yesterday' at 'filters.1.member.values.1.member'",
    ],
    [
      'two ExecutedBefore dates',
      () =>
        new DescribeMaintenanceWindowExecutionsCommand({
          WindowId: 'mw-0123456789abcdef0',
          Filters: [
            { Key: 'ExecutedBefore', Values: ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'] },
          ],
        }),
      "1 validation error detected: Value '[2026-01-01T00:00:00Z, 2026-02-01T00:00:00Z]' at 'filters.1.member.values' failed to satisfy constraint: Member must have length less than or equal to 1",
    ],
  ])('answers %s with a ValidationException', async (_name, command, message) => {
    const error: unknown = await ssm.send(command() as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as ValidationException).message).toContain(message);
    expect((error as ValidationException).$metadata.httpStatusCode).toBe(400);
  });

  it('counts several violations in one message', async () => {
    await expect(
      ssm.send(
        new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
          WindowExecutionId: 'bad',
          TaskId: UNKNOWN_UUID,
          MaxResults: 1000,
        }),
      ),
    ).rejects.toThrow(
      /^3 validation errors detected: Value 'bad' at 'windowExecutionId'.*; Value '1000' at 'maxResults'/,
    );
  });

  it.each([
    [
      'GetMaintenanceWindow',
      () => new GetMaintenanceWindowCommand({ WindowId: 'mw-0123456789abcdef0' }),
      'Maintenance window mw-0123456789abcdef0 does not exist',
    ],
    [
      'GetMaintenanceWindowExecution',
      () => new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: UNKNOWN_UUID }),
      `Maintenance window execution ${UNKNOWN_UUID} does not exist`,
    ],
    [
      'DescribeMaintenanceWindowExecutionTasks',
      () => new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: UNKNOWN_UUID }),
      `Maintenance window execution ${UNKNOWN_UUID} does not exist`,
    ],
    [
      'DescribeMaintenanceWindowTargets',
      () => new DescribeMaintenanceWindowTargetsCommand({ WindowId: 'mw-0123456789abcdef0' }),
      'Maintenance window mw-0123456789abcdef0 does not exist',
    ],
  ])('%s answers DoesNotExistException for an unknown id', async (_name, command, message) => {
    const error: unknown = await ssm.send(command() as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DoesNotExistException);
    expect((error as DoesNotExistException).message).toBe(message);
    expect((error as DoesNotExistException).$metadata.attempts).toBe(1);
  });

  it('answers DoesNotExistException for an unknown task or invocation of a real execution', async () => {
    await expect(
      ssm.send(
        new GetMaintenanceWindowExecutionTaskCommand({
          WindowExecutionId: windowExecutionId,
          TaskId: UNKNOWN_UUID,
        }),
      ),
    ).rejects.toThrow(
      `Task ${UNKNOWN_UUID} does not exist in maintenance window execution ${windowExecutionId}`,
    );
    await expect(
      ssm.send(
        new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
          WindowExecutionId: windowExecutionId,
          TaskId: UNKNOWN_UUID,
        }),
      ),
    ).rejects.toBeInstanceOf(DoesNotExistException);
    await expect(
      ssm.send(
        new GetMaintenanceWindowExecutionTaskInvocationCommand({
          WindowExecutionId: windowExecutionId,
          TaskId: taskId,
          InvocationId: UNKNOWN_UUID,
        }),
      ),
    ).rejects.toBeInstanceOf(DoesNotExistException);
  });

  it('lists no executions for an unknown window (the SSM model has no DoesNotExist there)', async () => {
    const out = await ssm.send(
      new DescribeMaintenanceWindowExecutionsCommand({ WindowId: 'mw-0123456789abcdef0' }),
    );
    expect(out.WindowExecutions).toEqual([]);
  });
});
