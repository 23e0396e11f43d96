import { ServiceError } from '../model/errors';
import type { SsmOperation } from '../model/operations';
import type { SsmTransport } from '../transport/types';
import { createInvocationsClientWithTransport } from './invocations-client';

const WINDOW_ID = 'mw-0123456789abcdef0';
const EXECUTION_ID = '11111111-1111-4111-8111-111111111111';
const TASK_ID = '22222222-2222-4222-8222-222222222222';
const AUTOMATION_ID = '44444444-4444-4444-8444-444444444444';
const invocationId = (page: number, i: number): string =>
  `33333333-3333-4333-8333-3333333333${page}${i}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One AUTOMATION task whose invocations come in two pages, each with `failedPerPage` failed
 * ones; `secondPage` decides how the second page is answered.
 */
function twoPageTask(
  failedPerPage: number,
  secondPage: (records: Record<string, unknown>[]) => Promise<Record<string, unknown>>,
): { transport: SsmTransport; events: string[] } {
  const events: string[] = [];
  const page = (n: number) =>
    Array.from({ length: 3 }, (_, i) => ({
      WindowExecutionId: EXECUTION_ID,
      TaskExecutionId: TASK_ID,
      InvocationId: invocationId(n, i),
      ExecutionId: AUTOMATION_ID,
      TaskType: 'AUTOMATION',
      Status: i < failedPerPage ? 'FAILED' : 'SUCCESS',
    }));
  const transport: SsmTransport = {
    async send(operation: SsmOperation, input) {
      events.push(`${operation}${input.NextToken === undefined ? '' : ' (next page)'}`);
      switch (operation) {
        case 'GetMaintenanceWindow':
          return { WindowId: WINDOW_ID };
        case 'DescribeMaintenanceWindowExecutions':
          return { WindowExecutions: [{ WindowId: WINDOW_ID, WindowExecutionId: EXECUTION_ID }] };
        case 'DescribeMaintenanceWindowExecutionTasks':
          return {
            WindowExecutionTaskIdentities: [
              { WindowExecutionId: EXECUTION_ID, TaskExecutionId: TASK_ID, TaskType: 'AUTOMATION' },
            ],
          };
        case 'DescribeMaintenanceWindowExecutionTaskInvocations':
          return input.NextToken === undefined
            ? { WindowExecutionTaskInvocationIdentities: page(1), NextToken: 'page-2' }
            : secondPage(page(2));
        case 'GetAutomationExecution':
          await sleep(20);
          events.push('GetAutomationExecution answered');
          return {
            AutomationExecution: {
              AutomationExecutionId: AUTOMATION_ID,
              AutomationExecutionStatus: 'Failed',
            },
          };
        default:
          throw new ServiceError(`${operation} not expected`);
      }
    },
  };
  return { transport, events };
}

describe("getWindowReport with diagnose: 'failed', while a task's pages still arrive", () => {
  it("starts a failed invocation's diagnosis before the task's next page is answered", async () => {
    let diagnosisStarted = false;
    const { transport } = twoPageTask(1, async (records) => {
      // Answer the second page once the first page's diagnosis went out (or give up waiting).
      for (let waited = 0; waited < 1000 && !diagnosisStarted; waited += 5) await sleep(5);
      return { WindowExecutionTaskInvocationIdentities: records };
    });
    const send = transport.send.bind(transport);
    transport.send = (operation, input, options) => {
      if (operation === 'GetAutomationExecution') diagnosisStarted = true;
      return send(operation, input, options);
    };
    const client = createInvocationsClientWithTransport(transport);
    const started = performance.now();
    const report = await client.getWindowReport({ windowId: WINDOW_ID, diagnose: 'failed' });
    // Diagnosing only after the last page would have left the second page waiting the full second.
    expect(performance.now() - started).toBeLessThan(900);
    const diagnoses = report.executions[0]?.tasks[0]?.diagnoses ?? {};
    expect(Object.keys(diagnoses)).toEqual([invocationId(1, 0), invocationId(2, 0)]);
    expect(report.diagnosesOmitted).toBe(0);
  });

  it("asks for the task's next page before diagnosing the page it has", async () => {
    const { transport, events } = twoPageTask(1, async (records) => ({
      WindowExecutionTaskInvocationIdentities: records,
    }));
    await createInvocationsClientWithTransport(transport).getWindowReport({
      windowId: WINDOW_ID,
      diagnose: 'failed',
    });
    expect(events.filter((e) => !e.startsWith('GetMaintenanceWindow'))).toEqual([
      'DescribeMaintenanceWindowExecutions',
      'DescribeMaintenanceWindowExecutionTasks',
      'DescribeMaintenanceWindowExecutionTaskInvocations',
      'DescribeMaintenanceWindowExecutionTaskInvocations (next page)',
      'GetAutomationExecution',
      'GetAutomationExecution',
      'GetAutomationExecution answered',
      'GetAutomationExecution answered',
    ]);
  });

  it('keeps the diagnoses in the order their invocations arrived, within the budget', async () => {
    const { transport } = twoPageTask(2, async (records) => ({
      WindowExecutionTaskInvocationIdentities: records,
    }));
    const report = await createInvocationsClientWithTransport(transport).getWindowReport({
      windowId: WINDOW_ID,
      diagnose: 'failed',
      maxDiagnoses: 3,
    });
    const diagnoses = report.executions[0]?.tasks[0]?.diagnoses ?? {};
    expect(Object.keys(diagnoses)).toEqual([
      invocationId(1, 0),
      invocationId(1, 1),
      invocationId(2, 0),
    ]);
    expect(report.diagnosesOmitted).toBe(1);
  });

  it('a task that cannot be read after its first page reports the error once its started diagnoses settled', async () => {
    const { transport, events } = twoPageTask(2, async () => {
      throw new ServiceError('DescribeMaintenanceWindowExecutionTaskInvocations failed', {
        operation: 'DescribeMaintenanceWindowExecutionTaskInvocations',
      });
    });
    const report = await createInvocationsClientWithTransport(transport).getWindowReport({
      windowId: WINDOW_ID,
      diagnose: 'failed',
      maxDiagnoses: 1,
    });
    const task = report.executions[0]?.tasks[0];
    expect(task?.error).toBeDefined();
    expect(task?.invocations).toEqual([]);
    expect(task && 'diagnoses' in task).toBe(false);
    // The failed invocations of a task reported as an error are not counted as left out.
    expect(report.diagnosesOmitted).toBe(0);
    // No request of the report is still running once it is returned.
    expect(events.filter((e) => e.startsWith('GetAutomationExecution'))).toEqual([
      'GetAutomationExecution',
      'GetAutomationExecution answered',
    ]);
    expect(events.at(-1)).toBe('GetAutomationExecution answered');
  });
});
