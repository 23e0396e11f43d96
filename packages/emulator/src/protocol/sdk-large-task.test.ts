import {
  SSMClient,
  paginateDescribeMaintenanceWindowExecutionTaskInvocations,
} from '@aws-sdk/client-ssm';
import { startEmulator } from '../http/server';

describe('a task with 10,000 invocations', () => {
  it('pages through all of them with pages of 100, in order, without duplicates', async () => {
    const emulator = await startEmulator({
      seed: 'large',
      seedOptions: {
        windows: 1,
        executionsPerWindow: 1,
        tasksPerExecution: 1,
        invocationsPerTask: 10_000,
      },
    });
    const ssm = new SSMClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
    const task = emulator.store.tasks[0];
    if (!task) throw new Error('seed produced no task');
    const ids: string[] = [];
    for await (const page of paginateDescribeMaintenanceWindowExecutionTaskInvocations(
      { client: ssm, pageSize: 100 },
      { WindowExecutionId: task.WindowExecutionId, TaskId: task.TaskExecutionId },
    )) {
      ids.push(
        ...(page.WindowExecutionTaskInvocationIdentities ?? []).map((i) => i.InvocationId ?? ''),
      );
    }
    expect(ids).toEqual(
      emulator.store
        .invocationsOf(task.WindowExecutionId, task.TaskExecutionId)
        .map((i) => i.InvocationId),
    );
    expect(emulator.stats().byOperation).toEqual({
      DescribeMaintenanceWindowExecutionTaskInvocations: 100,
    });
    ssm.destroy();
    await emulator.stop();
  });
});
