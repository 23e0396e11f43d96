import { RecentValues } from './RecentValues';

describe('RecentValues', () => {
  it('keeps the most recently set keys only', () => {
    const recent = new RecentValues<string, number>(2);
    recent.set('a', 1).set('b', 2).set('a', 10).set('c', 3);
    expect(recent.get('a')).toBe(10);
    expect(recent.get('b')).toBeUndefined();
    expect(recent.get('c')).toBe(3);
  });
});
