import { summarize } from './summarize';

describe('summarize', () => {
  it('counts statuses, failures, running and success rate', () => {
    const s = summarize([
      { Status: 'SUCCESS', StartTime: new Date(0), EndTime: new Date(1000) },
      { Status: 'FAILED', StartTime: new Date(0), EndTime: new Date(3000) },
      {
        Status: 'TIMED_OUT',
        StartTime: '1970-01-01T00:00:00.000Z',
        EndTime: '1970-01-01T00:00:02.000Z',
      },
      { Status: 'IN_PROGRESS', StartTime: new Date(0) },
      { Status: 'SKIPPED_OVERLAPPING' },
      { Status: 'SOME_NEW_STATUS' },
    ]);
    expect(s.total).toBe(6);
    expect(s.failed).toBe(2);
    expect(s.running).toBe(1);
    expect(s.byStatus.SUCCESS).toBe(1);
    expect(s.byStatus.CANCELLED).toBe(0);
    expect(s.byStatus.SOME_NEW_STATUS).toBe(1);
    expect(s.successRate).toBeCloseTo(1 / 5);
    expect(s.durationMs).toEqual({ min: 1000, p50: 2000, max: 3000 });
  });

  it('counts statuses named like Object.prototype members as plain statuses, adding up to total', () => {
    const hostile = ['constructor', '__proto__', 'toString', 'hasOwnProperty', '__proto__'];
    const s = summarize(hostile.map((Status) => ({ Status })));
    expect(Object.values(s.byStatus).reduce((a, b) => a + b, 0)).toBe(s.total);
    expect(Object.getOwnPropertyDescriptor(s.byStatus, '__proto__')?.value).toBe(2);
    expect(s.byStatus.constructor).toBe(1);
    expect(s.byStatus.toString).toBe(1);
    expect(JSON.stringify(s.byStatus)).toContain('"__proto__":2');
  });

  it('returns null rate and durations for nothing finished', () => {
    const s = summarize([{ Status: 'PENDING' }]);
    expect(s.successRate).toBeNull();
    expect(s.durationMs).toBeNull();
    expect(summarize([]).total).toBe(0);
  });
});
