/**
 * n8n trigger: what a quiet poll costs. 50 windows with 10 finished executions each, all inside
 * the trigger's 5-minute cursor overlap (so every poll lists them), no new activity. The built
 * trigger (as n8n loads it) polls an in-process emulator; requests are counted per poll.
 * Target: ≤ 50 + 5 requests per quiet poll. Beside it, the same poll with the remembered
 * finished executions cleared from the static data — the behaviour before they were kept, which
 * reads every execution's tasks and invocations again.
 */
import { dirname, join } from 'node:path';
import { startEmulator, type Fixture } from '@ssm-invocations/emulator';
import type { AwsSsmMaintenanceWindowTrigger as Trigger } from 'n8n-nodes-ssm-invocations/nodes/AwsSsmMaintenanceWindowTrigger/AwsSsmMaintenanceWindowTrigger.node';
import type { AwsSsmMaintenanceWindowsApi as Credential } from 'n8n-nodes-ssm-invocations/credentials/AwsSsmMaintenanceWindowsApi.credentials';

const WINDOWS = 50;
const EXECUTIONS = 10;
const TARGET = WINDOWS + 5;

const packageDir = dirname(require.resolve('n8n-nodes-ssm-invocations/package.json'));
/* eslint-disable @typescript-eslint/no-require-imports -- the built files, as n8n loads them */
const { AwsSsmMaintenanceWindowTrigger } = require(
  join(
    packageDir,
    'dist/nodes/AwsSsmMaintenanceWindowTrigger/AwsSsmMaintenanceWindowTrigger.node.js',
  ),
) as { AwsSsmMaintenanceWindowTrigger: typeof Trigger };
const { AwsSsmMaintenanceWindowsApi } = require(
  join(packageDir, 'dist/credentials/AwsSsmMaintenanceWindowsApi.credentials.js'),
) as { AwsSsmMaintenanceWindowsApi: typeof Credential };
/* eslint-enable @typescript-eslint/no-require-imports */

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const uuid = (kind: number, n: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;

/** Executions every 20 s over the last 4 minutes, each finished after 10 s. */
function quietFixture(nowSeconds: number): Fixture {
  return {
    windows: Array.from({ length: WINDOWS }, (_, w) => ({
      WindowId: `mw-${hex(w + 1, 17)}`,
      Name: `bench-${w}`,
      targets: [{ WindowTargetId: uuid(4, w), Targets: [{ Key: 'tag:Bench', Values: ['yes'] }] }],
      executions: Array.from({ length: EXECUTIONS }, (_, e) => {
        const start = nowSeconds - 240 + e * 20;
        const id = w * 100 + e;
        return {
          WindowExecutionId: uuid(1, id),
          Status: 'SUCCESS' as const,
          StartTime: start,
          EndTime: start + 10,
          tasks: [
            {
              TaskExecutionId: uuid(2, id),
              TaskArn: 'AWS-RunPatchBaseline',
              TaskType: 'RUN_COMMAND' as const,
              Status: 'SUCCESS' as const,
              StartTime: start,
              EndTime: start + 9,
              invocations: [
                {
                  InvocationId: uuid(3, id),
                  ExecutionId: `cmd-${id}`,
                  Status: 'SUCCESS' as const,
                  StartTime: start,
                  EndTime: start + 8,
                  WindowTargetId: uuid(4, w),
                },
              ],
            },
          ],
        };
      }),
    })),
  };
}

export async function runN8nTriggerPollBench(): Promise<boolean> {
  const emulator = await startEmulator({ fixture: quietFixture(Math.floor(Date.now() / 1000)) });
  const credential = new AwsSsmMaintenanceWindowsApi();
  const credentials = {
    region: 'us-east-1',
    accessKeyId: 'AKIDBENCH',
    secretAccessKey: 'bench-secret',
    endpoint: emulator.url,
  };
  const trigger = new AwsSsmMaintenanceWindowTrigger();
  const staticData: Record<string, unknown> = {};
  let requests = 0;
  const context = {
    getNodeParameter: (name: string, fallback?: unknown) =>
      ({ windowId: '', statuses: ['FAILED', 'TIMED_OUT'], lookbackMinutes: 60, simplify: true })[
        name
      ] ?? fallback,
    getNode: () => ({ name: 'bench trigger' }),
    getMode: () => 'trigger',
    getWorkflowStaticData: () => staticData,
    getCredentials: async () => credentials,
    helpers: {
      async httpRequestWithAuthentication(
        _type: string,
        options: Parameters<Credential['authenticate']>[1],
      ) {
        requests += 1;
        const signed = await credential.authenticate(credentials, options);
        const response = await fetch(String(signed.url), {
          method: 'POST',
          headers: signed.headers as Record<string, string>,
          body: String(signed.body),
        });
        return { statusCode: response.status, headers: {}, body: await response.text() };
      },
    },
  };
  const poll = async (): Promise<number> => {
    requests = 0;
    await trigger.poll.call(context as never);
    return requests;
  };
  try {
    const first = await poll();
    const quiet = [await poll(), await poll()];
    const remembered = (staticData.finished as string[] | undefined)?.length ?? 0;
    delete staticData.finished;
    const withoutSkipping = await poll();
    const worst = Math.max(...quiet);
    console.log(
      `${WINDOWS} windows × ${EXECUTIONS} finished executions, no new activity (executions remembered: ${remembered})`,
    );
    console.log(`first poll (look-back):                         ${first} requests`);
    console.log(
      `quiet poll, finished executions skipped:        ${quiet.join(', ')} requests (target ≤ ${TARGET})`,
    );
    console.log(`same poll without the remembered set (before):  ${withoutSkipping} requests`);
    const ok = worst <= TARGET;
    console.log(ok ? 'target met' : `TARGET MISSED: ${worst} > ${TARGET}`);
    return ok;
  } finally {
    await emulator.stop();
  }
}
