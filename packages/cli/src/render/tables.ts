import Table from 'cli-table3';
import type {
  ExecutionRecord,
  InvocationRecord,
  InvocationSummary,
  TaskRecord,
  WindowReport,
  WindowSummaryRecord,
} from '@ssm-invocations/core/model';
import { colourStatus, type Palette } from './palette';
import { formatDuration, formatTimestamp } from '@ssm-invocations/core/model';
// Every server-supplied string goes through one of these two before it is printed: a table cell
// may keep its line breaks (the table wraps them), a heading line may not.
import { cellText as cell, inlineText as inline } from './server-text';
import { targetLabel } from './target-label';
import { formatRunTime } from './time-format';

/** Lines of text; the caller joins and writes them. */
type Lines = string[];

// cli-table3 colours headers red by default; an empty style keeps escape codes out of
// `--no-color` output, and the palette decides colour instead. No lines between rows keeps
// long listings compact.
const COMPACT_CHARS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function createTable(
  palette: Palette,
  head: string[],
  colWidths: Array<number | null> = [],
): Table.Table {
  return new Table({
    head: head.map((title) => palette.bold(title)),
    style: { head: [], border: [] },
    chars: COMPACT_CHARS,
    colWidths,
    wordWrap: true,
  });
}

// Cell text without colour codes, for measuring.
function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function indent(text: string, spaces: number): Lines {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((line) => pad + line);
}

/**
 * One line summing up a set of invocations: total, the non-zero statuses, success rate, p50.
 *
 * @example
 * ```ts
 * formatSummaryLine(summary, palette);
 * // '12 invocations: 10 SUCCESS, 2 FAILED · 83% success · p50 41s'
 * ```
 */
