import { InvalidInputError } from '../model/errors';
import type { WindowReport } from '../model/report';
import { recordingTransport } from '../test-support/recording-transport';
import { createInvocationsClientWithTransport } from './invocations-client';
import { createMemoryHistoryStore } from './memory-history-store';
import type { ReportHistoryStore, ReportHistoryValue } from './report-history';

const WINDOW_ID = 'mw-0123456789abcdef0';
const executionId = (e: number): string => `11111111-1111-4111-8111-1111111111${pad(e)}`;
const taskId = (e: number, t: number): string =>
  `22222222-2222-4222-8222-22222222${pad(e)}${pad(t)}`;
const invocationId = (e: number, t: number, i: number): string =>
  `33333333-3333-4333-8333-3333333${String(e)}${pad(t)}${pad(i)}`;
function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A window of 5 executions × 2 LAMBDA tasks × 3 invocations; `status[e]` is execution e's. */
function window(status: string[] = ['SUCCESS', 'FAILED', 'SUCCESS', 'SUCCESS', 'SUCCESS']) {
  const recorded = recordingTransport({
    GetMaintenanceWindow: () => ({ WindowId: WINDOW_ID, Name: 'w' }),
    DescribeMaintenanceWindowExecutions: () => ({
      WindowExecutions: status.map((s, e) => ({
        WindowId: WINDOW_ID,
        WindowExecutionId: executionId(e),
        Status: s,
        StartTime: new Date((1_700_000_000 + e) * 1000),
      })),
    }),
    DescribeMaintenanceWindowExecutionTasks: (input) => {
      const e = Number(String(input.WindowExecutionId).slice(-2));
      return {
        WindowExecutionTaskIdentities: [0, 1].map((t) => ({
          WindowExecutionId: executionId(e),
          TaskExecutionId: taskId(e, t),
          TaskType: 'LAMBDA',
          Status: status[e],
        })),
      };
    },
    DescribeMaintenanceWindowExecutionTaskInvocations: (input) => {
      const id = String(input.TaskId);
      const [e, t] = [Number(id.slice(-4, -2)), Number(id.slice(-2))];
      const running = status[e] === 'IN_PROGRESS';
      return {
        WindowExecutionTaskInvocationIdentities: [0, 1, 2].map((i) => ({
          WindowExecutionId: executionId(e),
          TaskExecutionId: taskId(e, t),
          InvocationId: invocationId(e, t, i),
          TaskType: 'LAMBDA',
          Status: running ? 'IN_PROGRESS' : i === 0 ? 'FAILED' : 'SUCCESS',
          Parameters: '{"functionName":"mw-hook"}',
          StartTime: new Date((1_700_000_100 + i) * 1000),
          EndTime: new Date((1_700_000_200.5 + i) * 1000),
        })),
      };
    },
  });
  const client = createInvocationsClientWithTransport(recorded.transport, {
    consoleRegion: 'eu-west-1',
  });
  const requests = async (work: () => Promise<unknown>): Promise<string[]> => {
    const before = recorded.sent.length;
    await work();
    return recorded.sent.slice(before).map((r) => r.operation);
  };
  return { client, requests, status };
}

const WARM = ['DescribeMaintenanceWindowExecutions', 'GetMaintenanceWindow'];

/** A store that keeps what was written, so tests can see and spoil entries. */
function spiedStore(inner: ReportHistoryStore = createMemoryHistoryStore()) {
  const keys = new Set<string>();
  const store: ReportHistoryStore = {
    get: (key) => inner.get(key),
    set: async (key, value, options) => {
      keys.add(key);
      await inner.set(key, value, options);
    },
  };
  return { store, keys, inner };
}

function withoutTime(report: WindowReport): Omit<WindowReport, 'generatedAt'> {
  const { generatedAt: _generatedAt, ...rest } = report;
  return rest;
}

