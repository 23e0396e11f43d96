/**
 * The client: validation, pagination, the shared concurrency pool and rate limit, and the window
 * report, over any {@link SsmTransport}. SDK-free, so `@ssm-invocations/core/json` can offer it
 * without the AWS SDK.
 */
import { SSM_OPERATIONS, type ExecutionStatus, type SsmOperation } from '../model/constants';
import {
  InvalidInputError,
  PaginationError,
  ServiceError,
  SsmInvocationsError,
} from '../model/errors';
import {
  EXECUTION_DETAIL_FIELDS,
  EXECUTION_FIELDS,
  INVOCATION_FIELDS,
  pickFields,
  TARGET_FIELDS,
  TASK_DETAIL_FIELDS,
  TASK_FIELDS,
  WINDOW_FIELDS,
  WINDOW_SUMMARY_FIELDS,
} from '../model/record-fields';
import type { ExecutionReport, ReportError, TaskReport, WindowReport } from '../model/report';
import { summarize } from '../model/summarize';
import type {
  ExecutionDetailRecord,
  ExecutionRecord,
  InvocationRecord,
  TargetRecord,
  TaskDetailRecord,
  TaskRecord,
  WindowRecord,
  WindowSummaryRecord,
} from '../model/types';
import {
  assertInputObject,
  validateFilters,
  validateInteger,
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
import type { SsmTransport } from '../transport/types';
import { ConcurrencyPool } from './concurrency-pool';
import type {
  CallOptions,
  ExecutionRef,
  GetInvocationInput,
  InvocationsInput,
  InvocationsPage,
  ListExecutionsInput,
  ListInvocationsInput,
  ListTasksInput,
  ListWindowsInput,
  TaskRef,
  WindowRef,
  WindowReportInput,
} from './inputs';
import { RateLimiter } from './rate-limiter';

/**
 * Behaviour options shared by every way of creating a client.
 *
 * @example
 * ```ts
 * const options: ClientBehaviourOptions = { maxConcurrency: 8, requestsPerSecond: 5 };
 * ```
 */
export interface ClientBehaviourOptions {
  /** Most SSM requests of this client in flight at once (default 4). */
  maxConcurrency?: number;
  /** Client-side rate limit in requests per second, shared by all calls (default: none). */
  requestsPerSecond?: number;
  /** Safety bound on pages of one listing before a PaginationError (default 10,000). */
  maxPages?: number;
}

/**
 * Reads SSM maintenance windows, executions, tasks and per-target invocations.
 *
 * @example
 * ```ts
 * const client = createInvocationsClient({ region: 'eu-west-1' });
 * for await (const inv of client.invocations({ windowExecutionId, taskId, statuses: ['FAILED'] })) {
 *   console.log(inv.WindowTargetId, inv.StatusDetails);
 * }
 * ```
 */
export interface InvocationsClient {
  /** One page of DescribeMaintenanceWindowExecutionTaskInvocations. */
  listInvocations(input: ListInvocationsInput, options?: CallOptions): Promise<InvocationsPage>;
  /** Every invocation of a task, lazily, page by page; `limit` stops early. */
  invocations(input: InvocationsInput, options?: CallOptions): AsyncIterable<InvocationRecord>;
  /** Every invocation of a task (up to `limit`) as an array. */
  getAllInvocations(input: InvocationsInput, options?: CallOptions): Promise<InvocationRecord[]>;
  /** GetMaintenanceWindowExecutionTaskInvocation. */
  getInvocation(input: GetInvocationInput, options?: CallOptions): Promise<InvocationRecord>;
  /** GetMaintenanceWindow. */
  getWindow(input: WindowRef, options?: CallOptions): Promise<WindowRecord>;
  /** DescribeMaintenanceWindows, every page (up to `limit`). */
  listWindows(input?: ListWindowsInput, options?: CallOptions): Promise<WindowSummaryRecord[]>;
  /** DescribeMaintenanceWindowExecutions, newest first (up to `limit`). */
  listExecutions(input: ListExecutionsInput, options?: CallOptions): Promise<ExecutionRecord[]>;
  /** DescribeMaintenanceWindowExecutionTasks, every page. */
  listTasks(input: ListTasksInput, options?: CallOptions): Promise<TaskRecord[]>;
  /** GetMaintenanceWindowExecution. */
  getExecution(input: ExecutionRef, options?: CallOptions): Promise<ExecutionDetailRecord>;
  /** GetMaintenanceWindowExecutionTask. */
  getTask(input: TaskRef, options?: CallOptions): Promise<TaskDetailRecord>;
  /** DescribeMaintenanceWindowTargets, every page. */
  listTargets(input: WindowRef, options?: CallOptions): Promise<TargetRecord[]>;
  /** The window, its newest executions, their tasks and invocations, with summaries. */
  getWindowReport(input: WindowReportInput, options?: CallOptions): Promise<WindowReport>;
}

const DEFAULT_MAX_CONCURRENCY = 4;
const DEFAULT_MAX_PAGES = 10_000;
/** The biggest page SSM serves; used wherever we want everything (fewest round trips). */
const FULL_PAGE = 100;

type Output = Record<string, unknown>;

/** The member that identifies a record of each listing (duplicate detection across pages). */
const LIST_ID_FIELDS: Record<SsmOperation, string> = {
  DescribeMaintenanceWindows: 'WindowId',
  GetMaintenanceWindow: 'WindowId',
  DescribeMaintenanceWindowExecutions: 'WindowExecutionId',
  GetMaintenanceWindowExecution: 'WindowExecutionId',
  DescribeMaintenanceWindowExecutionTasks: 'TaskExecutionId',
  GetMaintenanceWindowExecutionTask: 'TaskExecutionId',
  DescribeMaintenanceWindowExecutionTaskInvocations: 'InvocationId',
  GetMaintenanceWindowExecutionTaskInvocation: 'InvocationId',
  DescribeMaintenanceWindowTargets: 'WindowTargetId',
};

interface PageRequest {
  operation: SsmOperation;
  input: Output;
  pageSize: number | undefined;
  limit?: number;
  signal?: AbortSignal;
}

function statusFilter(statuses: ExecutionStatus[] | undefined): SsmFilter[] | undefined {
  return statuses === undefined ? undefined : [{ Key: 'STATUS', Values: statuses }];
}

/** ISO-8601 as SSM documents it (`2024-11-04T05:00:00Z`), keeping milliseconds only if set. */
function isoForFilter(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

function records<T>(
  output: Output,
  key: string,
  operation: string,
  fields: readonly string[],
): T[] {
  const list = output[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    throw new ServiceError(`${operation} failed: MalformedResponse: ${key} is not a list`, {
      operation,
    });
  }
  return list.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) {
      throw new ServiceError(
        `${operation} failed: MalformedResponse: ${key} holds a non-object entry`,
        { operation },
      );
    }
    return pickFields<T>(item as Output, fields);
  });
}

