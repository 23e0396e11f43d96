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
 * A duration for a table cell: `850ms`, `42s`, `3m 05s`, `2h 04m`. Negative or missing → `–`.
 *
 * @example
 * ```ts
 * formatDurationMs(185_000); // '3m 05s'
 * ```
 */
export function formatDurationMs(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes < 60) return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * The run time of a record with `StartTime` and `EndTime`; `–` while it has no end.
 *
 * @example
 * ```ts
 * formatRunTime({ StartTime: new Date(0), EndTime: new Date(42_000) }); // '42s'
 * ```
 */
export function formatRunTime(record: { StartTime?: Date; EndTime?: Date }): string {
  if (record.StartTime === undefined || record.EndTime === undefined) return '–';
  return formatDurationMs(record.EndTime.getTime() - record.StartTime.getTime());
}
