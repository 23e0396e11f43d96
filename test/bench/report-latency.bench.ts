/**
 * P1: getWindowReport wall time against its round-trip lower bound. 1 execution × 8 tasks ×
 * 120 invocations behind 50 ms of latency: executions call → tasks call → 2 pages per task
 * (page size 100, sequential within a task), the window fetched alongside the executions: 4
 * round trips when all 8 tasks run at once (maxConcurrency 8). At the default maxConcurrency 4
 * the 16 pages take 4 pool waves, so 6 round trips.
 *
 * Two bounds are printed: the theoretical one (round trips × 50 ms) and the same optimal
 * schedule hand-written with raw `SSMClient.send` calls, run side by side against the same
 * emulator (its own process) in the same run. The second includes what a loaded machine adds to
 * every round trip (parsing 100-record pages, scheduling), so it is the fair target (≤ 1.15×).
 */
import {
  DescribeMaintenanceWindowExecutionsCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  GetMaintenanceWindowCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { clientsFor } from '../support/core-clients';
import { spawnEmulator } from './emulator-process';
import { benchFixture, BENCH_WINDOW_ID, median } from './report-fixture';

const LATENCY_MS = 50;
const RUNS = 7;
const TARGET = 1.15;

/** Runs `tasks` with at most `limit` in flight, in order. */
async function limited<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      const task = tasks[index];
      if (task) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/**
 * The optimal schedule with raw SDK calls: window ‖ executions → tasks → every task's pages in
 * parallel (at most `concurrency` in flight). Returns the number of invocations read.
 */
async function rawOptimalReport(ssm: SSMClient, concurrency: number): Promise<number> {
  const [, executions] = await Promise.all([
    ssm.send(new GetMaintenanceWindowCommand({ WindowId: BENCH_WINDOW_ID })),
    ssm.send(
      new DescribeMaintenanceWindowExecutionsCommand({
        WindowId: BENCH_WINDOW_ID,
        MaxResults: 100,
      }),
    ),
  ]);
  const windowExecutionId = executions.WindowExecutions?.[0]?.WindowExecutionId ?? '';
  const tasks = await ssm.send(
    new DescribeMaintenanceWindowExecutionTasksCommand({
      WindowExecutionId: windowExecutionId,
      MaxResults: 100,
    }),
  );
  // Page 1 of every task first, then page 2 of every task: the order a FIFO pool serves them.
  const taskIds = (tasks.WindowExecutionTaskIdentities ?? []).map((t) => t.TaskExecutionId ?? '');
  const page = (taskId: string, nextToken?: string) => () =>
    ssm.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
        WindowExecutionId: windowExecutionId,
        TaskId: taskId,
        MaxResults: 100,
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
    );
  let total = 0;
  let pending = taskIds.map((taskId) => ({ taskId, call: page(taskId) }));
  while (pending.length > 0) {
    const outputs = await limited(
      concurrency,
      pending.map((p) => p.call),
    );
    const following: typeof pending = [];
    outputs.forEach((out, i) => {
      total += out.WindowExecutionTaskInvocationIdentities?.length ?? 0;
      const taskId = pending[i]?.taskId ?? '';
      if (out.NextToken) following.push({ taskId, call: page(taskId, out.NextToken) });
    });
    pending = following;
  }
  return total;
}

export async function reportLatencyBench(): Promise<void> {
  const emulator = await spawnEmulator(
    benchFixture({ executions: 1, tasks: 8, invocations: 120 }),
    ['--latency', String(LATENCY_MS)],
  );
  try {
    const rows: string[] = [];
    for (const [maxConcurrency, roundTrips] of [
      [8, 4],
      [4, 6],
    ] as const) {
      const pair = clientsFor(emulator.url, { maxConcurrency });
      for (const transport of ['sdk', 'json'] as const) {
        const client = pair[transport];
        await client.getWindowReport({ windowId: BENCH_WINDOW_ID, executions: 1 }); // warm-up
        await rawOptimalReport(pair.ssmClient, maxConcurrency);
        const walls: number[] = [];
        const raws: number[] = [];
        for (let run = 0; run < RUNS; run += 1) {
          let t0 = performance.now();
          const rawTotal = await rawOptimalReport(pair.ssmClient, maxConcurrency);
          raws.push(performance.now() - t0);
          t0 = performance.now();
          const report = await client.getWindowReport({ windowId: BENCH_WINDOW_ID, executions: 1 });
          walls.push(performance.now() - t0);
          if (report.summary.total !== 8 * 120 || rawTotal !== 8 * 120) {
            throw new Error(`incomplete: report ${report.summary.total}, raw ${rawTotal}`);
          }
        }
        const wall = median(walls);
        const raw = median(raws);
        const theoretical = roundTrips * LATENCY_MS;
        const ratio = wall / raw;
        rows.push(
          `P1 ${transport.padEnd(4)} maxConcurrency ${maxConcurrency}: report ${wall.toFixed(1)} ms; ` +
            `raw-SDK optimal schedule ${raw.toFixed(1)} ms → ratio ${ratio.toFixed(3)} ` +
            `(target ≤ ${TARGET}) ${ratio <= TARGET ? 'PASS' : 'FAIL'}; ` +
            `theoretical ${roundTrips} × ${LATENCY_MS} ms = ${theoretical} ms → ratio ${(wall / theoretical).toFixed(3)}`,
        );
      }
      pair.ssmClient.destroy();
    }
    for (const row of rows) console.log(row);
  } finally {
    await emulator.stop();
  }
}