function reportError(error: SsmInvocationsError): ReportError {
  return {
    code: error.code,
    name: error.name,
    message: error.message,
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
  };
}

function startMillis(record: ExecutionRecord): number {
  // An execution that has not started yet (no StartTime) is the newest of all.
  return record.StartTime?.getTime() ?? Number.POSITIVE_INFINITY;
}

/**
 * Validates the behaviour options and returns them with defaults applied.
 *
 * @example
 * ```ts
 * resolveBehaviourOptions({ maxConcurrency: 8 }); // { maxConcurrency: 8, maxPages: 10000 }
 * ```
 */
export function resolveBehaviourOptions(options: ClientBehaviourOptions): {
  maxConcurrency: number;
  requestsPerSecond?: number;
  maxPages: number;
} {
  const maxConcurrency =
    validateInteger(options.maxConcurrency, 'maxConcurrency', 1, 256) ?? DEFAULT_MAX_CONCURRENCY;
  const maxPages = validateInteger(options.maxPages, 'maxPages', 1) ?? DEFAULT_MAX_PAGES;
  const rps = options.requestsPerSecond;
  if (rps !== undefined && (typeof rps !== 'number' || !Number.isFinite(rps) || rps <= 0)) {
    throw new InvalidInputError('requestsPerSecond', 'must be a positive number');
  }
  return { maxConcurrency, maxPages, ...(rps === undefined ? {} : { requestsPerSecond: rps }) };
}

