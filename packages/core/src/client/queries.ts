/**
 * The client's plain reads: one record by id, or one listing, each validated before anything is
 * sent. The checked forms (`executionsOf`, `tasksOf`, …) are shared with the report and walks.
 */
import type { ExecutionStatus } from '../model/constants';
import { recordOf, recordsOf } from '../model/record-fields';
import type {
  ExecutionRecord,
  InvocationRecord,
  TaskRecord,
  WindowRecord,
  WindowSummaryRecord,
} from '../model/types';
import {
  assertInputObject,
  validateLimit,
  validateMaxResults,
  validateOptionalBoolean,
  validateOptionalString,
  validateStatuses,
  validateTime,
  validateTimeRange,
  validateUuidId,
  validateWindowId,
  type SsmFilter,
} from '../model/validators';
import { signalOf } from './call-options';
import type {
  GetInvocationInput,
  InvocationsInput,
  ListExecutionsInput,
  ListTasksInput,
  ListWindowsInput,
} from './inputs';
import type { InvocationsClient } from './invocations-client';
import {
  FULL_PAGE,
  listAll,
  listPages,
  listRecords,
  type ListingRequest,
  type Page,
} from './paginate';
import type { ClientContext } from './request';

/** The methods of {@link InvocationsClient} that read one record or one listing. */
export type Queries = Omit<
  InvocationsClient,
  | 'getWindowReport'
  | 'invocationsSince'
  | 'findExecutionWindow'
  | 'invocationsPage'
  | 'diagnoseInvocation'
  | 'listTagsForResource'
>;

/** Validated input of a task's invocation listing. */
export interface CheckedInvocations {
  windowExecutionId: string;
  taskId: string;
  statuses?: ExecutionStatus[];
  pageSize?: number;
  limit?: number;
}

/** Validated input of an execution listing. */
export interface CheckedExecutions {
  windowId: string;
  after?: Date;
  before?: Date;
  limit?: number;
}

function statusFilter(statuses: readonly ExecutionStatus[] | undefined): SsmFilter[] | undefined {
  return statuses === undefined ? undefined : [{ Key: 'STATUS', Values: [...statuses] }];
}

/**
 * ISO-8601 in whole seconds, as SSM documents its `ExecutedAfter`/`ExecutedBefore` values
 * (`2024-11-04T05:00:00Z`). A bound with milliseconds is widened (an `after` down, a `before` up)
 * so no execution in the range is lost; the caller drops the overlap it already saw.
 */
function isoForFilter(date: Date, widen: 'down' | 'up'): string {
  const ms = date.getTime();
  const rounded = widen === 'down' ? Math.floor(ms / 1000) * 1000 : Math.ceil(ms / 1000) * 1000;
  return new Date(rounded).toISOString().replace(/\.000Z$/, 'Z');
}

function startMillis(record: ExecutionRecord): number {
  // An execution that has not started yet (no StartTime) is the newest of all.
  return record.StartTime?.getTime() ?? Number.POSITIVE_INFINITY;
}

function checkInvocations(input: InvocationsInput): CheckedInvocations {
  assertInputObject(input, 'input', [
    'windowExecutionId',
    'taskId',
    'statuses',
    'pageSize',
    'limit',
  ]);
  return {
    windowExecutionId: validateUuidId(input.windowExecutionId, 'windowExecutionId'),
    taskId: validateUuidId(input.taskId, 'taskId'),
    statuses: validateStatuses(input.statuses),
    pageSize: validateMaxResults(input.pageSize, 'pageSize'),
    limit: validateLimit(input.limit),
  };
}

function invocationListing(checked: CheckedInvocations, signal?: AbortSignal): ListingRequest {
  const filters = statusFilter(checked.statuses);
  return {
    operation: 'DescribeMaintenanceWindowExecutionTaskInvocations',
    input: {
      WindowExecutionId: checked.windowExecutionId,
      TaskId: checked.taskId,
      ...(filters ? { Filters: filters } : {}),
    },
    pageSize: checked.pageSize ?? FULL_PAGE,
    limit: checked.limit,
    signal,
  };
}

/** A task's invocations, lazily, page by page. */
export function invocationsOf(
  context: ClientContext,
  checked: CheckedInvocations,
  signal?: AbortSignal,
): AsyncGenerator<InvocationRecord> {
  return listRecords<InvocationRecord>(context, invocationListing(checked, signal));
}

