/**
 * Workflows over several reads: the invocations since a point in time across windows (what a
 * polling trigger needs), and which window ran an execution (SSM's execution record does not say).
 */
import { RUNNING_STATUSES, type ExecutionStatus } from '../model/constants';
import { InvalidInputError, NotFoundError, ServiceError } from '../model/errors';
import { recordOf } from '../model/record-fields';
import { isRunning, isSettledExecution } from '../model/status';
import type { ExecutionDetailRecord, ExecutionRecord, WindowSummaryRecord } from '../model/types';
import {
  assertInputObject,
  validateLimit,
  validateStatuses,
  validateTime,
  validateUuidId,
  validateWindowId,
} from '../model/validators';
import type {
  FindExecutionWindowInput,
  InvocationMatch,
  InvocationsSince,
  InvocationsSinceInput,
} from './inputs';
import { FULL_PAGE } from './paginate';
import { executionsOf, invocationsOf, tasksOf, windowOf, windowsOf } from './queries';
import type { ClientContext } from './request';

/** How far around an execution's start its window's executions are listed to find it. */
const EXECUTION_SEARCH_MS = 1000;
/** How many of a window's newest executions are searched for one that has not started yet. */
const UNSTARTED_EXECUTIONS_SEARCHED = 50;

type NamedWindow = InvocationMatch['window'];

/** What one execution contributes to a walk. */
interface ExecutionFindings {
  matches: InvocationMatch[];
  startMs?: number;
  running: boolean;
  /** Its id when it had finished (read or skipped). */
  finishedId?: string;
  /** Left out by `executionsPerWindow`: not read, so the cursor must not pass it. */
  leftOut?: true;
}

function malformed(operation: string, what: string): ServiceError {
  return new ServiceError(`${operation} failed: MalformedResponse: ${what}`, { operation });
}

/** Validates a list of window ids: at least one, each well-formed; duplicates dropped. */
function checkWindowIds(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidInputError(field, 'must be a non-empty array of window ids');
  }
  return [...new Set(value.map((id: unknown, i) => validateWindowId(id, `${field}[${i}]`)))];
}

function withId(window: WindowSummaryRecord, operation: string): NamedWindow {
  const { WindowId } = window;
  if (WindowId === undefined) throw malformed(operation, 'a window has no WindowId');
  return { ...window, WindowId };
}

/** Runs `work` with a signal that also aborts once any part of it failed, so siblings stop. */
async function failFast<T>(
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const failed = new AbortController();
  const combined = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
  try {
    return await work(combined);
  } catch (error) {
    failed.abort(error);
    throw error;
  }
}

/**
 * The STATUS filter of a walk's invocation listings: the statuses asked for plus the running ones,
 * so the walk still learns whether an execution has settled without a second listing.
 */
function listedStatuses(statuses: ExecutionStatus[] | undefined): ExecutionStatus[] | undefined {
  return statuses === undefined ? undefined : [...new Set([...statuses, ...RUNNING_STATUSES])];
}

async function executionFindings(
  context: ClientContext,
  window: NamedWindow,
  execution: ExecutionRecord,
  statuses: ExecutionStatus[] | undefined,
  signal: AbortSignal,
): Promise<ExecutionFindings> {
  const windowExecutionId = execution.WindowExecutionId;
  if (windowExecutionId === undefined) {
    throw malformed('DescribeMaintenanceWindowExecutions', 'an execution has no WindowExecutionId');
  }
  const tasks = await tasksOf(context, { windowExecutionId }, signal);
  const wanted = statuses === undefined ? undefined : new Set<string | undefined>(statuses);
  const partStatuses: (string | undefined)[] = tasks.map((task) => task.Status);
  const perTask = await Promise.all(
    tasks.map(async (task) => {
      const taskId = task.TaskExecutionId;
      if (taskId === undefined) {
        throw malformed('DescribeMaintenanceWindowExecutionTasks', 'a task has no TaskExecutionId');
      }
      const found: InvocationMatch[] = [];
      const pages = invocationsOf(
        context,
        { windowExecutionId, taskId, statuses: listedStatuses(statuses), pageSize: FULL_PAGE },
        signal,
      );
      for await (const invocation of pages) {
        partStatuses.push(invocation.Status);
        if (wanted === undefined || wanted.has(invocation.Status)) {
          found.push({ window, execution, task, invocation });
        }
      }
      return found;
    }),
  );
  const running = !isSettledExecution(execution.Status, partStatuses);
  return {
    matches: perTask.flat(),
    ...startOf(execution),
    running,
    ...(running ? {} : { finishedId: windowExecutionId }),
  };
}

function startOf(execution: ExecutionRecord): { startMs?: number } {
  return execution.StartTime === undefined ? {} : { startMs: execution.StartTime.getTime() };
}

/** A finished execution the caller already walked: it still counts for the cursor. */
function skippedFindings(execution: ExecutionRecord, id: string): ExecutionFindings {
  return { matches: [], ...startOf(execution), running: false, finishedId: id };
}

/** Validates `skipFinishedExecutionIds`: a Set or an array of strings. */
function checkSkipIds(value: unknown): ReadonlySet<string> {
  if (value === undefined) return new Set();
  const ids = value instanceof Set ? [...(value as Set<unknown>)] : value;
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw new InvalidInputError(
      'skipFinishedExecutionIds',
      'must be a Set or an array of execution ids',
    );
  }
  return value instanceof Set ? (value as ReadonlySet<string>) : new Set(ids as string[]);
}