export function formatSummaryLine(summary: InvocationSummary, palette: Palette): string {
  const noun = summary.total === 1 ? 'invocation' : 'invocations';
  const counts = Object.entries(summary.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${colourStatus(palette, status)}`);
  const parts = [`${summary.total} ${noun}${counts.length > 0 ? `: ${counts.join(', ')}` : ''}`];
  if (summary.successRate !== null) parts.push(`${Math.round(summary.successRate * 100)}% success`);
  if (summary.durationMs !== null) parts.push(`p50 ${formatDuration(summary.durationMs.p50)}`);
  return parts.join(' · ');
}

/**
 * One column of a list table: its title, how a record fills its cell, and optionally a width
 * past which the cell wraps (free-text columns such as StatusDetails).
 */
type Column<T> = [title: string, value: (record: T, palette: Palette) => string, wrapAt?: number];

function renderRows<T>(columns: Column<T>[], records: T[], palette: Palette): string {
  const rows = records.map((record) => columns.map(([, value]) => value(record, palette)));
  const colWidths = columns.map(([title, , wrapAt], index) => {
    if (wrapAt === undefined) return null;
    const widest = Math.max(title.length, ...rows.map((row) => visibleLength(row[index] ?? '')));
    return Math.min(widest, wrapAt) + 2;
  });
  const table = createTable(
    palette,
    columns.map(([title]) => title),
    colWidths,
  );
  table.push(...rows);
  return table.toString();
}

const statusColumn: Column<{ Status?: string }> = [
  'Status',
  (record, palette) => colourStatus(palette, record.Status),
];
const startedColumn: Column<{ StartTime?: Date }> = [
  'Started',
  (record) => formatTimestamp(record.StartTime),
];
const durationColumn: Column<{ StartTime?: Date; EndTime?: Date }> = [
  'Duration',
  (record) => formatRunTime(record),
];
const detailsColumn: Column<{ StatusDetails?: string }> = [
  'Details',
  (record) => cell(record.StatusDetails),
  60,
];

const INVOCATION_COLUMNS: Column<InvocationRecord>[] = [
  ['Invocation', (inv) => cell(inv.InvocationId)],
  ['Target', (inv) => cell(targetLabel(inv))],
  statusColumn,
  ['Type', (inv) => cell(inv.TaskType)],
  startedColumn,
  durationColumn,
  detailsColumn,
];

// Inside a report the execution and task are already in the headings above the table.
const REPORT_INVOCATION_COLUMNS: Column<InvocationRecord>[] = [
  ['Target', (inv) => cell(targetLabel(inv))],
  ['Invocation', (inv) => cell(inv.InvocationId)],
  statusColumn,
  durationColumn,
  detailsColumn,
];

const WINDOW_COLUMNS: Column<WindowSummaryRecord>[] = [
  ['Window', (w) => cell(w.WindowId)],
  ['Name', (w) => cell(w.Name)],
  ['Enabled', (w, palette) => (w.Enabled === false ? palette.dim('no') : 'yes')],
  [
    'Schedule',
    (w) => cell(w.Schedule) + (w.ScheduleTimezone ? ` (${cell(w.ScheduleTimezone)})` : ''),
  ],
  ['Next execution', (w) => cell(w.NextExecutionTime)],
];

const EXECUTION_COLUMNS: Column<ExecutionRecord>[] = [
  ['Execution', (e) => cell(e.WindowExecutionId)],
  statusColumn,
  startedColumn,
  durationColumn,
  detailsColumn,
];

const TASK_COLUMNS: Column<TaskRecord>[] = [
  ['Task', (t) => cell(t.TaskExecutionId)],
  ['Type', (t) => cell(t.TaskType)],
  statusColumn,
  startedColumn,
  durationColumn,
  ['Task ARN', (t) => cell(t.TaskArn), 60],
];

/**
 * The `invocations` command's table: one row per target invocation.
 *
 * @example
 * ```ts
 * stdout.write(renderInvocationsTable(invocations, palette) + '\n');
 * ```
 */
export function renderInvocationsTable(invocations: InvocationRecord[], palette: Palette): string {
  return renderRows(INVOCATION_COLUMNS, invocations, palette);
}

/**
 * The `windows` command's table.
 *
 * @example
 * ```ts
 * stdout.write(renderWindowsTable(windows, palette) + '\n');
 * ```
 */
export function renderWindowsTable(windows: WindowSummaryRecord[], palette: Palette): string {
  return renderRows(WINDOW_COLUMNS, windows, palette);
}

/**
 * The `executions` command's table (newest first, as core returns them).
 *
 * @example
 * ```ts
 * stdout.write(renderExecutionsTable(executions, palette) + '\n');
 * ```
 */
export function renderExecutionsTable(executions: ExecutionRecord[], palette: Palette): string {
  return renderRows(EXECUTION_COLUMNS, executions, palette);
}

/**
 * The `tasks` command's table.
 *
 * @example
 * ```ts
 * stdout.write(renderTasksTable(tasks, palette) + '\n');
 * ```
 */
export function renderTasksTable(tasks: TaskRecord[], palette: Palette): string {
  return renderRows(TASK_COLUMNS, tasks, palette);
}

/**
 * The first lines of both report views: the window (name, id, schedule, disabled) and the
 * summary over every invocation of the report.
 *
 * @example
 * ```ts
 * renderReportHeading(report, palette).join('\n');
 * // 'Window nightly-patching (mw-0123456789abcdef0) · cron(0 2 ? * * *)\n  12 invocations: …'
 * ```
 */
export function renderReportHeading(report: WindowReport, palette: Palette): string[] {
  const { window } = report;
  const schedule = inline([window.Schedule, window.ScheduleTimezone].filter(Boolean).join(' '));
  return [
    `${palette.bold(`Window ${inline(window.Name)}`)} (${inline(window.WindowId)})` +
      (schedule !== '–' ? ` · ${schedule}` : '') +
      (window.Enabled === false ? ` · ${palette.dim('disabled')}` : ''),
    `  ${formatSummaryLine(report.summary, palette)}`,
  ];
}

/**
 * The `report` command's view: window → executions → tasks → invocations, a summary line at
 * each level, every target listed (`--all-targets`); failed invocations carry their StatusDetails in
 * the Details column.
 *
 * @example
 * ```ts
 * stdout.write(renderReport(await client.getWindowReport({ windowId }), palette) + '\n');
 * ```
 */
export function renderReport(report: WindowReport, palette: Palette): string {
  const lines: Lines = renderReportHeading(report, palette);
  if (report.executions.length === 0) lines.push(`  ${palette.dim('no executions')}`);
  for (const { execution, tasks, summary } of report.executions) {
    lines.push(
      '',
      `  ${palette.bold(`Execution ${inline(execution.WindowExecutionId)}`)} ` +
        `${colourStatus(palette, execution.Status)} · ${formatTimestamp(execution.StartTime)} · ` +
        formatRunTime(execution) +
        (execution.StatusDetails ? ` · ${inline(execution.StatusDetails)}` : ''),
      `    ${formatSummaryLine(summary, palette)}`,
    );
    if (tasks.length === 0) lines.push(`    ${palette.dim('no tasks')}`);
    for (const taskReport of tasks) {
      const { task } = taskReport;
      lines.push(
        `    ${palette.bold(`Task ${inline(task.TaskExecutionId)}`)} ${inline(task.TaskType)} ` +
          `${colourStatus(palette, task.Status)}` +
          (task.TaskArn ? ` · ${inline(task.TaskArn)}` : ''),
      );
      if (taskReport.error) {
        const { error } = taskReport;
        lines.push(
          `      ${palette.red(`could not load invocations: ${inline(error.name)}: ${inline(error.message)}`)}`,
        );
        continue;
      }
      lines.push(`      ${formatSummaryLine(taskReport.summary, palette)}`);
      if (taskReport.invocations.length > 0) {
        const table = renderRows(REPORT_INVOCATION_COLUMNS, taskReport.invocations, palette);
        lines.push(...indent(table, 6));
      }
    }
  }
  return lines.join('\n');
}
