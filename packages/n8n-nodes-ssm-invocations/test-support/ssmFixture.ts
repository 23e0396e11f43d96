/**
 * The SSM data the node tests run against, as a fixture for `@ssm-invocations/emulator` (the
 * project's one SSM stand-in): one window, its executions, one RUN_COMMAND task each and the
 * task's invocations.
 */
import type { Fixture, FixtureExecution, FixtureInvocation } from '@ssm-invocations/emulator';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A valid 36-character id, distinct per (kind, n). */
export const uuid = (kind: number, n: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;

export const WINDOW_ID = 'mw-0123456789abcdef0';
export const EXECUTION_ID = uuid(1, 1);
export const TASK_ID = uuid(2, 1);
/** When the first execution starts by default (epoch seconds, 2025-11-24T17:00:00Z). */
const T0 = 1_764_000_000 + 3600;

/** The EC2 instance invocation `i` runs on (the same in every execution). */
export const instanceId = (i: number) => `i-${hex(i, 17)}`;

/**
 * Invocation `i` (1-based) of execution `e` on instance {@link instanceId}(i): every fifth
 * failed, every seventh timed out (the emulator derives the Run Command side from these).
 */
export function invocationFixture(e: number, i: number, start: number): FixtureInvocation {
  const status = i % 5 === 0 ? 'FAILED' : i % 7 === 0 ? 'TIMED_OUT' : 'SUCCESS';
  return {
    InvocationId: uuid(3, e * 100_000 + i),
    ExecutionId: uuid(4, i),
    Parameters: JSON.stringify({
      documentName: 'AWS-RunPatchBaseline',
      instanceIds: [instanceId(i)],
      parameters: { Operation: ['Install'] },
    }),
    Status: status,
    StatusDetails:
      status === 'SUCCESS' ? 'Success' : status === 'FAILED' ? 'Failed' : 'Delivery Timed Out',
    StartTime: start + i,
    EndTime: start + i + 42.5,
    OwnerInformation: 'team-web',
    WindowTargetId: uuid(5, i),
  };
}

/**
 * One window, `executions` executions an hour apart (execution `e` is `uuid(1, e)`, 1-based;
 * the newest has the highest `e`), one task each (`uuid(2, e)`) and `invocationsPerTask`
 * invocations per task. `firstStart` (epoch seconds) moves the whole history in time.
 */
export function demoFixture(invocationsPerTask = 25, executions = 1, firstStart = T0): Fixture {
  const list: FixtureExecution[] = [];
  for (let e = 1; e <= executions; e++) {
    const start = firstStart + (e - 1) * 3600;
    list.push({
      WindowExecutionId: uuid(1, e),
      Status: 'FAILED',
      StartTime: start,
      EndTime: start + 600,
      tasks: [
        {
          TaskExecutionId: uuid(2, e),
          Status: 'FAILED',
          StartTime: start,
          EndTime: start + 590,
          TaskArn: 'AWS-RunPatchBaseline',
          TaskType: 'RUN_COMMAND',
          invocations: Array.from({ length: invocationsPerTask }, (_, i) =>
            invocationFixture(e, i + 1, start),
          ),
        },
      ],
    });
  }
  return {
    windows: [
      {
        WindowId: WINDOW_ID,
        Name: 'patch-web',
        Enabled: true,
        Duration: 2,
        Cutoff: 1,
        Schedule: 'cron(0 2 ? * SUN *)',
        executions: list,
      },
    ],
  };
}
