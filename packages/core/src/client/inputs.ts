/**
 * Input and option types of the client's methods. SDK-free.
 */
import type { ExecutionStatus } from '../model/constants';
import type {
  ExecutionRecord,
  InvocationRecord,
  TaskRecord,
  WindowSummaryRecord,
} from '../model/types';
import type { ReportHistoryStore } from './report-history';

/**
 * Per-call options accepted as the last argument of every client method.
 *
 * @example
 * ```ts
 * await client.getWindow({ windowId }, { signal: AbortSignal.timeout(10_000) });
 * ```
 */
export interface CallOptions {
  /** Aborts the call; it then rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Call options of `getWindowReport`: besides `signal`, a `history` store that keeps what can no
 * longer change. An execution that has finished (not PENDING, IN_PROGRESS or CANCELLING) — its
 * task list, each task's invocations and, with `diagnose: 'failed'`, their diagnoses — is stored
 * under a versioned key per execution, status filter and diagnose mode, and read back on the next
 * report instead of refetched. The window and its execution list, and every execution still
 * running, are always fetched. A store that fails, or an entry that is not well-formed, only
 * costs a refetch (the entry is then overwritten). Backstage's `CacheService` fits as it is.
 *
 * @example
 * ```ts
 * import { createMemoryHistoryStore } from '@ssm-invocations/core';
 * const history = createMemoryHistoryStore({ maxEntries: 500 });
 * await client.getWindowReport({ windowId }, { history }); // cold: every request
 * await client.getWindowReport({ windowId }, { history }); // warm: window + execution list only, when all finished
 * // In a Backstage backend: { history: cache } with the plugin's `coreServices.cache`.
 * ```
 */
export interface WindowReportOptions extends CallOptions {
  /** Where finished executions are kept between reports; none by default. */
  history?: ReportHistoryStore;
  /**
   * How long a finished execution stays in `history`, in milliseconds (default 7 days, from
   * 1 minute to 30 days: SSM does not keep execution history forever).
   */
  historyTtlMs?: number;
}

/**
 * Identifies one task execution of one window execution.
 *
 * @example
 * ```ts
 * const task: TaskRef = { windowExecutionId: '6e5c9b6c-…', taskId: 'a1b2c3d4-…' };
 * ```
 */
export interface TaskRef {
  /** The window execution id (36-character UUID). */
  windowExecutionId: string;
  /** The task execution id (36-character UUID; SSM's `TaskId`). */
  taskId: string;
}

/**
 * Input of `listInvocations`: one page of DescribeMaintenanceWindowExecutionTaskInvocations.
 *
 * @example
 * ```ts
 * const input: ListInvocationsInput = { windowExecutionId, taskId, statuses: ['FAILED'], maxResults: 50 };
 * ```
 */
export interface ListInvocationsInput extends TaskRef {
  /** Only invocations with these statuses (the STATUS filter). */
  statuses?: readonly ExecutionStatus[];
  /** Page size, 10–100 (SSM's `MaxResults`). */
  maxResults?: number;
  /** The `nextToken` of the previous page. */
  nextToken?: string;
}

/**
 * One page of invocations.
 *
 * @example
 * ```ts
 * const { invocations, nextToken }: InvocationsPage = await client.listInvocations(input);
 * ```
 */
export interface InvocationsPage {
  invocations: InvocationRecord[];
  /** Present when there are more pages. */
  nextToken?: string;
}

/**
 * Input of `invocations` and `getAllInvocations`: every page, optionally capped.
 *
 * @example
 * ```ts
 * const input: InvocationsInput = { windowExecutionId, taskId, pageSize: 100, limit: 250 };
 * ```
 */
export interface InvocationsInput extends TaskRef {
  statuses?: readonly ExecutionStatus[];
  /** Page size, 10–100 (default 100). */
  pageSize?: number;
  /** Stop after this many records; pages that are not needed are never fetched. */
  limit?: number;
}

/**
 * Input of `getInvocation`.
 *
 * @example
 * ```ts
 * await client.getInvocation({ windowExecutionId, taskId, invocationId });
 * ```
 */
export interface GetInvocationInput extends TaskRef {
  /** The invocation id (36-character UUID). */
  invocationId: string;
}

/**
 * Input of `diagnoseInvocation`: the invocation to diagnose.
 *
 * @example
 * ```ts
 * const input: DiagnoseInvocationInput = { windowExecutionId, taskId, invocationId };
 * ```
 */
export type DiagnoseInvocationInput = GetInvocationInput;

/**
 * Identifies a window.
 *
 * @example
 * ```ts
 * await client.getWindow({ windowId: 'mw-0123456789abcdef0' });
 * ```
 */
export interface WindowRef {
  /** `mw-` followed by 17 lowercase hex digits. */
  windowId: string;
}

/**
 * Input of `listWindows`.
 *
 * @example
 * ```ts
 * await client.listWindows({ name: 'nightly-patching', enabled: true });
 * ```
 */
export interface ListWindowsInput {
  /** Only windows with exactly this name. */
  name?: string;
  /** Only enabled (`true`) or disabled (`false`) windows. */
  enabled?: boolean;
  /** At most this many windows. */
  limit?: number;
}

/**
 * Input of `listExecutions`.
 *
 * @example
 * ```ts
 * await client.listExecutions({ windowId, after: '2026-11-01T00:00:00Z', limit: 10 });
 * ```
 */
export interface ListExecutionsInput extends WindowRef {
  /**
   * Only executions that started at or after this time (`ExecutedAfter`, inclusive; sent in whole
   * seconds, rounded down). Executions still running are listed, and read, on every walk.
   */
  after?: Date | string;
  /** Only executions that started before this time (`ExecutedBefore`). */
  before?: Date | string;
  /** The newest this many executions. */
  limit?: number;
}

/**
 * Identifies a window execution.
 *
 * @example
 * ```ts
 * await client.getExecution({ windowExecutionId });
 * ```
 */
export interface ExecutionRef {
  windowExecutionId: string;
}

/**
 * Input of `listTasks`.
 *
 * @example
 * ```ts
 * await client.listTasks({ windowExecutionId, statuses: ['FAILED'] });
 * ```
 */
export interface ListTasksInput extends ExecutionRef {
  statuses?: readonly ExecutionStatus[];
}

/**
 * Input of `getWindowReport`.
 *
 * @example
 * ```ts
 * await client.getWindowReport({ windowId, executions: 3, statuses: ['FAILED', 'TIMED_OUT'] });
 * ```
 */
export interface WindowReportInput extends WindowRef {
  /** How many of the newest executions to include, 1–100 (default 5). */
  executions?: number;
  /** Only invocations with these statuses. */
  statuses?: readonly ExecutionStatus[];
  /**
   * `'failed'`: failed and timed-out invocations get their diagnosis in their task's
   * `diagnoses` (as `diagnoseInvocation` gives it, without a second read of the invocation).
   * Default `'none'`.
   */
  diagnose?: 'failed' | 'none';
  /** Most invocations diagnosed in the report, 1–500 (default 20); the rest are counted. */
  maxDiagnoses?: number;
}

/**
 * Input of `invocationsSince`.
 *
 * @example
 * ```ts
 * const input: InvocationsSinceInput = { after: cursor, statuses: ['FAILED', 'TIMED_OUT'] };
 * ```
 */
export interface InvocationsSinceInput {
  /** The windows to walk (default: every window of the region). */
  windowIds?: readonly string[];
  /**
   * Only executions that started at or after this time (`ExecutedAfter`, inclusive; sent in whole
   * seconds, rounded down). Executions still running are listed, and read, on every walk.
   */
  after: Date | string;
  /** Only invocations with these statuses (default: every status). */
  statuses?: readonly ExecutionStatus[];
  /**
   * Read at most this many executions of each window, newest first (default: all since `after`).
   * Skipped executions (see `skipFinishedExecutionIds`) do not count. Executions it leaves out are
   * not read, but still hold the cursor: the result's `cursor` never passes one, `truncated` is
   * set, and a left-out execution listed as running still gives `oldestRunningStart`. So the next
   * walk from `cursor` (with `finishedExecutionIds` skipped) reads the next older ones.
   */
  executionsPerWindow?: number;
  /**
   * Executions already walked when they had finished (the `finishedExecutionIds` of the previous
   * walk): when the listing shows one of them finished again, its tasks and invocations are not
   * read. Needed for correctness, not only cost: `after` (the previous `cursor`) is inclusive, so
   * without it the execution at the cursor is read again and its matches come back every walk.
   */
  skipFinishedExecutionIds?: ReadonlySet<string> | readonly string[];
}

/**
 * One invocation found by `invocationsSince`, with the window, execution and task it belongs to.
 *
 * @example
 * ```ts
 * const { window, execution, task, invocation }: InvocationMatch = result.matches[0];
 * ```
 */
export interface InvocationMatch {
  /** The window (its `WindowId` is always set). */
  window: WindowSummaryRecord & { WindowId: string };
  execution: ExecutionRecord;
  task: TaskRecord;
  invocation: InvocationRecord;
}

/**
 * Result of `invocationsSince`: the matching invocations and where the next walk should start.
 *
 * @example
 * ```ts
 * const { matches, cursor }: InvocationsSince = await client.invocationsSince({ after });
 * ```
 */
export interface InvocationsSince {
  /** Window by window (in the order asked or listed), newest execution first, task order kept. */
  matches: InvocationMatch[];
  /**
   * The `after` to keep for the next walk: the start of the oldest execution still running (its
   * targets may still change) or left out by `executionsPerWindow`, else the start of the newest
   * execution seen, else `after` itself.
   */
  cursor: Date;
  /** The start of the oldest execution still running; absent when none is. */
  oldestRunningStart?: Date;
  /**
   * `true` when `executionsPerWindow` left executions out (not read); the cursor is then held at
   * the oldest of them. Absent when every listed execution was read or skipped.
   */
  truncated?: boolean;
  /**
   * Ids of every finished execution this walk listed, read or skipped (nothing of them can
   * change any more): pass them as the next walk's `skipFinishedExecutionIds`. Ids that are no
   * longer listed drop out, so a caller that keeps only this list stays bounded by its window.
   */
  finishedExecutionIds: string[];
}

/**
 * Input of `findExecutionWindow`.
 *
 * @example
 * ```ts
 * await client.findExecutionWindow({ windowExecutionId, windowIds: ['mw-0123456789abcdef0'] });
 * ```
 */
export interface FindExecutionWindowInput extends ExecutionRef {
  /** The windows that may have run the execution (at least one). */
  windowIds: readonly string[];
}

/**
 * Input of `listTagsForResource`: the resource whose tags to read. Only maintenance windows are
 * supported; their id is the window id.
 *
 * @example
 * ```ts
 * const input: ListTagsForResourceInput = { resourceType: 'MaintenanceWindow', resourceId: 'mw-0123456789abcdef0' };
 * ```
 */
export interface ListTagsForResourceInput {
  /** SSM's `ResourceType`; `MaintenanceWindow` is the only one supported. */
  resourceType: 'MaintenanceWindow';
  /** The window id (`mw-` and 17 hex digits). */
  resourceId: string;
}
