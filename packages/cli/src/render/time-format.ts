import { formatElapsed } from '@ssm-invocations/core/model';

/**
 * The run time of a record with `StartTime` and `EndTime` (core's duration format); `—` while
 * it has no end.
 *
 * @example
 * ```ts
 * formatRunTime({ StartTime: new Date(0), EndTime: new Date(185_000) }); // '3m 05s'
 * ```
 */
export function formatRunTime(record: { StartTime?: Date; EndTime?: Date }): string {
  return formatElapsed(record.StartTime, record.EndTime);
}
