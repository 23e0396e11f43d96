/**
 * The nine SSM maintenance-window operations over an {@link EmulatorStore}: validate the input
 * as SSM does, look records up, filter, order and paginate. Outputs keep `Date` values; the
 * server writes them as epoch seconds with milliseconds.
 */
import { NextTokenCodec, paginate, type SortKey } from './next-token';
import { ServiceError } from './service-error';
import type {
  EmulatorExecution,
  EmulatorInvocation,
  EmulatorStore,
  EmulatorTarget,
  EmulatorTask,
  EmulatorWindow,
} from '../state/store';
import type { SsmOperationName } from './service-model';
import {
  ValidationErrors,
  checkFilters,
  checkMaxResults,
  readFilters,
  readInteger,
  readRequiredMembers,
  readString,
  type WireFilter,
} from './validation';

/** What an operation handler needs besides its input. */
export interface OperationContext {
  store: EmulatorStore;
  codec: NextTokenCodec;
  /** Set by the repeat-token fault: answer with this NextToken instead of the real one. */
  repeatToken?: boolean;
}

/** An operation's JSON input (already parsed) → its output object. */
export type OperationHandler = (
  input: Record<string, unknown>,
  context: OperationContext,
) => Record<string, unknown>;

/** SSM's default page size when MaxResults is absent. */
const DEFAULT_MAX_RESULTS = 10;

interface ListQuery {
  maxResults: number;
  nextToken?: string;
  filters: WireFilter[];
}

/** Reads and validates MaxResults, NextToken and Filters (collecting errors into `errors`). */
function readListQuery(
  operation: SsmOperationName,
  input: Record<string, unknown>,
  errors: ValidationErrors,
): ListQuery {
  const maxResults = readInteger(input, 'MaxResults');
  const nextToken = readString(input, 'NextToken');
  const filters = readFilters(input);
  checkMaxResults(errors, maxResults);
  checkFilters(errors, operation, filters);
  return { maxResults: maxResults ?? DEFAULT_MAX_RESULTS, nextToken, filters: filters ?? [] };
}

/** Cuts the page (honouring the repeat-token fault) and returns the list plus NextToken. */
function pageOf<T>(
  operation: SsmOperationName,
  input: Record<string, unknown>,
  query: ListQuery,
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  context: OperationContext,
): { items: T[]; nextToken?: string } {
  const queryHash = NextTokenCodec.queryHash(operation, input);
  const after =
    query.nextToken === undefined || query.nextToken === ''
      ? undefined
      : context.codec.decode(query.nextToken, queryHash);
  const page = paginate(items, keyOf, {
    maxResults: query.maxResults,
    after,
    codec: context.codec,
    queryHash,
  });
  if (!context.repeatToken) return page;
  // The fault: keep handing out one token forever. The first page gets a token even when it is
  // the last page (pointing past the end), later pages echo the token they were sent.
  const last = items[items.length - 1];
  const endToken = context.codec.encode(last === undefined ? [] : keyOf(last), queryHash);
  return { items: page.items, nextToken: query.nextToken || page.nextToken || endToken };
}

/** Keeps the records matching every STATUS filter (values ORed, filters ANDed). */
function filterByStatus<T extends { Status: string }>(records: T[], filters: WireFilter[]): T[] {
  const sets = filters.filter((f) => f.Key === 'STATUS').map((f) => new Set(f.Values));
  // Most calls have no filter; skipping the pass matters for 10,000-invocation tasks.
  if (sets.length === 0) return records;
  return records.filter((record) => sets.every((set) => set.has(record.Status)));
}

function windowIdentity(window: EmulatorWindow): Record<string, unknown> {
  const { AllowUnassociatedTargets: _a, CreatedDate: _c, ModifiedDate: _m, ...identity } = window;
  return identity;
}

function executionTaskIdentity(task: EmulatorTask): Record<string, unknown> {
  return {
    WindowExecutionId: task.WindowExecutionId,
    TaskExecutionId: task.TaskExecutionId,
    Status: task.Status,
    StatusDetails: task.StatusDetails,
    StartTime: task.StartTime,
    EndTime: task.EndTime,
    TaskArn: task.TaskArn,
    TaskType: task.TaskType,
    AlarmConfiguration: task.AlarmConfiguration,
    TriggeredAlarms: task.TriggeredAlarms,
  };
}