/**
 * Creates a client on any transport, without the AWS SDK: use it with {@link jsonTransport} or
 * your own {@link SsmTransport}. Also exported from `@ssm-invocations/core/json`.
 *
 * @example
 * ```ts
 * import { createInvocationsClientWithTransport, jsonTransport } from '@ssm-invocations/core/json';
 * const client = createInvocationsClientWithTransport(jsonTransport(request), { maxConcurrency: 2 });
 * const report = await client.getWindowReport({ windowId: 'mw-0123456789abcdef0' });
 * ```
 */
export function createInvocationsClientWithTransport(
  transport: SsmTransport,
  options: ClientBehaviourOptions = {},
): InvocationsClient {
  if (typeof transport !== 'object' || transport === null || typeof transport.send !== 'function') {
    throw new InvalidInputError(
      'transport',
      'must be an object with a send(operation, input) method',
    );
  }
  const resolved = resolveBehaviourOptions(options);
  const pool = new ConcurrencyPool(resolved.maxConcurrency);
  const limiter =
    resolved.requestsPerSecond === undefined
      ? undefined
      : new RateLimiter(resolved.requestsPerSecond);

  async function call(
    operation: SsmOperation,
    input: Output,
    signal?: AbortSignal,
  ): Promise<Output> {
    // Defence in depth: whatever built the input, SSM's filter rules hold before sending.
    validateFilters(input.Filters, SSM_OPERATIONS[operation].filterKeys, 'Filters');
    return pool.run(async () => {
      await limiter?.acquire(signal);
      try {
        return await transport.send(operation, input, { signal });
      } catch (error) {
        if (signal?.aborted && error === signal.reason) throw error;
        if (error instanceof SsmInvocationsError) throw error;
        // A custom transport threw something else: keep it as the cause.
        throw new ServiceError(`${operation} failed: ${String((error as Error)?.name ?? error)}`, {
          operation,
          cause: error,
        });
      }
    }, signal);
  }

  async function* pages<T>(request: PageRequest, key: string, fields: readonly string[]) {
    const { operation, input, pageSize, limit, signal } = request;
    const idField = LIST_ID_FIELDS[operation];
    const seenIds = new Set<unknown>();
    const seen = new Set<string>();
    let token = typeof input.NextToken === 'string' ? input.NextToken : undefined;
    if (token !== undefined) seen.add(token);
    let count = 0;
    for (let page = 1; ; page += 1) {
      const remaining = limit === undefined ? undefined : limit - count;
      let maxResults = pageSize;
      if (remaining !== undefined && (maxResults === undefined || remaining < maxResults)) {
        maxResults = Math.min(FULL_PAGE, Math.max(10, remaining));
      }
      const output = await call(
        operation,
        {
          ...input,
          ...(maxResults === undefined ? {} : { MaxResults: maxResults }),
          ...(token === undefined ? {} : { NextToken: token }),
        },
        signal,
      );
      const pageRecords = records<T>(output, key, operation, fields);
      // A record seen on an earlier page (or twice on this one) means the listing shifted under
      // us: fail before yielding any of this page rather than hand out duplicates.
      for (const record of pageRecords) {
        const id = (record as Output)[idField];
        if (id === undefined) continue;
        if (seenIds.has(id)) {
          throw new PaginationError(
            `${operation}: the service returned ${idField} ${String(id)} twice (page ${page}); stopping instead of returning duplicates`,
            { operation },
          );
        }
        seenIds.add(id);
      }
      for (const record of pageRecords) {
        if (limit !== undefined && count >= limit) return;
        count += 1;
        yield record;
      }
      if (limit !== undefined && count >= limit) return;
      const next = output.NextToken;
      // SSM ends a listing with an absent or empty NextToken.
      if (next === undefined || next === '') return;
      if (typeof next !== 'string') {
        throw new ServiceError(
          `${operation} failed: MalformedResponse: NextToken is not a string`,
          {
            operation,
          },
        );
      }
      if (seen.has(next)) {
        throw new PaginationError(
          `${operation}: the service repeated a NextToken after ${page} pages; stopping instead of looping`,
          { operation },
        );
      }
      if (page >= resolved.maxPages) {
        throw new PaginationError(
          `${operation}: more than ${resolved.maxPages} pages; stopping at the safety bound`,
          { operation },
        );
      }
      seen.add(next);
      token = next;
    }
  }

  async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const item of iterable) out.push(item);
    return out;
  }

  function checkInvocationsInput(input: InvocationsInput) {
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

  function invocationPages(
    checked: ReturnType<typeof checkInvocationsInput>,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<InvocationRecord> {
    const filters = statusFilter(checked.statuses);
    return pages<InvocationRecord>(
      {
        operation: 'DescribeMaintenanceWindowExecutionTaskInvocations',
        input: {
          WindowExecutionId: checked.windowExecutionId,
          TaskId: checked.taskId,
          ...(filters ? { Filters: filters } : {}),
        },
        pageSize: checked.pageSize ?? FULL_PAGE,
        limit: checked.limit,
        signal,
      },
      SSM_OPERATIONS.DescribeMaintenanceWindowExecutionTaskInvocations.listKey,
      INVOCATION_FIELDS,
    );
  }

  function checkListTasks(input: ListTasksInput) {
    assertInputObject(input, 'input', ['windowExecutionId', 'statuses']);
    return {
      windowExecutionId: validateUuidId(input.windowExecutionId, 'windowExecutionId'),
      statuses: validateStatuses(input.statuses),
    };
  }

  function tasksOf(checked: ReturnType<typeof checkListTasks>, signal?: AbortSignal) {
    const filters = statusFilter(checked.statuses);
    return collect(
      pages<TaskRecord>(
        {
          operation: 'DescribeMaintenanceWindowExecutionTasks',
          input: {
            WindowExecutionId: checked.windowExecutionId,
            ...(filters ? { Filters: filters } : {}),
          },
          pageSize: FULL_PAGE,
          signal,
        },
        SSM_OPERATIONS.DescribeMaintenanceWindowExecutionTasks.listKey,
        TASK_FIELDS,
      ),
    );
  }

  function checkListExecutions(input: ListExecutionsInput) {
    assertInputObject(input, 'input', ['windowId', 'after', 'before', 'limit']);
    const windowId = validateWindowId(input.windowId);
    const after = validateTime(input.after, 'after');
    const before = validateTime(input.before, 'before');
    validateTimeRange(after, before);
    return { windowId, after, before, limit: validateLimit(input.limit) };
  }

  async function executionsOf(
    checked: ReturnType<typeof checkListExecutions>,
    signal?: AbortSignal,
  ): Promise<ExecutionRecord[]> {
    const filters: SsmFilter[] = [];
    if (checked.after)
      filters.push({ Key: 'ExecutedAfter', Values: [isoForFilter(checked.after)] });
    if (checked.before)
      filters.push({ Key: 'ExecutedBefore', Values: [isoForFilter(checked.before)] });
    // SSM documents no ordering, so every page is read and sorted here before `limit` applies.
    const all = await collect(
      pages<ExecutionRecord>(
        {
          operation: 'DescribeMaintenanceWindowExecutions',
          input: {
            WindowId: checked.windowId,
            ...(filters.length > 0 ? { Filters: filters } : {}),
          },
          pageSize: FULL_PAGE,
          signal,
        },
        SSM_OPERATIONS.DescribeMaintenanceWindowExecutions.listKey,
        EXECUTION_FIELDS,
      ),
    );
    all.sort((a, b) => startMillis(b) - startMillis(a));
    return checked.limit === undefined ? all : all.slice(0, checked.limit);
  }

  async function getWindowChecked(windowId: string, signal?: AbortSignal): Promise<WindowRecord> {
    const output = await call('GetMaintenanceWindow', { WindowId: windowId }, signal);
    return pickFields<WindowRecord>(output, WINDOW_FIELDS);
  }

  async function taskReport(
    task: TaskRecord,
    windowExecutionId: string,
    statuses: ExecutionStatus[] | undefined,
    signal?: AbortSignal,
  ): Promise<TaskReport> {
    const taskId = task.TaskExecutionId;
    try {
      if (taskId === undefined) {
        throw new ServiceError(
          'DescribeMaintenanceWindowExecutionTasks returned a task without TaskExecutionId',
        );
      }
      const invocations = await collect(
        invocationPages(
          { windowExecutionId, taskId, statuses, pageSize: FULL_PAGE, limit: undefined },
          signal,
        ),
      );
      return { task, invocations, summary: summarize(invocations) };
    } catch (error) {
      // One task that cannot be read is reported in place; aborts and bugs still propagate.
      if (signal?.aborted || !(error instanceof SsmInvocationsError)) throw error;
      return { task, invocations: [], summary: summarize([]), error: reportError(error) };
    }
  }

  async function executionReport(
    execution: ExecutionRecord,
    statuses: ExecutionStatus[] | undefined,
    signal?: AbortSignal,
  ): Promise<ExecutionReport> {
    const windowExecutionId = execution.WindowExecutionId;
    if (windowExecutionId === undefined) {
      throw new ServiceError(
        'DescribeMaintenanceWindowExecutions failed: MalformedResponse: an execution has no WindowExecutionId',
        { operation: 'DescribeMaintenanceWindowExecutions' },
      );
    }
    const tasks = await tasksOf({ windowExecutionId, statuses: undefined }, signal);
    const taskReports = await Promise.all(
      tasks.map((task) => taskReport(task, windowExecutionId, statuses, signal)),
    );
    return {
      execution,
      tasks: taskReports,
      summary: summarize(taskReports.flatMap((t) => t.invocations)),
    };
  }

  return {
    async listInvocations(input, callOptions = {}) {
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
      const output = await call(
        operation,
        {
          WindowExecutionId: windowExecutionId,
          TaskId: taskId,
          ...(filters ? { Filters: filters } : {}),
          ...(maxResults === undefined ? {} : { MaxResults: maxResults }),
          ...(nextToken === undefined ? {} : { NextToken: nextToken }),
        },
        callOptions.signal,
      );
      const invocations = records<InvocationRecord>(
        output,
        SSM_OPERATIONS[operation].listKey,
        operation,
        INVOCATION_FIELDS,
      );
      const next = output.NextToken;
      return typeof next === 'string' && next !== ''
        ? { invocations, nextToken: next }
        : { invocations };
    },

    invocations(input, callOptions = {}) {
      // Validate now, not on first iteration, so bad input fails at the call site.
      const checked = checkInvocationsInput(input);
      return { [Symbol.asyncIterator]: () => invocationPages(checked, callOptions.signal) };
    },

    async getAllInvocations(input, callOptions = {}) {
      return collect(invocationPages(checkInvocationsInput(input), callOptions.signal));
    },

    async getInvocation(input, callOptions = {}) {
      assertInputObject(input, 'input', ['windowExecutionId', 'taskId', 'invocationId']);
      const output = await call(
        'GetMaintenanceWindowExecutionTaskInvocation',
        {
          WindowExecutionId: validateUuidId(input.windowExecutionId, 'windowExecutionId'),
          TaskId: validateUuidId(input.taskId, 'taskId'),
          InvocationId: validateUuidId(input.invocationId, 'invocationId'),
        },
        callOptions.signal,
      );
      return pickFields<InvocationRecord>(output, INVOCATION_FIELDS);
    },

    async getWindow(input, callOptions = {}) {
      assertInputObject(input, 'input', ['windowId']);
      return getWindowChecked(validateWindowId(input.windowId), callOptions.signal);
    },

    async listWindows(input = {}, callOptions = {}) {
      assertInputObject(input, 'input', ['name', 'enabled', 'limit']);
      const name = validateOptionalString(input.name, 'name', 256);
      const enabled = validateOptionalBoolean(input.enabled, 'enabled');
      const limit = validateLimit(input.limit);
      const filters: SsmFilter[] = [];
      if (name !== undefined) filters.push({ Key: 'Name', Values: [name] });
      if (enabled !== undefined)
        filters.push({ Key: 'Enabled', Values: [enabled ? 'True' : 'False'] });
      return collect(
        pages<WindowSummaryRecord>(
          {
            operation: 'DescribeMaintenanceWindows',
            input: filters.length > 0 ? { Filters: filters } : {},
            pageSize: FULL_PAGE,
            limit,
            signal: callOptions.signal,
          },
          SSM_OPERATIONS.DescribeMaintenanceWindows.listKey,
          WINDOW_SUMMARY_FIELDS,
        ),
      );
    },

    async listExecutions(input, callOptions = {}) {
      return executionsOf(checkListExecutions(input), callOptions.signal);
    },

    async listTasks(input, callOptions = {}) {
      return tasksOf(checkListTasks(input), callOptions.signal);
    },

    async getExecution(input, callOptions = {}) {
      assertInputObject(input, 'input', ['windowExecutionId']);
      const output = await call(
        'GetMaintenanceWindowExecution',
        { WindowExecutionId: validateUuidId(input.windowExecutionId, 'windowExecutionId') },
        callOptions.signal,
      );
      return pickFields<ExecutionDetailRecord>(output, EXECUTION_DETAIL_FIELDS);
    },

    async getTask(input, callOptions = {}) {
      assertInputObject(input, 'input', ['windowExecutionId', 'taskId']);
      const output = await call(
        'GetMaintenanceWindowExecutionTask',
        {
          WindowExecutionId: validateUuidId(input.windowExecutionId, 'windowExecutionId'),
          TaskId: validateUuidId(input.taskId, 'taskId'),
        },
        callOptions.signal,
      );
      return pickFields<TaskDetailRecord>(output, TASK_DETAIL_FIELDS);
    },

    async listTargets(input, callOptions = {}) {
      assertInputObject(input, 'input', ['windowId']);
      return collect(
        pages<TargetRecord>(
          {
            operation: 'DescribeMaintenanceWindowTargets',
            input: { WindowId: validateWindowId(input.windowId) },
            pageSize: FULL_PAGE,
            signal: callOptions.signal,
          },
          SSM_OPERATIONS.DescribeMaintenanceWindowTargets.listKey,
          TARGET_FIELDS,
        ),
      );
    },

    async getWindowReport(input, callOptions = {}) {
      assertInputObject(input, 'input', ['windowId', 'executions', 'statuses']);
      const windowId = validateWindowId(input.windowId);
      const executionCount = validateInteger(input.executions, 'executions', 1, 100) ?? 5;
      const statuses = validateStatuses(input.statuses);
      const { signal } = callOptions;
      // The window and its executions are independent: fetch them side by side.
      const [window, executions] = await Promise.all([
        getWindowChecked(windowId, signal),
        executionsOf(
          { windowId, after: undefined, before: undefined, limit: executionCount },
          signal,
        ),
      ]);
      const executionReports = await Promise.all(
        executions.map((execution) => executionReport(execution, statuses, signal)),
      );
      return {
        window,
        executions: executionReports,
        summary: summarize(executionReports.flatMap((e) => e.tasks.flatMap((t) => t.invocations))),
        generatedAt: new Date(),
      };
    },
  };
}
