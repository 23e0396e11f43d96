import { formatElapsed } from '@ssm-invocations/core/model';

/**
 * A timestamp for a table cell: UTC, to the second, e.g. `2026-11-28 21:05:29Z`. Missing → `–`.
 *
 * @example
 * ```ts
 * formatTimestamp(new Date(0)); // '1970-01-01 00:00:00Z'
 * ```
 */
export function formatTimestamp(value: Date | string | undefined): string {
  if (value === undefined) return '–';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

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
