/**
 * The diagnosis budget of a report when one task fails after its first page while another task's
 * failed invocations keep arriving: the budget the failed task's diagnoses claimed stays spent (it
 * bounds the requests sent), so no later invocation is diagnosed in place of an earlier one.
 */
import { ServiceError } from '../model/errors';
import { recordingTransport } from '../test-support/recording-transport';
import { createInvocationsClientWithTransport } from './invocations-client';

const WINDOW_ID = 'mw-0123456789abcdef0';
const EXECUTION_ID = '11111111-1111-4111-8111-111111111111';
const TASK_A = '22222222-2222-4222-8222-2222222222aa';
const TASK_B = '22222222-2222-4222-8222-2222222222bb';
// Invocation and automation ids name their task, page and place: `a10` is task A, page 1, first.
const invocationId = (name: string): string => `33333333-3333-4333-8333-333333333${name}`;
const automationId = (name: string): string => `44444444-4444-4444-8444-444444444${name}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function page(task: 'a' | 'b', n: number, failed: number): Record<string, unknown>[] {
  return Array.from({ length: failed }, (_, i) => ({
    WindowExecutionId: EXECUTION_ID,
    TaskExecutionId: task === 'a' ? TASK_A : TASK_B,
    InvocationId: invocationId(`${task}${n}${i}`),
    ExecutionId: automationId(`${task}${n}${i}`),
    TaskType: 'AUTOMATION',
    Status: 'FAILED',
  }));
}

/**
 * Task A: a first page with two failed invocations, then a second page that fails once B's first
 * page is in. Task B: a first page with two failed invocations (while A's diagnoses run), and a
 * second page with two more once A's diagnoses are answered and A has been given up.
 */
function racingTasks(): ReturnType<typeof recordingTransport> {
  const aFirstPage = deferred();
  const bFirstPage = deferred();
  const aGivenUp = deferred();
  let aAnswered = 0;
  const invocations = async (input: Record<string, unknown>) => {
    const task = input.TaskId === TASK_A ? 'a' : 'b';
    const first = input.NextToken === undefined;
    if (task === 'a' && first) {
      setTimeout(aFirstPage.resolve, 10);
      return { WindowExecutionTaskInvocationIdentities: page('a', 1, 2), NextToken: 'a-2' };
    }
    if (task === 'a') {
      await bFirstPage.promise;
      throw new ServiceError('DescribeMaintenanceWindowExecutionTaskInvocations failed', {
        operation: 'DescribeMaintenanceWindowExecutionTaskInvocations',
      });
    }
    if (first) {
      await aFirstPage.promise;
      setTimeout(bFirstPage.resolve, 10);
      return { WindowExecutionTaskInvocationIdentities: page('b', 1, 2), NextToken: 'b-2' };
    }
    await aGivenUp.promise;
    // Time for task A to take note of its answered diagnoses before B's last page is in.
    await sleep(50);
    return { WindowExecutionTaskInvocationIdentities: page('b', 2, 2) };
  };
  return recordingTransport({
    GetMaintenanceWindow: () => ({ WindowId: WINDOW_ID }),
    DescribeMaintenanceWindowExecutions: () => ({
      WindowExecutions: [{ WindowId: WINDOW_ID, WindowExecutionId: EXECUTION_ID }],
    }),
    DescribeMaintenanceWindowExecutionTasks: () => ({
      WindowExecutionTaskIdentities: [TASK_A, TASK_B].map((id) => ({
        WindowExecutionId: EXECUTION_ID,
        TaskExecutionId: id,
        TaskType: 'AUTOMATION',
      })),
    }),
    DescribeMaintenanceWindowExecutionTaskInvocations: invocations,
    GetAutomationExecution: async (input) => {
      const id = String(input.AutomationExecutionId);
      if (id.endsWith('a10') || id.endsWith('a11')) {
        await bFirstPage.promise;
        aAnswered += 1;
        if (aAnswered === 2) aGivenUp.resolve();
      }
      return {
        AutomationExecution: { AutomationExecutionId: id, AutomationExecutionStatus: 'Failed' },
      };
    },
  });
}

describe('the diagnosis budget of a report with a task that fails after its first page', () => {
  it('stays spent: later invocations are not diagnosed in place of earlier ones', async () => {
    const { transport, sent } = racingTasks();
    const report = await createInvocationsClientWithTransport(transport).getWindowReport({
      windowId: WINDOW_ID,
      diagnose: 'failed',
      maxDiagnoses: 3,
    });
    const [taskA, taskB] = report.executions[0]?.tasks ?? [];
    expect(taskA?.error).toBeDefined();
    expect(taskB?.error).toBeUndefined();
    // A claimed two; B's first failure got the last one, in the order the failures arrived.
    const diagnosed = sent.filter((r) => r.operation === 'GetAutomationExecution');
    expect(diagnosed.map((r) => String(r.input.AutomationExecutionId).slice(-3))).toEqual([
      'a10',
      'a11',
      'b10',
    ]);
    expect(Object.keys(taskB?.diagnoses ?? {})).toEqual([invocationId('b10')]);
    // Every failed invocation of B without a diagnosis is counted, none of A's (reported as an error).
    expect(report.diagnosesOmitted).toBe(3);
  });
});
