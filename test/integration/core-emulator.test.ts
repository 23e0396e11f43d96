/**
 * @ssm-invocations/core against the emulator over real HTTP: the real SDK (sdkTransport) and
 * jsonTransport on Node's fetch, compared with each other and with the emulator's ground truth
 * (its store), without faults. Faults are in core-faults.test.ts.
 */
import {
  EXECUTION_STATUSES,
  InvalidInputError,
  NotFoundError,
  type InvocationsClient,
} from '@ssm-invocations/core';
import type { Emulator, EmulatorStore } from '@ssm-invocations/emulator';
import { clientsFor, startTestEmulator, type ClientPair } from '../support/core-clients';

let emulator: Emulator;
let store: EmulatorStore;
let clients: ClientPair;
const MISSING_WINDOW = 'mw-00000000000000000';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  emulator = await startTestEmulator({
    seed: 'integration',
    seedOptions: {
      windows: 3,
      executionsPerWindow: 6,
      tasksPerExecution: 3,
      invocationsPerTask: 45,
    },
  });
  store = emulator.store;
  clients = clientsFor(emulator.url, { maxConcurrency: 6 });
});
afterAll(async () => {
  clients.ssmClient.destroy();
  await emulator.stop();
});

const ids = (records: Array<Record<string, unknown>>, key: string): unknown[] =>
  records.map((r) => r[key]);

function firstTask() {
  const window = store.windows[0];
  if (!window) throw new Error('seed has no window');
  const execution = store.executionsOf(window.WindowId)[0];
  if (!execution) throw new Error('seed has no execution');
  const task = store.tasksOf(execution.WindowExecutionId)[0];
  if (!task) throw new Error('seed has no task');
  return { window, execution, task };
}

