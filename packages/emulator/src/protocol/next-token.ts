/**
 * Opaque, bounded NextTokens. A token is `base64url(payload).base64url(hmac)` where the payload
 * holds the sort key of the last item returned and a hash of the query (operation plus every
 * input member except NextToken and MaxResults). Resuming after a *key* rather than an offset
 * keeps pages free of duplicates and gaps while live mode adds newer executions at the head.
 * A token from another query, another emulator instance or edited by hand fails the HMAC or
 * the query check and is answered with a ValidationException.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ServiceError } from './service-error';
import { compareSortKeys, type SortKey } from '../state/sort-key';

export { compareSortKeys, type SortKey } from '../state/sort-key';

interface TokenPayload {
  /** The last returned item's sort key. */
  k: SortKey;
  /** Hash of the query the token belongs to. */
  q: string;
}

const INVALID_TOKEN = 'The specified token is invalid.';

/** Signs and checks NextTokens with a per-instance secret. */
export class NextTokenCodec {
  readonly #secret: Buffer;

  constructor(secret: Buffer = randomBytes(32)) {
    this.#secret = secret;
  }

  /** A stable hash of the query a token is tied to. */
  static queryHash(operation: string, input: Record<string, unknown>): string {
    const { NextToken: _token, MaxResults: _max, ...query } = input;
    return createHash('sha256')
      .update(operation)
      .update('\n')
      .update(canonicalJson(query))
      .digest('base64url')
      .slice(0, 22);
  }

  encode(lastKey: SortKey, queryHash: string): string {
    const payload = Buffer.from(
      JSON.stringify({ k: lastKey, q: queryHash } satisfies TokenPayload),
    );
    return `${payload.toString('base64url')}.${this.#sign(payload).toString('base64url')}`;
  }

  /** Returns the sort key to resume after, or throws a ValidationException. */
  decode(token: string, queryHash: string): SortKey {
    const [payloadPart, signaturePart, extra] = token.split('.');
    if (!payloadPart || !signaturePart || extra !== undefined || token.length > 2048) {
      throw new ServiceError('ValidationException', INVALID_TOKEN);
    }
    const payload = Buffer.from(payloadPart, 'base64url');
    const signature = Buffer.from(signaturePart, 'base64url');
    const expected = this.#sign(payload);
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
      throw new ServiceError('ValidationException', INVALID_TOKEN);
    }
    const parsed = JSON.parse(payload.toString('utf8')) as TokenPayload;
    if (parsed.q !== queryHash) throw new ServiceError('ValidationException', INVALID_TOKEN);
    return parsed.k;
  }

  #sign(payload: Buffer): Buffer {
    return createHmac('sha256', this.#secret).update(payload).digest().subarray(0, 16);
  }
}

/** JSON with object keys sorted, so equal queries hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** One page of a sorted list and the token for the next page, if any. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * Cuts one page out of `items` (already in the documented order, `keyOf` ascending with it).
 *
 * @param after the key decoded from the request's NextToken, if any
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  options: { maxResults: number; after?: SortKey; codec: NextTokenCodec; queryHash: string },
): Page<T> {
  const { after, maxResults, codec, queryHash } = options;
  const start = after === undefined ? 0 : firstIndexAfter(items, keyOf, after);
  const pageItems = items.slice(start, start + maxResults);
  const last = pageItems[pageItems.length - 1];
  const hasMore = start + maxResults < items.length;
  return {
    items: pageItems,
    nextToken: hasMore && last !== undefined ? codec.encode(keyOf(last), queryHash) : undefined,
  };
}

function firstIndexAfter<T>(items: readonly T[], keyOf: (item: T) => SortKey, after: SortKey) {
  // Binary search: items are sorted ascending by key.
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const item = items[mid] as T;
    if (compareSortKeys(keyOf(item), after) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
