/**
 * What every operation handler shares: its context (store, NextToken codec, the repeat-token
 * fault), its signature, and cutting one page of a sorted list with an opaque NextToken.
 */
import { NextTokenCodec, paginate, type SortKey } from './next-token';
import type { EmulatorStore } from '../state/store';
import type { SsmOperationName } from './service-model';

/** What an operation handler needs besides its input. */
export interface OperationContext {
  store: EmulatorStore;
  codec: NextTokenCodec;
  /** Set by the repeat-token fault: answer with this NextToken instead of the real one. */
  repeatToken?: boolean;
}

/** An operation's JSON input (already parsed) → its output object. */
export type OperationHandler = (
  input: Record<string, unknown>,
  context: OperationContext,
) => Record<string, unknown>;

/** The paging members of a list request, validated. */
export interface PageQuery {
  maxResults: number;
  nextToken?: string;
}

/** Cuts the page (honouring the repeat-token fault) and returns the list plus NextToken. */
export function pageOf<T>(
  operation: SsmOperationName,
  input: Record<string, unknown>,
  query: PageQuery,
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  context: OperationContext,
): { items: T[]; nextToken?: string } {
  const queryHash = NextTokenCodec.queryHash(operation, input);
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
