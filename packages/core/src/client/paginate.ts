/**
 * The one page loop of the package. Every paginated read goes through {@link paginate}: the
 * `NextToken` rules of {@link NextTokenGuard} (end, repeat, safety bound), the check that no
 * record comes back twice, and the page size of each request.
 */
import { PaginationError } from '../model/errors';
import { SSM_OPERATIONS, type SsmListOperation } from '../model/operations';
import { recordsOf } from '../model/record-fields';
import { NextTokenGuard } from './next-token-guard';
import type { ClientContext, SsmMembers } from './request';

/** Pages of one listing before a PaginationError unless the caller chose otherwise. */
export const DEFAULT_MAX_PAGES = 10_000;
/** The biggest page SSM serves; used wherever we want everything (fewest round trips). */
export const FULL_PAGE = 100;

/** What one page request asks for. */
export interface PageRequest {
  /** The token of this page (absent on the first page of a fresh listing). */
  token?: string;
  /** `MaxResults` of this request (absent: the service default). */
  maxResults?: number;
}

/** One page as fetched: its records and the `NextToken` exactly as the service sent it. */
export interface FetchedPage<T> {
  records: T[];
  nextToken: unknown;
}

/** One page as handed out by {@link paginate}. */
export interface Page<T> {
  records: T[];
  /** The token this page was fetched with (to fetch it again). */
  token?: string;
  /** The token of the next page, absent on the last page. */
  nextToken?: string;
}

/** How {@link paginate} walks a listing. */
export interface PaginateOptions {
  operation: SsmListOperation;
  maxPages: number;
  /** Where to start (a `NextToken` of an earlier listing). */
  startToken?: string;
  /** `MaxResults` of every request (absent: the service default). */
  pageSize?: number;
  /**
   * Records wanted in all: once this many came back no further page is fetched, and a last page
   * that needs fewer than `pageSize` asks for fewer (within the operation's `MaxResults` range).
   */
  limit?: number;
}

/**
 * Fetches the pages of one listing in order and hands each out whole. A record whose id came
 * back on an earlier page (or twice on this one) means the listing shifted under us: that is a
 * {@link PaginationError} before any of the page is handed out, never a duplicate. The next
 * token is checked only when the consumer asks for the next page, so stopping early never fails.
 */
export async function* paginate<T>(
  fetchPage: (request: PageRequest) => Promise<FetchedPage<T>>,
  options: PaginateOptions,
): AsyncGenerator<Page<T>> {
  const { operation, pageSize, limit } = options;
  const { idField, maxResults: range } = SSM_OPERATIONS[operation];
  const seenIds = new Set<unknown>();
  let token = options.startToken;
  const guard = new NextTokenGuard(operation, options.maxPages, token);
  let count = 0;
  for (let page = 1; ; page += 1) {
    const remaining = limit === undefined ? undefined : limit - count;
    let maxResults = pageSize;
    if (remaining !== undefined && (maxResults === undefined || remaining < maxResults)) {
      maxResults = Math.min(range.max, Math.max(range.min, remaining));
    }
    const fetched = await fetchPage({
      ...(token === undefined ? {} : { token }),
      ...(maxResults === undefined ? {} : { maxResults }),
    });
    for (const record of fetched.records) {
      const id = (record as SsmMembers)[idField];
      if (id === undefined) continue;
      if (seenIds.has(id)) {
        throw new PaginationError(
          `${operation}: the service returned ${idField} ${String(id)} twice (page ${page}); stopping instead of returning duplicates`,
          { operation },
        );
      }
      seenIds.add(id);
    }
    count += fetched.records.length;
    const next = fetched.nextToken;
    yield {
      records: fetched.records,
      ...(token === undefined ? {} : { token }),
      ...(typeof next === 'string' && next !== '' ? { nextToken: next } : {}),
    };
    if (limit !== undefined && count >= limit) return;
    token = guard.follow(next, fetched.records.length);
    if (token === undefined) return;
  }
}

/** A listing request of the client: the operation and its input without paging members. */
export interface ListingRequest {
  operation: SsmListOperation;
  input: SsmMembers;
  pageSize?: number;
  limit?: number;
  /** Pages before a PaginationError (absent: the client's `maxPages`). */
  maxPages?: number;
  signal?: AbortSignal;
}

/** The pages of a listing, lazily, as {@link paginate} hands them out. */
export function listPages<T>(
  context: ClientContext,
  request: ListingRequest,
): AsyncGenerator<Page<T>> {
  const { operation, input, pageSize, limit, maxPages, signal } = request;
  const fetchPage = async ({ token, maxResults }: PageRequest): Promise<FetchedPage<T>> => {
    const output = await context.send(
      operation,
      {
        ...input,
        ...(maxResults === undefined ? {} : { MaxResults: maxResults }),
        ...(token === undefined ? {} : { NextToken: token }),
      },
      signal,
    );
    return { records: recordsOf<T>(operation, output), nextToken: output.NextToken };
  };
  const startToken = typeof input.NextToken === 'string' ? input.NextToken : undefined;
  return paginate(fetchPage, {
    operation,
    maxPages: maxPages ?? context.maxPages,
    ...(startToken === undefined ? {} : { startToken }),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(limit === undefined ? {} : { limit }),
  });
}

/** The records of a listing, lazily, page by page, at most `limit` of them. */
export async function* listRecords<T>(
  context: ClientContext,
  request: ListingRequest,
): AsyncGenerator<T> {
  const { limit } = request;
  let count = 0;
  for await (const page of listPages<T>(context, request)) {
    for (const record of page.records) {
      if (limit !== undefined && count >= limit) return;
      count += 1;
      yield record;
    }
  }
}

/** Every record of a listing (up to `limit`) as an array. */
export async function listAll<T>(context: ClientContext, request: ListingRequest): Promise<T[]> {
  const out: T[] = [];
  for await (const record of listRecords<T>(context, request)) out.push(record);
  return out;
}
