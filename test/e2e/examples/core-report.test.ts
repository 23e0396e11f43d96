import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import {
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  DescribeMaintenanceWindowExecutionsCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { demoWindows, startEmulator } from '@ssm-invocations/emulator';

const exampleDir = resolve(__dirname, '..', '..', '..', 'examples', 'core-report');
const FAILED = new Set(['FAILED', 'TIMED_OUT', 'CANCELLED']);

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let sdk: SSMClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  sdk = new SSMClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
  });
});

afterAll(async () => {
  sdk?.destroy();
  await emulator?.stop();
});

/** Totals over a window's newest 3 executions, counted with the plain SDK. */
async function groundTruth(windowId: string): Promise<{ total: number; failed: number }> {
  const { WindowExecutions = [] } = await sdk.send(
    new DescribeMaintenanceWindowExecutionsCommand({ WindowId: windowId, MaxResults: 100 }),
  );
  const newest = [...WindowExecutions]
    .sort((a, b) => (b.StartTime?.getTime() ?? Infinity) - (a.StartTime?.getTime() ?? Infinity))
    .slice(0, 3);
  let total = 0;
  let failed = 0;
  for (const execution of newest) {
    const { WindowExecutionTaskIdentities = [] } = await sdk.send(
      new DescribeMaintenanceWindowExecutionTasksCommand({
        WindowExecutionId: execution.WindowExecutionId,
      }),
    );
    for (const task of WindowExecutionTaskIdentities) {
      let token: string | undefined;
      do {
        const page = await sdk.send(
          new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
            WindowExecutionId: execution.WindowExecutionId,
            TaskId: task.TaskExecutionId,
            MaxResults: 100,
            NextToken: token,
          }),
        );
        for (const inv of page.WindowExecutionTaskInvocationIdentities ?? []) {
          total += 1;
          if (FAILED.has(inv.Status ?? '')) failed += 1;
        }
        token = page.NextToken || undefined;
      } while (token);
    }
  }
  return { total, failed };
}

function runExample(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      {
        cwd: exampleDir,
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          SSM_ENDPOINT: emulator.url,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'example',
          AWS_EC2_METADATA_DISABLED: 'true',
          // The SDK's advice to move to Node 22 would be the only stderr output on Node 20.
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      },
      (error, stdout, stderr) =>
        done({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
    );
  });
}

describe('examples/core-report', () => {
  it('prints a summary per demo window that matches the emulator', async () => {
    const { code, stdout, stderr } = await runExample();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const window of demoWindows) {
      const truth = await groundTruth(window.WindowId);
      expect(stdout).toContain(
        `${window.Name} (${window.WindowId}): ${truth.total} invocations, ${truth.failed} failed,`,
      );
    }
  });
});
