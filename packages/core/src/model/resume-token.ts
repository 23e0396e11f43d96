/**
 * Resume tokens for listings cut short by a `limit`, in the AWS CLI's `--starting-token` format:
 * base64 of `{"NextToken": …, "boto_truncate_amount": n}` — the service token of the page to
 * fetch next and how many of that page's records were already returned. SDK-free.
 */
import { SSM_LIMITS } from './constants';
import { InvalidInputError, PaginationError } from './errors';

/**
 * Where a limited listing stopped.
 *
 * @example
 * ```ts
 * const position: ResumePosition = { nextToken: 'tok-2', skip: 3, pageSize: 10 };
 * ```
 */
export interface ResumePosition {
  /** The service `NextToken` of the page to fetch next; absent for the first page. */
  nextToken?: string;
  /** How many records at the start of that page were already returned. */
  skip: number;
  /**
   * The page size that page was fetched with. A page cut in the middle must be fetched again
   * with the same size, or `skip` would point at different records.
   */
  pageSize?: number;
}

function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(token: string): string {
  const binary = atob(token);
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(binary, (char) => char.charCodeAt(0)),
  );
}

/**
 * The longest resume token (characters) {@link encodeResumeToken} issues and
 * {@link decodeResumeToken} accepts: far above SSM's tokens (hundreds of characters), low enough
 * that a caller cannot mint unbounded listing positions (or cache keys built from them).
 */
const MAX_RESUME_TOKEN_LENGTH = 32_768;

/**
 * Encodes a resume position as an opaque token (AWS CLI format, plus `page_size`).
 *
 * @example
 * ```ts
 * const token = encodeResumeToken({ nextToken: 'tok-2', skip: 3, pageSize: 10 });
 * decodeResumeToken(token); // { nextToken: 'tok-2', skip: 3, pageSize: 10 }
 * ```
 */
export function encodeResumeToken(position: ResumePosition): string {
  const document: Record<string, unknown> = {};
  if (position.nextToken !== undefined) document.NextToken = position.nextToken;
  document.boto_truncate_amount = position.skip;
  if (position.pageSize !== undefined) document.page_size = position.pageSize;
  const token = toBase64(JSON.stringify(document));
  // Never hand out a token that decodeResumeToken would refuse.
  if (token.length > MAX_RESUME_TOKEN_LENGTH) {
    throw new PaginationError(
      `the service's NextToken is too long to resume from (a resume token of ${token.length} characters; at most ${MAX_RESUME_TOKEN_LENGTH})`,
    );
  }
  return token;
}

/**
 * Decodes a token from {@link encodeResumeToken} (or the AWS CLI's `--starting-token`); throws
 * {@link InvalidInputError} naming `field` for anything else.
 *
 * @example
 * ```ts
 * decodeResumeToken('eyJib3RvX3RydW5jYXRlX2Ftb3VudCI6Mn0='); // { skip: 2 }
 * ```
 */
export function decodeResumeToken(token: unknown, field = 'startingToken'): ResumePosition {
  const invalid = (why: string): InvalidInputError =>
    new InvalidInputError(field, `is not a resume token printed by a limited listing (${why})`);
  if (typeof token !== 'string' || token === '') throw invalid('empty or not a string');
  // SSM's tokens run to a few hundred characters; a longer one is not ours to pass on.
  if (token.length > MAX_RESUME_TOKEN_LENGTH) {
    throw invalid(`longer than ${MAX_RESUME_TOKEN_LENGTH} characters`);
  }
  let document: unknown;
  try {
    document = JSON.parse(fromBase64(token));
  } catch {
    throw invalid('not base64-encoded JSON');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw invalid('not a JSON object');
  }
  const {
    NextToken: nextToken,
    boto_truncate_amount: skip = 0,
    page_size: pageSize,
  } = document as Record<string, unknown>;
  if (nextToken !== undefined && (typeof nextToken !== 'string' || nextToken === '')) {
    throw invalid('NextToken must be a non-empty string');
  }
  const { min, max } = SSM_LIMITS.maxResults;
  // A page holds at most `max` records: skipping more than one page is no position in it.
  if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0 || skip > max) {
    throw invalid(`boto_truncate_amount must be a whole number from 0 to ${max}`);
  }
  if (
    pageSize !== undefined &&
    (typeof pageSize !== 'number' ||
      !Number.isInteger(pageSize) ||
      pageSize < min ||
      pageSize > max)
  ) {
    throw invalid(`page_size must be a whole number from ${min} to ${max}`);
  }
  return {
    ...(nextToken === undefined ? {} : { nextToken }),
    skip,
    ...(pageSize === undefined ? {} : { pageSize }),
  };
}