describe('getWindowReport with a history store', () => {
  it('costs the window and the execution list only once every execution has finished', async () => {
    const { client, requests } = window();
    const history = createMemoryHistoryStore();
    let cold: WindowReport | undefined;
    const coldSent = await requests(async () => {
      cold = await client.getWindowReport({ windowId: WINDOW_ID }, { history });
    });
    expect(coldSent).toHaveLength(2 + 5 + 10);
    let warm: WindowReport | undefined;
    const warmSent = await requests(async () => {
      warm = await client.getWindowReport({ windowId: WINDOW_ID }, { history });
    });
    expect(warmSent.sort()).toEqual(WARM);
    expect(warm && withoutTime(warm)).toEqual(cold && withoutTime(cold));
    const invocation = warm?.executions[1]?.tasks[0]?.invocations[0];
    expect(invocation?.StartTime).toBeInstanceOf(Date);
    expect(invocation?.EndTime?.getTime()).toBe(1_700_000_200_500);
    expect(warm?.executions[1]?.summary.failed).toBe(2);
  });

  it('fetches without a store exactly as before', async () => {
    const { client, requests } = window();
    await requests(() => client.getWindowReport({ windowId: WINDOW_ID }));
    expect(await requests(() => client.getWindowReport({ windowId: WINDOW_ID }))).toHaveLength(17);
  });

  it('refetches a running execution and keeps it once it has finished', async () => {
    const { client, requests, status } = window([
      'IN_PROGRESS',
      'SUCCESS',
      'SUCCESS',
      'SUCCESS',
      'SUCCESS',
    ]);
    const history = createMemoryHistoryStore();
    await requests(() => client.getWindowReport({ windowId: WINDOW_ID }, { history }));
    const stillRunning = await requests(() =>
      client.getWindowReport({ windowId: WINDOW_ID }, { history }),
    );
    expect(stillRunning).toHaveLength(2 + 1 + 2);
    status[0] = 'SUCCESS';
    const finished = await requests(() =>
      client.getWindowReport({ windowId: WINDOW_ID }, { history }),
    );
    expect(finished).toHaveLength(2 + 1 + 2);
    const after = await requests(() =>
      client.getWindowReport({ windowId: WINDOW_ID }, { history }),
    );
    expect(after.sort()).toEqual(WARM);
  });

  it('ignores, refetches and overwrites a corrupted entry', async () => {
    const { client, requests } = window();
    const { store, keys, inner } = spiedStore();
    await requests(() => client.getWindowReport({ windowId: WINDOW_ID }, { history: store }));
    expect(keys.size).toBe(5);
    const keyOf = (e: number): string => [...keys].find((k) => k.includes(executionId(e))) ?? '';
    const invocationsOf = (invocation: ReportHistoryValue): ReportHistoryValue => ({
      v: 1,
      windowExecutionId: executionId(3),
      tasks: [{ task: { TaskExecutionId: 'x' }, invocations: [invocation] }],
    });
    const garbage: ReportHistoryValue[] = [
      { v: 1, windowExecutionId: executionId(0), tasks: [{ task: 'no' }] },
      { v: 1, windowExecutionId: executionId(0), tasks: [] }, // another execution's entry
      { v: 1, windowExecutionId: executionId(2), tasks: [{ $date: 'not a date' }] },
      invocationsOf({ Status: 7 }),
      { ...(invocationsOf({ StartTime: 'today' }) as object), windowExecutionId: executionId(4) },
    ];
    for (const [e, value] of garbage.entries()) await inner.set(keyOf(e), value, { ttl: 60_000 });
    const repaired = await requests(() =>
      client.getWindowReport({ windowId: WINDOW_ID }, { history: store }),
    );
    expect(repaired).toHaveLength(2 + 5 * (1 + 2));
    const warm = await requests(() =>
      client.getWindowReport({ windowId: WINDOW_ID }, { history: store }),
    );
    expect(warm.sort()).toEqual(WARM);
  });

  it('fetches when the store throws or rejects, and the report stands', async () => {
    const { client, requests } = window();
    const failing: ReportHistoryStore = {
      get: () => {
        throw new Error('store down');
      },
      set: () => Promise.reject(new Error('store down')),
    };
    let report: WindowReport | undefined;
    const sent = await requests(async () => {
      report = await client.getWindowReport({ windowId: WINDOW_ID }, { history: failing });
    });
    expect(sent).toHaveLength(17);
    expect(report?.executions).toHaveLength(5);
    expect(report?.summary.total).toBe(30);
  });

  it('keys entries by status filter and diagnose mode', async () => {
    const { client, requests } = window();
    const history = createMemoryHistoryStore();
    await requests(() => client.getWindowReport({ windowId: WINDOW_ID }, { history }));
    const filtered = await requests(() =>
      client.getWindowReport({ windowId: WINDOW_ID, statuses: ['FAILED'] }, { history }),
    );
    expect(filtered).toHaveLength(17);
    const diagnosed = await requests(() =>
      client.getWindowReport({ windowId: WINDOW_ID, diagnose: 'failed' }, { history }),
    );
    expect(diagnosed).toHaveLength(17);
    let warm: WindowReport | undefined;
    const warmSent = await requests(async () => {
      warm = await client.getWindowReport({ windowId: WINDOW_ID, diagnose: 'failed' }, { history });
    });
    expect(warmSent.sort()).toEqual(WARM);
    // Newest first: executions[0] is execution 4.
    const diagnoses = warm?.executions[0]?.tasks[0]?.diagnoses ?? {};
    expect(Object.keys(diagnoses)).toEqual([invocationId(4, 0, 0)]);
    expect(diagnoses[invocationId(4, 0, 0)]?.invocation.StartTime).toBeInstanceOf(Date);
    expect(warm?.diagnosesOmitted).toBe(0);
  });

  it('does not restore more diagnoses than maxDiagnoses allows', async () => {
    const { client, requests } = window();
    const history = createMemoryHistoryStore();
    await requests(() =>
      client.getWindowReport({ windowId: WINDOW_ID, diagnose: 'failed' }, { history }),
    );
    let report: WindowReport | undefined;
    await requests(async () => {
      report = await client.getWindowReport(
        { windowId: WINDOW_ID, diagnose: 'failed', maxDiagnoses: 3 },
        { history },
      );
    });
    const given = (report?.executions ?? []).flatMap((e) =>
      e.tasks.flatMap((t) => Object.keys(t.diagnoses ?? {})),
    );
    expect(given.length).toBeLessThanOrEqual(3);
  });

  it('rejects with the abort reason while the store hangs', async () => {
    const { client } = window();
    const hanging: ReportHistoryStore = {
      get: () => new Promise(() => undefined),
      set: () => new Promise(() => undefined),
    };
    const controller = new AbortController();
    const reason = new Error('user left');
    const report = client.getWindowReport(
      { windowId: WINDOW_ID },
      { history: hanging, signal: controller.signal },
    );
    setTimeout(() => controller.abort(reason), 20);
    await expect(report).rejects.toBe(reason);
  });

  it('rejects a store without get and set, and a TTL out of bounds', async () => {
    const { client, requests } = window();
    const sent = await requests(async () => {
      await expect(
        client.getWindowReport({ windowId: WINDOW_ID }, { history: {} as ReportHistoryStore }),
      ).rejects.toThrow(InvalidInputError);
      await expect(
        client.getWindowReport(
          { windowId: WINDOW_ID },
          { history: createMemoryHistoryStore(), historyTtlMs: 1 },
        ),
      ).rejects.toMatchObject({ field: 'historyTtlMs' });
      await expect(
        client.getWindowReport({ windowId: WINDOW_ID }, { histroy: {} } as never),
      ).rejects.toThrow(InvalidInputError);
    });
    expect(sent).toEqual([]);
  });

  it('stores entries for the TTL it was given', async () => {
    const { client, requests } = window();
    const ttls: number[] = [];
    const { store } = spiedStore();
    const history: ReportHistoryStore = {
      get: store.get,
      set: async (key, value, options) => {
        ttls.push(options.ttl);
        await store.set(key, value, options);
      },
    };
    await requests(() =>
      client.getWindowReport({ windowId: WINDOW_ID }, { history, historyTtlMs: 3_600_000 }),
    );
    expect(ttls).toEqual([3_600_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000]);
  });
});

describe('createMemoryHistoryStore', () => {
  it('forgets the least recently used entry past maxEntries', async () => {
    const store = createMemoryHistoryStore({ maxEntries: 2 });
    await store.set('a', 1, { ttl: 60_000 });
    await store.set('b', 2, { ttl: 60_000 });
    await store.get('a');
    await store.set('c', 3, { ttl: 60_000 });
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual([
      1,
      undefined,
      3,
    ]);
  });

  it('forgets an entry once its TTL has passed', async () => {
    let now = 1_000;
    const store = createMemoryHistoryStore({ now: () => now });
    await store.set('a', 'x', { ttl: 500 });
    now = 1_499;
    expect(await store.get('a')).toBe('x');
    now = 1_500;
    expect(await store.get('a')).toBeUndefined();
  });

  it('rejects a maxEntries that is not a positive integer', () => {
    expect(() => createMemoryHistoryStore({ maxEntries: 0 })).toThrow(InvalidInputError);
  });
});
