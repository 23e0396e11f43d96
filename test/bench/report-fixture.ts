/**
 * Benchmark fixtures for the emulator: one window with `executions` executions of `tasks` tasks
 * of `invocations` invocations each, with stable ids.
 */
import type { Fixture } from '@ssm-invocations/emulator';

export const BENCH_WINDOW_ID = 'mw-0be0c0000000000b1';

/** The first execution and its first task in every bench fixture. */
export const BENCH_EXECUTION_ID = '00000001-0000-4000-8000-000000000000';
export const BENCH_TASK_ID = '00000002-0000-4000-8000-000000000000';

function id(kind: number, n: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * `executions` × `tasks` × `invocations` Run Command invocations; every `failedEvery`-th target
 * of a task fails (default 10: 10 %).
 */
export function benchFixture(shape: {
  executions: number;
  tasks: number;
  invocations: number;
  failedEvery?: number;
}): Fixture {
  const failedEvery = shape.failedEvery ?? 10;
  const start = Date.parse('2026-11-27T02:00:00Z') / 1000;
  let counter = 0;
  return {
    windows: [
      {
        WindowId: BENCH_WINDOW_ID,
        Name: 'bench-window',
        Schedule: 'cron(0 2 ? * * *)',
        targets: [{ WindowTargetId: id(4, 0), Targets: [{ Key: 'tag:Bench', Values: ['yes'] }] }],
        executions: Array.from({ length: shape.executions }, (_, e) => ({
          WindowExecutionId: id(1, e),
          Status: 'SUCCESS' as const,
          StartTime: start - e * 86_400,
          EndTime: start - e * 86_400 + 900,
          tasks: Array.from({ length: shape.tasks }, (_, t) => ({
            TaskExecutionId: id(2, e * 100 + t),
            TaskArn: 'AWS-RunPatchBaseline',
            TaskType: 'RUN_COMMAND' as const,
            Status: 'SUCCESS' as const,
            StartTime: start - e * 86_400 + 1,
            EndTime: start - e * 86_400 + 800,
            invocations: Array.from({ length: shape.invocations }, (_, i) => {
              counter += 1;
              return {
                InvocationId: id(3, counter),
                ExecutionId: `cmd-${counter}`,
                Status: i % failedEvery === 0 ? ('FAILED' as const) : ('SUCCESS' as const),
                StatusDetails: i % failedEvery === 0 ? 'Failed' : 'Success',
                StartTime: start - e * 86_400 + 2,
                EndTime: start - e * 86_400 + 60,
                WindowTargetId: id(4, 0),
              };
            }),
          })),
        })),
      },
    ],
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** `PASS` or `FAIL`, for a benchmark's result line. */
export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

/**
 * Runs `fn` once, adds its wall time to `samples` and fails unless it returned one of `expected`
 * (a run that read less than it should would look fast).
 */
export async function timedRun(
  fn: () => Promise<number>,
  samples: number[],
  expected: readonly number[],
): Promise<void> {
  const t0 = performance.now();
  const result = await fn();
  samples.push(performance.now() - t0);
  if (!expected.includes(result)) {
    throw new Error(`incomplete run: got ${result}, expected ${expected.join(' or ')}`);
  }
}

/** Runs each call when fewer than `limit` are in flight (first come, first served). */
export function gate(limit: number): <T>(call: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (call) => {
    // A finished call hands its slot straight to the next waiter, so none can slip in between.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await call();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
