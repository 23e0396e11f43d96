import {
  DescribeMaintenanceWindowExecutionsCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  DescribeMaintenanceWindowsCommand,
  DescribeMaintenanceWindowTargetsCommand,
  GetMaintenanceWindowCommand,
  GetMaintenanceWindowExecutionCommand,
  GetMaintenanceWindowExecutionTaskCommand,
  GetMaintenanceWindowExecutionTaskInvocationCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { DEMO_WINDOW_IDS, demoWindows } from '../data/demo-windows';
import { startEmulator, type Emulator } from '../http/server';

/** The first element, failing the test when there is none. */
function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected a non-empty list');
  return item;
}

describe('the nine operations through the real SDK (demo seed)', () => {
  let emulator: Emulator;
  let ssm: SSMClient;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo' });
    ssm = new SSMClient({
      endpoint: emulator.url,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
  });
  afterAll(async () => {
    ssm.destroy();
    await emulator.stop();
  });

  it('binds 127.0.0.1 on a free port and answers with a request id', async () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.port).toBeGreaterThan(0);
    const out = await ssm.send(new DescribeMaintenanceWindowsCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('DescribeMaintenanceWindows lists the demo windows by name, and filters by Name and Enabled', async () => {
    const all = await ssm.send(new DescribeMaintenanceWindowsCommand({ MaxResults: 50 }));
    const names = (all.WindowIdentities ?? []).map((w) => w.Name);
    expect(names).toEqual(demoWindows.map((w) => w.Name).sort());
    expect(all.NextToken).toBeUndefined();
    const byName = await ssm.send(
      new DescribeMaintenanceWindowsCommand({
        Filters: [{ Key: 'Name', Values: ['inventory-db-backups'] }],
      }),
    );
    expect(byName.WindowIdentities?.map((w) => w.WindowId)).toEqual([
      DEMO_WINDOW_IDS.inventoryDbBackups,
    ]);
    const disabled = await ssm.send(
      new DescribeMaintenanceWindowsCommand({ Filters: [{ Key: 'Enabled', Values: ['False'] }] }),
    );
    expect(disabled.WindowIdentities?.map((w) => w.Name)).toEqual([
      'legacy-reports-monthly-cleanup',
    ]);
  });

  it('GetMaintenanceWindow returns ISO strings for StartDate/NextExecutionTime and Dates for CreatedDate', async () => {
    const window = await ssm.send(
      new GetMaintenanceWindowCommand({ WindowId: DEMO_WINDOW_IDS.paymentsApiNightlyPatching }),
    );
    const stored = emulator.store.getWindow(DEMO_WINDOW_IDS.paymentsApiNightlyPatching);
    expect(window.Name).toBe('payments-api-nightly-patching');
    expect(typeof window.NextExecutionTime).toBe('string');
    expect(typeof window.StartDate).toBe('string');
    expect(window.CreatedDate).toBeInstanceOf(Date);
    expect(window.CreatedDate).toEqual(stored?.CreatedDate);
    expect(window.Schedule).toBe(stored?.Schedule);
  });

  it('DescribeMaintenanceWindowExecutions returns every execution newest first with millisecond Dates', async () => {
    const windowId = DEMO_WINDOW_IDS.paymentsApiNightlyPatching;
    const out = await ssm.send(
      new DescribeMaintenanceWindowExecutionsCommand({ WindowId: windowId, MaxResults: 100 }),
    );
    expect(out.WindowExecutions).toEqual(emulator.store.executionsOf(windowId));
    const starts = (out.WindowExecutions ?? []).map((e) => e.StartTime?.getTime() ?? 0);
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect(starts.some((t) => t % 1000 !== 0)).toBe(true);
  });

  it('filters executions by ExecutedAfter/ExecutedBefore', async () => {
    const windowId = DEMO_WINDOW_IDS.paymentsApiNightlyPatching;
    const executions = emulator.store.executionsOf(windowId);
    const pivot = executions[3]?.StartTime;
    if (!pivot) throw new Error('demo window has fewer than 4 executions');
    const after = await ssm.send(
      new DescribeMaintenanceWindowExecutionsCommand({
        WindowId: windowId,
        Filters: [{ Key: 'ExecutedAfter', Values: [pivot.toISOString()] }],
      }),
    );
    expect(after.WindowExecutions?.map((e) => e.WindowExecutionId)).toEqual(
      executions.slice(0, 4).map((e) => e.WindowExecutionId),
    );
    const before = await ssm.send(
      new DescribeMaintenanceWindowExecutionsCommand({
        WindowId: windowId,
        Filters: [{ Key: 'ExecutedBefore', Values: [pivot.toISOString()] }],
      }),
    );
    expect(before.WindowExecutions?.map((e) => e.WindowExecutionId)).toEqual(
      executions.slice(3).map((e) => e.WindowExecutionId),
    );
  });

  it('GetMaintenanceWindowExecution returns the execution with its task ids', async () => {
    const execution = first(emulator.store.executionsOf(DEMO_WINDOW_IDS.checkoutWebWeeklyReboot));
    const out = await ssm.send(
      new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: execution.WindowExecutionId }),
    );
    expect(out.Status).toBe(execution.Status);
    expect(out.StartTime).toEqual(execution.StartTime);
    expect(out.TaskIds).toEqual(
      emulator.store.tasksOf(execution.WindowExecutionId).map((t) => t.TaskExecutionId),
    );
    expect(out.TaskIds).toHaveLength(3);
  });

  it('DescribeMaintenanceWindowExecutionTasks lists tasks and filters by STATUS', async () => {
    const execution = first(
      emulator.store.executionsOf(DEMO_WINDOW_IDS.paymentsApiNightlyPatching),
    );
    expect(execution.Status).toBe('FAILED');
    const all = await ssm.send(
      new DescribeMaintenanceWindowExecutionTasksCommand({
        WindowExecutionId: execution.WindowExecutionId,
      }),
    );
    const tasks = emulator.store.tasksOf(execution.WindowExecutionId);
    expect(all.WindowExecutionTaskIdentities?.map((t) => t.TaskExecutionId)).toEqual(
      tasks.map((t) => t.TaskExecutionId),
    );
    expect(all.WindowExecutionTaskIdentities?.map((t) => t.TaskType).sort()).toEqual([
      'LAMBDA',
      'RUN_COMMAND',
    ]);
    const failed = await ssm.send(
      new DescribeMaintenanceWindowExecutionTasksCommand({
        WindowExecutionId: execution.WindowExecutionId,
        Filters: [{ Key: 'STATUS', Values: ['FAILED'] }],
      }),
    );
    expect(failed.WindowExecutionTaskIdentities?.length).toBeGreaterThan(0);
    expect(failed.WindowExecutionTaskIdentities?.every((t) => t.Status === 'FAILED')).toBe(true);
    expect(failed.WindowExecutionTaskIdentities?.length).toBe(
      tasks.filter((t) => t.Status === 'FAILED').length,
    );
  });

  it('GetMaintenanceWindowExecutionTask names the task type Type', async () => {
    const execution = first(emulator.store.executionsOf(DEMO_WINDOW_IDS.inventoryDbBackups));
    const task = first(emulator.store.tasksOf(execution.WindowExecutionId));
    const out = await ssm.send(
      new GetMaintenanceWindowExecutionTaskCommand({
        WindowExecutionId: execution.WindowExecutionId,
        TaskId: task.TaskExecutionId,
      }),
    );
    expect(out.Type).toBe(task.TaskType);
    expect(out.TaskArn).toBe(task.TaskArn);
    expect(out.Priority).toBe(task.Priority);
    expect(out.MaxConcurrency).toBe(task.MaxConcurrency);
    expect(out.StartTime).toEqual(task.StartTime);
  });

  it('DescribeMaintenanceWindowExecutionTaskInvocations returns the 12 fields, filtered by STATUS', async () => {
    const execution = first(
      emulator.store.executionsOf(DEMO_WINDOW_IDS.paymentsApiNightlyPatching),
    );
    const task = emulator.store
      .tasksOf(execution.WindowExecutionId)
      .find((t) => t.Status === 'FAILED');
    if (!task) throw new Error('the newest payments execution has a failed task');
    const out = await ssm.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
        WindowExecutionId: execution.WindowExecutionId,
        TaskId: task.TaskExecutionId,
      }),
    );
    const expected = emulator.store.invocationsOf(
      execution.WindowExecutionId,
      task.TaskExecutionId,
    );
    expect(out.WindowExecutionTaskInvocationIdentities).toEqual(expected);
    const failedOnly = await ssm.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
        WindowExecutionId: execution.WindowExecutionId,
        TaskId: task.TaskExecutionId,
        Filters: [{ Key: 'STATUS', Values: ['FAILED', 'TIMED_OUT'] }],
      }),
    );
    const failed = failedOnly.WindowExecutionTaskInvocationIdentities ?? [];
    expect(failed.length).toBe(expected.filter((i) => i.Status === 'FAILED').length);
    expect(failed.length).toBeGreaterThan(0);
    for (const invocation of failed) {
      expect(invocation.StatusDetails).toMatch(/i-0[0-9a-f]{16}/);
      expect(invocation.OwnerInformation).toBe('team-payments');
    }
  });

  it('GetMaintenanceWindowExecutionTaskInvocation returns one invocation', async () => {
    const invocation = first(emulator.store.invocations);
    const out = await ssm.send(
      new GetMaintenanceWindowExecutionTaskInvocationCommand({
        WindowExecutionId: invocation.WindowExecutionId,
        TaskId: invocation.TaskExecutionId,
        InvocationId: invocation.InvocationId,
      }),
    );
    const { $metadata: _metadata, ...record } = out;
    expect(record).toEqual(invocation);
  });

  it('DescribeMaintenanceWindowTargets lists targets and filters by Type and OwnerInformation', async () => {
    const windowId = DEMO_WINDOW_IDS.paymentsApiNightlyPatching;
    const out = await ssm.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId: windowId }));
    expect(out.Targets).toEqual(emulator.store.targetsOf(windowId));
    expect(out.Targets).toHaveLength(2);
    const groups = await ssm.send(
      new DescribeMaintenanceWindowTargetsCommand({
        WindowId: DEMO_WINDOW_IDS.searchIndexerHourlyReindex,
        Filters: [
          { Key: 'Type', Values: ['RESOURCE_GROUP'] },
          { Key: 'OwnerInformation', Values: ['team-search'] },
        ],
      }),
    );
    expect(groups.Targets?.map((t) => t.ResourceType)).toEqual(['RESOURCE_GROUP']);
  });
});
