import {
  EXECUTION_STATUSES,
  FAILED_STATUSES,
  REPORT_LIMITS,
  RUNNING_STATUSES,
  SSM_LIMITS,
} from './constants';

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

describe('REPORT_LIMITS', () => {
  it('bounds executions per report by one page of executions, default inside the bounds', () => {
    const { min, max } = REPORT_LIMITS.executions;
    expect(min).toBe(1);
    expect(max).toBe(SSM_LIMITS.maxResults.max);
    expect(REPORT_LIMITS.executions.default).toBeGreaterThanOrEqual(min);
    expect(REPORT_LIMITS.executions.default).toBeLessThanOrEqual(max);
  });
});
