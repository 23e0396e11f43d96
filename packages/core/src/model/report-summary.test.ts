import { InvalidInputError } from './errors';
import type { Serialized, WindowReport } from './report';
import { summarizeWindowReport } from './report-summary';
import { summarize } from './summarize';
import type { InvocationRecord } from './types';

const STATUSES = ['SUCCESS', 'FAILED', 'SUCCESS', 'TIMED_OUT', 'IN_PROGRESS', 'CANCELLED'];

function invocations(taskId: string, count: number): InvocationRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    WindowExecutionId: 'e-1',
    TaskExecutionId: taskId,
    InvocationId: `${taskId}-inv-${i}`,
    Status: STATUSES[i % STATUSES.length] as InvocationRecord['Status'],
    StartTime: new Date(0),
    EndTime: new Date(1000 * (i + 1)),
  }));
}

function report(perTask: number): WindowReport {
  const tasks = ['t-1', 't-2'].map((taskId) => {
    const list = invocations(taskId, perTask);
    return {
      task: { TaskExecutionId: taskId, Status: 'FAILED' as const },
      invocations: list,
      summary: summarize(list),
      diagnoses: Object.fromEntries(
        list
          .filter((inv) => inv.Status === 'FAILED')
          .map((inv) => [inv.InvocationId ?? '', { invocationId: inv.InvocationId } as never]),
      ),
    };
  });
  const all = tasks.flatMap((task) => task.invocations);
  return {
    window: { WindowId: 'mw-0123456789abcdef0', Name: 'nightly' },
    executions: [
      {
        execution: { WindowExecutionId: 'e-1', Status: 'FAILED' },
        tasks,
        summary: summarize(all),
      },
    ],
    summary: summarize(all),
    generatedAt: new Date(5),
  };
}

describe('summarizeWindowReport', () => {
  it('keeps every count and lists only failed, timed-out, cancelled and running targets', () => {
    const full = report(12);
    const summary = summarizeWindowReport(full);
    expect(summary.summary).toBe(full.summary);
    expect(summary.generatedAt).toBe(full.generatedAt);
    expect(summary.maxTargetsPerTask).toBe(20);
    const [task] = summary.executions[0]?.tasks ?? [];
    expect(task?.summary.total).toBe(12);
    expect(task?.invocations.map((inv) => inv.Status)).toEqual([
      'FAILED',
      'TIMED_OUT',
      'IN_PROGRESS',
      'CANCELLED',
      'FAILED',
      'TIMED_OUT',
      'IN_PROGRESS',
      'CANCELLED',
    ]);
    expect(task?.invocationsOmitted).toBe(0);
  });

  it('caps the listed targets per task and counts the rest, keeping only their diagnoses', () => {
    const summary = summarizeWindowReport(report(60), { maxTargetsPerTask: 3 });
    for (const task of summary.executions[0]?.tasks ?? []) {
      expect(task.invocations).toHaveLength(3);
      expect(task.invocationsOmitted).toBe(40 - 3);
      const listed = task.invocations.map((inv) => inv.InvocationId);
      expect(Object.keys(task.diagnoses ?? {}).every((id) => listed.includes(id))).toBe(true);
      expect(Object.keys(task.diagnoses ?? {})).toEqual([`${task.task.TaskExecutionId}-inv-1`]);
    }
  });

  it('does not change the report and works on its JSON form', () => {
    const full = report(6);
    const json = JSON.parse(JSON.stringify(full)) as Serialized<WindowReport>;
    const before = JSON.stringify(json);
    const summary = summarizeWindowReport(json, { maxTargetsPerTask: 0 });
    expect(JSON.stringify(json)).toBe(before);
    expect(summary.generatedAt).toBe('1970-01-01T00:00:00.005Z');
    expect(summary.executions[0]?.tasks[0]?.invocations).toEqual([]);
    expect(summary.executions[0]?.tasks[0]?.invocationsOmitted).toBe(4);
  });

  it('refuses a cap that is not a whole number ≥ 0', () => {
    expect(() => summarizeWindowReport(report(1), { maxTargetsPerTask: -1 })).toThrow(
      InvalidInputError,
    );
    expect(() => summarizeWindowReport(report(1), { maxTargetsPerTask: 1.5 })).toThrow(
      /maxTargetsPerTask/,
    );
  });
});

describe('summarizeWindowReport listed invocations', () => {
  it('leave out the execution and task ids that their task names', () => {
    const summary = summarizeWindowReport(report(2));
    const [task] = summary.executions[0]?.tasks ?? [];
    expect(task?.task.TaskExecutionId).toBe('t-1');
    expect(task?.invocations[0]).toEqual({
      InvocationId: 't-1-inv-1',
      Status: 'FAILED',
      StartTime: new Date(0),
      EndTime: new Date(2000),
    });
  });
});
