/**
 * Pagination as a property: for any number of records, page size and limit, the client returns
 * exactly the first min(limit, total) records in order, fetching exactly the pages it needs.
 */
import fc from 'fast-check';
import { jsonTransport } from '../transport/json-transport';
import { fakeRequest, makeFakeData, uuid, type RequestLogEntry } from '../test-support/fake-ssm';
import { createInvocationsClientWithTransport } from './invocations-client';

/** Pages the client should request: MaxResults = pageSize, or max(10, remaining) when fewer remain. */
function expectedPageSizes(total: number, pageSize: number, limit: number | undefined): number[] {
  const sizes: number[] = [];
  let count = 0;
  for (;;) {
    const remaining = limit === undefined ? undefined : limit - count;
    const size =
      remaining !== undefined && remaining < pageSize ? Math.max(10, remaining) : pageSize;
    sizes.push(size);
    const served = Math.min(size, total - count);
    count += served;
    if (limit !== undefined && count >= limit) return sizes;
    if (count >= total) return sizes;
  }
}

describe('pagination (fast-check)', () => {
  it('returns exactly the first min(limit, total) records with only the pages needed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 260 }),
        fc.integer({ min: 10, max: 100 }),
        fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
        async (total, pageSize, limit) => {
          const data = makeFakeData({ executions: 1, tasks: 1, invocations: total });
          const log: RequestLogEntry[] = [];
          const client = createInvocationsClientWithTransport(
            jsonTransport(fakeRequest(data, { log })),
          );
          const got = await client.getAllInvocations({
            windowExecutionId: uuid(1, 0),
            taskId: uuid(2, 0),
            pageSize,
            limit,
          });
          const truth = data.invocations.map((i) => i.InvocationId);
          expect(got.map((i) => i.InvocationId)).toEqual(truth.slice(0, limit ?? truth.length));
          expect(log.map((c) => c.input.MaxResults)).toEqual(
            expectedPageSizes(total, pageSize, limit),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
