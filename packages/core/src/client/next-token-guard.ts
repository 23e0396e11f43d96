/**
 * The one rule for following `NextToken`s, shared by every paginated read: an absent or empty
 * token ends the listing; a token seen before, or a page past the safety bound, is a
 * {@link PaginationError} — never an endless loop.
 */
import { PaginationError, ServiceError } from '../model/errors';

export class NextTokenGuard {
  private readonly seen = new Set<string>();
  private pages = 0;

  constructor(
    private readonly operation: string,
    private readonly maxPages: number,
    startingToken?: string,
  ) {
    if (startingToken !== undefined) this.seen.add(startingToken);
  }

  /** Checks the `NextToken` a page ended with: the token to follow, or `undefined` at the end. */
  follow(next: unknown): string | undefined {
    const { operation } = this;
    this.pages += 1;
    // SSM ends a listing with an absent or empty NextToken.
    if (next === undefined || next === null || next === '') return undefined;
    if (typeof next !== 'string') {
      throw new ServiceError(`${operation} failed: MalformedResponse: NextToken is not a string`, {
        operation,
      });
    }
    if (this.seen.has(next)) {
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
    this.seen.add(next);
    return next;
  }
}
