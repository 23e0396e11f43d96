import { formatRunTime, formatTimestamp } from './time-format';

describe('table time formatting', () => {
  it('formats timestamps in UTC to the second', () => {
    expect(formatTimestamp(new Date('2026-11-28T21:05:29.731Z'))).toBe('2026-11-28 21:05:29Z');
    expect(formatTimestamp('2026-11-28T21:05:29Z')).toBe('2026-11-28 21:05:29Z');
    expect(formatTimestamp(undefined)).toBe('–');
    expect(formatTimestamp('not a date')).toBe('not a date');
  });

  it('formats run time only when the record has ended', () => {
    expect(formatRunTime({ StartTime: new Date(0), EndTime: new Date(185_000) })).toBe('3m 05s');
    expect(formatRunTime({ StartTime: new Date(0) })).toBe('—');
  });
});
