import { EXECUTION_STATUSES, FAILED_STATUSES, RUNNING_STATUSES, SSM_LIMITS } from './constants';

describe('model constants', () => {
  it('lists all 8 statuses, SKIPPED_OVERLAPPING included', () => {
    expect(EXECUTION_STATUSES).toHaveLength(8);
    expect(EXECUTION_STATUSES).toContain('SKIPPED_OVERLAPPING');
  });

  it('keeps failed and running statuses disjoint and known', () => {
    for (const s of [...FAILED_STATUSES, ...RUNNING_STATUSES]) {
      expect(EXECUTION_STATUSES).toContain(s);
    }
    expect(
      FAILED_STATUSES.filter((s) => (RUNNING_STATUSES as readonly string[]).includes(s)),
    ).toEqual([]);
  });

  it('matches SSM id shapes', () => {
    expect(SSM_LIMITS.windowId.pattern.test('mw-0123456789abcdef0')).toBe(true);
    expect(SSM_LIMITS.windowId.pattern.test('mw-0123456789ABCDEF0')).toBe(false);
    expect(SSM_LIMITS.executionId.pattern.test('6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90')).toBe(true);
    expect(SSM_LIMITS.executionId.pattern.test('6e5c9b6c1e4b4a679d3f8a1f5b2c7d90')).toBe(false);
  });
});
