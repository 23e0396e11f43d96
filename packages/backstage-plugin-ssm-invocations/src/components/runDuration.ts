import { formatDuration, formatElapsed, isRunning } from '@ssm-invocations/core/model';

/** What the card needs of an execution, task or invocation to say how long it ran. */
interface TimedRecord {
  Status?: string | undefined;
  StartTime?: string | undefined;
  EndTime?: string | undefined;
}

/**
 * How long an execution, task or invocation ran (`4m 00s`), or, while it is still running and so
 * has no EndTime, how long it has been running (`12m 30s so far`); `—` when that is unknown.
 */
export function formatRunDuration(record: TimedRecord, now: number = Date.now()): string {
  const { Status, StartTime, EndTime } = record;
  if (EndTime === undefined && StartTime !== undefined && isRunning(Status)) {
    const start = new Date(StartTime).getTime();
    // A browser clock behind AWS's would make it negative: say it just started.
    if (Number.isFinite(start)) return `${formatDuration(Math.max(0, now - start))} so far`;
  }
  return formatElapsed(StartTime, EndTime);
}
