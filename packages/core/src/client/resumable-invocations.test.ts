import fc from 'fast-check';
import { InvalidInputError, PaginationError } from '../model/errors';
import { encodeResumeToken } from '../model/resume-token';
import type { InvocationRecord } from '../model/types';
import type { ListInvocationsInput } from './inputs';
import type { InvocationsClient } from './invocations-client';
import { getInvocationsResumable } from './resumable-invocations';
import { recordingTransport } from '../test-support/recording-transport';
import { createInvocationsClientWithTransport } from './invocations-client';

const EXEC = '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90';
const TASK = 'a1b2c3d4-1111-2222-3333-444455556666';

/** An in-memory listInvocations: offset tokens, pages of `maxResults`, every call recorded. */
function fakeClient(total: number): Pick<InvocationsClient, 'listInvocations'> & {
  calls: ListInvocationsInput[];
} {
  const records: InvocationRecord[] = Array.from({ length: total }, (_, i) => ({
    InvocationId: `inv-${i}`,
    Status: i % 3 === 0 ? 'FAILED' : 'SUCCESS',
  }));
  const calls: ListInvocationsInput[] = [];
  return {
    calls,
    async listInvocations(input) {
      calls.push(input);
      const offset = input.nextToken === undefined ? 0 : Number(input.nextToken.slice(4));
      const size = input.maxResults ?? 100;
      const page = records.slice(offset, offset + size);
      const end = offset + page.length;
      return end < records.length
        ? { invocations: page, nextToken: `tok-${end}` }
        : { invocations: page };
    },
  };
}

const ids = (records: InvocationRecord[]): string[] => records.map((r) => r.InvocationId ?? '');

