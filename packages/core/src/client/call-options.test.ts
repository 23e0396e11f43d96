import { InvalidInputError } from '../model/errors';
import type { SsmTransport } from '../transport/types';
import type { CallOptions } from './inputs';
import { createInvocationsClientWithTransport, type InvocationsClient } from './invocations-client';
import { getInvocationsResumable } from './resumable-invocations';

const WINDOW_ID = 'mw-0123456789abcdef0';
const EXEC = '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90';
const TASK = 'a1b2c3d4-1111-2222-3333-444455556666';

function recordingClient(): { client: InvocationsClient; sent: string[] } {
  const sent: string[] = [];
  const transport: SsmTransport = {
    send: async (operation) => {
      sent.push(operation);
      return {};
    },
  };
  return { client: createInvocationsClientWithTransport(transport), sent };
}

/** Every method of the client, called with valid input and the given call options. */
function callsWith(client: InvocationsClient, options: unknown): Array<[string, () => unknown]> {
  const o = options as CallOptions;
  const execution = { windowExecutionId: EXEC };
  const task = { windowExecutionId: EXEC, taskId: TASK };
  return [
    ['listInvocations', () => client.listInvocations(task, o)],
    ['invocations', () => client.invocations(task, o)],
    ['getAllInvocations', () => client.getAllInvocations(task, o)],
    ['getInvocation', () => client.getInvocation({ ...task, invocationId: TASK }, o)],
    ['getWindow', () => client.getWindow({ windowId: WINDOW_ID }, o)],
    ['listWindows', () => client.listWindows({}, o)],
    ['listExecutions', () => client.listExecutions({ windowId: WINDOW_ID }, o)],
    ['listTasks', () => client.listTasks(execution, o)],
    ['getExecution', () => client.getExecution(execution, o)],
    ['getTask', () => client.getTask(task, o)],
    ['listTargets', () => client.listTargets({ windowId: WINDOW_ID }, o)],
    ['getWindowReport', () => client.getWindowReport({ windowId: WINDOW_ID }, o)],
    [
      'invocationsSince',
      () => client.invocationsSince({ windowIds: [WINDOW_ID], after: '2026-11-01' }, o),
    ],
    [
      'findExecutionWindow',
      () => client.findExecutionWindow({ windowExecutionId: EXEC, windowIds: [WINDOW_ID] }, o),
    ],
    [
      'listTagsForResource',
      () =>
        client.listTagsForResource({ resourceType: 'MaintenanceWindow', resourceId: WINDOW_ID }, o),
    ],
    ['diagnoseInvocation', () => client.diagnoseInvocation({ ...task, invocationId: TASK }, o)],
    ['invocationsPage', () => client.invocationsPage(task, o)],
    ['getInvocationsResumable', () => getInvocationsResumable(client, task, o)],
  ];
}

/** The error a call fails with, whether it throws at once (lazy iterables) or rejects. */
async function failureOf(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('call options (the second argument of every method)', () => {
  it('covers every method of the client', () => {
    const { client } = recordingClient();
    const listed = callsWith(client, {}).map(([method]) => method);
    expect(listed.filter((method) => method !== 'getInvocationsResumable').sort()).toEqual(
      Object.keys(client).sort(),
    );
  });

  const bad: Array<[string, unknown, string, string]> = [
    ['null', null, 'options', 'type'],
    ['a string', 'fast', 'options', 'type'],
    ['an array', [], 'options', 'type'],
    ['a signal that is a string', { signal: 'abort' }, 'signal', 'type'],
    ['a signal that is a plain object', { signal: { aborted: false } }, 'signal', 'type'],
    ['a signal of null', { signal: null }, 'signal', 'type'],
    ['an unknown key', { signa: new AbortController().signal }, 'signa', 'unknown-key'],
    ['a timeout key that does not exist', { timeoutMs: 5 }, 'timeoutMs', 'unknown-key'],
  ];

  it.each(bad)(
    'rejects %s with InvalidInputError naming the field, before any request',
    async (_, options, field, rule) => {
      const { client, sent } = recordingClient();
      for (const [method, call] of callsWith(client, options)) {
        const error = await failureOf(call);
        expect([method, error]).toEqual([method, expect.any(InvalidInputError)]);
        const { field: named, rule: broken } = error as InvalidInputError;
        expect([method, named, broken]).toEqual([method, field, rule]);
      }
      expect(sent).toEqual([]);
    },
  );

  it('accepts no options, an empty object, undefined signal and a real AbortSignal', async () => {
    const { client } = recordingClient();
    for (const options of [
      undefined,
      {},
      { signal: undefined },
      { signal: new AbortController().signal },
    ]) {
      for (const [method, call] of callsWith(client, options)) {
        const error = await failureOf(call);
        expect([method, error instanceof InvalidInputError]).toEqual([method, false]);
      }
    }
  });

  it('keeps the resumable listing options onPage and maxPages, checked', async () => {
    const { client } = recordingClient();
    const task = { windowExecutionId: EXEC, taskId: TASK };
    await expect(
      getInvocationsResumable(client, task, { onPage: () => undefined, maxPages: 3 }),
    ).resolves.toEqual({ invocations: [] });
    await expect(
      getInvocationsResumable(client, task, { onPage: 'log' as unknown as () => void }),
    ).rejects.toMatchObject({ name: 'InvalidInputError', field: 'onPage', rule: 'type' });
  });
});

describe('requestsPerSecond', () => {
  // A rate limit waits through the transport's sleep (no timer globals in core's bundles).
  const transport: SsmTransport = { send: async () => ({}), sleep: async () => undefined };

  it.each([0.009, 0.001, 1e-300, 5e-324])(
    'rejects %p, below 0.01, instead of disabling the limit',
    (rps) => {
      expect(() =>
        createInvocationsClientWithTransport(transport, { requestsPerSecond: rps }),
      ).toThrow(
        expect.objectContaining({
          name: 'InvalidInputError',
          field: 'requestsPerSecond',
          rule: 'range',
          message: expect.stringMatching(/at least 0\.01/),
        }),
      );
    },
  );

  it('accepts 0.01 and up', () => {
    expect(() =>
      createInvocationsClientWithTransport(transport, { requestsPerSecond: 0.01 }),
    ).not.toThrow();
    expect(() =>
      createInvocationsClientWithTransport(transport, { requestsPerSecond: 50 }),
    ).not.toThrow();
  });
});
