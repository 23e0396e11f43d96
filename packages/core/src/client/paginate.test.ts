import { PaginationError, ServiceError } from '../model/errors';
import { paginate, type FetchedPage, type Page, type PageRequest } from './paginate';

const operation = 'DescribeMaintenanceWindowExecutionTaskInvocations';

/** Pages of `{ InvocationId }` records by offset token; every request recorded. */
function offsetPages(total: number) {
  const requests: PageRequest[] = [];
  const fetchPage = async (
    request: PageRequest,
  ): Promise<FetchedPage<{ InvocationId: string }>> => {
    requests.push(request);
    const offset = request.token === undefined ? 0 : Number(request.token);
    const size = request.maxResults ?? 10;
    const end = Math.min(total, offset + size);
    const records = Array.from({ length: end - offset }, (_, i) => ({
      InvocationId: `inv-${offset + i}`,
    }));
    return { records, nextToken: end < total ? String(end) : undefined };
  };
  return { requests, fetchPage };
}

async function collect<T>(pages: AsyncIterable<Page<T>>): Promise<Array<Page<T>>> {
  const out: Array<Page<T>> = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('paginate', () => {
  it('hands out every page with the token that fetched it and the next one', async () => {
    const { fetchPage, requests } = offsetPages(25);
    const pages = await collect(paginate(fetchPage, { operation, maxPages: 10, pageSize: 10 }));
    expect(pages.map((page) => [page.records.length, page.token, page.nextToken])).toEqual([
      [10, undefined, '10'],
      [10, '10', '20'],
      [5, '20', undefined],
    ]);
    expect(requests.map((request) => request.maxResults)).toEqual([10, 10, 10]);
  });

  it('asks for a smaller last page under a limit and stops fetching once it is reached', async () => {
    const { fetchPage, requests } = offsetPages(100);
    await collect(paginate(fetchPage, { operation, maxPages: 10, pageSize: 20, limit: 32 }));
    expect(requests).toEqual([{ maxResults: 20 }, { token: '20', maxResults: 12 }]);
  });

  it('starts at the given token', async () => {
    const { fetchPage, requests } = offsetPages(30);
    const pages = await collect(
      paginate(fetchPage, { operation, maxPages: 10, pageSize: 10, startToken: '20' }),
    );
    expect(pages).toHaveLength(1);
    expect(requests[0]?.token).toBe('20');
  });

  it('fails on a record that comes back on a later page, before handing that page out', async () => {
    const seen: string[] = [];
    const fetchPage = async ({ token }: PageRequest) =>
      token === undefined
        ? { records: [{ InvocationId: 'a' }, { InvocationId: 'b' }], nextToken: 't1' }
        : { records: [{ InvocationId: 'c' }, { InvocationId: 'a' }], nextToken: undefined };
    const run = async () => {
      for await (const page of paginate(fetchPage, { operation, maxPages: 10 })) {
        seen.push(...page.records.map((record) => record.InvocationId));
      }
    };
    await expect(run()).rejects.toThrow(PaginationError);
    await expect(run()).rejects.toThrow(/InvocationId a twice \(page 2\)/);
    expect(seen).toEqual(['a', 'b', 'a', 'b']);
  });

  it('fails on a repeated token, past the page bound and on a token that is not a string', async () => {
    const looping = async () => ({ records: [], nextToken: 'same' });
    await expect(collect(paginate(looping, { operation, maxPages: 10 }))).rejects.toThrow(
      /repeated a NextToken/,
    );
    const { fetchPage } = offsetPages(100);
    await expect(
      collect(paginate(fetchPage, { operation, maxPages: 2, pageSize: 10 })),
    ).rejects.toThrow(/more than 2 pages/);
    const numeric = async () => ({ records: [], nextToken: 7 });
    await expect(collect(paginate(numeric, { operation, maxPages: 10 }))).rejects.toThrow(
      ServiceError,
    );
  });

  it('never checks the next token of a page the consumer stopped at', async () => {
    const { fetchPage, requests } = offsetPages(100);
    for await (const page of paginate(fetchPage, { operation, maxPages: 1, pageSize: 10 })) {
      expect(page.nextToken).toBe('10');
      break;
    }
    expect(requests).toHaveLength(1);
  });
});

describe('paginate and empty pages', () => {
  it('stops a listing that serves only empty pages with fresh tokens, long before maxPages', async () => {
    const requests: PageRequest[] = [];
    const fetchPage = async (
      request: PageRequest,
    ): Promise<FetchedPage<{ InvocationId: string }>> => {
      requests.push(request);
      return { records: [], nextToken: `fresh-${requests.length}` };
    };
    await expect(collect(paginate(fetchPage, { operation, maxPages: 10_000 }))).rejects.toThrow(
      expect.objectContaining({
        name: 'PaginationError',
        message: expect.stringMatching(/empty pages/),
      }),
    );
    expect(requests).toHaveLength(50);
  });
});
