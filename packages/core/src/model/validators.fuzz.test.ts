import fc from 'fast-check';
import { createInvocationsClientWithTransport } from '../client/invocations-client';
import type { SsmTransport } from '../transport/types';
import { EXECUTION_STATUSES, SSM_LIMITS } from './constants';
import { InvalidInputError } from './errors';
import { parseMaintenanceWindowArn } from './format';
import { validateFilters } from './validators';

const WINDOW = 'mw-0123456789abcdef0';
const EXEC = '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90';
const TASK = 'a1b2c3d4-1111-2222-3333-444455556666';
const INV = 'b1b2c3d4-1111-2222-3333-444455556666';

let transportCalls = 0;
const countingTransport: SsmTransport = {
  send: async () => {
    transportCalls += 1;
    return {};
  },
};
const client = createInvocationsClientWithTransport(countingTransport);

const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.object(),
  fc.array(fc.string()),
  fc.double(),
);
const notWindowId = fc
  .string({ maxLength: 40 })
  .filter((s) => !SSM_LIMITS.windowId.pattern.test(s));
const notUuid = fc
  .oneof(
    fc.string({ maxLength: 50 }),
    fc.uuid().map((u) => `${u}x`),
    fc.uuid().map((u) => u.replace(/-/g, '')),
  )
  .filter((s) => !SSM_LIMITS.executionId.pattern.test(s));
const notStatus = fc
  .oneof(fc.string(), fc.constantFrom('success', 'Failed', 'RUNNING', 'SKIPPED', ''))
  .filter((s) => !(EXECUTION_STATUSES as readonly string[]).includes(s));
const notInteger = fc.oneof(
  fc.double({ noInteger: true }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(Number.NaN),
);
const notBoolean = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object());
const notObject = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.array(fc.anything()));
const notDate = fc.oneof(
  fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}/.test(s)),
  fc.constant('2026-13-45T99:00:00Z'),
  fc.integer(),
  fc.constant(new Date(Number.NaN)),
  fc.boolean(),
);

type Kind = [
  name: string,
  arb: fc.Arbitrary<unknown>,
  run: (v: unknown) => unknown,
  field: string | RegExp,
];
const anyInput = (v: unknown) => v as never;

