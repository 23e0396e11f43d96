/**
 * The summary-shaped report: what a screen or an agent needs of a window report without every
 * invocation of every task — per execution and per task the status, counts and durations, plus
 * only the invocations worth looking at (failed, timed out, cancelled or still running), capped.
 */
import type { InvocationDiagnosis } from './diagnosis';
import type {
  ExecutionReport,
  InvocationSummary,
  ReportError,
  Serialized,
  TaskReport,
  WindowReport,
} from './report';
import { isFailed, isRunning } from './status';
import { validateInteger } from './validators';
import type { ExecutionRecord, InvocationRecord, TaskRecord, WindowRecord } from './types';

/** Default of {@link SummarizeWindowReportOptions.maxTargetsPerTask}. */
const DEFAULT_MAX_TARGETS_PER_TASK = 20;

/**
 * Options of {@link summarizeWindowReport}.
 *
 * @example
 * ```ts
 * const options: SummarizeWindowReportOptions = { maxTargetsPerTask: 10 };
 * ```
 */
export interface SummarizeWindowReportOptions {
  /**
   * Most failed, timed-out, cancelled or running invocations kept per task (a whole number ≥ 0,
   * default 20; else an `InvalidInputError`); the rest are counted in {@link TaskReportSummary.invocationsOmitted}.
   */
  maxTargetsPerTask?: number;
}

/**
 * An invocation listed in a {@link TaskReportSummary}: the record without the ids its task
 * already names (`WindowExecutionId`, `TaskExecutionId`), which keeps a summary of hundreds of
 * failed targets small.
 *
 * @example
 * ```ts
 * const ids = { windowExecutionId: task.task.WindowExecutionId, taskId: task.task.TaskExecutionId, invocationId: inv.InvocationId };
 * ```
 */
export type SummaryInvocation = Omit<InvocationRecord, 'WindowExecutionId' | 'TaskExecutionId'>;

/**
 * One task of a {@link WindowReportSummary}: its status, counts and durations (`summary`, over
 * every invocation), and only the invocations worth looking at.
 *
 * @example
 * ```ts
 * console.log(`${task.summary.failed} of ${task.summary.total} failed`);
 * for (const inv of task.invocations) console.log(inv.Status, inv.StatusDetails);
 * if (task.invocationsOmitted > 0) console.log(`and ${task.invocationsOmitted} more`);
 * ```
 */
export interface TaskReportSummary {
  task: TaskRecord;
  /** Over every invocation of the task, also those not listed. */
  summary: InvocationSummary;
  /**
   * Only the FAILED, TIMED_OUT, CANCELLED, PENDING, IN_PROGRESS and CANCELLING invocations, in
   * the report's order, at most `maxTargetsPerTask`; without `WindowExecutionId` and
   * `TaskExecutionId`, which `task` names once for all of them.
   */
  invocations: SummaryInvocation[];
  /** Failed, timed-out, cancelled or running invocations left out of `invocations` by the cap. */
  invocationsOmitted: number;
  /** Set when this task's invocations could not be fetched. */
  error?: ReportError;
  /** The diagnoses of the listed invocations, by `InvocationId` (when the report had any). */
  diagnoses?: Record<string, InvocationDiagnosis>;
}

/**
 * One execution of a {@link WindowReportSummary}, with its task summaries.
 *
 * @example
 * ```ts
 * console.log(exec.execution.Status, exec.summary.failed, exec.tasks.length);
 * ```
 */
export interface ExecutionReportSummary {
  execution: ExecutionRecord;
  tasks: TaskReportSummary[];
  /** Over every invocation of every task of this execution. */
  summary: InvocationSummary;
}

/**
 * A window report in summary shape (see {@link summarizeWindowReport}): every count of the full
 * report, but only the invocations worth looking at.
 *
 * @example
 * ```ts
 * const summary: WindowReportSummary = summarizeWindowReport(report);
 * console.log(summary.window.Name, summary.summary.failed);
 * ```
 */
