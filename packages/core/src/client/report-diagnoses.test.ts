import { InvalidInputError } from '../model/errors';
import { recordingTransport } from '../test-support/recording-transport';
import { createInvocationsClientWithTransport } from './invocations-client';

const WINDOW_ID = 'mw-0123456789abcdef0';
const EXECUTION_ID = '11111111-1111-4111-8111-111111111111';
const taskId = (t: number): string =>
  `22222222-2222-4222-8222-2222222222${String(t).padStart(2, '0')}`;
const invocationId = (t: number, i: number): string =>
  `33333333-3333-4333-8333-33333333${String(t).padStart(2, '0')}${String(i).padStart(2, '0')}`;

/** A window with one execution of `tasks` LAMBDA tasks, each with `perTask` invocations. */
function window(tasks: number, perTask: number, failedPerTask: number) {
  return recordingTransport({
    GetMaintenanceWindow: () => ({ WindowId: WINDOW_ID, Name: 'w' }),
    DescribeMaintenanceWindowExecutions: () => ({
      WindowExecutions: [
        { WindowId: WINDOW_ID, WindowExecutionId: EXECUTION_ID, Status: 'FAILED' },
      ],
    }),
    DescribeMaintenanceWindowExecutionTasks: () => ({
      WindowExecutionTaskIdentities: Array.from({ length: tasks }, (_, t) => ({
        WindowExecutionId: EXECUTION_ID,
        TaskExecutionId: taskId(t),
        TaskType: 'LAMBDA',
      })),
    }),
    DescribeMaintenanceWindowExecutionTaskInvocations: (input) => {
      const t = Number(String(input.TaskId).slice(-2));
      return {
        WindowExecutionTaskInvocationIdentities: Array.from({ length: perTask }, (_, i) => ({
          WindowExecutionId: EXECUTION_ID,
          TaskExecutionId: taskId(t),
          InvocationId: invocationId(t, i),
          TaskType: 'LAMBDA',
          Status: i < failedPerTask ? (i % 2 === 0 ? 'FAILED' : 'TIMED_OUT') : 'SUCCESS',
          Parameters: '{"functionName":"mw-hook"}',
        })),
      };
    },
  });
}

describe("getWindowReport with diagnose: 'failed'", () => {
  it('diagnoses failed and timed-out invocations from the records it read, no second read', async () => {
    const { transport, sent } = window(2, 5, 2);
    const client = createInvocationsClientWithTransport(transport, { consoleRegion: 'eu-west-1' });
    const report = await client.getWindowReport({ windowId: WINDOW_ID, diagnose: 'failed' });
    const tasks = report.executions[0]?.tasks ?? [];
    expect(tasks.map((t) => Object.keys(t.diagnoses ?? {}).sort())).toEqual([
      [invocationId(0, 0), invocationId(0, 1)],
      [invocationId(1, 0), invocationId(1, 1)],
    ]);
    const diagnosis = tasks[0]?.diagnoses?.[invocationId(0, 1)];
    expect(diagnosis?.taskType).toBe('LAMBDA');
    expect(diagnosis?.invocation).toBe(tasks[0]?.invocations[1]);
    expect(report.diagnosesOmitted).toBe(0);
    expect(sent.some((r) => r.operation === 'GetMaintenanceWindowExecutionTaskInvocation')).toBe(
      false,
    );
  });

  it('stops at maxDiagnoses for the whole report and counts the rest', async () => {
    const { transport } = window(3, 4, 4);
    const client = createInvocationsClientWithTransport(transport);
    const report = await client.getWindowReport({
      windowId: WINDOW_ID,
      diagnose: 'failed',
      maxDiagnoses: 5,
    });
    const given = (report.executions[0]?.tasks ?? []).reduce(
      (n, t) => n + Object.keys(t.diagnoses ?? {}).length,
      0,
    );
    expect(given).toBe(5);
    expect(report.diagnosesOmitted).toBe(7);
  });

  it("leaves the report as it was without diagnose (or with 'none')", async () => {
    for (const diagnose of [undefined, 'none'] as const) {
      const { transport } = window(1, 3, 3);
      const report = await createInvocationsClientWithTransport(transport).getWindowReport({
        windowId: WINDOW_ID,
        ...(diagnose === undefined ? {} : { diagnose }),
      });
      expect('diagnosesOmitted' in report).toBe(false);
      expect('diagnoses' in (report.executions[0]?.tasks[0] ?? {})).toBe(false);
    }
  });

  it.each([
    [{ diagnose: 'all' }, 'diagnose'],
    [{ diagnose: 'failed', maxDiagnoses: 0 }, 'maxDiagnoses'],
    [{ diagnose: 'failed', maxDiagnoses: 501 }, 'maxDiagnoses'],
    [{ diagnose: 'failed', maxDiagnoses: 1.5 }, 'maxDiagnoses'],
  ])('rejects %j before sending anything', async (extra, field) => {
    const { transport, sent } = window(1, 1, 1);
    const client = createInvocationsClientWithTransport(transport);
    const failure = client.getWindowReport({ windowId: WINDOW_ID, ...extra } as never);
    await expect(failure).rejects.toBeInstanceOf(InvalidInputError);
    await expect(failure).rejects.toMatchObject({ field });
    expect(sent).toEqual([]);
  });
});
