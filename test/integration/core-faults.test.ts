/**
 * @ssm-invocations/core against the emulator's fault injection over real HTTP, on both
 * transports: throttling bursts, 500s, connection resets, malformed bodies, a repeating NextToken
 * and aborts. Every run ends in complete results (compared by id with the emulator's store) or
 * a clear core error — never a silent truncation or duplicates.
 */
import {
  PaginationError,
  ServiceError,
  ThrottledError,
  type InvocationsClient,
  type WindowReport,
} from '@ssm-invocations/core';
import type { Emulator, FaultConfig } from '@ssm-invocations/emulator';
import { clientsFor, startTestEmulator, type ClientPair } from '../support/core-clients';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator({
    seed: 'faults',
    seedOptions: {
      windows: 3,
      executionsPerWindow: 5,
      tasksPerExecution: 3,
      invocationsPerTask: 60,
    },
  });
});
afterAll(() => emulator.stop());
afterEach(() => emulator.setFaults({}));

const pairs: ClientPair[] = [];
afterAll(() => pairs.forEach((p) => p.ssmClient.destroy()));

function clients(options: Parameters<typeof clientsFor>[1]): ClientPair {
  const pair = clientsFor(emulator.url, options);
  pairs.push(pair);
  return pair;
}

function windowId(): string {
  const id = emulator.store.windows[0]?.WindowId;
  if (!id) throw new Error('seed has no window');
  return id;
}

/** Every invocation id of the newest `n` executions of the window, from the store. */
function truthIds(n: number): string[] {
  return emulator.store
    .executionsOf(windowId())
    .slice(0, n)
    .flatMap((e) =>
      emulator.store
        .tasksOf(e.WindowExecutionId)
        .flatMap((t) => emulator.store.invocationsOf(e.WindowExecutionId, t.TaskExecutionId)),
    )
    .map((i) => i.InvocationId)
    .sort();
}

function reportIds(report: WindowReport): string[] {
  return report.executions
    .flatMap((e) => e.tasks.flatMap((t) => t.invocations.map((i) => i.InvocationId ?? '')))
    .sort();
}

function assertComplete(report: WindowReport, executions: number): void {
  expect(report.executions.flatMap((e) => e.tasks.filter((t) => t.error))).toEqual([]);
  const ids = reportIds(report);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(truthIds(executions));
}

const fastRetry = { baseDelayMs: 5, throttlingBaseDelayMs: 20 };

describe.each(['sdk', 'json'] as const)('%s transport under faults', (name) => {
  const pick = (pair: ClientPair): InvocationsClient => pair[name];

  it.each<[string, FaultConfig]>([
    [
      'a throttling burst',
      { seed: 't', throttle: { requestsPerSecond: 4, burst: 1, retryAfterMs: 20 } },
    ],
    ['30% 500s', { seed: 'f', failureRate: 0.3 }],
    ['25% connection resets', { seed: 'r', resetRate: 0.25 }],
    ['latency with jitter', { seed: 'l', latencyMs: 5, jitterMs: 20 }],
  ])('%s: the report is complete, nothing lost or duplicated', async (_, faults) => {
    emulator.setFaults(faults);
    emulator.resetStats();
    const client = pick(clients({ maxAttempts: 30, retry: fastRetry, maxConcurrency: 6 }));
    const report = await client.getWindowReport({ windowId: windowId(), executions: 3 });
    assertComplete(report, 3);
    const stats = emulator.stats();
    const injected =
      stats.throttled + stats.faults.failure + stats.faults.reset + stats.faults.latency;
    expect(injected).toBeGreaterThan(0);
  });

  it('a repeating NextToken ends in PaginationError', async () => {
    emulator.setFaults({ repeatToken: true });
    const client = pick(clients({ maxAttempts: 1 }));
    const execution = emulator.store.executionsOf(windowId())[0];
    const task = emulator.store.tasksOf(execution?.WindowExecutionId ?? '')[0];
    await expect(
      client.getAllInvocations({
        windowExecutionId: execution?.WindowExecutionId ?? '',
        taskId: task?.TaskExecutionId ?? '',
        pageSize: 10,
      }),
    ).rejects.toBeInstanceOf(PaginationError);
  });

  it('throttling beyond maxAttempts ends in ThrottledError', async () => {
    emulator.setFaults({ throttle: { requestsPerSecond: 0.01, burst: 1, retryAfterMs: 5 } });
    const client = pick(clients({ maxAttempts: 2, retry: fastRetry }));
    await client.getWindow({ windowId: windowId() }).catch(() => undefined); // spends the burst
    const error = await client.getWindow({ windowId: windowId() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).requestId).toEqual(expect.any(String));
  });

  it('persistent 500s on invocations keep each task as an error and the rest of the report', async () => {
    emulator.setFaults({
      operations: { DescribeMaintenanceWindowExecutionTaskInvocations: { failureRate: 1 } },
    });
    const client = pick(clients({ maxAttempts: 2, retry: fastRetry }));
    const report = await client.getWindowReport({ windowId: windowId(), executions: 2 });
    expect(report.window.WindowId).toBe(windowId());
    expect(report.executions).toHaveLength(2);
    const tasks = report.executions.flatMap((e) => e.tasks);
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task.error).toMatchObject({ code: 'SERVICE_ERROR', name: 'ServiceError' });
      expect(task.invocations).toEqual([]);
    }
  });

  it('an abort during a slow report rejects promptly with the reason', async () => {
    emulator.setFaults({ latencyMs: 300 });
    const client = pick(clients({ maxAttempts: 3 }));
    const controller = new AbortController();
    const reason = new Error('operator cancelled');
    const started = Date.now();
    const pending = client.getWindowReport({ windowId: windowId() }, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('client-side requestsPerSecond keeps a rate-limited server from throttling at all', async () => {
    // Headroom: the SDK's own middleware (signing, endpoint resolution) adds jitter between our
    // release of a request and its arrival.
    emulator.setFaults({ throttle: { requestsPerSecond: 25, burst: 2 } });
    emulator.resetStats();
    const client = pick(clients({ maxAttempts: 1, requestsPerSecond: 12, maxConcurrency: 8 }));
    const execution = emulator.store.executionsOf(windowId())[0];
    const tasks = await client.listTasks({ windowExecutionId: execution?.WindowExecutionId ?? '' });
    await Promise.all(
      tasks.map((t) =>
        client.getAllInvocations({
          windowExecutionId: execution?.WindowExecutionId ?? '',
          taskId: t.TaskExecutionId ?? '',
          pageSize: 10,
        }),
      ),
    );
    expect(emulator.stats().requests).toBeGreaterThan(10);
    expect(emulator.stats().throttled).toBe(0);
  });
});

describe.each(['sdk', 'json'] as const)('%s transport with malformed bodies', (name) => {
  it('retries them and completes the report', async () => {
    emulator.setFaults({ seed: 'm', malformedRate: 0.3 });
    emulator.resetStats();
    const report = await clients({ maxAttempts: 10, retry: fastRetry })[name].getWindowReport({
      windowId: windowId(),
      executions: 3,
    });
    assertComplete(report, 3);
    expect(emulator.stats().faults.malformed).toBeGreaterThan(0);
  });

  it('fails clearly with ServiceError when every body is malformed', async () => {
    emulator.setFaults({ malformedRate: 1 });
    const error = await clients({ maxAttempts: 2, retry: fastRetry })
      [name].getWindow({ windowId: windowId() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).message).toMatch(/MalformedResponse/);
    expect((error as ServiceError).requestId).toEqual(expect.any(String));
  });
});
