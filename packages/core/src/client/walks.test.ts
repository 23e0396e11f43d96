import {
  DescribeMaintenanceWindowExecutionsCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  DescribeMaintenanceWindowsCommand,
  DoesNotExistException,
  GetMaintenanceWindowCommand,
  GetMaintenanceWindowExecutionCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { InvalidInputError, ServiceError } from '../model/errors';
import { sdkTransport } from '../transport/sdk-transport';
import type { SsmTransport } from '../transport/types';
import { createInvocationsClientWithTransport } from './invocations-client';

const ssmMock = mockClient(SSMClient);
const W1 = 'mw-0123456789abcdef1';
const W2 = 'mw-0123456789abcdef2';
const W3 = 'mw-0123456789abcdef3';
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const at = (iso: string) => new Date(iso);

function client(maxConcurrency = 4) {
  const transport = sdkTransport(new SSMClient({ region: 'us-east-1', maxAttempts: 1 }));
  return createInvocationsClientWithTransport(transport, { maxConcurrency });
}

/** W1 ran E1 (finished, 10:00) and E2 (a task still running, 11:00); W2 ran E3 (09:00). */
function twoWindows(): void {
  ssmMock.on(GetMaintenanceWindowCommand, { WindowId: W1 }).resolves({ WindowId: W1, Name: 'one' });
  ssmMock.on(GetMaintenanceWindowCommand, { WindowId: W2 }).resolves({ WindowId: W2, Name: 'two' });
  ssmMock.on(DescribeMaintenanceWindowsCommand).resolves({
    WindowIdentities: [
      { WindowId: W1, Name: 'one' },
      { WindowId: W2, Name: 'two' },
    ],
  });
  ssmMock.on(DescribeMaintenanceWindowExecutionsCommand, { WindowId: W1 }).resolves({
    WindowExecutions: [
      {
        WindowId: W1,
        WindowExecutionId: uuid(1),
        Status: 'FAILED',
        StartTime: at('2026-11-29T10:00:00Z'),
      },
      {
        WindowId: W1,
        WindowExecutionId: uuid(2),
        Status: 'IN_PROGRESS',
        StartTime: at('2026-11-29T11:00:00Z'),
      },
    ],
  });
  ssmMock.on(DescribeMaintenanceWindowExecutionsCommand, { WindowId: W2 }).resolves({
    WindowExecutions: [
      {
        WindowId: W2,
        WindowExecutionId: uuid(3),
        Status: 'SUCCESS',
        StartTime: at('2026-11-29T09:00:00Z'),
      },
    ],
  });
  for (const execution of [1, 2, 3]) {
    ssmMock
      .on(DescribeMaintenanceWindowExecutionTasksCommand, { WindowExecutionId: uuid(execution) })
      .resolves({
        WindowExecutionTaskIdentities: [
          {
            WindowExecutionId: uuid(execution),
            TaskExecutionId: uuid(10 + execution),
            Status: execution === 2 ? 'IN_PROGRESS' : 'SUCCESS',
          },
        ],
      });
    ssmMock
      .on(DescribeMaintenanceWindowExecutionTaskInvocationsCommand, {
        WindowExecutionId: uuid(execution),
      })
      .resolves({
        WindowExecutionTaskInvocationIdentities: [
          {
            WindowExecutionId: uuid(execution),
            TaskExecutionId: uuid(10 + execution),
            InvocationId: uuid(100 + execution),
            Status: 'FAILED',
          },
        ],
      });
  }
}

beforeEach(() => ssmMock.reset());

describe('invocationsSince', () => {
  it('walks the given windows down to the matching invocations, with their context', async () => {
    twoWindows();
    const result = await client().invocationsSince({
      windowIds: [W1, W2],
      after: '2026-11-29T08:00:00Z',
      statuses: ['FAILED', 'TIMED_OUT'],
    });
    expect(
      result.matches.map((m) => [
        m.window.Name,
        m.execution.WindowExecutionId,
        m.task.TaskExecutionId,
        m.invocation.InvocationId,
      ]),
    ).toEqual([
      ['one', uuid(2), uuid(12), uuid(102)],
      ['one', uuid(1), uuid(11), uuid(101)],
      ['two', uuid(3), uuid(13), uuid(103)],
    ]);
    expect(ssmMock.commandCalls(DescribeMaintenanceWindowsCommand)).toHaveLength(0);
    expect(
      ssmMock.commandCalls(DescribeMaintenanceWindowExecutionsCommand)[0]?.args[0].input,
    ).toMatchObject({
      Filters: [{ Key: 'ExecutedAfter', Values: ['2026-11-29T08:00:00Z'] }],
    });
    expect(
      ssmMock.commandCalls(DescribeMaintenanceWindowExecutionTaskInvocationsCommand)[0]?.args[0]
        .input,
    ).toMatchObject({
      Filters: [
        { Key: 'STATUS', Values: ['FAILED', 'TIMED_OUT', 'PENDING', 'IN_PROGRESS', 'CANCELLING'] },
      ],
    });
  });

  it('keeps the cursor at the oldest execution still running (a running task counts)', async () => {
    twoWindows();
    const result = await client().invocationsSince({ after: at('2026-11-29T08:00:00Z') });
    expect(ssmMock.commandCalls(DescribeMaintenanceWindowsCommand)).toHaveLength(1);
    expect(result.matches).toHaveLength(3);
    expect(result.cursor).toEqual(at('2026-11-29T11:00:00Z'));
    expect(result.oldestRunningStart).toEqual(at('2026-11-29T11:00:00Z'));
  });

  it('moves the cursor to the newest execution seen when none runs, else keeps after', async () => {
    twoWindows();
    const finished = await client().invocationsSince({
      windowIds: [W2],
      after: at('2026-11-29T08:00:00Z'),
    });
    expect(finished.cursor).toEqual(at('2026-11-29T09:00:00Z'));
    expect(finished.oldestRunningStart).toBeUndefined();

    ssmMock
      .on(DescribeMaintenanceWindowExecutionsCommand, { WindowId: W2 })
      .resolves({ WindowExecutions: [] });
    const quiet = await client().invocationsSince({
      windowIds: [W2],
      after: at('2026-11-29T12:00:00Z'),
    });
    expect(quiet).toEqual({
      matches: [],
      cursor: at('2026-11-29T12:00:00Z'),
      finishedExecutionIds: [],
    });
  });

  it('reports the finished executions it listed, and skips them next time when still finished', async () => {
    twoWindows();
    const first = await client().invocationsSince({ after: at('2026-11-29T08:00:00Z') });
    // E2 still runs (a task is in progress), so it is not offered for skipping.
    expect([...first.finishedExecutionIds].sort()).toEqual([uuid(1), uuid(3)]);
    ssmMock.resetHistory();

    const again = await client().invocationsSince({
      after: at('2026-11-29T08:00:00Z'),
      skipFinishedExecutionIds: new Set([...first.finishedExecutionIds, uuid(2)]),
    });
    // One listing per window (+ the window list), E2 walked again because it is still running.
    expect(ssmMock.commandCalls(DescribeMaintenanceWindowsCommand)).toHaveLength(1);
    expect(ssmMock.commandCalls(DescribeMaintenanceWindowExecutionsCommand)).toHaveLength(2);
    expect(
      ssmMock
        .commandCalls(DescribeMaintenanceWindowExecutionTasksCommand)
        .map((call) => call.args[0].input.WindowExecutionId),
    ).toEqual([uuid(2)]);
    expect(again.matches.map((m) => m.execution.WindowExecutionId)).toEqual([uuid(2)]);
    expect([...again.finishedExecutionIds].sort()).toEqual([uuid(1), uuid(3)]);
    // Skipped executions still hold the cursor where a full walk would put it.
    expect(again.cursor).toEqual(first.cursor);
  });

  it('walks a skipped id again when the listing shows it running', async () => {
    twoWindows();
    const result = await client().invocationsSince({
      windowIds: [W1],
      after: at('2026-11-29T08:00:00Z'),
      skipFinishedExecutionIds: [uuid(1), uuid(2)],
    });
    expect(result.matches.map((m) => m.execution.WindowExecutionId)).toEqual([uuid(2)]);
  });

  /** W1 ran one execution, cancelled with its task, whose one invocation still runs. */
  function cancelledWithRunningInvocation(): void {
    ssmMock.on(GetMaintenanceWindowCommand, { WindowId: W1 }).resolves({ WindowId: W1 });
    ssmMock.on(DescribeMaintenanceWindowExecutionsCommand).resolves({
      WindowExecutions: [
        { WindowExecutionId: uuid(1), Status: 'CANCELLED', StartTime: at('2026-11-29T10:00:00Z') },
      ],
    });
    ssmMock.on(DescribeMaintenanceWindowExecutionTasksCommand).resolves({
      WindowExecutionTaskIdentities: [{ TaskExecutionId: uuid(11), Status: 'CANCELLED' }],
    });
    ssmMock.on(DescribeMaintenanceWindowExecutionTaskInvocationsCommand).resolves({
      WindowExecutionTaskInvocationIdentities: [
        { InvocationId: uuid(101), Status: 'IN_PROGRESS' },
        { InvocationId: uuid(102), Status: 'FAILED' },
      ],
    });
  }

  it('keeps an execution whose invocation still runs unfinished, though it and its task are final', async () => {
    cancelledWithRunningInvocation();
    const result = await client().invocationsSince({ windowIds: [W1], after: new Date(0) });
    expect(result.finishedExecutionIds).toEqual([]);
    expect(result.oldestRunningStart).toEqual(at('2026-11-29T10:00:00Z'));
    expect(result.cursor).toEqual(at('2026-11-29T10:00:00Z'));
  });

  it('asks for the running statuses too under a status filter, and matches only those asked for', async () => {
    cancelledWithRunningInvocation();
    const result = await client().invocationsSince({
      windowIds: [W1],
      after: new Date(0),
      statuses: ['FAILED'],
    });
    expect(
      ssmMock.commandCalls(DescribeMaintenanceWindowExecutionTaskInvocationsCommand)[0]?.args[0]
        .input.Filters,
    ).toEqual([{ Key: 'STATUS', Values: ['FAILED', 'PENDING', 'IN_PROGRESS', 'CANCELLING'] }]);
    expect(result.matches.map((m) => m.invocation.InvocationId)).toEqual([uuid(102)]);
    expect(result.finishedExecutionIds).toEqual([]);
    expect(result.oldestRunningStart).toEqual(at('2026-11-29T10:00:00Z'));
  });

  it('rejects a skipFinishedExecutionIds that is not a set or list of ids', async () => {
    await expect(
      client().invocationsSince({
        after: new Date(0),
        skipFinishedExecutionIds: 'e1' as unknown as string[],
      }),
    ).rejects.toThrow(InvalidInputError);
  });

  it('reads only the newest executionsPerWindow of each window', async () => {
    twoWindows();
    const result = await client().invocationsSince({
      windowIds: [W1],
      after: new Date(0),
      executionsPerWindow: 1,
    });
    expect(result.matches.map((m) => m.execution.WindowExecutionId)).toEqual([uuid(2)]);
  });

  it('never moves the cursor past an execution executionsPerWindow left out, and says so', async () => {
    ssmMock.on(GetMaintenanceWindowCommand).resolves({ WindowId: W1 });
    ssmMock.on(DescribeMaintenanceWindowExecutionsCommand).resolves({
      WindowExecutions: [
        {
          WindowExecutionId: uuid(1),
          Status: 'IN_PROGRESS',
          StartTime: at('2026-11-29T10:00:00Z'),
        },
        {
          WindowExecutionId: uuid(2),
          Status: 'SKIPPED_OVERLAPPING',
          StartTime: at('2026-11-29T10:30:00Z'),
        },
        { WindowExecutionId: uuid(3), Status: 'SUCCESS', StartTime: at('2026-11-29T09:00:00Z') },
      ],
    });
    ssmMock.on(DescribeMaintenanceWindowExecutionTasksCommand).resolves({});
    const first = await client().invocationsSince({
      windowIds: [W1],
      after: at('2026-11-29T08:00:00Z'),
      executionsPerWindow: 1,
    });
    expect(first.finishedExecutionIds).toEqual([uuid(2)]);
    expect(first.truncated).toBe(true);
    expect(first.oldestRunningStart).toEqual(at('2026-11-29T10:00:00Z'));
    expect(first.cursor).toEqual(at('2026-11-29T09:00:00Z'));

    // The next walk skips E2 for free and reads E1, the newest not yet read.
    ssmMock.resetHistory();
    const next = await client().invocationsSince({
      windowIds: [W1],
      after: first.cursor,
      executionsPerWindow: 1,
      skipFinishedExecutionIds: first.finishedExecutionIds,
    });
    expect(
      ssmMock
        .commandCalls(DescribeMaintenanceWindowExecutionTasksCommand)
        .map((call) => call.args[0].input.WindowExecutionId),
    ).toEqual([uuid(1)]);
    expect(next.truncated).toBe(true);
  });

  it('sets no truncated flag when every execution was read or skipped', async () => {
    twoWindows();
    const result = await client().invocationsSince({
      windowIds: [W2],
      after: new Date(0),
      executionsPerWindow: 1,
    });
    expect(result).not.toHaveProperty('truncated');
  });

  it('fails on a task without an id instead of asking for its invocations', async () => {
    twoWindows();
    ssmMock
      .on(DescribeMaintenanceWindowExecutionTasksCommand, { WindowExecutionId: uuid(3) })
      .resolves({
        WindowExecutionTaskIdentities: [{ WindowExecutionId: uuid(3), Status: 'SUCCESS' }],
      });
    await expect(
      client().invocationsSince({ windowIds: [W2], after: new Date(0) }),
    ).rejects.toThrow(ServiceError);
    expect(
      ssmMock.commandCalls(DescribeMaintenanceWindowExecutionTaskInvocationsCommand),
    ).toHaveLength(0);
  });

  it('aborts the rest of the walk at the first failure', async () => {
    const pending: Array<AbortSignal | undefined> = [];
    const transport: SsmTransport = {
      async send(operation, input, { signal } = {}) {
        if (operation === 'GetMaintenanceWindow') return { WindowId: input.WindowId };
        if (input.WindowId === W1) throw new ServiceError('boom', { operation });
        // The other windows' listings hang until their signal aborts.
        pending.push(signal);
        return new Promise((_, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
        });
      },
    };
    const walk = createInvocationsClientWithTransport(transport).invocationsSince({
      windowIds: [W1, W2, W3],
      after: new Date(0),
    });
    await expect(walk).rejects.toThrow('boom');
    expect(pending).toHaveLength(2);
    expect(pending.every((signal) => signal?.aborted === true)).toBe(true);
  });

  it.each([
    ['after', {}],
    ['after', { after: 'yesterday' }],
    ['windowIds', { windowIds: [], after: new Date(0) }],
    ['windowIds[1]', { windowIds: [W1, 'mw-nope'], after: new Date(0) }],
    ['statuses[0]', { statuses: ['DONE'], after: new Date(0) }],
    ['executionsPerWindow', { executionsPerWindow: 0, after: new Date(0) }],
  ])('rejects a bad %s before sending anything', async (field, input) => {
    const error = await client()
      .invocationsSince(input as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe(field);
    expect(ssmMock.calls()).toHaveLength(0);
  });
});

describe('findExecutionWindow', () => {
  const start = at('2026-11-29T10:00:00.250Z');

  it('searches each candidate around the start time and stops at the window that ran it', async () => {
    ssmMock
      .on(GetMaintenanceWindowExecutionCommand)
      .resolves({ WindowExecutionId: uuid(1), StartTime: start });
    ssmMock.on(DescribeMaintenanceWindowExecutionsCommand).resolves({ WindowExecutions: [] });
    ssmMock.on(DescribeMaintenanceWindowExecutionsCommand, { WindowId: W2 }).resolves({
      WindowExecutions: [{ WindowId: W2, WindowExecutionId: uuid(1), StartTime: start }],
    });
    const found = await client().findExecutionWindow({
      windowExecutionId: uuid(1),
      windowIds: [W1, W2, W3],
    });
    expect(found).toBe(W2);
    const listings = ssmMock.commandCalls(DescribeMaintenanceWindowExecutionsCommand);
    expect(listings.map((call) => call.args[0].input.WindowId)).toEqual([W1, W2]);
    expect(listings[0]?.args[0].input.Filters).toEqual([
      { Key: 'ExecutedAfter', Values: ['2026-11-29T09:59:59Z'] },
      { Key: 'ExecutedBefore', Values: ['2026-11-29T10:00:02Z'] },
    ]);
  });

  it('searches the newest executions for one that has not started', async () => {
    ssmMock
      .on(GetMaintenanceWindowExecutionCommand)
      .resolves({ WindowExecutionId: uuid(1), Status: 'PENDING' });
    ssmMock.on(DescribeMaintenanceWindowExecutionsCommand).resolves({
      WindowExecutions: [{ WindowId: W1, WindowExecutionId: uuid(1), Status: 'PENDING' }],
    });
    expect(
      await client().findExecutionWindow({ windowExecutionId: uuid(1), windowIds: [W1] }),
    ).toBe(W1);
    expect(
      ssmMock.commandCalls(DescribeMaintenanceWindowExecutionsCommand)[0]?.args[0].input.Filters,
    ).toBeUndefined();
  });

  it('answers undefined for an execution that does not exist or that no candidate ran', async () => {
    ssmMock
      .on(GetMaintenanceWindowExecutionCommand)
      .rejects(new DoesNotExistException({ message: 'no such execution', $metadata: {} }));
    expect(
      await client().findExecutionWindow({ windowExecutionId: uuid(1), windowIds: [W1] }),
    ).toBeUndefined();
    expect(ssmMock.commandCalls(DescribeMaintenanceWindowExecutionsCommand)).toHaveLength(0);

    ssmMock
      .on(GetMaintenanceWindowExecutionCommand)
      .resolves({ WindowExecutionId: uuid(1), StartTime: start });
    ssmMock.on(DescribeMaintenanceWindowExecutionsCommand).resolves({ WindowExecutions: [] });
    expect(
      await client().findExecutionWindow({ windowExecutionId: uuid(1), windowIds: [W1, W2] }),
    ).toBeUndefined();
  });

  it.each([
    ['windowExecutionId', { windowExecutionId: 'x', windowIds: [W1] }],
    ['windowIds', { windowExecutionId: uuid(1), windowIds: [] }],
    ['windowIds[0]', { windowExecutionId: uuid(1), windowIds: ['W1'] }],
  ])('rejects a bad %s before sending anything', async (field, input) => {
    const error = await client()
      .findExecutionWindow(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe(field);
    expect(ssmMock.calls()).toHaveLength(0);
  });
});