describe('getInvocationsResumable', () => {
  it('loses and repeats nothing across limited calls, whatever the limit and page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.integer({ min: 10, max: 100 }), { nil: undefined }),
        async (total, limit, pageSize) => {
          const client = fakeClient(total);
          const collected: string[] = [];
          let startingToken: string | undefined;
          let calls = 0;
          do {
            const result = await getInvocationsResumable(client, {
              windowExecutionId: EXEC,
              taskId: TASK,
              limit,
              ...(pageSize === undefined ? {} : { pageSize }),
              ...(startingToken === undefined ? {} : { startingToken }),
            });
            expect(result.invocations.length).toBeLessThanOrEqual(limit);
            collected.push(...ids(result.invocations));
            startingToken = result.nextToken;
            calls += 1;
            expect(calls).toBeLessThanOrEqual(total + 1);
          } while (startingToken !== undefined);
          expect(collected).toEqual(Array.from({ length: total }, (_, i) => `inv-${i}`));
          // Every request of one listing used one page size.
          expect(new Set(client.calls.map((c) => c.maxResults)).size).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads everything without a limit and reports progress per page', async () => {
    const client = fakeClient(25);
    const counts: number[] = [];
    const result = await getInvocationsResumable(
      client,
      { windowExecutionId: EXEC, taskId: TASK, pageSize: 10 },
      { onPage: (n) => counts.push(n) },
    );
    expect(result.invocations).toHaveLength(25);
    expect(result.nextToken).toBeUndefined();
    expect(counts).toEqual([10, 20, 25]);
  });

  it('passes statuses through and ends when the limit meets the last record', async () => {
    const client = fakeClient(10);
    const result = await getInvocationsResumable(client, {
      windowExecutionId: EXEC,
      taskId: TASK,
      statuses: ['FAILED'],
      limit: 10,
    });
    expect(result.nextToken).toBeUndefined();
    expect(client.calls[0]).toMatchObject({ statuses: ['FAILED'], maxResults: 10 });
  });

  it.each([
    ['limit', { limit: 0 }],
    ['pageSize', { pageSize: 5 }],
    ['startingToken', { startingToken: 'garbage!' }],
    ['pageSize', { pageSize: 20, startingToken: encodeResumeToken({ skip: 1, pageSize: 10 }) }],
    ['windowExecutionId', { windowExecutionId: 'nope' }],
  ])('rejects a bad %s before sending anything', async (field, patch) => {
    const client = fakeClient(5);
    const listInvocations = jest.fn(client.listInvocations);
    // Validation of ids is listInvocations' own; a real client throws before its request.
    const validating: Pick<InvocationsClient, 'listInvocations'> = {
      listInvocations: async (input, options) => {
        if (!/^[0-9a-f-]{36}$/.test(input.windowExecutionId)) {
          throw new InvalidInputError('windowExecutionId', 'must be a UUID');
        }
        return listInvocations(input, options);
      },
    };
    const error = await getInvocationsResumable(validating, {
      windowExecutionId: EXEC,
      taskId: TASK,
      ...patch,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe(field);
    expect(listInvocations).not.toHaveBeenCalled();
  });

  it('stops with a PaginationError when the service repeats a NextToken', async () => {
    const client: Pick<InvocationsClient, 'listInvocations'> = {
      listInvocations: async () => ({ invocations: [{ InvocationId: 'x' }], nextToken: 'same' }),
    };
    await expect(
      getInvocationsResumable(client, { windowExecutionId: EXEC, taskId: TASK }),
    ).rejects.toBeInstanceOf(PaginationError);
  });

  it('stops with a PaginationError when a record comes back on a later page', async () => {
    const client: Pick<InvocationsClient, 'listInvocations'> = {
      listInvocations: async ({ nextToken }) =>
        nextToken === undefined
          ? { invocations: [{ InvocationId: 'a' }, { InvocationId: 'b' }], nextToken: 't1' }
          : { invocations: [{ InvocationId: 'c' }, { InvocationId: 'a' }] },
    };
    const error = await getInvocationsResumable(client, {
      windowExecutionId: EXEC,
      taskId: TASK,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).message).toMatch(/InvocationId a twice/);
  });

  it.each([0, 1.5, -1, 'ten'])('rejects maxPages %p before sending anything', async (maxPages) => {
    const client = fakeClient(5);
    const error = await getInvocationsResumable(
      client,
      { windowExecutionId: EXEC, taskId: TASK },
      { maxPages: maxPages as number },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('maxPages');
    expect(client.calls).toHaveLength(0);
  });

  it('keeps to a valid maxPages', async () => {
    const client = fakeClient(25);
    await expect(
      getInvocationsResumable(
        client,
        { windowExecutionId: EXEC, taskId: TASK, pageSize: 10 },
        { maxPages: 2 },
      ),
    ).rejects.toThrow(/more than 2 pages/);
    expect(client.calls).toHaveLength(2);
  });
});

describe('client.invocationsPage', () => {
  it('is getInvocationsResumable on the client: the same pages and resume token', async () => {
    const records = Array.from({ length: 30 }, (_, i) => ({
      InvocationId: `c0ffee00-1234-4abc-9def-0000000000${String(i).padStart(2, '0')}`,
      Status: 'SUCCESS',
    }));
    const { transport, sent } = recordingTransport({
      DescribeMaintenanceWindowExecutionTaskInvocations: (input) => {
        const offset = input.NextToken === undefined ? 0 : Number(input.NextToken);
        const size = Number(input.MaxResults);
        const end = Math.min(records.length, offset + size);
        return {
          WindowExecutionTaskInvocationIdentities: records.slice(offset, end),
          ...(end < records.length ? { NextToken: String(end) } : {}),
        };
      },
    });
    const client = createInvocationsClientWithTransport(transport);
    const first = await client.invocationsPage({
      windowExecutionId: EXEC,
      taskId: TASK,
      limit: 25,
    });
    expect(first.invocations).toHaveLength(25);
    expect(first.nextToken).toBeDefined();
    const rest = await client.invocationsPage({
      windowExecutionId: EXEC,
      taskId: TASK,
      limit: 25,
      startingToken: first.nextToken,
    });
    expect(ids([...first.invocations, ...rest.invocations])).toEqual(ids(records));
    expect(rest.nextToken).toBeUndefined();
    expect(sent.map((r) => r.input.MaxResults)).toEqual([25, 25]);
  });
});
