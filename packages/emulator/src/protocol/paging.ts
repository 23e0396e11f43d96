/**
 * What every Describe operation shares once its input is checked: the STATUS filter and cutting
 * the page (including the repeat-token fault) into `{ [listKey]: …, NextToken }`.
 */
import { NextTokenCodec, paginate, type SortKey } from './next-token';
import type { ListQuery, OperationContext } from './request';
import { SSM_SERVICE_MODEL, type ListOperationName } from './service-model';

/**
 * Cuts the page and answers it under the operation's list key (from the service model), each
 * record passed through `project` (a shallow copy unless given).
 */
export function answerPage<T>(
  query: ListQuery & { operation: ListOperationName },
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  context: OperationContext,
  project: (item: T) => unknown = (item) => ({ ...item }),
): Record<string, unknown> {
  const page = cutPage(query, items, keyOf, context);
  const { listKey } = SSM_SERVICE_MODEL.operations[query.operation];
  return { [listKey]: page.items.map(project), NextToken: page.nextToken };
}

/** Cuts one page (honouring the repeat-token fault) and returns it with its NextToken. */
export function cutPage<T>(
  query: ListQuery,
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  context: OperationContext,
): { items: T[]; nextToken?: string } {
  const queryHash = NextTokenCodec.queryHash(query.operation, query.input);
  const after =
    query.nextToken === undefined || query.nextToken === ''
      ? undefined
      : context.codec.decode(query.nextToken, queryHash);
  const page = paginate(items, keyOf, {
    maxResults: query.maxResults,
    after,
    codec: context.codec,
    queryHash,
  });
  if (!context.repeatToken) return page;
  // The fault: keep handing out one token forever. The first page gets a token even when it is
  // the last page (pointing past the end), later pages echo the token they were sent.
  const last = items[items.length - 1];
  const endToken = context.codec.encode(last === undefined ? [] : keyOf(last), queryHash);
  return { items: page.items, nextToken: query.nextToken || page.nextToken || endToken };
}

/** Keeps the records matching every STATUS filter (values ORed, filters ANDed). */
export function filterByStatus<T extends { Status: string }>(records: T[], query: ListQuery): T[] {
  const sets = query.filters.filter((f) => f.Key === 'STATUS').map((f) => new Set(f.Values));
  // Most calls have no filter; skipping the pass matters for 10,000-invocation tasks.
  if (sets.length === 0) return records;
  return records.filter((record) => sets.every((set) => set.has(record.Status)));
}