/** A task's invocation pages, lazily (for callers that ask for the next page early). */
export function invocationPagesOf(
  context: ClientContext,
  checked: CheckedInvocations,
  signal?: AbortSignal,
): AsyncGenerator<Page<InvocationRecord>> {
  return listPages<InvocationRecord>(context, invocationListing(checked, signal));
}

/** Every task of a window execution. */
export function tasksOf(
  context: ClientContext,
  checked: { windowExecutionId: string; statuses?: ExecutionStatus[] },
  signal?: AbortSignal,
): Promise<TaskRecord[]> {
  const filters = statusFilter(checked.statuses);
  return listAll<TaskRecord>(context, {
    operation: 'DescribeMaintenanceWindowExecutionTasks',
    input: {
      WindowExecutionId: checked.windowExecutionId,
      ...(filters ? { Filters: filters } : {}),
    },
    pageSize: FULL_PAGE,
    signal,
  });
}

function checkExecutions(input: ListExecutionsInput): CheckedExecutions {
  assertInputObject(input, 'input', ['windowId', 'after', 'before', 'limit']);
  const windowId = validateWindowId(input.windowId);
  const after = validateTime(input.after, 'after');
  const before = validateTime(input.before, 'before');
  validateTimeRange(after, before);
  return { windowId, after, before, limit: validateLimit(input.limit) };
}

/** A window's executions in a time range, newest first (up to `limit`). */
export async function executionsOf(
  context: ClientContext,
  checked: CheckedExecutions,
  signal?: AbortSignal,
): Promise<ExecutionRecord[]> {
  const filters: SsmFilter[] = [];
  if (checked.after)
    filters.push({ Key: 'ExecutedAfter', Values: [isoForFilter(checked.after, 'down')] });
  if (checked.before)
    filters.push({ Key: 'ExecutedBefore', Values: [isoForFilter(checked.before, 'up')] });
  // SSM documents no ordering, so every page is read and sorted here before `limit` applies.
  const all = await listAll<ExecutionRecord>(context, {
    operation: 'DescribeMaintenanceWindowExecutions',
    input: { WindowId: checked.windowId, ...(filters.length > 0 ? { Filters: filters } : {}) },
    pageSize: FULL_PAGE,
    signal,
  });
  // The filters were widened to whole seconds: the exact range is kept here.
  const { after, before } = checked;
  const inRange = all.filter((execution) => {
    const start = execution.StartTime?.getTime();
    if (start === undefined) return true;
    return (
      (after === undefined || start >= after.getTime()) &&
      (before === undefined || start <= before.getTime())
    );
  });
  inRange.sort((a, b) => startMillis(b) - startMillis(a));
  return checked.limit === undefined ? inRange : inRange.slice(0, checked.limit);
}

/** One window by its (validated) id. */
export async function windowOf(
  context: ClientContext,
  windowId: string,
  signal?: AbortSignal,
): Promise<WindowRecord> {
  const output = await context.send('GetMaintenanceWindow', { WindowId: windowId }, signal);
  return recordOf<WindowRecord>('GetMaintenanceWindow', output);
}

/** Every window (up to `limit`), optionally by name and enabled state. */
export function windowsOf(
  context: ClientContext,
  checked: { name?: string; enabled?: boolean; limit?: number },
  signal?: AbortSignal,
): Promise<WindowSummaryRecord[]> {
  const filters: SsmFilter[] = [];
  if (checked.name !== undefined) filters.push({ Key: 'Name', Values: [checked.name] });
  if (checked.enabled !== undefined)
    filters.push({ Key: 'Enabled', Values: [checked.enabled ? 'True' : 'False'] });
  return listAll<WindowSummaryRecord>(context, {
    operation: 'DescribeMaintenanceWindows',
    input: filters.length > 0 ? { Filters: filters } : {},
    pageSize: FULL_PAGE,
    limit: checked.limit,
    signal,
  });
}

/** The reads of one client. */
/**
 * GetMaintenanceWindowExecutionTaskInvocation, its ids validated before anything is sent.
 */
export async function invocationOf(
  context: ClientContext,
  input: GetInvocationInput,
  signal?: AbortSignal,
): Promise<InvocationRecord> {
  assertInputObject(input, 'input', ['windowExecutionId', 'taskId', 'invocationId']);
  const operation = 'GetMaintenanceWindowExecutionTaskInvocation';
  const output = await context.send(
    operation,
    {
      WindowExecutionId: validateUuidId(input.windowExecutionId, 'windowExecutionId'),
      TaskId: validateUuidId(input.taskId, 'taskId'),
      InvocationId: validateUuidId(input.invocationId, 'invocationId'),
    },
    signal,
  );
  return recordOf(operation, output);
}

