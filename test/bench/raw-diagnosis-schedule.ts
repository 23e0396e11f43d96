/**
 * P4's yardstick: the same work as `getWindowReport({ diagnose: 'failed' })`, hand-written with
 * raw `SSMClient.send` calls and no core code — window ‖ executions → tasks → every task's pages,
 * and as each page arrives, for each failed invocation ListCommandInvocations (`Details`) →
 * GetCommandInvocation of the failed step, at most `concurrency` requests in flight. What it
 * takes on this machine is what any client of the real SDK pays for these requests here.
 */
import {
  DescribeMaintenanceWindowExecutionsCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  GetCommandInvocationCommand,
  GetMaintenanceWindowCommand,
  ListCommandInvocationsCommand,
  type MaintenanceWindowExecutionTaskInvocationIdentity,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { gate } from './report-fixture';

/** Returns how many failed invocations got their failed step's output. */
export async function rawDiagnosisSchedule(
  ssm: SSMClient,
  windowId: string,
  concurrency: number,
): Promise<number> {
  const send = gate(concurrency);
  const diagnose = async (
    invocation: MaintenanceWindowExecutionTaskInvocationIdentity,
  ): Promise<boolean> => {
    const CommandId = invocation.ExecutionId ?? '';
    const nodes = await send(() =>
      ssm.send(new ListCommandInvocationsCommand({ CommandId, Details: true })),
    );
    const node = nodes.CommandInvocations?.[0];
    const step = node?.CommandPlugins?.find((p) => p.Status === 'Failed');
    if (node?.InstanceId === undefined || step?.Name === undefined) return false;
    const output = await send(() =>
      ssm.send(
        new GetCommandInvocationCommand({
          CommandId,
          InstanceId: node.InstanceId,
          PluginName: step.Name,
        }),
      ),
    );
    return output.StandardErrorContent !== undefined;
  };
  const [, executions] = await Promise.all([
    send(() => ssm.send(new GetMaintenanceWindowCommand({ WindowId: windowId }))),
    send(() =>
      ssm.send(
        new DescribeMaintenanceWindowExecutionsCommand({ WindowId: windowId, MaxResults: 100 }),
      ),
    ),
  ]);
  const WindowExecutionId = executions.WindowExecutions?.[0]?.WindowExecutionId ?? '';
  const tasks = await send(() =>
    ssm.send(
      new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId, MaxResults: 100 }),
    ),
  );
  const diagnoses: Array<Promise<boolean>> = [];
  await Promise.all(
    (tasks.WindowExecutionTaskIdentities ?? []).map(async ({ TaskExecutionId: TaskId }) => {
      let NextToken: string | undefined;
      do {
        const page = await send(() =>
          ssm.send(
            new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
              WindowExecutionId,
              TaskId,
              MaxResults: 100,
              ...(NextToken === undefined ? {} : { NextToken }),
            }),
          ),
        );
        NextToken = page.NextToken;
        for (const invocation of page.WindowExecutionTaskInvocationIdentities ?? []) {
          if (invocation.Status === 'FAILED') diagnoses.push(diagnose(invocation));
        }
      } while (NextToken !== undefined);
    }),
  );
  return (await Promise.all(diagnoses)).filter(Boolean).length;
}
