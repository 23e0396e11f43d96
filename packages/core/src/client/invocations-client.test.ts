import {
  InvalidInputError,
  NotFoundError,
  PaginationError,
  ServiceError,
  ThrottledError,
} from '../model/errors';
import {
  jsonTransport,
  type JsonRequestFunction,
  type JsonResponse,
} from '../transport/json-transport';
import type { SsmTransport } from '../transport/types';
import {
  emulatorRequest,
  startTestEmulator,
  stopEmulators,
  uuid,
  windowFixture,
  WINDOW_ID,
  type SentRequest,
} from '../test-support/emulator';
import type { FaultConfig } from '@ssm-invocations/emulator';
import { createInvocationsClientWithTransport } from './invocations-client';

const noWait = { sleep: async () => undefined };

afterEach(stopEmulators);

async function setup(
  shape = { executions: 2, tasks: 3, invocations: 25 },
  faults: FaultConfig = {},
  clientOptions: Parameters<typeof createInvocationsClientWithTransport>[1] = {},
  wrap: (request: JsonRequestFunction) => JsonRequestFunction = (request) => request,
) {
  const emulator = await startTestEmulator(windowFixture(shape), { faults });
  const request = emulatorRequest(emulator.url);
  const client = createInvocationsClientWithTransport(
    jsonTransport(wrap(request), noWait),
    clientOptions,
  );
  const exec = uuid(1, 0);
  const task = uuid(2, 0);
  return { emulator, store: emulator.store, log: request.sent, request, client, exec, task };
}

/**
 * A `request` function answering every call with one wire response and logging each call: for
 * wire shapes SSM does not produce on its own (duplicates across pages, an empty-string token,
 * a list that is not a list, an unsorted page), which the emulator therefore cannot serve.
 */
function scriptedRequest(respond: (operation: string, n: number) => JsonResponse | undefined) {
  const sent: string[] = [];
  const request: JsonRequestFunction = async ({ target }) => {
    const operation = target.replace(/^AmazonSSM\./, '');
    sent.push(operation);
    const response = respond(operation, sent.length);
    if (!response) throw new Error(`no scripted answer for ${operation}`);
    return response;
  };
  const client = createInvocationsClientWithTransport(jsonTransport(request, noWait));
  return { client, sent };
}

const ok = (body: Record<string, unknown>): JsonResponse => ({
  status: 200,
  headers: {},
  body: JSON.stringify(body),
});

function invocationOps(log: SentRequest[]): SentRequest[] {
  return log.filter((c) => c.operation === 'DescribeMaintenanceWindowExecutionTaskInvocations');
}

describe('listInvocations', () => {
  it('returns one page with Dates, the STATUS filter and the next token', async () => {
    const { client, log, exec, task } = await setup();
    const page = await client.listInvocations({
      windowExecutionId: exec,
      taskId: task,
      statuses: ['FAILED', 'SUCCESS'],
      maxResults: 10,
    });
    expect(log).toHaveLength(1);
    expect(log[0]?.input).toEqual({
      WindowExecutionId: exec,
      TaskId: task,
      Filters: [{ Key: 'STATUS', Values: ['FAILED', 'SUCCESS'] }],
      MaxResults: 10,
    });
    expect(page.invocations.length).toBeGreaterThan(0);
    for (const inv of page.invocations) {
      expect(['FAILED', 'SUCCESS']).toContain(inv.Status);
      expect(inv.StartTime).toBeInstanceOf(Date);
      expect(Object.keys(inv)).toHaveLength(12);
    }
    expect((page.invocations[0]?.StartTime?.getTime() ?? 0) % 1000).toBe(123);
    const first = await client.listInvocations({
      windowExecutionId: exec,
      taskId: task,
      maxResults: 10,
    });
    expect(first.nextToken).toEqual(expect.any(String));
    const next = await client.listInvocations({
      windowExecutionId: exec,
      taskId: task,
      maxResults: 10,
      nextToken: first.nextToken,
    });
    expect(log[2]?.input.NextToken).toBe(first.nextToken);
    // 25 invocations: the second page of 10 is followed by a third.
    expect(next.nextToken).toEqual(expect.any(String));
    expect(next.nextToken).not.toBe(first.nextToken);
    const ids = [...first.invocations, ...next.invocations].map((i) => i.InvocationId);
    expect(new Set(ids).size).toBe(20);
  });

  it('omits nextToken on the last page', async () => {
    const { client, exec, task } = await setup();
    const page = await client.listInvocations({
      windowExecutionId: exec,
      taskId: task,
      maxResults: 100,
    });
    expect(page.invocations).toHaveLength(25);
    expect(page).not.toHaveProperty('nextToken');
  });
});

