import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import {
  REPORT_LIMITS,
  type ExecutionStatus,
  type InvocationsClient,
  type TaskReport,
  type WindowReport,
} from '@ssm-invocations/core/json';
import { diagnosisFields } from '../../shared/diagnosisJson';
import { invocationJson, simplify, toItemJson, type SimplifiedShape } from '../../shared/itemJson';

/** What one operation needs: the node context, the client, the item and the cancel signal. */
export interface OperationContext {
  node: IExecuteFunctions;
  client: InvocationsClient;
  itemIndex: number;
  signal?: AbortSignal;
  /** Receives each output record as soon as it is ready (records are not collected twice). */
  emit: (json: IDataObject) => void;
}

type Operation = (context: OperationContext) => Promise<void>;

function text(context: OperationContext, name: string): string {
  return String(context.node.getNodeParameter(name, context.itemIndex, '')).trim();
}

/** `undefined` for Return All, otherwise the Limit parameter (validated by the core). */
function limit(context: OperationContext): number | undefined {
  const returnAll = context.node.getNodeParameter('returnAll', context.itemIndex, false) as boolean;
  return returnAll
    ? undefined
    : (context.node.getNodeParameter('limit', context.itemIndex, 50) as number);
}

function statuses(context: OperationContext): ExecutionStatus[] | undefined {
  const chosen = context.node.getNodeParameter(
    'filters.statuses',
    context.itemIndex,
    [],
  ) as ExecutionStatus[];
  return chosen.length > 0 ? chosen : undefined;
}

function output(context: OperationContext, shape: SimplifiedShape, record: object): void {
  const simple = isSimple(context);
  if (shape === 'invocation') context.emit(invocationJson(record, simple));
  else context.emit(simple ? simplify(shape, record) : toItemJson(record));
}

function isSimple(context: OperationContext): boolean {
  return context.node.getNodeParameter('simplify', context.itemIndex, true) as boolean;
}

function invocationRef(context: OperationContext) {
  return {
    windowExecutionId: text(context, 'windowExecutionId'),
    taskId: text(context, 'taskId'),
    invocationId: text(context, 'invocationId'),
  };
}

const call = (context: OperationContext) => ({ signal: context.signal });

const getManyInvocations: Operation = async (context) => {
  const records = context.client.invocations(
    {
      windowExecutionId: text(context, 'windowExecutionId'),
      taskId: text(context, 'taskId'),
      statuses: statuses(context),
      limit: limit(context),
    },
    call(context),
  );
  for await (const record of records) output(context, 'invocation', record);
};

const getInvocation: Operation = async (context) => {
  const record = await context.client.getInvocation(invocationRef(context), call(context));
  output(context, 'invocation', record);
};

/** The invocation, then why it failed: core's diagnosis (its follow-up calls are bounded). */
const diagnoseInvocation: Operation = async (context) => {
  const diagnosis = await context.client.diagnoseInvocation(invocationRef(context), call(context));
  const simple = isSimple(context);
  context.emit({
    ...invocationJson(diagnosis.invocation, simple),
    ...diagnosisFields(diagnosis, simple),
  });
};

const getManyExecutions: Operation = async (context) => {
  const filters = context.node.getNodeParameter('executionFilters', context.itemIndex, {}) as {
    after?: string;
    before?: string;
  };
  const records = await context.client.listExecutions(
    {
      windowId: text(context, 'windowId'),
      after: filters.after || undefined,
      before: filters.before || undefined,
      limit: limit(context),
    },
    call(context),
  );
  for (const record of records) output(context, 'execution', record);
};

const getExecution: Operation = async (context) => {
  const record = await context.client.getExecution(
    { windowExecutionId: text(context, 'windowExecutionId') },
    call(context),
  );
  output(context, 'execution', record);
};

const getManyTasks: Operation = async (context) => {
  const records = await context.client.listTasks(
    { windowExecutionId: text(context, 'windowExecutionId'), statuses: statuses(context) },
    call(context),
  );
  for (const record of records) output(context, 'task', record);
};

const getManyWindows: Operation = async (context) => {
  const filters = context.node.getNodeParameter('windowFilters', context.itemIndex, {}) as {
    name?: string;
    enabled?: boolean;
  };
  const records = await context.client.listWindows(
    { name: filters.name || undefined, enabled: filters.enabled, limit: limit(context) },
    call(context),
  );
  for (const record of records) output(context, 'window', record);
};

/** One flat item per invocation, carrying its window, execution and task alongside. */
function emitReportByInvocation(context: OperationContext, report: WindowReport): void {
  const window = { WindowId: report.window.WindowId, WindowName: report.window.Name };
  for (const { execution, tasks } of report.executions) {
    const executionFields = {
      ...window,
      WindowExecutionId: execution.WindowExecutionId,
      ExecutionStatus: execution.Status,
      ExecutionStartTime: execution.StartTime,
    };
    for (const task of tasks) {
      const taskFields = {
        ...executionFields,
        TaskExecutionId: task.task.TaskExecutionId,
        TaskArn: task.task.TaskArn,
        TaskType: task.task.TaskType,
        TaskStatus: task.task.Status,
      };
      // A task whose invocations could not be read still gets an item, so a partial
      // report never looks complete.
      if (task.error) context.emit(toItemJson({ ...taskFields, Error: task.error }));
      for (const invocation of task.invocations) {
        context.emit(toItemJson({ ...taskFields, ...simplify('invocation', invocation) }));
      }
    }
  }
}

function taskJson(task: TaskReport): IDataObject {
  return toItemJson({
    ...simplify('task', task.task),
    Summary: task.summary,
    ...(task.error ? { Error: task.error } : {}),
    Invocations: task.invocations.map((invocation) => simplify('invocation', invocation)),
  });
}

const getReport: Operation = async (context) => {
  const executions = context.node.getNodeParameter(
    'executions',
    context.itemIndex,
    REPORT_LIMITS.executions.default,
  ) as number;
  const report = await context.client.getWindowReport(
    { windowId: text(context, 'windowId'), executions, statuses: statuses(context) },
    call(context),
  );
  const mode = context.node.getNodeParameter('reportOutput', context.itemIndex, 'invocation');
  if (mode === 'invocation') {
    emitReportByInvocation(context, report);
    return;
  }
  for (const { execution, tasks, summary } of report.executions) {
    context.emit(
      toItemJson({
        WindowId: report.window.WindowId,
        WindowName: report.window.Name,
        ...simplify('execution', execution),
        Summary: summary,
        Tasks: tasks.map(taskJson),
        GeneratedAt: report.generatedAt,
      }),
    );
  }
};

/** resource → operation → handler; the node's `execute` dispatches through this table. */
export const OPERATIONS: Record<string, Record<string, Operation>> = {
  invocation: { getAll: getManyInvocations, get: getInvocation, diagnose: diagnoseInvocation },
  execution: { getAll: getManyExecutions, get: getExecution },
  task: { getAll: getManyTasks },
  window: { getAll: getManyWindows },
  report: { get: getReport },
};
