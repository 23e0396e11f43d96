/**
 * When a maintenance window's schedule fires, for the schedule forms the seeds use: `rate(N
 * minute|hour|day[s])` and `cron(M H DOM MON DOW YEAR)` with a fixed minute and hour, a day of
 * month or `?`, and a day of week that is `*`, `?` or one day name. Seeded histories sit on
 * these occurrences so that times read like a real schedule wherever the anchor falls; anything
 * else is a {@link ScheduleFormError}. UTC only, like the seeds' `ScheduleTimezone`.
 */

/** A schedule expression this module cannot place in time. */
export class ScheduleFormError extends Error {
  override name = 'ScheduleFormError';
}

/** The occurrences of one schedule. */
export interface ScheduleOccurrences {
  /** The latest occurrence at or before `time`. */
  atOrBefore(time: Date): Date;
  /** The earliest occurrence strictly after `time`. */
  after(time: Date): Date;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const RATE_UNITS_MS: Record<string, number> = {
  minute: MINUTE_MS,
  hour: 60 * MINUTE_MS,
  day: DAY_MS,
};
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** A monthly schedule fires at least once in this many days. */
const SEARCH_DAYS = 62;

function rateOccurrences(periodMs: number): ScheduleOccurrences {
  return {
    atOrBefore: (time) => new Date(Math.floor(time.getTime() / periodMs) * periodMs),
    after: (time) => new Date((Math.floor(time.getTime() / periodMs) + 1) * periodMs),
  };
}

function cronOccurrences(expression: string, fields: string[]): ScheduleOccurrences {
  const [minute, hour, dayOfMonth, , dayOfWeek] = fields.map((f) => f.toUpperCase());
  const secondOfDay = Number(minute) * 60 + Number(hour) * 3600;
  const weekday = DAY_NAMES.indexOf(dayOfWeek ?? '');
  const fixedDay = /^\d{1,2}$/.test(dayOfMonth ?? '') ? Number(dayOfMonth) : undefined;
  if (
    !/^\d{1,2}$/.test(minute ?? '') ||
    !/^\d{1,2}$/.test(hour ?? '') ||
    (fixedDay === undefined && dayOfMonth !== '?' && dayOfMonth !== '*') ||
    (weekday < 0 && dayOfWeek !== '*' && dayOfWeek !== '?')
  ) {
    throw new ScheduleFormError(`schedule ${expression} is not a form the seeds can place`);
  }
  const fires = (day: Date) =>
    (fixedDay === undefined || day.getUTCDate() === fixedDay) &&
    (weekday < 0 || day.getUTCDay() === weekday);
  // Walk whole UTC days from `time`'s day; the occurrence is that day plus the time of day.
  const search = (time: Date, step: 1 | -1, accept: (candidate: number) => boolean): Date => {
    const firstDay = Math.floor(time.getTime() / DAY_MS) * DAY_MS;
    for (let d = 0; d <= SEARCH_DAYS; d += 1) {
      const day = firstDay + step * d * DAY_MS;
      const candidate = day + secondOfDay * 1000;
      if (fires(new Date(day)) && accept(candidate)) return new Date(candidate);
    }
    throw new ScheduleFormError(`schedule ${expression} does not fire within ${SEARCH_DAYS} days`);
  };
  return {
    atOrBefore: (time) => search(time, -1, (c) => c <= time.getTime()),
    after: (time) => search(time, 1, (c) => c > time.getTime()),
  };
}

/**
 * The occurrences of a `rate(…)` or simple `cron(…)` schedule expression.
 *
 * @example
 * ```ts
 * scheduleOccurrences('cron(0 2 ? * * *)').atOrBefore(new Date('2030-05-01T01:00:00Z'));
 * // 2030-04-30T02:00:00.000Z
 * ```
 */
export function scheduleOccurrences(expression: string): ScheduleOccurrences {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (rate) {
    const unit = RATE_UNITS_MS[rate[2] ?? ''] ?? DAY_MS;
    return rateOccurrences(Number(rate[1]) * unit);
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  const fields = cron?.[1]?.trim().split(/\s+/) ?? [];
  if (fields.length !== 6) {
    throw new ScheduleFormError(`schedule ${expression} is not a form the seeds can place`);
  }
  return cronOccurrences(expression, fields);
}