function requireExecution(store: EmulatorStore, windowExecutionId: string): EmulatorExecution {
  const execution = store.getExecution(windowExecutionId);
  if (!execution) {
    throw new ServiceError(
      'DoesNotExistException',
      `Maintenance window execution ${windowExecutionId} does not exist`,
    );
  }
  return execution;
}

function requireTask(store: EmulatorStore, windowExecutionId: string, taskId: string) {
  requireExecution(store, windowExecutionId);
  const task = store.getTask(windowExecutionId, taskId);
  if (!task) {
    throw new ServiceError(
      'DoesNotExistException',
      `Task ${taskId} does not exist in maintenance window execution ${windowExecutionId}`,
    );
  }
  return task;
}

function requireWindow(store: EmulatorStore, windowId: string): EmulatorWindow {
  const window = store.getWindow(windowId);
  if (!window) {
    throw new ServiceError(
      'DoesNotExistException',
      `Maintenance window ${windowId} does not exist`,
    );
  }
  return window;
}

const describeMaintenanceWindows: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const query = readListQuery('DescribeMaintenanceWindows', input, errors);
  errors.throwIfAny();
  const windows = context.store.windows.filter((window) =>
    query.filters.every((filter) =>
      filter.Key === 'Name'
        ? filter.Values.includes(window.Name)
        : filter.Values.some((value) => value.toLowerCase() === String(window.Enabled)),
    ),
  );
  const page = pageOf(
    'DescribeMaintenanceWindows',
    input,
    query,
    windows,
    (w) => context.store.windowKey(w),
    context,
  );
  return { WindowIdentities: page.items.map(windowIdentity), NextToken: page.nextToken };
};

const getMaintenanceWindow: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const { WindowId } = readRequiredMembers('GetMaintenanceWindow', input, errors);
  errors.throwIfAny();
  return { ...requireWindow(context.store, WindowId as string) };
};

const describeMaintenanceWindowExecutions: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const { WindowId: windowId } = readRequiredMembers(
    'DescribeMaintenanceWindowExecutions',
    input,
    errors,
  );
  const query = readListQuery('DescribeMaintenanceWindowExecutions', input, errors);
  errors.throwIfAny();
  // The SSM model lists no DoesNotExistException here: an unknown window has no executions.
  const executions = context.store.executionsOf(windowId as string).filter((execution) =>
    query.filters.every((filter) => {
      const bound = Date.parse(filter.Values[0] ?? '');
      const start = execution.StartTime?.getTime();
      if (start === undefined) return false;
      return filter.Key === 'ExecutedBefore' ? start <= bound : start >= bound;
    }),
  );
  const page = pageOf(
    'DescribeMaintenanceWindowExecutions',
    input,
    query,
    executions,
    (e) => context.store.executionKey(e),
    context,
  );
  return { WindowExecutions: page.items.map((e) => ({ ...e })), NextToken: page.nextToken };
};

const getMaintenanceWindowExecution: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const { WindowExecutionId: windowExecutionId } = readRequiredMembers(
    'GetMaintenanceWindowExecution',
    input,
    errors,
  );
  errors.throwIfAny();
  const execution = requireExecution(context.store, windowExecutionId as string);
  return {
    WindowExecutionId: execution.WindowExecutionId,
    TaskIds: context.store.tasksOf(execution.WindowExecutionId).map((t) => t.TaskExecutionId),
    Status: execution.Status,
    StatusDetails: execution.StatusDetails,
    StartTime: execution.StartTime,
    EndTime: execution.EndTime,
  };
};

const describeMaintenanceWindowExecutionTasks: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const { WindowExecutionId: windowExecutionId } = readRequiredMembers(
    'DescribeMaintenanceWindowExecutionTasks',
    input,
    errors,
  );
  const query = readListQuery('DescribeMaintenanceWindowExecutionTasks', input, errors);
  errors.throwIfAny();
  requireExecution(context.store, windowExecutionId as string);
  const tasks = filterByStatus(context.store.tasksOf(windowExecutionId as string), query.filters);
  const page = pageOf(
    'DescribeMaintenanceWindowExecutionTasks',
    input,
    query,
    tasks,
    (t) => context.store.taskKey(t),
    context,
  );
  return {
    WindowExecutionTaskIdentities: page.items.map(executionTaskIdentity),
    NextToken: page.nextToken,
  };
};

