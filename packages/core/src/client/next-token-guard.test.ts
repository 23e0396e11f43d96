import { PaginationError, ServiceError } from '../model/errors';
import { NextTokenGuard } from './next-token-guard';

describe('NextTokenGuard', () => {
  it('ends on an absent, null or empty token and follows new ones', () => {
    const guard = new NextTokenGuard('Op', 10);
    expect(guard.follow('a')).toBe('a');
    expect(guard.follow('b')).toBe('b');
    expect(guard.follow('')).toBeUndefined();
    expect(new NextTokenGuard('Op', 10).follow(undefined)).toBeUndefined();
    expect(new NextTokenGuard('Op', 10).follow(null)).toBeUndefined();
  });

  it('rejects a token seen before, including the starting token', () => {
    const guard = new NextTokenGuard('Op', 10, 'start');
    expect(() => guard.follow('start')).toThrow(PaginationError);
    const other = new NextTokenGuard('Op', 10);
    other.follow('x');
    expect(() => other.follow('x')).toThrow(/repeated a NextToken after 2 pages/);
  });

  it('stops at the page bound and rejects non-string tokens', () => {
    const guard = new NextTokenGuard('Op', 3);
    guard.follow('1');
    guard.follow('2');
    expect(() => guard.follow('3')).toThrow(/more than 3 pages/);
    expect(() => new NextTokenGuard('Op', 3).follow(42)).toThrow(ServiceError);
  });
});
