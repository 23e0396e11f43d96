/**
 * The window report: a window, its newest executions, their tasks and each task's invocations,
 * with summaries. A task that cannot be read is reported in place instead of failing the report.
 */
import { REPORT_LIMITS, type ExecutionStatus } from '../model/constants';
import { ServiceError, SsmInvocationsError } from '../model/errors';
import type { ExecutionReport, TaskReport, WindowReport } from '../model/report';
import { toReportError } from '../model/report-error';
import { summarize } from '../model/summarize';
import type { ExecutionRecord, InvocationRecord, TaskRecord } from '../model/types';
import {
  assertInputObject,
  validateInteger,
  validateStatuses,
  validateWindowId,
} from '../model/validators';
import { diagnosisBudget, taskDiagnoses, type DiagnosisBudget } from './report-diagnoses';
import type { WindowReportInput } from './inputs';
import {
  historyPlan,
  readHistory,
  WINDOW_REPORT_OPTION_KEYS,
  writeHistory,
  type HistoryPlan,
} from './report-history-plan';
import { signalOf } from './call-options';
import { FULL_PAGE } from './paginate';
import { executionsOf, invocationPagesOf, tasksOf, windowOf } from './queries';
import type { ClientContext } from './request';

/** What the tasks of one report share: the statuses asked for and the diagnoses left to give. */
interface ReportPlan {
  statuses: ExecutionStatus[] | undefined;
  /** `undefined` when the report diagnoses nothing. */
  diagnoses?: DiagnosisBudget;
  /** `undefined` when the report keeps no history. */
  history?: HistoryPlan;
}

async function taskReport(
  context: ClientContext,
  task: TaskRecord,
  windowExecutionId: string,
  plan: ReportPlan,
  signal?: AbortSignal,
): Promise<TaskReport> {
  const { statuses } = plan;
  const taskId = task.TaskExecutionId;
  // Each failed invocation is diagnosed as soon as it arrives: its requests overlap the task's
  // next pages instead of waiting for the last one.
  const diagnoses =
    plan.diagnoses === undefined ? undefined : taskDiagnoses(context, plan.diagnoses, signal);
  try {
    if (taskId === undefined) {
      throw new ServiceError(
        'DescribeMaintenanceWindowExecutionTasks returned a task without TaskExecutionId',
      );
    }
    const invocations: InvocationRecord[] = [];
    const pages = invocationPagesOf(
      context,
      { windowExecutionId, taskId, statuses, pageSize: FULL_PAGE },
      signal,
    );
    let next = pages.next();
    for (let page = await next; page.done !== true; page = await next) {
      // The next page is asked for before this one's diagnoses start: the pages are the
      // report's critical path, the diagnoses fill the wait for them.
      next = pages.next();
      for (const invocation of page.value.records) {
        invocations.push(invocation);
        diagnoses?.add(invocation);
      }
    }
    const report: TaskReport = { task, invocations, summary: summarize(invocations) };
    if (diagnoses !== undefined) report.diagnoses = await diagnoses.settled();
    return report;
  } catch (error) {
    await diagnoses?.abandon();
    // One task that cannot be read is reported in place; aborts and bugs still propagate.
    if (signal?.aborted || !(error instanceof SsmInvocationsError)) throw error;
    return { task, invocations: [], summary: summarize([]), error: toReportError(error) };
  }
}

async function executionReport(
  context: ClientContext,
  execution: ExecutionRecord,
  plan: ReportPlan,
  signal?: AbortSignal,
): Promise<ExecutionReport> {
  const windowExecutionId = execution.WindowExecutionId;
  if (windowExecutionId === undefined) {
    throw new ServiceError(
      'DescribeMaintenanceWindowExecutions failed: MalformedResponse: an execution has no WindowExecutionId',
      { operation: 'DescribeMaintenanceWindowExecutions' },
    );
  }
  const stored = await readHistory(plan, execution, windowExecutionId, signal);
  let taskReports: TaskReport[];
  if (stored === undefined) {
    const tasks = await tasksOf(context, { windowExecutionId }, signal);
    taskReports = await Promise.all(
      tasks.map((task) => taskReport(context, task, windowExecutionId, plan, signal)),
    );
    await writeHistory(plan, execution, windowExecutionId, taskReports, signal);
  } else {
    taskReports = stored;
  }
  return {
    execution,
    tasks: taskReports,
    summary: summarize(taskReports.flatMap((t) => t.invocations)),
  };
}

/** The report of `getWindowReport`, input validated before anything is sent. */
export async function windowReport(
  context: ClientContext,
  input: WindowReportInput,
  options: unknown,
): Promise<WindowReport> {
  const signal = signalOf(options, WINDOW_REPORT_OPTION_KEYS);
  const history = historyPlan(options);
  assertInputObject(input, 'input', [
    'windowId',
    'executions',
    'statuses',
    'diagnose',
    'maxDiagnoses',
  ]);
  const windowId = validateWindowId(input.windowId);
  const executionCount =
    validateInteger(
      input.executions,
      'executions',
      REPORT_LIMITS.executions.min,
      REPORT_LIMITS.executions.max,
    ) ?? REPORT_LIMITS.executions.default;
  const statuses = validateStatuses(input.statuses);
  const diagnoses = diagnosisBudget(input.diagnose, input.maxDiagnoses);
  const plan: ReportPlan = {
    statuses,
    ...(diagnoses === undefined ? {} : { diagnoses }),
    ...(history === undefined ? {} : { history: { ...history, windowId } }),
  };
  // The window and its executions are independent: fetch them side by side.
  const [window, executions] = await Promise.all([
    windowOf(context, windowId, signal),
    executionsOf(context, { windowId, limit: executionCount }, signal),
  ]);
  const executionReports = await Promise.all(
    executions.map((execution) => executionReport(context, execution, plan, signal)),
  );
  return {
    window,
    executions: executionReports,
    summary: summarize(executionReports.flatMap((e) => e.tasks.flatMap((t) => t.invocations))),
    generatedAt: new Date(),
    ...(diagnoses === undefined ? {} : { diagnosesOmitted: diagnoses.omitted }),
  };
}
