import { RecentValues } from './RecentValues';

describe('RecentValues', () => {
  it('keeps the most recently set keys only', () => {
    const recent = new RecentValues<string, number>(2);
    recent.set('a', 1).set('b', 2).set('a', 10).set('c', 3);
    expect(recent.get('a')).toBe(10);
    expect(recent.get('b')).toBeUndefined();
    expect(recent.get('c')).toBe(3);
  });

  it('keeps many large values within its weight bound, the most recent first', () => {
    const maxWeight = 10_000_000;
    const recent = new RecentValues<string, string>(200, { maxWeight, weigh: (s) => s.length });
    const large = (index: number) => `${index}`.padEnd(3_000_000, ' ');
    for (let index = 0; index < 50; index += 1) {
      recent.set(`k${index}`, large(index));
      expect(recent.weight).toBeLessThanOrEqual(maxWeight);
    }
    expect(recent.weight).toBe(9_000_000);
    expect(recent.get('k49')).toBe(large(49));
    expect(recent.get('k47')).toBe(large(47));
    expect(recent.get('k46')).toBeUndefined();
    recent.set('k49', 'small');
    expect(recent.weight).toBe(6_000_005);
  });

  it('does not keep a value heavier than its whole weight bound', () => {
    const recent = new RecentValues<string, string>(200, { maxWeight: 10, weigh: (s) => s.length });
    recent.set('small', 'abc').set('huge', 'x'.repeat(11));
    expect(recent.get('huge')).toBeUndefined();
    expect(recent.get('small')).toBe('abc');
    expect(recent.weight).toBe(3);
  });
});