describe('invocations / getAllInvocations pagination', () => {
  it('reads every page without loss or duplicates', async () => {
    const { client, log, exec, task, store } = await setup();
    const all = await client.getAllInvocations({
      windowExecutionId: exec,
      taskId: task,
      pageSize: 10,
    });
    const expected = store.invocationsOf(exec, task).map((i) => i.InvocationId);
    expect(expected).toHaveLength(25);
    expect(all.map((i) => i.InvocationId)).toEqual(expected);
    expect(invocationOps(log).map((c) => c.input.MaxResults)).toEqual([10, 10, 10]);
  });

  it.each([
    [15, 10, [10, 10], 15],
    [10, 10, [10], 10],
    [5, 10, [10], 5],
    [25, 10, [10, 10, 10], 25],
    [30, 10, [10, 10, 10], 25],
    [15, undefined, [15], 15],
    [12, 100, [12], 12],
  ])(
    'limit %p with pageSize %p fetches pages %p and yields %p',
    async (limit, pageSize, sizes, count) => {
      const { client, log, exec, task } = await setup();
      const all = await client.getAllInvocations({
        windowExecutionId: exec,
        taskId: task,
        pageSize,
        limit,
      });
      expect(all).toHaveLength(count);
      expect(invocationOps(log).map((c) => c.input.MaxResults)).toEqual(sizes);
    },
  );

  it('is lazy: nothing is fetched before iteration, and breaking stops fetching', async () => {
    const { client, log, exec, task } = await setup();
    const iterable = client.invocations({ windowExecutionId: exec, taskId: task, pageSize: 10 });
    expect(log).toHaveLength(0);
    let seen = 0;
    for await (const _ of iterable) {
      seen += 1;
      if (seen === 3) break;
    }
    expect(log).toHaveLength(1);
  });

  it('throws PaginationError when a NextToken repeats', async () => {
    const { client, emulator, exec, task } = await setup(undefined, {
      operations: { DescribeMaintenanceWindowExecutionTaskInvocations: { repeatToken: true } },
    });
    await expect(
      client.getAllInvocations({ windowExecutionId: exec, taskId: task }),
    ).rejects.toBeInstanceOf(PaginationError);
    expect(emulator.stats().faults.repeatToken).toBeGreaterThan(0);
  });

  it('throws PaginationError past the page safety bound', async () => {
    // 510 invocations in pages of 10 need 51 pages: one more than the bound allows.
    const { client, log, exec, task } = await setup(
      { executions: 1, tasks: 1, invocations: 510 },
      {},
      { maxPages: 50 },
    );
    await expect(
      client.getAllInvocations({ windowExecutionId: exec, taskId: task, pageSize: 10 }),
    ).rejects.toThrow(/more than 50 pages/);
    expect(invocationOps(log)).toHaveLength(50);
  });

  it('throws PaginationError instead of returning a record twice across pages', async () => {
    const dup = { InvocationId: uuid(3, 7), Status: 'SUCCESS' };
    const { client } = scriptedRequest((_, n) =>
      ok({
        WindowExecutionTaskInvocationIdentities: [{ InvocationId: uuid(3, 100 + n) }, dup],
        NextToken: `t${n}`,
      }),
    );
    const [exec, task] = [uuid(1, 0), uuid(2, 0)];
    await expect(
      client.getAllInvocations({ windowExecutionId: exec, taskId: task }),
    ).rejects.toThrow(/InvocationId .* twice \(page 2\)/);
    const seen: string[] = [];
    const iterate = async () => {
      for await (const inv of client.invocations({ windowExecutionId: exec, taskId: task })) {
        seen.push(inv.InvocationId ?? '');
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(PaginationError);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('treats an empty-string NextToken as the end', async () => {
    const { client, sent } = scriptedRequest(() =>
      ok({
        WindowExecutionTaskInvocationIdentities: [{ InvocationId: uuid(3, 1) }],
        NextToken: '',
      }),
    );
    const all = await client.getAllInvocations({
      windowExecutionId: uuid(1, 0),
      taskId: uuid(2, 0),
    });
    expect(all).toEqual([{ InvocationId: uuid(3, 1) }]);
    expect(sent).toHaveLength(1);
  });

  it('rejects a malformed list as a ServiceError', async () => {
    const { client } = scriptedRequest(() => ({
      status: 200,
      headers: {},
      body: '{"WindowExecutionTaskInvocationIdentities":{"a":1}}',
    }));
    await expect(
      client.getAllInvocations({ windowExecutionId: uuid(1, 0), taskId: uuid(2, 0) }),
    ).rejects.toBeInstanceOf(ServiceError);
  });
});

describe('the other reads', () => {
  it('gets window, execution, task, invocation and targets with Dates and no $metadata', async () => {
    const { client, exec, task, store } = await setup();
    const window = await client.getWindow({ windowId: WINDOW_ID });
    expect(window.Name).toBe('nightly-patching');
    expect(window.CreatedDate).toEqual(new Date(1_690_000_000_000));
    expect(window.NextExecutionTime).toBe('2026-11-29T02:00Z');
    const execution = await client.getExecution({ windowExecutionId: exec });
    expect(execution.TaskIds).toHaveLength(3);
    const detail = await client.getTask({ windowExecutionId: exec, taskId: task });
    expect(detail.Type).toBe('RUN_COMMAND');
    const first = store.invocationsOf(exec, task)[0];
    expect(first).toBeDefined();
    const inv = await client.getInvocation({
      windowExecutionId: exec,
      taskId: task,
      invocationId: first?.InvocationId ?? '',
    });
    expect(inv.InvocationId).toBe(first?.InvocationId);
    expect(inv).not.toHaveProperty('$metadata');
    const targets = await client.listTargets({ windowId: WINDOW_ID });
    expect(targets[0]?.ResourceType).toBe('INSTANCE');
    const tasks = await client.listTasks({ windowExecutionId: exec });
    expect(tasks.map((t) => t.TaskExecutionId)).toEqual([uuid(2, 0), uuid(2, 1), uuid(2, 2)]);
  });

  it('lists windows with Name and Enabled filters', async () => {
    const { client, log } = await setup();
    const windows = await client.listWindows({ name: 'nightly-patching', enabled: true, limit: 5 });
    expect(windows).toHaveLength(1);
    expect(log[0]?.input.Filters).toEqual([
      { Key: 'Name', Values: ['nightly-patching'] },
      { Key: 'Enabled', Values: ['True'] },
    ]);
  });

  it('lists executions newest first with ExecutedAfter/ExecutedBefore and a limit', async () => {
    const { client, log } = await setup({ executions: 15, tasks: 0, invocations: 0 });
    const list = await client.listExecutions({
      windowId: WINDOW_ID,
      after: '2023-01-01T00:00:00Z',
      before: new Date('2030-01-01T00:00:00.500Z'),
      limit: 3,
    });
    expect(list.map((e) => e.WindowExecutionId)).toEqual([uuid(1, 14), uuid(1, 13), uuid(1, 12)]);
    expect(log[0]?.input.Filters).toEqual([
      { Key: 'ExecutedAfter', Values: ['2023-01-01T00:00:00Z'] },
      { Key: 'ExecutedBefore', Values: ['2030-01-01T00:00:01Z'] },
    ]);
  });

  it('puts executions that have not started (no StartTime) first, then newest first', async () => {
    // Unsorted on purpose (SSM documents no order), so only the client's sort can pass.
    const executions = [
      { WindowExecutionId: uuid(1, 1), StartTime: 1_700_000_000 },
      { WindowExecutionId: uuid(1, 2) },
      { WindowExecutionId: uuid(1, 3), StartTime: 1_700_100_000 },
    ];
    const { client } = scriptedRequest((operation) =>
      operation === 'DescribeMaintenanceWindowExecutions'
        ? ok({ WindowExecutions: executions })
        : undefined,
    );
    const list = await client.listExecutions({ windowId: WINDOW_ID, limit: 2 });
    expect(list.map((e) => e.WindowExecutionId)).toEqual([uuid(1, 2), uuid(1, 3)]);
  });

  it('maps DoesNotExistException to NotFoundError with the request id', async () => {
    const { client, log } = await setup();
    const error = await client
      .getWindow({ windowId: 'mw-00000000000000000' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const requestId = log[0]?.requestId;
    expect(requestId).toEqual(expect.any(String));
    expect((error as NotFoundError).requestId).toBe(requestId);
    expect((error as NotFoundError).message).toContain(`request id ${requestId ?? '?'}`);
  });
});

describe('getWindowReport', () => {
  it('assembles window → executions → tasks → invocations with summaries', async () => {
    const { client, store } = await setup({ executions: 7, tasks: 2, invocations: 12 });
    const report = await client.getWindowReport({ windowId: WINDOW_ID, executions: 3 });
    expect(report.window.WindowId).toBe(WINDOW_ID);
    expect(report.executions.map((e) => e.execution.WindowExecutionId)).toEqual([
      uuid(1, 6),
      uuid(1, 5),
      uuid(1, 4),
    ]);
    for (const e of report.executions) {
      expect(e.tasks).toHaveLength(2);
      for (const t of e.tasks) {
        expect(t.invocations).toHaveLength(12);
        expect(t.summary.total).toBe(12);
        const expected = store
          .invocationsOf(e.execution.WindowExecutionId ?? '', t.task.TaskExecutionId ?? '')
          .map((i) => i.InvocationId);
        expect(t.invocations.map((i) => i.InvocationId)).toEqual(expected);
      }
      expect(e.summary.total).toBe(24);
    }
    expect(report.summary.total).toBe(72);
    expect(report.generatedAt).toBeInstanceOf(Date);
  });

  it('filters invocations by status', async () => {
    const { client } = await setup({ executions: 1, tasks: 2, invocations: 20 });
    const report = await client.getWindowReport({ windowId: WINDOW_ID, statuses: ['FAILED'] });
    expect(report.summary.total).toBeGreaterThan(0);
    expect(report.summary.byStatus.FAILED).toBe(report.summary.total);
  });

  it('keeps a failed task as its error and the rest of the report', async () => {
    const failing = uuid(2, 1);
    // SSM's IAM actions cannot be denied for one task, so the denial of that task's listing is
    // scripted in front of the emulator; every other answer is the emulator's.
    const { client } = await setup(
      { executions: 1, tasks: 3, invocations: 5 },
      {},
      {},
      (request) => async (call) =>
        call.body.includes(failing)
          ? {
              status: 400,
              headers: { 'x-amzn-requestid': 'req-x' },
              body: '{"__type":"AccessDeniedException","message":"no"}',
            }
          : request(call),
    );
    const report = await client.getWindowReport({ windowId: WINDOW_ID, executions: 1 });
    const tasks = report.executions[0]?.tasks ?? [];
    expect(tasks.map((t) => t.invocations.length)).toEqual([5, 0, 5]);
    expect(tasks[1]?.error).toEqual({
      code: 'ACCESS_DENIED',
      name: 'AccessDeniedError',
      message: expect.stringContaining('AccessDeniedException: no'),
      requestId: 'req-x',
      operation: 'DescribeMaintenanceWindowExecutionTaskInvocations',
    });
    expect(report.summary.total).toBe(10);
  });

  it('never has more than maxConcurrency requests in flight, and uses them all', async () => {
    const { client, request } = await setup(
      { executions: 2, tasks: 8, invocations: 120 },
      { latencyMs: 5 },
      { maxConcurrency: 3 },
    );
    const report = await client.getWindowReport({ windowId: WINDOW_ID, executions: 2 });
    expect(report.summary.total).toBe(2 * 8 * 120);
    expect(request.maxInFlight()).toBe(3);
  });

  it('uses 100-record pages and runs all tasks of all executions concurrently', async () => {
    const { client, request, log } = await setup(
      { executions: 2, tasks: 4, invocations: 120 },
      { latencyMs: 5 },
      { maxConcurrency: 16 },
    );
    await client.getWindowReport({ windowId: WINDOW_ID, executions: 2 });
    expect(request.maxInFlight()).toBe(8);
    expect(new Set(invocationOps(log).map((c) => c.input.MaxResults))).toEqual(new Set([100]));
  });

  it('propagates an abort instead of keeping it as a task error', async () => {
    const controller = new AbortController();
    const { client } = await setup({ executions: 1, tasks: 4, invocations: 10 }, { latencyMs: 20 });
    const pending = client.getWindowReport({ windowId: WINDOW_ID }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop now')), 30);
    await expect(pending).rejects.toThrow('stop now');
  });
});

describe('client-side rejection', () => {
  it('throws InvalidInputError before any request', async () => {
    const { client, log, exec } = await setup();
    await expect(
      client.listInvocations({ windowExecutionId: exec, taskId: 'nope' }),
    ).rejects.toMatchObject({
      name: 'InvalidInputError',
      field: 'taskId',
    });
    expect(() => client.invocations({ windowExecutionId: exec, taskId: exec, limit: 0 })).toThrow(
      InvalidInputError,
    );
    expect(log).toHaveLength(0);
  });

  it('wraps unknown errors from a custom transport as ServiceError with the cause', async () => {
    const cause = new RangeError('bad transport');
    const transport: SsmTransport = { send: () => Promise.reject(cause) };
    const client = createInvocationsClientWithTransport(transport);
    const error = await client.getWindow({ windowId: WINDOW_ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).cause).toBe(cause);
  });

  it('passes core errors of a custom transport through unchanged', async () => {
    const thrown = new ThrottledError('slow down', { retryAfterMs: 500 });
    const client = createInvocationsClientWithTransport({ send: () => Promise.reject(thrown) });
    await expect(client.getWindow({ windowId: WINDOW_ID })).rejects.toBe(thrown);
  });

  it('validates behaviour options', () => {
    const transport: SsmTransport = { send: async () => ({}) };
    expect(() => createInvocationsClientWithTransport(transport, { maxConcurrency: 0 })).toThrow(
      /maxConcurrency/,
    );
    expect(() =>
      createInvocationsClientWithTransport(transport, { requestsPerSecond: -1 }),
    ).toThrow(/requestsPerSecond/);
    expect(() => createInvocationsClientWithTransport({} as SsmTransport)).toThrow(/transport/);
  });
});

describe('abort', () => {
  it('rejects with the reason and sends nothing when already aborted', async () => {
    const { client, log, exec, task } = await setup();
    const controller = new AbortController();
    const reason = new Error('cancelled before start');
    controller.abort(reason);
    await expect(
      client.listInvocations(
        { windowExecutionId: exec, taskId: task },
        { signal: controller.signal },
      ),
    ).rejects.toBe(reason);
    await expect(
      client.getAllInvocations(
        { windowExecutionId: exec, taskId: task },
        { signal: controller.signal },
      ),
    ).rejects.toBe(reason);
    expect(log).toHaveLength(0);
  });

  it('stops a paginated listing between pages', async () => {
    const controller = new AbortController();
    const { client, log, exec, task } = await setup(undefined, { latencyMs: 5 });
    const seen: string[] = [];
    const run = (async () => {
      for await (const inv of client.invocations(
        { windowExecutionId: exec, taskId: task, pageSize: 10 },
        { signal: controller.signal },
      )) {
        seen.push(inv.InvocationId ?? '');
        if (seen.length === 10) controller.abort(new Error('enough'));
      }
    })();
    await expect(run).rejects.toThrow('enough');
    expect(invocationOps(log).length).toBeLessThanOrEqual(2);
    expect(seen).toHaveLength(10);
  });
});
