import { PaginationError, ServiceError } from '../model/errors';
import { NextTokenGuard } from './next-token-guard';

describe('NextTokenGuard', () => {
  it('ends on an absent, null or empty token and follows new ones', () => {
    const guard = new NextTokenGuard('Op', 10);
    expect(guard.follow('a', 1)).toBe('a');
    expect(guard.follow('b', 1)).toBe('b');
    expect(guard.follow('', 1)).toBeUndefined();
    expect(new NextTokenGuard('Op', 10).follow(undefined, 1)).toBeUndefined();
    expect(new NextTokenGuard('Op', 10).follow(null, 1)).toBeUndefined();
  });

  it('rejects a token seen before, including the starting token', () => {
    const guard = new NextTokenGuard('Op', 10, 'start');
    expect(() => guard.follow('start', 1)).toThrow(PaginationError);
    const other = new NextTokenGuard('Op', 10);
    other.follow('x', 1);
    expect(() => other.follow('x', 1)).toThrow(/repeated a NextToken after 2 pages/);
  });

  it('stops at the page bound and rejects non-string tokens', () => {
    const guard = new NextTokenGuard('Op', 3);
    guard.follow('1', 1);
    guard.follow('2', 1);
    expect(() => guard.follow('3', 1)).toThrow(/more than 3 pages/);
    expect(() => new NextTokenGuard('Op', 3).follow(42, 1)).toThrow(ServiceError);
  });
});

describe('NextTokenGuard memory and empty pages', () => {
  /** Every string the guard keeps, wherever it keeps them. */
  function keptStrings(guard: NextTokenGuard): string[] {
    return Object.values(guard).flatMap((value: unknown) =>
      value instanceof Set ? [...(value as Set<unknown>)].map(String) : [],
    );
  }

  it('keeps a short fingerprint of each token, not the token (bounded with 1 MB tokens)', () => {
    const big = 'x'.repeat(1_000_000);
    const guard = new NextTokenGuard('Op', 100, `${big}start`);
    for (let i = 0; i < 20; i += 1) expect(guard.follow(`${big}${i}`, 1)).toBe(`${big}${i}`);
    const kept = keptStrings(guard);
    expect(kept).toHaveLength(21);
    expect(Math.max(...kept.map((s) => s.length))).toBeLessThanOrEqual(64);
    expect(() => guard.follow(`${big}7`, 1)).toThrow(/repeated a NextToken/);
    expect(() => guard.follow(`${big}start`, 1)).toThrow(/repeated a NextToken/);
  });

  it('tells apart tokens that differ in one character or only in length', () => {
    const guard = new NextTokenGuard('Op', 20_000);
    const seen = ['a', 'b', 'ab', 'ba', '\u0000', '\u0000\u0000', '\u0100', '\u0001\u0000'];
    for (let i = 0; i < 5000; i += 1) seen.push(`tok-${i}`, `tok-${i}\u0000`);
    for (const token of seen) expect(guard.follow(token, 1)).toBe(token);
  });

  it('stops a run of 50 empty pages with fresh tokens; a page with records resets the run', () => {
    const guard = new NextTokenGuard('Op', 10_000);
    for (let i = 0; i < 49; i += 1) guard.follow(`empty-${i}`, 0);
    guard.follow('full', 3);
    for (let i = 0; i < 49; i += 1) guard.follow(`again-${i}`, 0);
    expect(() => guard.follow('one-too-many', 0)).toThrow(PaginationError);
    expect(() => new NextTokenGuard('Op', 10_000).follow('x', 0)).not.toThrow();
    const run = new NextTokenGuard('Op', 10_000);
    for (let i = 0; i < 49; i += 1) run.follow(`e-${i}`, 0);
    expect(() => run.follow('e-49', 0)).toThrow(/50 empty pages in a row/);
  });
});
