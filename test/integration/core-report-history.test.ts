/**
 * core's report history against the emulator over both transports: what a cold report, a warm
 * refresh and a refresh after a running execution finished cost, counted by the emulator's stats.
 * 5 executions × 3 tasks × 120 invocations (2 pages a task at the report's page size of 100).
 * Backstage's `CacheService` is passed as the store as it is (type-checked here).
 */
import { mockServices } from '@backstage/backend-test-utils';
import {
  createMemoryHistoryStore,
  type InvocationsClient,
  type WindowReport,
} from '@ssm-invocations/core';
import { BENCH_EXECUTION_ID, BENCH_WINDOW_ID, benchFixture } from '../bench/report-fixture';
import { useEmulatorClients } from '../support/core-clients';

const fixture = benchFixture({ executions: 5, tasks: 3, invocations: 120 });
const session = useEmulatorClients({ fixture });

/** The newest execution (BENCH_EXECUTION_ID) starts out running, its tasks and invocations too. */
function setNewest(status: 'IN_PROGRESS' | 'SUCCESS'): void {
  const execution = session.emulator.store.getExecution(BENCH_EXECUTION_ID);
  if (execution === undefined) throw new Error('the fixture has no newest execution');
  execution.Status = status;
  for (const task of session.emulator.store.tasks) {
    if (task.WindowExecutionId !== BENCH_EXECUTION_ID) continue;
    task.Status = status;
  }
  for (const invocation of session.emulator.store.invocations) {
    if (invocation.WindowExecutionId === BENCH_EXECUTION_ID) invocation.Status = status;
  }
}

async function counted(
  work: () => Promise<WindowReport>,
): Promise<{ report: WindowReport; requests: number; byOperation: Record<string, number> }> {
  session.emulator.resetStats();
  const report = await work();
  const { requests, byOperation } = session.emulator.stats();
  return { report, requests, byOperation };
}

/** Per execution: its tasks list + 2 invocation pages for each of its 3 tasks. */
const PER_EXECUTION = 1 + 3 * 2;
const WINDOW_AND_LIST = 2;

describe.each(['sdk', 'json'] as const)('report history over the %s transport', (name) => {
  const client = (): InvocationsClient => session.clients[name];
  afterEach(() => setNewest('SUCCESS'));

  it('a warm refresh of a finished window costs GetMaintenanceWindow + the execution list', async () => {
    setNewest('SUCCESS');
    const history = createMemoryHistoryStore();
    const input = { windowId: BENCH_WINDOW_ID, executions: 5 };
    const cold = await counted(() => client().getWindowReport(input, { history }));
    expect(cold.requests).toBe(WINDOW_AND_LIST + 5 * PER_EXECUTION);
    const warm = await counted(() => client().getWindowReport(input, { history }));
    expect(warm.byOperation).toEqual({
      GetMaintenanceWindow: 1,
      DescribeMaintenanceWindowExecutions: 1,
    });
    expect(warm.report.summary).toEqual(cold.report.summary);
    expect(warm.report.executions.map((e) => e.tasks.map((t) => t.invocations.length))).toEqual(
      cold.report.executions.map((e) => e.tasks.map((t) => t.invocations.length)),
    );
    expect(warm.requests / cold.requests).toBeLessThanOrEqual(0.2);
  });

  it('refetches the running execution until it has finished, then keeps it too', async () => {
    setNewest('IN_PROGRESS');
    const history = createMemoryHistoryStore();
    const input = { windowId: BENCH_WINDOW_ID, executions: 5 };
    await counted(() => client().getWindowReport(input, { history }));
    const running = await counted(() => client().getWindowReport(input, { history }));
    expect(running.requests).toBe(WINDOW_AND_LIST + PER_EXECUTION);
    expect(running.report.executions[0]?.summary.running).toBe(360);
    setNewest('SUCCESS');
    const finished = await counted(() => client().getWindowReport(input, { history }));
    expect(finished.requests).toBe(WINDOW_AND_LIST + PER_EXECUTION);
    expect(finished.report.executions[0]?.summary.running).toBe(0);
    const warm = await counted(() => client().getWindowReport(input, { history }));
    expect(warm.requests).toBe(WINDOW_AND_LIST);
  });
});

describe("Backstage's CacheService as the history store", () => {
  it('is passed as it is: entries are written with a TTL in ms and read back', async () => {
    setNewest('SUCCESS');
    const entries = new Map<string, unknown>();
    const cache = mockServices.cache.mock({
      get: async (key) => entries.get(key) as never,
      set: async (key, value) => void entries.set(key, value),
    });
    const input = { windowId: BENCH_WINDOW_ID, executions: 5 };
    const options = { history: cache, historyTtlMs: 86_400_000 };
    await counted(() => session.clients.json.getWindowReport(input, options));
    expect(cache.set).toHaveBeenCalledTimes(5);
    expect(cache.set.mock.calls.map((call) => call[2])).toEqual(
      Array.from({ length: 5 }, () => ({ ttl: 86_400_000 })),
    );
    const warm = await counted(() => session.clients.json.getWindowReport(input, options));
    expect(warm.requests).toBe(WINDOW_AND_LIST);
    expect(warm.report.summary.total).toBe(5 * 3 * 120);
  });
});
