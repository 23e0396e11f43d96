import { formatRunDuration } from './runDuration';

const start = '2026-11-28T02:00:00.000Z';
const now = Date.parse('2026-11-28T02:12:30.000Z');

describe('formatRunDuration', () => {
  it('says how long a running record has been running', () => {
    expect(formatRunDuration({ Status: 'IN_PROGRESS', StartTime: start }, now)).toBe(
      '12m 30s so far',
    );
    expect(formatRunDuration({ Status: 'PENDING', StartTime: start }, now)).toBe('12m 30s so far');
  });

  it('keeps the duration of a finished record', () => {
    const record = { Status: 'SUCCESS', StartTime: start, EndTime: '2026-11-28T02:04:00.000Z' };
    expect(formatRunDuration(record, now)).toBe('4m 00s');
  });

  it('says nothing it cannot know', () => {
    expect(formatRunDuration({ Status: 'IN_PROGRESS' }, now)).toBe('—');
    expect(formatRunDuration({ Status: 'IN_PROGRESS', StartTime: 'not a date' }, now)).toBe('—');
    expect(formatRunDuration({ Status: 'FAILED', StartTime: start }, now)).toBe('—');
  });

  it('never shows a negative time when the browser clock is behind', () => {
    expect(
      formatRunDuration({ Status: 'IN_PROGRESS', StartTime: start }, Date.parse(start) - 5000),
    ).toBe('0ms so far');
  });
});