const getMaintenanceWindowExecutionTask: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const { WindowExecutionId: windowExecutionId, TaskId: taskId } = readRequiredMembers(
    'GetMaintenanceWindowExecutionTask',
    input,
    errors,
  );
  errors.throwIfAny();
  const { TaskType, ...task } = requireTask(
    context.store,
    windowExecutionId as string,
    taskId as string,
  );
  return { ...task, Type: TaskType };
};

const describeMaintenanceWindowExecutionTaskInvocations: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const { WindowExecutionId: windowExecutionId, TaskId: taskId } = readRequiredMembers(
    'DescribeMaintenanceWindowExecutionTaskInvocations',
    input,
    errors,
  );
  const query = readListQuery('DescribeMaintenanceWindowExecutionTaskInvocations', input, errors);
  errors.throwIfAny();
  requireTask(context.store, windowExecutionId as string, taskId as string);
  const invocations = filterByStatus(
    context.store.invocationsOf(windowExecutionId as string, taskId as string),
    query.filters,
  );
  const page = pageOf(
    'DescribeMaintenanceWindowExecutionTaskInvocations',
    input,
    query,
    invocations,
    (i: EmulatorInvocation) => context.store.invocationKey(i),
    context,
  );
  return {
    WindowExecutionTaskInvocationIdentities: page.items.map((i) => ({ ...i })),
    NextToken: page.nextToken,
  };
};

const getMaintenanceWindowExecutionTaskInvocation: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const {
    WindowExecutionId: windowExecutionId,
    TaskId: taskId,
    InvocationId: invocationId,
  } = readRequiredMembers('GetMaintenanceWindowExecutionTaskInvocation', input, errors);
  errors.throwIfAny();
  requireTask(context.store, windowExecutionId as string, taskId as string);
  const invocation = context.store.getInvocation(
    windowExecutionId as string,
    taskId as string,
    invocationId as string,
  );
  if (!invocation) {
    throw new ServiceError(
      'DoesNotExistException',
      `Invocation ${invocationId} does not exist for task ${taskId} in maintenance window execution ${windowExecutionId}`,
    );
  }
  return { ...invocation };
};

const describeMaintenanceWindowTargets: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const { WindowId: windowId } = readRequiredMembers(
    'DescribeMaintenanceWindowTargets',
    input,
    errors,
  );
  const query = readListQuery('DescribeMaintenanceWindowTargets', input, errors);
  errors.throwIfAny();
  requireWindow(context.store, windowId as string);
  const targets = context.store
    .targetsOf(windowId as string)
    .filter((target) =>
      query.filters.every((filter) => filter.Values.includes(targetField(target, filter.Key))),
    );
  const page = pageOf(
    'DescribeMaintenanceWindowTargets',
    input,
    query,
    targets,
    (t) => context.store.targetKey(t),
    context,
  );
  return { Targets: page.items.map((t) => ({ ...t })), NextToken: page.nextToken };
};

function targetField(target: EmulatorTarget, key: string): string {
  if (key === 'Type') return target.ResourceType;
  if (key === 'WindowTargetId') return target.WindowTargetId;
  return target.OwnerInformation ?? '';
}

/** The handler of each operation, keyed by the name after `AmazonSSM.` in `X-Amz-Target`. */
export const OPERATION_HANDLERS: Record<SsmOperationName, OperationHandler> = {
  DescribeMaintenanceWindows: describeMaintenanceWindows,
  GetMaintenanceWindow: getMaintenanceWindow,
  DescribeMaintenanceWindowExecutions: describeMaintenanceWindowExecutions,
  GetMaintenanceWindowExecution: getMaintenanceWindowExecution,
  DescribeMaintenanceWindowExecutionTasks: describeMaintenanceWindowExecutionTasks,
  GetMaintenanceWindowExecutionTask: getMaintenanceWindowExecutionTask,
  DescribeMaintenanceWindowExecutionTaskInvocations:
    describeMaintenanceWindowExecutionTaskInvocations,
  GetMaintenanceWindowExecutionTaskInvocation: getMaintenanceWindowExecutionTaskInvocation,
  DescribeMaintenanceWindowTargets: describeMaintenanceWindowTargets,
};

/** Whether `name` is one of the nine operations. */
export function isOperation(name: string): name is SsmOperationName {
  return Object.prototype.hasOwnProperty.call(OPERATION_HANDLERS, name);
}
