/**
 * The one rule for following `NextToken`s, shared by every paginated read: an absent or empty
 * token ends the listing; a token seen before, a page past the safety bound, or a long run of
 * empty pages is a {@link PaginationError} — never an endless loop. Tokens are remembered by
 * fingerprint, so memory stays small however long the service makes them.
 */
import { PaginationError, ServiceError } from '../model/errors';
import { tokenFingerprint } from './token-fingerprint';

/**
 * Empty pages in a row, each with a fresh token, before a listing is taken to be stuck. SSM may
 * hand out an empty page with a token now and then; fifty in a row is a service going nowhere.
 */
export const MAX_EMPTY_PAGES_IN_A_ROW = 50;

export class NextTokenGuard {
  private readonly seen = new Set<string>();
  private pages = 0;
  private emptyPagesInARow = 0;

  constructor(
    private readonly operation: string,
    private readonly maxPages: number,
    startingToken?: string,
  ) {
    if (startingToken !== undefined) this.seen.add(tokenFingerprint(startingToken));
  }

  /**
   * Checks the `NextToken` a page of `records` records ended with: the token to follow, or
   * `undefined` at the end.
   */
  follow(next: unknown, records: number): string | undefined {
    const { operation } = this;
    this.pages += 1;
    this.emptyPagesInARow = records === 0 ? this.emptyPagesInARow + 1 : 0;
    // SSM ends a listing with an absent or empty NextToken.
    if (next === undefined || next === null || next === '') return undefined;
    if (typeof next !== 'string') {
      throw new ServiceError(`${operation} failed: MalformedResponse: NextToken is not a string`, {
        operation,
      });
    }
    const fingerprint = tokenFingerprint(next);
    if (this.seen.has(fingerprint)) {
      throw new PaginationError(
        `${operation}: the service repeated a NextToken after ${this.pages} pages; stopping instead of looping`,
        { operation },
      );
    }
    if (this.pages >= this.maxPages) {
      throw new PaginationError(
        `${operation}: more than ${this.maxPages} pages; stopping at the safety bound`,
        { operation },
      );
    }
    if (this.emptyPagesInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
      throw new PaginationError(
        `${operation}: ${this.emptyPagesInARow} empty pages in a row, each with a new NextToken; stopping instead of following them`,
        { operation },
      );
    }
    this.seen.add(fingerprint);
    return next;
  }
}
