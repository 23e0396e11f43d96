/**
 * P1: getWindowReport wall time against its round-trip lower bound. 1 execution × 8 tasks ×
 * 120 invocations behind 50 ms of latency: executions call → tasks call → 2 pages per task
 * (page size 100, sequential within a task), the window fetched alongside the executions: 4
 * round trips when all 8 tasks run at once (maxConcurrency 8). At the default maxConcurrency 4
 * the 16 pages take 4 pool waves, so 6 round trips.
 *
 * Measured side by side against the same emulator (its own process) in one run, repetitions
 * interleaved so load from other work on a shared machine hits every variant alike:
 * - the PASS criterion: report / (round trips × 50 ms) ≤ 1.15 (the fixed bound);
 * - a sequential SDK paginator loop over the same tasks (executions call, tasks call, then
 *   `paginateDescribeMaintenanceWindowExecutionTaskInvocations` at page size 100, one task after
 *   another: 18 round trips) — the report should be ≥ 3.9× faster;
 * - for information, the same optimal schedule hand-written with raw `SSMClient.send` calls:
 *   what this machine adds to every round trip (serialising and parsing 100-record pages on one
 *   emulator thread and one client thread) shows up there too.
 * Connections are kept alive (the SDK's default agent and fetch's pool both do) and every
 * variant is warmed up first, so connection setup is not counted — a real client reuses them.
 */
import {
  DescribeMaintenanceWindowExecutionsCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  GetMaintenanceWindowCommand,
  paginateDescribeMaintenanceWindowExecutionTaskInvocations,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { clientsFor } from '../support/core-clients';
import { spawnEmulator } from './emulator-process';
import { benchFixture, BENCH_WINDOW_ID, gate, median, timedRun, verdict } from './report-fixture';

const LATENCY_MS = 50;
const RUNS = 5;
/** Report wall time ≤ this × (round trips × latency). */
const BOUND_TARGET = 1.15;
/** Sequential paginator loop ≥ this × the report's wall time. */
const SPEEDUP_TARGET = 3.9;
const TASKS = 8;
const INVOCATIONS = 120;
/** Executions call + tasks call + ⌈120 / 100⌉ pages for each of the 8 tasks, one after another. */
const SEQUENTIAL_ROUND_TRIPS = 2 + TASKS * Math.ceil(INVOCATIONS / 100);

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
    const send = gate(concurrency);
    const outputs = await Promise.all(pending.map((p) => send(p.call)));
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

/**
 * The baseline a user would write without the core: the executions call, the tasks call, then the
 * SDK's paginator over each task's invocations at page size 100, one task after another.
 */
async function sequentialPaginatorReport(ssm: SSMClient): Promise<number> {
  const executions = await ssm.send(
    new DescribeMaintenanceWindowExecutionsCommand({ WindowId: BENCH_WINDOW_ID, MaxResults: 100 }),
  );
  const windowExecutionId = executions.WindowExecutions?.[0]?.WindowExecutionId ?? '';
  const tasks = await ssm.send(
    new DescribeMaintenanceWindowExecutionTasksCommand({
      WindowExecutionId: windowExecutionId,
      MaxResults: 100,
    }),
  );
  let total = 0;
  for (const task of tasks.WindowExecutionTaskIdentities ?? []) {
    const pages = paginateDescribeMaintenanceWindowExecutionTaskInvocations(
      { client: ssm, pageSize: 100 },
      { WindowExecutionId: windowExecutionId, TaskId: task.TaskExecutionId ?? '' },
    );
    for await (const page of pages) {
      total += page.WindowExecutionTaskInvocationIdentities?.length ?? 0;
    }
  }
  return total;
}

export async function reportLatencyBench(): Promise<boolean> {
  const emulator = await spawnEmulator(
    benchFixture({ executions: 1, tasks: TASKS, invocations: INVOCATIONS }),
    ['--latency', String(LATENCY_MS)],
  );
  let passed = true;
  try {
    const rows: string[] = [];
    for (const [maxConcurrency, roundTrips] of [
      [8, 4],
      [4, 6],
    ] as const) {
      const pair = clientsFor(emulator.url, { maxConcurrency });
      const reportOf = (transport: 'sdk' | 'json') => async () =>
        (await pair[transport].getWindowReport({ windowId: BENCH_WINDOW_ID, executions: 1 }))
          .summary.total;
      const variants: Array<{ name: string; run: () => Promise<number>; samples: number[] }> = [
        { name: 'report sdk', run: reportOf('sdk'), samples: [] },
        { name: 'report json', run: reportOf('json'), samples: [] },
        {
          name: 'raw optimal',
          run: () => rawOptimalReport(pair.ssmClient, maxConcurrency),
          samples: [],
        },
      ];
      // The sequential baseline does not depend on maxConcurrency: measured in the first block.
      if (maxConcurrency === 8) {
        variants.push({
          name: 'sequential',
          run: () => sequentialPaginatorReport(pair.ssmClient),
          samples: [],
        });
      }
      for (const variant of variants) await variant.run(); // warm-up: open the sockets
      for (let run = 0; run < RUNS; run += 1) {
        for (const variant of variants) {
          await timedRun(variant.run, variant.samples, [TASKS * INVOCATIONS]);
        }
      }
      const [sdk, json, raw, sequential] = variants.map((v) => median(v.samples));
      const bound = roundTrips * LATENCY_MS;
      rows.push(
        `P1 maxConcurrency ${maxConcurrency} (bound ${roundTrips} round trips × ${LATENCY_MS} ms = ${bound} ms), ` +
          `median of ${RUNS}: raw-SDK optimal schedule ${raw?.toFixed(1)} ms` +
          (sequential === undefined
            ? ''
            : `; sequential paginator loop (${SEQUENTIAL_ROUND_TRIPS} round trips) ${sequential.toFixed(1)} ms ` +
              `= ${(sequential / SEQUENTIAL_ROUND_TRIPS).toFixed(1)} ms per round trip on this machine`),
      );
      for (const [transport, wall] of [
        ['sdk', sdk],
        ['json', json],
      ] as const) {
        if (wall === undefined || raw === undefined) continue;
        const boundRatio = wall / bound;
        const boundOk = boundRatio <= BOUND_TARGET;
        passed &&= boundOk;
        let line =
          `P1 ${transport.padEnd(4)} maxConcurrency ${maxConcurrency}: report ${wall.toFixed(1)} ms; ` +
          `report / (${roundTrips} × ${LATENCY_MS} ms) = ${boundRatio.toFixed(3)} ` +
          `(target ≤ ${BOUND_TARGET}) ${verdict(boundOk)}`;
        if (sequential !== undefined) {
          const speedup = sequential / wall;
          passed &&= speedup >= SPEEDUP_TARGET;
          line +=
            `; sequential / report = ${speedup.toFixed(2)} ` +
            `(target ≥ ${SPEEDUP_TARGET}) ${verdict(speedup >= SPEEDUP_TARGET)}`;
        }
        line += `; report / raw-SDK optimal = ${(wall / raw).toFixed(3)} (information)`;
        rows.push(line);
      }
      pair.ssmClient.destroy();
    }
    for (const row of rows) console.log(row);
  } finally {
    await emulator.stop();
  }
  return passed;
}
