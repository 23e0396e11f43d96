/**
 * @ssm-invocations/core against the emulator's live mode: a window gets a new execution that
 * runs and finishes over ticks of a virtual clock. The client sees it first (newest first), with
 * running work counted as running, and then finished — on both transports.
 */
import { isRunning } from '@ssm-invocations/core';
import type { Emulator } from '@ssm-invocations/emulator';
import { clientsFor, startTestEmulator, type ClientPair } from '../support/core-clients';

let emulator: Emulator;
let clients: ClientPair;
let windowId: string;

beforeAll(async () => {
  emulator = await startTestEmulator({
    seed: 'demo',
    live: { tickMs: 60_000, autoTick: false, newExecutionEveryTicks: 100, seed: 'core-live' },
  });
  clients = clientsFor(emulator.url);
  const created = emulator.tick().created;
  const first = created[0];
  if (!first) throw new Error('live mode created no execution');
  const execution = emulator.store.getExecution(first);
  windowId = execution?.WindowId ?? '';
});
afterAll(async () => {
  clients.ssmClient.destroy();
  await emulator.stop();
});

it.each(['sdk', 'json'] as const)(
  '%s: a new execution is listed first and reported as it progresses',
  async (name) => {
    const client = clients[name];
    const newest = emulator.store.executionsOf(windowId)[0];
    const [listed] = await client.listExecutions({ windowId, limit: 1 });
    expect(listed?.WindowExecutionId).toBe(newest?.WindowExecutionId);

    const report = await client.getWindowReport({ windowId, executions: 1 });
    const truth = emulator.store
      .tasksOf(newest?.WindowExecutionId ?? '')
      .flatMap((t) => emulator.store.invocationsOf(t.WindowExecutionId, t.TaskExecutionId));
    expect(report.summary.total).toBe(truth.length);
    expect(report.summary.running).toBe(truth.filter((i) => isRunning(i.Status)).length);
    // Right after the tick the execution has only just started: its work counts as running.
    expect(report.summary.running).toBeGreaterThan(0);
    expect(report.executions[0]?.execution.Status).toBe(
      emulator.store.getExecution(newest?.WindowExecutionId ?? '')?.Status,
    );
  },
);

it('after the execution finishes, a fresh report shows nothing running', async () => {
  for (let i = 0; i < 5; i += 1) emulator.tick();
  const newest = emulator.store.executionsOf(windowId)[0];
  expect(isRunning(newest?.Status)).toBe(false);
  for (const client of [clients.sdk, clients.json]) {
    const report = await client.getWindowReport({ windowId, executions: 1 });
    expect(report.executions[0]?.execution.WindowExecutionId).toBe(newest?.WindowExecutionId);
    expect(report.summary.running).toBe(0);
    expect(report.summary.total).toBeGreaterThan(0);
  }
});
