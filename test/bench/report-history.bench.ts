/**
 * Report history: a warm refresh of a window whose executions have all finished, against the
 * cold fetch of the same report, counted in SSM requests (the emulator's stats) side by side in
 * one run. 5 executions × 4 tasks × 500 invocations (the issue's modest patch window): cold =
 * window + execution list + per execution its task list and 5 invocation pages per task.
 * - the PASS criterion: warm requests ≤ 0.2 × cold requests (the issue's target), both transports;
 * - for information: the wall time of each, and the refresh while the newest execution still
 *   runs (it alone is refetched).
 */
import { createMemoryHistoryStore, type InvocationsClient } from '@ssm-invocations/core';
import type { Emulator } from '@ssm-invocations/emulator';
import { clientsFor, startTestEmulator } from '../support/core-clients';
import { BENCH_EXECUTION_ID, BENCH_WINDOW_ID, benchFixture, verdict } from './report-fixture';

const RATIO_TARGET = 0.2;
const SHAPE = { executions: 5, tasks: 4, invocations: 500 };
const INPUT = { windowId: BENCH_WINDOW_ID, executions: SHAPE.executions };

interface Measured {
  requests: number;
  ms: number;
  invocations: number;
}

async function measured(emulator: Emulator, work: () => Promise<number>): Promise<Measured> {
  emulator.resetStats();
  const t0 = performance.now();
  const invocations = await work();
  return { requests: emulator.stats().requests, ms: performance.now() - t0, invocations };
}

/** Marks the newest execution and everything in it as `status`. */
function setNewest(emulator: Emulator, status: 'IN_PROGRESS' | 'SUCCESS'): void {
  const execution = emulator.store.getExecution(BENCH_EXECUTION_ID);
  if (execution !== undefined) execution.Status = status;
  for (const task of emulator.store.tasks) {
    if (task.WindowExecutionId === BENCH_EXECUTION_ID) task.Status = status;
  }
  for (const invocation of emulator.store.invocations) {
    if (invocation.WindowExecutionId === BENCH_EXECUTION_ID) invocation.Status = status;
  }
}

async function reportOf(
  client: InvocationsClient,
  history: ReturnType<typeof createMemoryHistoryStore>,
): Promise<number> {
  const report = await client.getWindowReport(INPUT, { history });
  return report.summary.total;
}

export async function reportHistoryBench(): Promise<boolean> {
  const emulator = await startTestEmulator({ fixture: benchFixture(SHAPE) });
  const clients = clientsFor(emulator.url);
  const total = SHAPE.executions * SHAPE.tasks * SHAPE.invocations;
  let passed = true;
  const rows: string[] = [];
  try {
    for (const name of ['sdk', 'json'] as const) {
      const client = clients[name];
      setNewest(emulator, 'SUCCESS');
      const history = createMemoryHistoryStore();
      const cold = await measured(emulator, () => reportOf(client, history));
      const warm = await measured(emulator, () => reportOf(client, history));
      setNewest(emulator, 'IN_PROGRESS');
      const runningHistory = createMemoryHistoryStore();
      await reportOf(client, runningHistory);
      const running = await measured(emulator, () => reportOf(client, runningHistory));
      setNewest(emulator, 'SUCCESS');
      const complete = cold.invocations === total && warm.invocations === total;
      const ratio = warm.requests / cold.requests;
      const ok = complete && ratio <= RATIO_TARGET;
      passed &&= ok;
      rows.push(
        `${name}: cold ${cold.requests} requests (${cold.ms.toFixed(0)} ms), warm ${warm.requests} requests (${warm.ms.toFixed(0)} ms) → warm/cold ${ratio.toFixed(3)} (target ≤ ${RATIO_TARGET}) ${verdict(ok)}`,
        `${name}: newest execution still running → ${running.requests} requests (${running.ms.toFixed(0)} ms), for information${complete ? '' : `; INCOMPLETE: ${cold.invocations}/${warm.invocations} of ${total} invocations`}`,
      );
    }
  } finally {
    clients.ssmClient.destroy();
    await emulator.stop();
  }
  for (const row of rows) console.log(row);
  return passed;
}