export function createQueries(context: ClientContext): Queries {
  const { send } = context;
  return {
    async listInvocations(input, callOptions) {
      const signal = signalOf(callOptions);
      assertInputObject(input, 'input', [
        'windowExecutionId',
        'taskId',
        'statuses',
        'maxResults',
        'nextToken',
      ]);
      const windowExecutionId = validateUuidId(input.windowExecutionId, 'windowExecutionId');
      const taskId = validateUuidId(input.taskId, 'taskId');
      const filters = statusFilter(validateStatuses(input.statuses));
      const maxResults = validateMaxResults(input.maxResults);
      const nextToken = validateOptionalString(input.nextToken, 'nextToken');
      const operation = 'DescribeMaintenanceWindowExecutionTaskInvocations';
      const output = await send(
        operation,
        {
          WindowExecutionId: windowExecutionId,
          TaskId: taskId,
          ...(filters ? { Filters: filters } : {}),
          ...(maxResults === undefined ? {} : { MaxResults: maxResults }),
          ...(nextToken === undefined ? {} : { NextToken: nextToken }),
        },
        signal,
      );
      const invocations = recordsOf<InvocationRecord>(operation, output);
      const next = output.NextToken;
      return typeof next === 'string' && next !== ''
        ? { invocations, nextToken: next }
        : { invocations };
    },

    invocations(input, callOptions) {
      // Validate now, not on first iteration, so bad input fails at the call site.
      const signal = signalOf(callOptions);
      const checked = checkInvocations(input);
      return {
        [Symbol.asyncIterator]: () => invocationsOf(context, checked, signal),
      };
    },

    async getAllInvocations(input, callOptions) {
      const signal = signalOf(callOptions);
      const out: InvocationRecord[] = [];
      const checked = checkInvocations(input);
      for await (const record of invocationsOf(context, checked, signal)) {
        out.push(record);
      }
      return out;
    },

    getInvocation: async (input, callOptions) =>
      invocationOf(context, input, signalOf(callOptions)),

    async getWindow(input, callOptions) {
      const signal = signalOf(callOptions);
      assertInputObject(input, 'input', ['windowId']);
      return windowOf(context, validateWindowId(input.windowId), signal);
    },

    async listWindows(input: ListWindowsInput = {}, callOptions) {
      const signal = signalOf(callOptions);
      assertInputObject(input, 'input', ['name', 'enabled', 'limit']);
      const name = validateOptionalString(input.name, 'name', 256);
      const enabled = validateOptionalBoolean(input.enabled, 'enabled');
      const limit = validateLimit(input.limit);
      return windowsOf(context, { name, enabled, limit }, signal);
    },

    async listExecutions(input, callOptions) {
      const signal = signalOf(callOptions);
      return executionsOf(context, checkExecutions(input), signal);
    },

    async listTasks(input: ListTasksInput, callOptions) {
      const signal = signalOf(callOptions);
      assertInputObject(input, 'input', ['windowExecutionId', 'statuses']);
      const windowExecutionId = validateUuidId(input.windowExecutionId, 'windowExecutionId');
      const statuses = validateStatuses(input.statuses);
      return tasksOf(context, { windowExecutionId, statuses }, signal);
    },

    async getExecution(input, callOptions) {
      const signal = signalOf(callOptions);
      assertInputObject(input, 'input', ['windowExecutionId']);
      const operation = 'GetMaintenanceWindowExecution';
      const output = await send(
        operation,
        { WindowExecutionId: validateUuidId(input.windowExecutionId, 'windowExecutionId') },
        signal,
      );
      return recordOf(operation, output);
    },

    async getTask(input, callOptions) {
      const signal = signalOf(callOptions);
      assertInputObject(input, 'input', ['windowExecutionId', 'taskId']);
      const operation = 'GetMaintenanceWindowExecutionTask';
      const output = await send(
        operation,
        {
          WindowExecutionId: validateUuidId(input.windowExecutionId, 'windowExecutionId'),
          TaskId: validateUuidId(input.taskId, 'taskId'),
        },
        signal,
      );
      return recordOf(operation, output);
    },

    async listTargets(input, callOptions) {
      const signal = signalOf(callOptions);
      assertInputObject(input, 'input', ['windowId']);
      return listAll(context, {
        operation: 'DescribeMaintenanceWindowTargets',
        input: { WindowId: validateWindowId(input.windowId) },
        pageSize: FULL_PAGE,
        signal,
      });
    },
  };
}