describe.each(['sdk', 'json'] as const)('%s transport against the emulator', (name) => {
  let client: InvocationsClient;
  beforeAll(() => {
    client = clients[name];
  });

  it('lists every window, and filters by name and enabled', async () => {
    const windows = await client.listWindows();
    expect(ids(windows as never, 'WindowId').sort()).toEqual(
      store.windows.map((w) => w.WindowId).sort(),
    );
    const target = store.windows[1];
    const byName = await client.listWindows({ name: target?.Name });
    expect(ids(byName as never, 'WindowId')).toEqual([target?.WindowId]);
    const enabled = await client.listWindows({ enabled: true, limit: 2 });
    expect(enabled.length).toBe(Math.min(2, store.windows.filter((w) => w.Enabled).length));
    expect(enabled.every((w) => w.Enabled === true)).toBe(true);
  });

  it('gets a window with its Dates and ISO strings as SSM sends them', async () => {
    const { window } = firstTask();
    const got = await client.getWindow({ windowId: window.WindowId });
    expect(got.WindowId).toBe(window.WindowId);
    expect(got.CreatedDate).toEqual(window.CreatedDate);
    expect(got.NextExecutionTime).toBe(window.NextExecutionTime);
  });

  it('lists executions newest first, with limit and time filters', async () => {
    const { window } = firstTask();
    const truth = store.executionsOf(window.WindowId);
    const all = await client.listExecutions({ windowId: window.WindowId });
    expect(ids(all as never, 'WindowExecutionId')).toEqual(truth.map((e) => e.WindowExecutionId));
    const two = await client.listExecutions({ windowId: window.WindowId, limit: 2 });
    expect(ids(two as never, 'WindowExecutionId')).toEqual(
      truth.slice(0, 2).map((e) => e.WindowExecutionId),
    );
    const pivot = truth[2]?.StartTime;
    if (!pivot) throw new Error('seed execution without StartTime');
    const after = await client.listExecutions({ windowId: window.WindowId, after: pivot });
    expect(after.every((e) => (e.StartTime?.getTime() ?? 0) >= pivot.getTime())).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(2);
    const before = await client.listExecutions({ windowId: window.WindowId, before: pivot });
    expect(before.every((e) => (e.StartTime?.getTime() ?? 0) <= pivot.getTime())).toBe(true);
    expect(after.length + before.length).toBeGreaterThanOrEqual(truth.length);
  });

  it('gets an execution with its task ids, lists and gets tasks', async () => {
    const { execution, task } = firstTask();
    const detail = await client.getExecution({ windowExecutionId: execution.WindowExecutionId });
    const truthTasks = store.tasksOf(execution.WindowExecutionId).map((t) => t.TaskExecutionId);
    expect([...(detail.TaskIds ?? [])].sort()).toEqual([...truthTasks].sort());
    const tasks = await client.listTasks({ windowExecutionId: execution.WindowExecutionId });
    expect(ids(tasks as never, 'TaskExecutionId')).toEqual(truthTasks);
    const got = await client.getTask({
      windowExecutionId: execution.WindowExecutionId,
      taskId: task.TaskExecutionId,
    });
    expect(got.Type).toBe(task.TaskType);
    expect(got.TaskArn).toBe(task.TaskArn);
  });

  it('reads every invocation of a task once, for several page sizes', async () => {
    const { execution, task } = firstTask();
    const truth = store
      .invocationsOf(execution.WindowExecutionId, task.TaskExecutionId)
      .map((i) => i.InvocationId);
    for (const pageSize of [10, 13, 100]) {
      const all = await client.getAllInvocations({
        windowExecutionId: execution.WindowExecutionId,
        taskId: task.TaskExecutionId,
        pageSize,
      });
      expect(ids(all as never, 'InvocationId')).toEqual(truth);
      for (const inv of all) {
        expect(inv.StartTime === undefined || inv.StartTime instanceof Date).toBe(true);
        expect(inv).not.toHaveProperty('$metadata');
      }
    }
  });

  it.each([1, 10, 15, 44, 45, 46, 100])(
    'limit %p returns exactly the first records',
    async (limit) => {
      const { execution, task } = firstTask();
      const truth = store
        .invocationsOf(execution.WindowExecutionId, task.TaskExecutionId)
        .map((i) => i.InvocationId);
      const before = emulator.stats().requests;
      const got = await client.getAllInvocations({
        windowExecutionId: execution.WindowExecutionId,
        taskId: task.TaskExecutionId,
        pageSize: 10,
        limit,
      });
      expect(ids(got as never, 'InvocationId')).toEqual(truth.slice(0, limit));
      // Never a page more than needed: ceil(min(limit, total) / 10), plus the empty-last-page case.
      const pages = emulator.stats().requests - before;
      expect(pages).toBeLessThanOrEqual(
        Math.ceil(Math.min(limit, truth.length) / 10) + (limit > truth.length ? 1 : 0),
      );
    },
  );

  it('pages manually with listInvocations and nextToken', async () => {
    const { execution, task } = firstTask();
    const truth = store
      .invocationsOf(execution.WindowExecutionId, task.TaskExecutionId)
      .map((i) => i.InvocationId);
    const seen: unknown[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.listInvocations({
        windowExecutionId: execution.WindowExecutionId,
        taskId: task.TaskExecutionId,
        maxResults: 20,
        ...(nextToken ? { nextToken } : {}),
      });
      seen.push(...ids(page.invocations as never, 'InvocationId'));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toEqual(truth);
  });

  it.each(EXECUTION_STATUSES.map((s) => [s]))(
    'the STATUS filter %p matches the ground truth',
    async (status) => {
      const window = store.windows[0];
      for (const execution of store.executionsOf(window?.WindowId ?? '').slice(0, 3)) {
        for (const task of store.tasksOf(execution.WindowExecutionId)) {
          const truth = store
            .invocationsOf(execution.WindowExecutionId, task.TaskExecutionId)
            .filter((i) => i.Status === status)
            .map((i) => i.InvocationId);
          const got = await client.getAllInvocations({
            windowExecutionId: execution.WindowExecutionId,
            taskId: task.TaskExecutionId,
            statuses: [status],
          });
          expect(ids(got as never, 'InvocationId')).toEqual(truth);
        }
      }
    },
  );

  it('gets one invocation with all its fields', async () => {
    const { execution, task } = firstTask();
    const truth = store.invocationsOf(execution.WindowExecutionId, task.TaskExecutionId)[3];
    const got = await client.getInvocation({
      windowExecutionId: execution.WindowExecutionId,
      taskId: task.TaskExecutionId,
      invocationId: truth?.InvocationId ?? '',
    });
    expect(got).toEqual(
      Object.fromEntries(Object.entries(truth ?? {}).filter(([, v]) => v !== undefined)),
    );
  });

  it('lists targets', async () => {
    const { window } = firstTask();
    const targets = await client.listTargets({ windowId: window.WindowId });
    expect(ids(targets as never, 'WindowTargetId')).toEqual(
      store.targetsOf(window.WindowId).map((t) => t.WindowTargetId),
    );
  });

  it('builds a report holding every invocation of the newest executions exactly once', async () => {
    const window = store.windows[2];
    const report = await client.getWindowReport({
      windowId: window?.WindowId ?? '',
      executions: 4,
    });
    const executions = store.executionsOf(window?.WindowId ?? '').slice(0, 4);
    expect(report.executions.map((e) => e.execution.WindowExecutionId)).toEqual(
      executions.map((e) => e.WindowExecutionId),
    );
    const truth = executions.flatMap((e) =>
      store
        .tasksOf(e.WindowExecutionId)
        .flatMap((t) => store.invocationsOf(e.WindowExecutionId, t.TaskExecutionId)),
    );
    const got = report.executions.flatMap((e) => e.tasks.flatMap((t) => t.invocations));
    expect(got.map((i) => i.InvocationId).sort()).toEqual(truth.map((i) => i.InvocationId).sort());
    expect(report.summary.total).toBe(truth.length);
    expect(report.summary.failed).toBe(
      truth.filter((i) => ['FAILED', 'TIMED_OUT', 'CANCELLED'].includes(i.Status)).length,
    );
    expect(report.executions.every((e) => e.tasks.every((t) => t.error === undefined))).toBe(true);
  });

  it.each<[string, (c: InvocationsClient) => Promise<unknown>]>([
    ['getWindow', (c) => c.getWindow({ windowId: MISSING_WINDOW })],
    ['getExecution', (c) => c.getExecution({ windowExecutionId: MISSING_ID })],
    ['listTasks', (c) => c.listTasks({ windowExecutionId: MISSING_ID })],
    ['getTask', (c) => c.getTask({ windowExecutionId: MISSING_ID, taskId: MISSING_ID })],
    [
      'listInvocations',
      (c) => c.listInvocations({ windowExecutionId: MISSING_ID, taskId: MISSING_ID }),
    ],
    [
      'getInvocation',
      (c) =>
        c.getInvocation({
          windowExecutionId: MISSING_ID,
          taskId: MISSING_ID,
          invocationId: MISSING_ID,
        }),
    ],
    ['listTargets', (c) => c.listTargets({ windowId: MISSING_WINDOW })],
    ['getWindowReport', (c) => c.getWindowReport({ windowId: MISSING_WINDOW })],
  ])('%s of something missing → NotFoundError with a request id', async (_, run) => {
    const error = await run(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toEqual(expect.any(String));
  });

  it('rejects bad input without a single request reaching the emulator', async () => {
    const before = emulator.stats().requests;
    const bad: Array<() => unknown> = [
      () => client.getWindow({ windowId: 'mw-123' }),
      () => client.listInvocations({ windowExecutionId: 'x', taskId: MISSING_ID }),
      () =>
        client.listInvocations({
          windowExecutionId: MISSING_ID,
          taskId: MISSING_ID,
          maxResults: 5,
        }),
      () =>
        client.getAllInvocations({ windowExecutionId: MISSING_ID, taskId: MISSING_ID, limit: 0 }),
      () => client.listTasks({ windowExecutionId: MISSING_ID, statuses: ['DONE' as never] }),
      () =>
        client.listExecutions({
          windowId: MISSING_WINDOW,
          after: '2026-02-01',
          before: '2026-01-01',
        }),
      () => client.getWindowReport({ windowId: MISSING_WINDOW, executions: 0 }),
    ];
    for (const run of bad) {
      await expect(Promise.resolve().then(run)).rejects.toBeInstanceOf(InvalidInputError);
    }
    expect(emulator.stats().requests).toBe(before);
  });
});

describe('both transports agree', () => {
  it.each<[string, (c: InvocationsClient) => Promise<unknown>]>([
    ['listWindows', (c) => c.listWindows()],
    ['getWindow', (c) => c.getWindow({ windowId: firstTask().window.WindowId })],
    ['listExecutions', (c) => c.listExecutions({ windowId: firstTask().window.WindowId })],
    [
      'getExecution',
      (c) => c.getExecution({ windowExecutionId: firstTask().execution.WindowExecutionId }),
    ],
    [
      'listTasks',
      (c) => c.listTasks({ windowExecutionId: firstTask().execution.WindowExecutionId }),
    ],
    [
      'getTask',
      (c) =>
        c.getTask({
          windowExecutionId: firstTask().execution.WindowExecutionId,
          taskId: firstTask().task.TaskExecutionId,
        }),
    ],
    [
      'getAllInvocations',
      (c) =>
        c.getAllInvocations({
          windowExecutionId: firstTask().execution.WindowExecutionId,
          taskId: firstTask().task.TaskExecutionId,
          pageSize: 10,
        }),
    ],
    ['listTargets', (c) => c.listTargets({ windowId: firstTask().window.WindowId })],
    [
      'getWindowReport',
      async (c) => {
        const { generatedAt: _at, ...report } = await c.getWindowReport({
          windowId: firstTask().window.WindowId,
          executions: 6,
        });
        return report;
      },
    ],
  ])('%s returns identical records', async (_, run) => {
    const [sdk, json] = [await run(clients.sdk), await run(clients.json)];
    expect(json).toEqual(sdk);
    expect(JSON.stringify(sdk).length).toBeGreaterThan(20);
  });
});