const kinds: Kind[] = [
  [
    'windowId of the wrong type',
    notString,
    (v) => client.getWindow({ windowId: anyInput(v) }),
    'windowId',
  ],
  [
    'malformed windowId',
    notWindowId,
    (v) => client.getWindow({ windowId: anyInput(v) }),
    'windowId',
  ],
  [
    'malformed windowId in listTargets',
    notWindowId,
    (v) => client.listTargets({ windowId: anyInput(v) }),
    'windowId',
  ],
  [
    'malformed windowId in listExecutions',
    notWindowId,
    (v) => client.listExecutions({ windowId: anyInput(v) }),
    'windowId',
  ],
  [
    'malformed windowId in report',
    notWindowId,
    (v) => client.getWindowReport({ windowId: anyInput(v) }),
    'windowId',
  ],
  [
    'windowExecutionId of the wrong type',
    notString,
    (v) => client.listInvocations({ windowExecutionId: anyInput(v), taskId: TASK }),
    'windowExecutionId',
  ],
  [
    'malformed windowExecutionId',
    notUuid,
    (v) => client.listInvocations({ windowExecutionId: anyInput(v), taskId: TASK }),
    'windowExecutionId',
  ],
  [
    'malformed taskId',
    notUuid,
    (v) => client.listInvocations({ windowExecutionId: EXEC, taskId: anyInput(v) }),
    'taskId',
  ],
  [
    'taskId of the wrong type',
    notString,
    (v) => client.getAllInvocations({ windowExecutionId: EXEC, taskId: anyInput(v) }),
    'taskId',
  ],
  [
    'malformed invocationId',
    notUuid,
    (v) =>
      client.getInvocation({ windowExecutionId: EXEC, taskId: TASK, invocationId: anyInput(v) }),
    'invocationId',
  ],
  [
    'malformed taskId in getTask',
    notUuid,
    (v) => client.getTask({ windowExecutionId: EXEC, taskId: anyInput(v) }),
    'taskId',
  ],
  [
    'malformed id in getExecution',
    notUuid,
    (v) => client.getExecution({ windowExecutionId: anyInput(v) }),
    'windowExecutionId',
  ],
  [
    'malformed id in listTasks',
    notUuid,
    (v) => client.listTasks({ windowExecutionId: anyInput(v) }),
    'windowExecutionId',
  ],
  [
    'statuses not an array',
    fc.oneof(fc.string(), fc.integer(), fc.object(), fc.constant(null)),
    (v) => client.listTasks({ windowExecutionId: EXEC, statuses: anyInput(v) }),
    'statuses',
  ],
  [
    'unknown status',
    notStatus,
    (v) =>
      client.listInvocations({
        windowExecutionId: EXEC,
        taskId: TASK,
        statuses: ['FAILED', anyInput(v)],
      }),
    'statuses[1]',
  ],
  [
    'status of the wrong type',
    notString,
    (v) => client.getWindowReport({ windowId: WINDOW, statuses: [anyInput(v)] }),
    'statuses[0]',
  ],
  [
    'maxResults below 10',
    fc.integer({ min: -1000, max: 9 }),
    (v) =>
      client.listInvocations({ windowExecutionId: EXEC, taskId: TASK, maxResults: anyInput(v) }),
    'maxResults',
  ],
  [
    'maxResults above 100',
    fc.integer({ min: 101 }),
    (v) =>
      client.listInvocations({ windowExecutionId: EXEC, taskId: TASK, maxResults: anyInput(v) }),
    'maxResults',
  ],
  [
    'maxResults not an integer',
    notInteger,
    (v) =>
      client.listInvocations({ windowExecutionId: EXEC, taskId: TASK, maxResults: anyInput(v) }),
    'maxResults',
  ],
  [
    'pageSize out of range',
    fc.oneof(fc.integer({ max: 9 }), fc.integer({ min: 101 })),
    (v) =>
      client.getAllInvocations({ windowExecutionId: EXEC, taskId: TASK, pageSize: anyInput(v) }),
    'pageSize',
  ],
  [
    'limit below 1',
    fc.integer({ max: 0 }),
    (v) => client.getAllInvocations({ windowExecutionId: EXEC, taskId: TASK, limit: anyInput(v) }),
    'limit',
  ],
  ['limit not an integer', notInteger, (v) => client.listWindows({ limit: anyInput(v) }), 'limit'],
  [
    'limit below 1 in listExecutions',
    fc.integer({ max: 0 }),
    (v) => client.listExecutions({ windowId: WINDOW, limit: anyInput(v) }),
    'limit',
  ],
  [
    'nextToken of the wrong type',
    notString,
    (v) =>
      client.listInvocations({ windowExecutionId: EXEC, taskId: TASK, nextToken: anyInput(v) }),
    'nextToken',
  ],
  [
    'empty nextToken',
    fc.constant(''),
    (v) =>
      client.listInvocations({ windowExecutionId: EXEC, taskId: TASK, nextToken: anyInput(v) }),
    'nextToken',
  ],
  ['name of the wrong type', notString, (v) => client.listWindows({ name: anyInput(v) }), 'name'],
  [
    'name too long',
    fc.string({ minLength: 257, maxLength: 400 }),
    (v) => client.listWindows({ name: anyInput(v) }),
    'name',
  ],
  [
    'enabled not a boolean',
    notBoolean,
    (v) => client.listWindows({ enabled: anyInput(v) }),
    'enabled',
  ],
  [
    'after not a date',
    notDate,
    (v) => client.listExecutions({ windowId: WINDOW, after: anyInput(v) }),
    'after',
  ],
  [
    'before not a date',
    notDate,
    (v) => client.listExecutions({ windowId: WINDOW, before: anyInput(v) }),
    'before',
  ],
  [
    'after later than before',
    fc.tuple(fc.date({ noInvalidDate: true }), fc.integer({ min: 1, max: 10 ** 9 })),
    (v) => {
      const [before, gap] = v as [Date, number];
      return client.listExecutions({
        windowId: WINDOW,
        before,
        after: new Date(before.getTime() + gap),
      });
    },
    'after',
  ],
  [
    'report executions out of range',
    fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 101 })),
    (v) => client.getWindowReport({ windowId: WINDOW, executions: anyInput(v) }),
    'executions',
  ],
  [
    'report executions not an integer',
    notInteger,
    (v) => client.getWindowReport({ windowId: WINDOW, executions: anyInput(v) }),
    'executions',
  ],
  [
    'unknown input field (typo)',
    fc.constantFrom(
      'windowExecutionID',
      'taskID',
      'status',
      'MaxResults',
      'NextToken',
      'page_size',
    ),
    (v) =>
      client.getAllInvocations({
        windowExecutionId: EXEC,
        taskId: TASK,
        [v as string]: 1,
      } as never),
    /^(windowExecutionID|taskID|status|MaxResults|NextToken|page_size)$/,
  ],
  ['input not an object', notObject, (v) => client.listInvocations(anyInput(v)), 'input'],
  ['input not an object (report)', notObject, (v) => client.getWindowReport(anyInput(v)), 'input'],
  [
    'more than 5 filters',
    fc.integer({ min: 6, max: 20 }),
    (v) =>
      validateFilters(
        Array.from({ length: v as number }, () => ({ Key: 'STATUS', Values: ['FAILED'] })),
      ),
    'filters',
  ],
  [
    'filter with a key not allowed',
    fc.string({ minLength: 1, maxLength: 20 }).filter((k) => k !== 'STATUS'),
    (v) => validateFilters([{ Key: v, Values: ['x'] }], ['STATUS']),
    'filters[0].Key',
  ],
  [
    'filter value too long',
    fc.string({ minLength: 257, maxLength: 300 }),
    (v) => validateFilters([{ Key: 'STATUS', Values: [v] }]),
    'filters[0].Values[0]',
  ],
  [
    'filter without values',
    fc.constantFrom([], undefined, 'FAILED'),
    (v) => validateFilters([{ Key: 'STATUS', Values: v }]),
    'filters[0].Values',
  ],
  [
    'malformed window ARN',
    fc.oneof(
      fc.string(),
      fc.constant('arn:aws:ssm:us-east-1:123:maintenancewindow/mw-0123456789abcdef0'),
    ),
    (v) => parseMaintenanceWindowArn(v),
    'arn',
  ],
];