export interface WindowReportSummary {
  window: WindowRecord;
  executions: ExecutionReportSummary[];
  /** Over every invocation in the report. */
  summary: InvocationSummary;
  generatedAt: Date;
  diagnosesOmitted?: number;
  /** The cap the invocations of each task were listed with. */
  maxTargetsPerTask: number;
}

/** Whether an invocation is worth a row: it failed, timed out, was cancelled or still runs. */
function isNotable(invocation: { Status?: string }): boolean {
  return isFailed(invocation.Status) || isRunning(invocation.Status);
}

type AnyTaskReport = TaskReport | Serialized<TaskReport>;

/** The invocation without the ids its task names. */
function withoutTaskIds<T extends { WindowExecutionId?: unknown; TaskExecutionId?: unknown }>(
  invocation: T,
): Omit<T, 'WindowExecutionId' | 'TaskExecutionId'> {
  const { WindowExecutionId: _execution, TaskExecutionId: _task, ...rest } = invocation;
  return rest;
}

function summarizeTask(task: AnyTaskReport, cap: number) {
  const notable = task.invocations.filter(isNotable);
  const invocations = notable.slice(0, cap).map(withoutTaskIds);
  const listed = new Set(invocations.map((invocation) => invocation.InvocationId));
  const diagnoses =
    task.diagnoses === undefined
      ? undefined
      : Object.fromEntries(Object.entries(task.diagnoses).filter(([id]) => listed.has(id)));
  return {
    task: task.task,
    summary: task.summary,
    invocations,
    invocationsOmitted: notable.length - invocations.length,
    ...(task.error === undefined ? {} : { error: task.error }),
    ...(diagnoses === undefined ? {} : { diagnoses }),
  };
}

/**
 * The window report in summary shape: per execution and per task the status, the counts by
 * status and the durations (unchanged, over every invocation), plus only the failed, timed-out,
 * cancelled and still-running invocations — at most `maxTargetsPerTask` per task (default 20),
 * with the count of the rest in `invocationsOmitted`; listed invocations leave out the execution
 * and task ids their task names. Pure: the report is not changed. Works on
 * the report and on its JSON form ({@link Serialized}); a page of a 5 × 4 × 500 window with 2 %
 * failed shrinks from megabytes to tens of kilobytes.
 *
 * @example
 * ```ts
 * import { summarizeWindowReport } from '@ssm-invocations/core/model';
 * const report = await client.getWindowReport({ windowId: 'mw-0123456789abcdef0', executions: 5 });
 * const summary = summarizeWindowReport(report, { maxTargetsPerTask: 10 });
 * for (const exec of summary.executions) {
 *   for (const task of exec.tasks) {
 *     console.log(task.task.TaskArn, `${task.summary.failed}/${task.summary.total} failed`);
 *   }
 * }
 * ```
 */
export function summarizeWindowReport(
  report: WindowReport,
  options?: SummarizeWindowReportOptions,
): WindowReportSummary;
export function summarizeWindowReport(
  report: Serialized<WindowReport>,
  options?: SummarizeWindowReportOptions,
): Serialized<WindowReportSummary>;
export function summarizeWindowReport(
  report: WindowReport | Serialized<WindowReport>,
  options: SummarizeWindowReportOptions = {},
): WindowReportSummary | Serialized<WindowReportSummary> {
  const cap =
    validateInteger(options.maxTargetsPerTask, 'maxTargetsPerTask', 0) ??
    DEFAULT_MAX_TARGETS_PER_TASK;
  const executions = (
    report.executions as Array<ExecutionReport | Serialized<ExecutionReport>>
  ).map((execution) => ({
    execution: execution.execution,
    tasks: (execution.tasks as AnyTaskReport[]).map((task) => summarizeTask(task, cap)),
    summary: execution.summary,
  }));
  return {
    window: report.window,
    executions,
    summary: report.summary,
    generatedAt: report.generatedAt,
    ...(report.diagnosesOmitted === undefined ? {} : { diagnosesOmitted: report.diagnosesOmitted }),
    maxTargetsPerTask: cap,
  } as WindowReportSummary | Serialized<WindowReportSummary>;
}
