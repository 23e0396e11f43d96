/**
 * Limited, resumable invocation listings: the `--limit` / `--starting-token` pair of the AWS
 * CLI, for any adapter that lets a person page through a task's invocations in several calls.
 */
import { InvalidInputError } from '../model/errors';
import { decodeResumeToken, encodeResumeToken, type ResumePosition } from '../model/resume-token';
import { SSM_LIMITS } from '../model/constants';
import type { InvocationRecord } from '../model/types';
import {
  assertInputObject,
  validateInteger,
  validateLimit,
  validateMaxResults,
} from '../model/validators';
import { signalOf } from './call-options';
import type { CallOptions, InvocationsInput } from './inputs';
import type { InvocationsClient } from './invocations-client';
import { DEFAULT_MAX_PAGES, paginate, type PageRequest } from './paginate';

/**
 * Input of {@link getInvocationsResumable}: {@link InvocationsInput} plus the token a previous
 * limited call returned.
 *
 * @example
 * ```ts
 * const input: ResumableInvocationsInput = { windowExecutionId, taskId, limit: 25, startingToken };
 * ```
 */
export interface ResumableInvocationsInput extends InvocationsInput {
  /** The `nextToken` of a previous {@link getInvocationsResumable} call. */
  startingToken?: string;
}

/**
 * Up to `limit` invocations, and a token to resume from when more remain.
 *
 * @example
 * ```ts
 * const { invocations, nextToken }: ResumableInvocations = await getInvocationsResumable(client, input);
 * ```
 */
export interface ResumableInvocations {
  invocations: InvocationRecord[];
  /** Present when the limit stopped the listing before its end; pass it as `startingToken`. */
  nextToken?: string;
}

/**
 * Options of {@link getInvocationsResumable}.
 *
 * @example
 * ```ts
 * const options: ResumableInvocationsOptions = { onPage: (n) => console.error(`${n} so far`) };
 * ```
 */
export interface ResumableInvocationsOptions extends CallOptions {
  /** Called after each page with the number of invocations collected so far. */
  onPage?: (count: number) => void;
  /** Safety bound on pages before a PaginationError: an integer ≥ 1 (default 10,000). */
  maxPages?: number;
}

/** With a small limit, a small page saves transfer; the page size must stay fixed once chosen. */
function defaultPageSize(limit: number | undefined): number {
  const { min, max } = SSM_LIMITS.maxResults;
  return limit === undefined ? max : Math.min(max, Math.max(min, limit));
}

/**
 * Reads a task's invocations page by page until `limit` (or the end), and returns a resume
 * token when more remain — also when the limit cut a page in the middle: the token names that
 * page and how many of its records were returned, so the next call fetches it again (with the
 * same page size, kept in the token) and skips them. Nothing is lost or repeated across calls
 * on unchanged data. Input and `maxPages` are validated before anything is sent; a repeating
 * `NextToken`, or a record that comes back on a later page, ends in a {@link PaginationError}.
 *
 * @example
 * ```ts
 * let startingToken: string | undefined;
 * do {
 *   const page = await getInvocationsResumable(client, { windowExecutionId, taskId, limit: 25, startingToken });
 *   console.log(page.invocations.length);
 *   startingToken = page.nextToken;
 * } while (startingToken);
 * ```
 */
export async function getInvocationsResumable(
  client: Pick<InvocationsClient, 'listInvocations'>,
  input: ResumableInvocationsInput,
  options: ResumableInvocationsOptions = {},
): Promise<ResumableInvocations> {
  assertInputObject(input, 'input', [
    'windowExecutionId',
    'taskId',
    'statuses',
    'pageSize',
    'limit',
    'startingToken',
  ]);
  const limit = validateLimit(input.limit, 'limit');
  const requestedPageSize = validateMaxResults(input.pageSize, 'pageSize');
  const start: ResumePosition =
    input.startingToken === undefined
      ? { skip: 0 }
      : decodeResumeToken(input.startingToken, 'startingToken');
  if (
    start.pageSize !== undefined &&
    requestedPageSize !== undefined &&
    start.pageSize !== requestedPageSize
  ) {
    throw new InvalidInputError(
      'pageSize',
      `must be ${start.pageSize} (the page size the starting token was issued with) or left out, got ${requestedPageSize}`,
    );
  }
  const pageSize = start.pageSize ?? requestedPageSize ?? defaultPageSize(limit);
  const signal = signalOf(options, ['onPage', 'maxPages']);
  const { onPage } = options;
  if (onPage !== undefined && typeof onPage !== 'function') {
    throw new InvalidInputError('onPage', 'must be a function', {}, 'type');
  }
  const maxPages = validateInteger(options.maxPages, 'maxPages', 1) ?? DEFAULT_MAX_PAGES;
  const { windowExecutionId, taskId, statuses } = input;
  // listInvocations validates the ids and statuses before its (first) request.
  const fetchPage = async ({ token }: PageRequest) => {
    const page = await client.listInvocations(
      {
        windowExecutionId,
        taskId,
        ...(statuses === undefined ? {} : { statuses }),
        maxResults: pageSize,
        ...(token === undefined ? {} : { nextToken: token }),
      },
      signal === undefined ? {} : { signal },
    );
    return { records: page.invocations, nextToken: page.nextToken };
  };

  const invocations: InvocationRecord[] = [];
  let skip = start.skip;
  const pages = paginate(fetchPage, {
    operation: 'DescribeMaintenanceWindowExecutionTaskInvocations',
    maxPages,
    pageSize,
    ...(start.nextToken === undefined ? {} : { startToken: start.nextToken }),
  });
  for await (const page of pages) {
    const fresh = page.records.slice(skip);
    const room = limit === undefined ? fresh.length : limit - invocations.length;
    const taken = fresh.slice(0, room);
    invocations.push(...taken);
    onPage?.(invocations.length);
    if (taken.length < fresh.length) {
      const resumeAt: ResumePosition = { skip: skip + taken.length, pageSize };
      if (page.token !== undefined) resumeAt.nextToken = page.token;
      return { invocations, nextToken: encodeResumeToken(resumeAt) };
    }
    if (page.nextToken === undefined) return { invocations };
    if (limit !== undefined && invocations.length >= limit) {
      const resumeAt: ResumePosition = { nextToken: page.nextToken, skip: 0, pageSize };
      return { invocations, nextToken: encodeResumeToken(resumeAt) };
    }
    skip = 0;
  }
  return { invocations };
}
