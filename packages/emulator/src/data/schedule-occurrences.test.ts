import { ScheduleFormError, scheduleOccurrences } from './schedule-occurrences';

const at = (iso: string) => new Date(iso);

describe('scheduleOccurrences', () => {
  it('places daily, weekly and monthly cron schedules', () => {
    const daily = scheduleOccurrences('cron(0 2 ? * * *)');
    expect(daily.atOrBefore(at('2030-05-01T01:59:59Z')).toISOString()).toBe(
      '2030-04-30T02:00:00.000Z',
    );
    expect(daily.atOrBefore(at('2030-05-01T02:00:00Z')).toISOString()).toBe(
      '2030-05-01T02:00:00.000Z',
    );
    expect(daily.after(at('2030-05-01T02:00:00Z')).toISOString()).toBe('2030-05-02T02:00:00.000Z');
    const sundays = scheduleOccurrences('cron(30 3 ? * SUN *)');
    // 2030-05-01 is a Wednesday.
    expect(sundays.atOrBefore(at('2030-05-01T12:00:00Z')).toISOString()).toBe(
      '2030-04-28T03:30:00.000Z',
    );
    expect(sundays.after(at('2030-05-01T12:00:00Z')).toISOString()).toBe(
      '2030-05-05T03:30:00.000Z',
    );
    const monthly = scheduleOccurrences('cron(0 4 1 * ? *)');
    expect(monthly.atOrBefore(at('2030-03-01T03:00:00Z')).toISOString()).toBe(
      '2030-02-01T04:00:00.000Z',
    );
  });

  it('places rate schedules on whole periods', () => {
    const hourly = scheduleOccurrences('rate(1 hour)');
    expect(hourly.atOrBefore(at('2030-05-01T10:17:00Z')).toISOString()).toBe(
      '2030-05-01T10:00:00.000Z',
    );
    expect(hourly.after(at('2030-05-01T10:00:00Z')).toISOString()).toBe('2030-05-01T11:00:00.000Z');
    expect(scheduleOccurrences('rate(15 minutes)').after(at('2030-05-01T10:17:00Z'))).toEqual(
      at('2030-05-01T10:30:00Z'),
    );
  });

  it('refuses forms it cannot place', () => {
    expect(() => scheduleOccurrences('cron(0/5 * ? * * *)')).toThrow(ScheduleFormError);
    expect(() => scheduleOccurrences('at(2030-05-01T10:00:00)')).toThrow(/not a form/);
    expect(() => scheduleOccurrences('cron(0 2 ? * MON-FRI *)')).toThrow(ScheduleFormError);
  });
});