describe('validators reject bad input before any network call (fast-check)', () => {
  it('covers at least 30 kinds of bad input', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(30);
  });

  it.each(kinds)('%s → InvalidInputError naming the field', async (_, arb, run, field) => {
    await fc.assert(
      fc.asyncProperty(arb, async (value) => {
        let error: unknown;
        try {
          await run(value);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(InvalidInputError);
        const invalid = error as InvalidInputError;
        if (typeof field === 'string') expect(invalid.field).toBe(field);
        else expect(invalid.field).toMatch(field);
        expect(invalid.code).toBe('INVALID_INPUT');
        expect(invalid.message).toContain(invalid.field);
      }),
      { numRuns: 60 },
    );
  });

  it('made zero transport calls for all of them', () => {
    expect(transportCalls).toBe(0);
  });

  it('accepts every valid combination (and then does call the transport)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...EXECUTION_STATUSES]),
        fc.integer({ min: 10, max: 100 }),
        fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
        async (statuses, pageSize, limit) => {
          const before = transportCalls;
          await client.getAllInvocations({
            windowExecutionId: EXEC,
            taskId: TASK,
            statuses,
            pageSize,
            limit,
          });
          await client.getInvocation({ windowExecutionId: EXEC, taskId: TASK, invocationId: INV });
          expect(transportCalls).toBe(before + 2);
        },
      ),
      { numRuns: 30 },
    );
  });
});