/** An execution `executionsPerWindow` left out: only its listed status is known. */
function leftOutFindings(execution: ExecutionRecord): ExecutionFindings {
  return {
    matches: [],
    ...startOf(execution),
    running: isRunning(execution.Status),
    leftOut: true,
  };
}

/**
 * What a walk does with each of a window's executions (newest first): skip it (a finished one the
 * caller already walked: free, so it never uses up the limit), read it (the newest `limit` of the
 * rest) or leave it out.
 */
function planExecutions(
  executions: ExecutionRecord[],
  skip: ReadonlySet<string>,
  limit: number | undefined,
): ('skip' | 'read' | 'leave')[] {
  let reads = 0;
  return executions.map((execution) => {
    const id = execution.WindowExecutionId;
    if (id !== undefined && skip.has(id) && !isRunning(execution.Status)) return 'skip';
    reads += 1;
    return limit === undefined || reads <= limit ? 'read' : 'leave';
  });
}

/** The cursor of a walk from what its executions showed; see {@link InvocationsSince}. */
function cursorOf(
  after: Date,
  findings: ExecutionFindings[],
): Omit<InvocationsSince, 'matches' | 'finishedExecutionIds'> {
  let oldestRunningMs: number | undefined;
  let oldestHeldMs: number | undefined;
  let newestMs: number | undefined;
  for (const { startMs, running, leftOut } of findings) {
    // One not started yet has no start time; it will start after any cursor we keep.
    if (startMs === undefined) continue;
    if (running) oldestRunningMs = Math.min(oldestRunningMs ?? startMs, startMs);
    if (running || leftOut) oldestHeldMs = Math.min(oldestHeldMs ?? startMs, startMs);
    newestMs = Math.max(newestMs ?? startMs, startMs);
  }
  const cursorMs = oldestHeldMs ?? newestMs;
  return {
    cursor: cursorMs === undefined ? after : new Date(cursorMs),
    ...(oldestRunningMs === undefined ? {} : { oldestRunningStart: new Date(oldestRunningMs) }),
    ...(findings.some((f) => f.leftOut) ? { truncated: true } : {}),
  };
}

/** `invocationsSince`: windows → executions since `after` → tasks → matching invocations. */
export async function invocationsSince(
  context: ClientContext,
  input: InvocationsSinceInput,
  signal?: AbortSignal,
): Promise<InvocationsSince> {
  assertInputObject(input, 'input', [
    'windowIds',
    'after',
    'statuses',
    'executionsPerWindow',
    'skipFinishedExecutionIds',
  ]);
  const windowIds =
    input.windowIds === undefined ? undefined : checkWindowIds(input.windowIds, 'windowIds');
  const after = validateTime(input.after, 'after');
  if (after === undefined) throw new InvalidInputError('after', 'is required');
  const statuses = validateStatuses(input.statuses);
  const limit = validateLimit(input.executionsPerWindow, 'executionsPerWindow');
  const skip = checkSkipIds(input.skipFinishedExecutionIds);

  const findings = await failFast(signal, async (walkSignal) => {
    const windows = windowIds
      ? await Promise.all(windowIds.map((id) => windowOf(context, id, walkSignal)))
      : await windowsOf(context, {}, walkSignal);
    const perWindow = await Promise.all(
      windows.map(async (listed) => {
        const window = withId(
          listed,
          windowIds ? 'GetMaintenanceWindow' : 'DescribeMaintenanceWindows',
        );
        // Every execution since `after` is listed (executionsOf reads every page anyway); the
        // limit applies here, so what it leaves out still holds the cursor and running state.
        const executions = await executionsOf(
          context,
          { windowId: window.WindowId, after },
          walkSignal,
        );
        const plan = planExecutions(executions, skip, limit);
        return Promise.all(
          executions.map((execution, i) => {
            const id = execution.WindowExecutionId;
            if (plan[i] === 'skip' && id !== undefined) return skippedFindings(execution, id);
            if (plan[i] === 'leave') return leftOutFindings(execution);
            return executionFindings(context, window, execution, statuses, walkSignal);
          }),
        );
      }),
    );
    return perWindow.flat();
  });
  return {
    matches: findings.flatMap((f) => f.matches),
    ...cursorOf(after, findings),
    finishedExecutionIds: findings.flatMap((f) =>
      f.finishedId === undefined ? [] : [f.finishedId],
    ),
  };
}

/** `findExecutionWindow`: the id of the window among `windowIds` that ran the execution. */
export async function findExecutionWindow(
  context: ClientContext,
  input: FindExecutionWindowInput,
  signal?: AbortSignal,
): Promise<string | undefined> {
  assertInputObject(input, 'input', ['windowExecutionId', 'windowIds']);
  const windowExecutionId = validateUuidId(input.windowExecutionId, 'windowExecutionId');
  const windowIds = checkWindowIds(input.windowIds, 'windowIds');
  let execution: ExecutionDetailRecord;
  try {
    const operation = 'GetMaintenanceWindowExecution';
    execution = recordOf(
      operation,
      await context.send(operation, { WindowExecutionId: windowExecutionId }, signal),
    );
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
  const startMs = execution.StartTime?.getTime();
  // One window at a time: most lookups name one or two windows, and the first match ends it.
  for (const windowId of windowIds) {
    const executions = await executionsOf(
      context,
      startMs === undefined
        ? { windowId, limit: UNSTARTED_EXECUTIONS_SEARCHED }
        : {
            windowId,
            after: new Date(startMs - EXECUTION_SEARCH_MS),
            before: new Date(startMs + EXECUTION_SEARCH_MS),
          },
      signal,
    );
    if (executions.some((listed) => listed.WindowExecutionId === windowExecutionId)) {
      return windowId;
    }
  }
  return undefined;
}
