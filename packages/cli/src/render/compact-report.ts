/**
 * The `report` command's default view, made to fit one screen: one line per execution, one line
 * per task with its counts (its status too, unless every invocation has it), then one row per failed, timed-out or cancelled target naming the
 * instance and the first line of why (stderr, the failed step, else StatusDetails).
 */
import {
  firstReasonLine,
  formatTimestamp,
  type InvocationRecord,
  type InvocationSummary,
  type TaskReport,
  type WindowReport,
} from '@ssm-invocations/core/model';
import { colourStatus, type Palette } from './palette';
import { inlineText as inline } from './server-text';
import { renderReportHeading } from './tables';
import { targetLabel } from './target-label';
import { formatRunTime } from './time-format';

/** The statuses that get a row of their own in the compact report. */
const ROW_STATUSES = new Set(['FAILED', 'TIMED_OUT', 'CANCELLED']);
/** Below this many columns for the reason, rows are not cut to the width any more. */
const MIN_REASON_WIDTH = 24;

/**
 * Options of {@link renderCompactReport}.
 *
 * @example
 * ```ts
 * const options: CompactReportOptions = { width: process.stdout.columns ?? 100 };
 * ```
 */
export interface CompactReportOptions {
  /** Columns a target row may take; its reason is cut with `…` past them (default 100). */
  width?: number;
}

/**
 * The non-zero counts of a summary, e.g. `8 PENDING, 2 IN_PROGRESS, 8 SUCCESS` (`0 invocations`
 * when there are none).
 *
 * @example
 * ```ts
 * formatCounts(summarize(invocations), palette); // '10 SUCCESS, 2 FAILED'
 * ```
 */
export function formatCounts(summary: InvocationSummary, palette: Palette): string {
  const counts = Object.entries(summary.byStatus).filter(([, count]) => count > 0);
  if (counts.length === 0) return `${summary.total} invocations`;
  return counts.map(([status, count]) => `${count} ${colourStatus(palette, status)}`).join(', ');
}

/** True when every invocation of the summary has this status: the counts already say it. */
function allHave(summary: InvocationSummary, status: string | undefined): boolean {
  return summary.total > 0 && status !== undefined && summary.byStatus[status] === summary.total;
}

/**
 * A task's short name: the document name as it is, a Lambda function's or a state machine's name
 * instead of its whole ARN.
 */
function taskName(taskArn: string | undefined): string | undefined {
  if (taskArn === undefined) return undefined;
  const resource = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(.*)$/.exec(taskArn)?.[1];
  if (resource === undefined) return taskArn;
  const named = /^(?:function|stateMachine):([^:]+)/.exec(resource);
  return named?.[1] ?? resource;
}

/** Why one target failed, on one line: the diagnosis' first reason line, else StatusDetails. */
function reasonOf(invocation: InvocationRecord, taskReport: TaskReport): string {
  const diagnosis =
    invocation.InvocationId === undefined
      ? undefined
      : taskReport.diagnoses?.[invocation.InvocationId];
  const reason =
    diagnosis === undefined
      ? invocation.StatusDetails?.split(/\r\n|\r|\n/)[0]
      : firstReasonLine(diagnosis);
  return inline(reason?.trim());
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

function targetRows(taskReport: TaskReport, palette: Palette, width: number): string[] {
  const rows = taskReport.invocations
    .filter((invocation) => ROW_STATUSES.has(invocation.Status ?? ''))
    .map((invocation) => ({
      status: inline(invocation.Status),
      target: inline(targetLabel(invocation)),
      reason: reasonOf(invocation, taskReport),
    }));
  const statusWidth = Math.max(0, ...rows.map((row) => row.status.length));
  const targetWidth = Math.max(0, ...rows.map((row) => row.target.length));
  const prefixWidth = 6 + statusWidth + 2 + targetWidth + 2;
  const reasonWidth = Math.max(MIN_REASON_WIDTH, width - prefixWidth);
  return rows.map(
    (row) =>
      `      ${colourStatus(palette, row.status)}${' '.repeat(statusWidth - row.status.length)}  ` +
      `${row.target.padEnd(targetWidth)}  ${cut(row.reason, reasonWidth)}`,
  );
}

function taskLines(taskReport: TaskReport, palette: Palette, width: number): string[] {
  const { task } = taskReport;
  const name = taskName(task.TaskArn);
  const status = allHave(taskReport.summary, task.Status)
    ? ''
    : ` ${colourStatus(palette, task.Status)}`;
  const line =
    `    ${palette.bold(`Task ${inline(task.TaskExecutionId)}`)} ${inline(task.TaskType)}` +
    (name === undefined ? '' : ` ${inline(name)}`) +
    status;
  if (taskReport.error) {
    const { error } = taskReport;
    return [
      `${line} · ${palette.red(`could not load invocations: ${inline(error.name)}: ${inline(error.message)}`)}`,
    ];
  }
  return [
    `${line} · ${formatCounts(taskReport.summary, palette)}`,
    ...targetRows(taskReport, palette, width),
  ];
}

/**
 * The `report` command's default view: the window and its summary, one line per execution
 * (status, start, run time), one line per task with its counts, and one row per failed / timed-out / cancelled target with its instance
 * and the first line of its reason. Reasons come from the report's diagnoses (`diagnose:
 * 'failed'`); a target without one shows its StatusDetails.
 *
 * @example
 * ```ts
 * const report = await client.getWindowReport({ windowId, diagnose: 'failed' });
 * stdout.write(renderCompactReport(report, palette, { width: 100 }) + '\n');
 * ```
 */
export function renderCompactReport(
  report: WindowReport,
  palette: Palette,
  options: CompactReportOptions = {},
): string {
  const width = options.width ?? 100;
  const lines = renderReportHeading(report, palette);
  if (report.executions.length === 0) lines.push(`  ${palette.dim('no executions')}`);
  for (const { execution, tasks } of report.executions) {
    // The counts are on the task lines below (and the window's total above), which keeps the
    // line within 100 columns; without tasks, the StatusDetails says why (e.g. skipped).
    const details =
      tasks.length === 0 && execution.StatusDetails ? ` · ${inline(execution.StatusDetails)}` : '';
    lines.push(
      `  ${palette.bold(`Execution ${inline(execution.WindowExecutionId)}`)} ` +
        `${colourStatus(palette, execution.Status)} · ${formatTimestamp(execution.StartTime)} · ` +
        formatRunTime(execution) +
        details,
    );
    for (const taskReport of tasks) lines.push(...taskLines(taskReport, palette, width));
  }
  if (report.diagnosesOmitted !== undefined && report.diagnosesOmitted > 0) {
    lines.push(
      `  ${palette.dim(`${report.diagnosesOmitted} failed targets not diagnosed (raise --max-diagnoses)`)}`,
    );
  }
  return lines.join('\n');
}
