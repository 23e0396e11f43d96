/**
 * SSM maintenance-window constants shared by every package (core, emulator, CLI, n8n node,
 * Backstage plugin). Source: the SSM Smithy model (botocore `ssm/2014-11-06/service-2.json`).
 * This module imports nothing but the (import-free) operation table, so browser bundles can use it.
 */

/**
 * Every status a maintenance-window execution, task or invocation can have.
 *
 * @example
 * ```ts
 * import { EXECUTION_STATUSES } from '@ssm-invocations/core/model';
 * EXECUTION_STATUSES.includes('SKIPPED_OVERLAPPING'); // true
 * ```
 */
export const EXECUTION_STATUSES = [
  'PENDING',
  'IN_PROGRESS',
  'SUCCESS',
  'FAILED',
  'TIMED_OUT',
  'CANCELLING',
  'CANCELLED',
  'SKIPPED_OVERLAPPING',
] as const;

/**
 * A known execution status. Records may also carry statuses AWS adds later; those pass through
 * as plain strings (see {@link ExecutionStatusValue}).
 *
 * @example
 * ```ts
 * const s: ExecutionStatus = 'FAILED';
 * ```
 */
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/**
 * A status as found on a record: one of the known ones, or a future value passed through unchanged.
 *
 * @example
 * ```ts
 * const s: ExecutionStatusValue = 'SOME_NEW_STATUS';
 * ```
 */
export type ExecutionStatusValue = ExecutionStatus | (string & {});

/**
 * Statuses that count as failed in summaries.
 *
 * @example
 * ```ts
 * FAILED_STATUSES.includes('TIMED_OUT'); // true
 * ```
 */
export const FAILED_STATUSES = [
  'FAILED',
  'TIMED_OUT',
  'CANCELLED',
] as const satisfies readonly ExecutionStatus[];

/**
 * Statuses that mean the work has not finished yet.
 *
 * @example
 * ```ts
 * RUNNING_STATUSES.includes('PENDING'); // true
 * ```
 */
export const RUNNING_STATUSES = [
  'PENDING',
  'IN_PROGRESS',
  'CANCELLING',
] as const satisfies readonly ExecutionStatus[];

/**
 * Every maintenance-window task type.
 *
 * @example
 * ```ts
 * TASK_TYPES.includes('RUN_COMMAND'); // true
 * ```
 */
export const TASK_TYPES = ['RUN_COMMAND', 'AUTOMATION', 'STEP_FUNCTIONS', 'LAMBDA'] as const;

/**
 * A known task type.
 *
 * @example
 * ```ts
 * const t: TaskType = 'LAMBDA';
 * ```
 */
export type TaskType = (typeof TASK_TYPES)[number];

/**
 * Patterns and limits from the SSM model, used by client-side validation and by the emulator.
 *
 * @example
 * ```ts
 * SSM_LIMITS.windowId.pattern.test('mw-0123456789abcdef0'); // true
 * ```
 */
export const SSM_LIMITS = {
  /** `WindowId`: exactly 20 characters. */
  windowId: { pattern: /^mw-[0-9a-f]{17}$/, length: 20 },
  /** WindowExecutionId, TaskId/TaskExecutionId, InvocationId, WindowTargetId: 36-character UUIDs. */
  executionId: {
    pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    length: 36,
  },
  /** `MaxResults` on every Describe operation here. */
  maxResults: { min: 10, max: 100 },
  /** `Filters`: at most 5 entries; key 1–128 characters, each value 1–256 characters. */
  filters: {
    maxCount: 5,
    keyMinLength: 1,
    keyMaxLength: 128,
    valueMinLength: 1,
    valueMaxLength: 256,
  },
  /** Window `Name`. */
  windowName: { pattern: /^[a-zA-Z0-9_\-.]{3,128}$/, minLength: 3, maxLength: 128 },
  /** `StatusDetails`. */
  statusDetails: { maxLength: 250 },
} as const;

/**
 * Limits of a window report (`getWindowReport`), the same in every adapter: how many of the
 * window's latest executions it covers when none is asked for, and the most and fewest a caller
 * may ask for (one page of `DescribeMaintenanceWindowExecutions`). Adapters show these in their
 * help and forms; core checks them.
 *
 * @example
 * ```ts
 * REPORT_LIMITS.executions.default; // 5
 * REPORT_LIMITS.executions.max; // 100
 * ```
 */
export const REPORT_LIMITS = {
  /** Executions per window in a report. */
  executions: { default: 5, min: 1, max: 100 },
  /** Invocations diagnosed in one report with `diagnose: 'failed'` (`maxDiagnoses`). */
  diagnoses: { default: 20, min: 1, max: 500 },
} as const;

/**
 * How long a finished execution's tasks and invocations stay in a report's `history` store
 * (`historyTtlMs`), in milliseconds: a week by default, at most 30 days — finished history never
 * changes, and SSM keeps it for a limited, unpublished time, so entries must not outlive it.
 *
 * @example
 * ```ts
 * HISTORY_LIMITS.ttlMs.default; // 604_800_000 (7 days)
 * ```
 */
export const HISTORY_LIMITS = {
  ttlMs: { default: 7 * 86_400_000, min: 60_000, max: 30 * 86_400_000 },
} as const;

/**
 * Bounds of one invocation's diagnosis: the bytes kept of each output text (its end), the nodes
 * read from ListCommandInvocations (one full page) and the pages read to find them (a service
 * answering sparse pages cannot drive one diagnosis to many requests), and the failed or timed-out
 * nodes whose output is fetched with GetCommandInvocation (one request each). A listing cut at
 * either bound, or nodes past the last, get a `LIMITED` note.
 *
 * @example
 * ```ts
 * DIAGNOSIS_LIMITS.failedNodeOutputs; // 10
 * ```
 */
export const DIAGNOSIS_LIMITS = {
  outputBytes: 4096,
  listedNodes: 50,
  listedPages: 3,
  failedNodeOutputs: 10,
} as const;

// The operation table lives in its own module; these names stay importable from here.
export { SSM_OPERATIONS, type SsmOperation } from './operations';

/**
 * The `X-Amz-Target` prefix of SSM's AWS JSON 1.1 protocol.
 *
 * @example
 * ```ts
 * `${SSM_TARGET_PREFIX}.GetMaintenanceWindow`; // 'AmazonSSM.GetMaintenanceWindow'
 * ```
 */
export const SSM_TARGET_PREFIX = 'AmazonSSM';

/**
 * Record fields that are timestamps (epoch seconds on the wire, `Date` in records). The window's
 * `StartDate`, `EndDate` and `NextExecutionTime` are ISO strings on the wire and stay strings.
 *
 * @example
 * ```ts
 * TIMESTAMP_FIELDS.includes('StartTime'); // true
 * ```
 */
export const TIMESTAMP_FIELDS = ['StartTime', 'EndTime', 'CreatedDate', 'ModifiedDate'] as const;
