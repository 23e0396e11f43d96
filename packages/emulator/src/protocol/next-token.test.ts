import { NextTokenCodec, compareSortKeys, paginate } from './next-token';
import { ServiceError } from './service-error';

describe('NextTokenCodec', () => {
  const codec = new NextTokenCodec(Buffer.alloc(32, 7));
  const hash = NextTokenCodec.queryHash('Op', { WindowId: 'a', MaxResults: 10 });

  it('round-trips a sort key for the same query', () => {
    const token = codec.encode([1, -5, 'id'], hash);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(codec.decode(token, hash)).toEqual([1, -5, 'id']);
  });

  it('ignores MaxResults, NextToken and key order in the query hash', () => {
    expect(NextTokenCodec.queryHash('Op', { MaxResults: 50, WindowId: 'a', NextToken: 'x' })).toBe(
      hash,
    );
    expect(NextTokenCodec.queryHash('Op', { WindowId: 'b' })).not.toBe(hash);
    expect(NextTokenCodec.queryHash('Other', { WindowId: 'a' })).not.toBe(hash);
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['another query', new NextTokenCodec(Buffer.alloc(32, 7)).encode([1], 'other-hash')],
    ['another secret', new NextTokenCodec(Buffer.alloc(32, 8)).encode([1], hash)],
    ['an extra part', 'a.b.c'],
  ])('rejects %s with a ValidationException', (_name, token) => {
    expect(() => codec.decode(token, hash)).toThrow(ServiceError);
    expect(() => codec.decode(token, hash)).toThrow('The specified token is invalid.');
  });
});

describe('paginate', () => {
  const codec = new NextTokenCodec(Buffer.alloc(32, 1));
  const items = Array.from({ length: 25 }, (_, i) => ({ id: `id-${String(i).padStart(2, '0')}` }));
  const keyOf = (item: { id: string }) => [item.id];

  it('resumes after the last key, without duplicates or gaps', () => {
    const seen: string[] = [];
    let after: readonly (string | number)[] | undefined;
    for (;;) {
      const page = paginate(items, keyOf, { maxResults: 10, after, codec, queryHash: 'q' });
      seen.push(...page.items.map((i) => i.id));
      if (!page.nextToken) break;
      after = codec.decode(page.nextToken, 'q');
    }
    expect(seen).toEqual(items.map((i) => i.id));
  });

  it('stays correct when items are inserted before the cursor', () => {
    const first = paginate(items, keyOf, { maxResults: 10, codec, queryHash: 'q' });
    const grown = [{ id: 'id-00a' }, ...items].sort((a, b) => compareSortKeys(keyOf(a), keyOf(b)));
    const second = paginate(grown, keyOf, {
      maxResults: 10,
      after: codec.decode(first.nextToken ?? '', 'q'),
      codec,
      queryHash: 'q',
    });
    expect(second.items[0]?.id).toBe('id-10');
  });
});

describe('compareSortKeys', () => {
  it('orders numbers before strings and shorter prefixes first', () => {
    expect(compareSortKeys([0, 'b'], [1, 'a'])).toBeLessThan(0);
    expect(compareSortKeys([1], [1, 'a'])).toBeLessThan(0);
    expect(compareSortKeys([1, 'a'], [1, 'a'])).toBe(0);
    expect(compareSortKeys([2], ['a'])).toBeLessThan(0);
  });
});
