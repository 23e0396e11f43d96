import { formatRunTime } from './time-format';

describe('table time formatting', () => {
  it('formats run time only when the record has ended', () => {
    expect(formatRunTime({ StartTime: new Date(0), EndTime: new Date(185_000) })).toBe('3m 05s');
    expect(formatRunTime({ StartTime: new Date(0) })).toBe('—');
  });
});
