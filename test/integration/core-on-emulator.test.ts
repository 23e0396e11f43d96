import {
  AccessDeniedError,
  NotFoundError,
  PaginationError,
  ThrottledError,
  createInvocationsClient,
  type InvocationsClient,
} from '@ssm-invocations/core';
import { DEMO_WINDOW_IDS, startEmulator, type Emulator } from '@ssm-invocations/emulator';

const CREDENTIALS = { accessKeyId: 'AKIDINTEGRATION', secretAccessKey: 'integration-secret' };

describe('@ssm-invocations/core against the emulator (built packages, real SDK, real HTTP)', () => {
  let emulator: Emulator;
  let client: InvocationsClient;

  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'demo', sigv4: { credentials: [CREDENTIALS] } });
    client = createInvocationsClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: CREDENTIALS,
    });
  });
  afterAll(async () => {
    await emulator.stop();
  });
  afterEach(() => emulator.setFaults({}));

  it('getWindowReport matches the emulator ground truth', async () => {
    const windowId = DEMO_WINDOW_IDS.paymentsApiNightlyPatching;
    const report = await client.getWindowReport({ windowId, executions: 3 });
    const executions = emulator.store.executionsOf(windowId).slice(0, 3);
    expect(report.window.Name).toBe('payments-api-nightly-patching');
    expect(report.executions.map((e) => e.execution.WindowExecutionId)).toEqual(
      executions.map((e) => e.WindowExecutionId),
    );
    for (const [index, execution] of executions.entries()) {
      const tasks = emulator.store.tasksOf(execution.WindowExecutionId);
      const reported = report.executions[index];
      expect(reported?.tasks.map((t) => t.task.TaskExecutionId).sort()).toEqual(
        tasks.map((t) => t.TaskExecutionId).sort(),
      );
      for (const taskReport of reported?.tasks ?? []) {
        expect(taskReport.error).toBeUndefined();
        const truth = emulator.store.invocationsOf(
          execution.WindowExecutionId,
          taskReport.task.TaskExecutionId ?? '',
        );
        expect(taskReport.invocations).toEqual(truth);
        expect(taskReport.summary.total).toBe(truth.length);
        expect(taskReport.summary.failed).toBe(
          truth.filter((i) => ['FAILED', 'TIMED_OUT', 'CANCELLED'].includes(i.Status)).length,
        );
      }
    }
    expect(report.executions[0]?.summary.failed).toBeGreaterThan(0);
  });

  it('lists windows, executions and failed invocations', async () => {
    const windows = await client.listWindows({ enabled: false });
    expect(windows.map((w) => w.WindowId)).toEqual([DEMO_WINDOW_IDS.legacyReportsMonthlyCleanup]);
    const executions = await client.listExecutions({
      windowId: DEMO_WINDOW_IDS.searchIndexerHourlyReindex,
    });
    expect(executions.map((e) => e.Status)).toContain('SKIPPED_OVERLAPPING');
    const latest = emulator.store.executionsOf(DEMO_WINDOW_IDS.paymentsApiNightlyPatching)[0];
    const failedTask = emulator.store
      .tasksOf(latest?.WindowExecutionId ?? '')
      .find((t) => t.Status === 'FAILED');
    const failed = await client.getAllInvocations({
      windowExecutionId: latest?.WindowExecutionId ?? '',
      taskId: failedTask?.TaskExecutionId ?? '',
      statuses: ['FAILED'],
    });
    expect(failed.length).toBeGreaterThan(0);
    expect(
      failed.every((i) => i.Status === 'FAILED' && /i-0[0-9a-f]{16}/.test(i.StatusDetails ?? '')),
    ).toBe(true);
  });

  it('maps the emulator errors onto the core error classes', async () => {
    await expect(client.getWindow({ windowId: 'mw-0123456789abcdef0' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const stranger = createInvocationsClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDSTRANGER', secretAccessKey: 'nope' },
    });
    await expect(stranger.listWindows()).rejects.toBeInstanceOf(AccessDeniedError);
    emulator.setFaults({ throttle: { requestsPerSecond: 0.001, burst: 1 } });
    const impatient = createInvocationsClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    await impatient.listWindows();
    await expect(impatient.listWindows()).rejects.toBeInstanceOf(ThrottledError);
  });

  it('stops on a repeating NextToken instead of looping or returning duplicates', async () => {
    const execution = emulator.store.executionsOf(DEMO_WINDOW_IDS.checkoutWebWeeklyReboot)[1];
    const task = emulator.store.tasksOf(execution?.WindowExecutionId ?? '')[0];
    emulator.setFaults({
      operations: { DescribeMaintenanceWindowExecutionTaskInvocations: { repeatToken: true } },
    });
    await expect(
      client.getAllInvocations({
        windowExecutionId: execution?.WindowExecutionId ?? '',
        taskId: task?.TaskExecutionId ?? '',
      }),
    ).rejects.toBeInstanceOf(PaginationError);
  });

  it('recovers from seeded 500s and resets with the SDK retries', async () => {
    emulator.setFaults({ seed: 'integration', failureRate: 0.2, resetRate: 0.1 });
    const patient = createInvocationsClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      maxAttempts: 10,
    });
    const report = await patient.getWindowReport({
      windowId: DEMO_WINDOW_IDS.inventoryDbBackups,
      executions: 2,
    });
    expect(report.executions).toHaveLength(2);
    expect(report.executions.flatMap((e) => e.tasks).every((t) => t.error === undefined)).toBe(
      true,
    );
    const stats = emulator.stats();
    expect(stats.faults.failure + stats.faults.reset).toBeGreaterThan(0);
  });
});
