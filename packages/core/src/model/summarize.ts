import { EXECUTION_STATUSES } from './constants';
import type { InvocationSummary } from './report';
import { isFailed, isRunning } from './status';

/**
 * What `summarize` reads of a record: works on records with `Date`s and on their JSON form.
 *
 * @example
 * ```ts
 * const r: SummarizableRecord = { Status: 'FAILED', StartTime: '2026-11-28T02:00:00.000Z' };
 * ```
 */
export interface SummarizableRecord {
  Status?: string;
  StartTime?: Date | string;
  EndTime?: Date | string;
}

function toMillis(value: Date | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Summarizes invocations (or tasks, or executions): counts per status, total, failed
 * (FAILED + TIMED_OUT + CANCELLED), running (PENDING + IN_PROGRESS + CANCELLING), success rate
 * over finished records, and min / p50 / max duration. Accepts `Date`s or ISO strings.
 *
 * @example
 * ```ts
 * import { summarize } from '@ssm-invocations/core/model';
 * const s = summarize([{ Status: 'SUCCESS' }, { Status: 'FAILED' }]);
 * // s.total === 2, s.failed === 1, s.successRate === 0.5
 * ```
 */
export function summarize(records: Iterable<SummarizableRecord>): InvocationSummary {
  // No prototype: a server's unknown status such as `constructor` or `__proto__` is a plain key.
  const byStatus: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const status of EXECUTION_STATUSES) byStatus[status] = 0;
  const durations: number[] = [];
  let total = 0;
  let failedCount = 0;
  let runningCount = 0;
  for (const record of records) {
    total += 1;
    const status = record.Status ?? 'UNKNOWN';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (isFailed(status)) failedCount += 1;
    if (isRunning(status)) runningCount += 1;
    const start = toMillis(record.StartTime);
    const end = toMillis(record.EndTime);
    if (start !== undefined && end !== undefined && end >= start) durations.push(end - start);
  }
  const finished = total - runningCount;
  durations.sort((a, b) => a - b);
  const pick = (q: number): number =>
    durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
  return {
    total,
    byStatus,
    failed: failedCount,
    running: runningCount,
    successRate: finished > 0 ? (byStatus.SUCCESS ?? 0) / finished : null,
    durationMs:
      durations.length > 0
        ? { min: durations[0] ?? 0, p50: pick(0.5), max: durations[durations.length - 1] ?? 0 }
        : null,
  };
}
