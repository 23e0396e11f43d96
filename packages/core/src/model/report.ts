/**
 * Report and summary shapes: what `getWindowReport` returns, what the Backstage backend serves
 * (as JSON, see {@link Serialized}) and what the CLI, the n8n node and the card display.
 */
import type { CredentialFault } from './credential-fault';
import type { InvocationDiagnosis } from './diagnosis';
import type { SsmInvocationsErrorCode } from './errors';
import type { ExecutionRecord, InvocationRecord, TaskRecord, WindowRecord } from './types';

/**
 * Counts and durations over a set of invocations.
 *
 * @example
 * ```ts
 * const s: InvocationSummary = summarize(invocations);
 * console.log(`${s.failed} of ${s.total} failed`);
 * ```
 */
export interface InvocationSummary {
  /** Number of invocations. */
  total: number;
  /** Count per status, every known status present (0 when none); unknown statuses added as found. */
  byStatus: Record<string, number>;
  /** FAILED + TIMED_OUT + CANCELLED. */
  failed: number;
  /** PENDING + IN_PROGRESS + CANCELLING. */
  running: number;
  /** SUCCESS ÷ finished (total − running), from 0 to 1; `null` when nothing has finished. */
  successRate: number | null;
  /** Milliseconds between StartTime and EndTime of invocations that have both; `null` when none. */
  durationMs: { min: number; p50: number; max: number } | null;
}

/**
 * An error kept inside a report (one task failed to load; the rest of the report stands), as
 * {@link toReportError} builds it.
 *
 * @example
 * ```ts
 * if (task.error) console.warn(`${task.error.code}: ${task.error.message}`);
 * ```
 */
export interface ReportError {
  /** The core error's `code`, e.g. `THROTTLED`, `NOT_FOUND`, `ACCESS_DENIED`, `SERVICE_ERROR`. */
  code: SsmInvocationsErrorCode;
  /** The core error class name, e.g. `ThrottledError`. */
  name: string;
  message: string;
  requestId?: string;
  /**
   * The SSM operation that failed, when known, e.g. `DescribeMaintenanceWindowExecutions`; for an
   * `ACCESS_DENIED` error, {@link iamActionOf} names the IAM action to allow.
   */
  operation?: string;
  /** On `ACCESS_DENIED`: AWS refused the credentials themselves, not a permission — what to fix. */
  credentialFault?: CredentialFault;
}

/**
 * One task of an execution, with its invocations.
 *
 * @example
 * ```ts
 * for (const inv of taskReport.invocations) console.log(inv.WindowTargetId, inv.Status);
 * ```
 */
export interface TaskReport {
  task: TaskRecord;
  invocations: InvocationRecord[];
  summary: InvocationSummary;
  /** Set when this task's invocations could not be fetched; `invocations` is then empty. */
  error?: ReportError;
  /**
   * With `diagnose: 'failed'`: the diagnosis of each failed or timed-out invocation diagnosed,
   * by `InvocationId` (absent otherwise).
   */
  diagnoses?: Record<string, InvocationDiagnosis>;
}

/**
 * One execution of a window, with its tasks.
 *
 * @example
 * ```ts
 * console.log(exec.execution.Status, exec.summary.failed);
 * ```
 */
export interface ExecutionReport {
  execution: ExecutionRecord;
  tasks: TaskReport[];
  /** Over every invocation of every task of this execution. */
  summary: InvocationSummary;
}

/**
 * A window with its latest executions (newest first), each with its tasks and invocations.
 *
 * @example
 * ```ts
 * const report = await client.getWindowReport({ windowId: 'mw-0123456789abcdef0', executions: 5 });
 * console.log(report.window.Name, report.summary.successRate);
 * ```
 */
export interface WindowReport {
  window: WindowRecord;
  executions: ExecutionReport[];
  /** Over every invocation in the report. */
  summary: InvocationSummary;
  /** When the report was assembled. */
  generatedAt: Date;
  /**
   * With `diagnose: 'failed'`: failed or timed-out invocations left undiagnosed because
   * `maxDiagnoses` was reached (absent otherwise).
   */
  diagnosesOmitted?: number;
}

/**
 * The JSON form of a record or report: every `Date` becomes an ISO-8601 string, as
 * `JSON.stringify` writes it. This is what HTTP APIs (the Backstage backend) serve.
 *
 * @example
 * ```ts
 * const body: Serialized<WindowReport> = await response.json();
 * new Date(body.generatedAt);
 * ```
 */
export type Serialized<T> = T extends Date
  ? string
  : // Primitives first: `string & {}` (open status unions) would otherwise count as an object.
    T extends string | number | boolean | bigint | symbol | null | undefined
    ? T
    : T extends (infer U)[]
      ? Serialized<U>[]
      : T extends object
        ? { [K in keyof T]: Serialized<T[K]> }
        : T;
