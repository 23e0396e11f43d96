// The JSON the backend plugin answers and the frontend plugin reads. Declared once here so a
// change to the wire format is a type error on both sides, not a silent mismatch.
import type {
  InvocationRecord,
  ReportError,
  Serialized,
  WindowReportSummary,
} from '@ssm-invocations/core/model';
import type { ReportInvocation } from './diagnosisResponse';

/**
 * An error kept inside a response next to the windows that did load: core's `ReportError`
 * (`code`, `name`, `message`, `requestId` when AWS answered), as core's `toReportError` builds it,
 * or the backend's own refusal with code `NOT_ALLOWED` (name `WindowRefusedError`: the window's
 * account or region is not allowed, or its ownership tag does not name the entity or its owner).
 *
 * @example
 * ```ts
 * if (entry.error?.code === 'THROTTLED') retryLater();
 * if (entry.error?.code === 'NOT_ALLOWED') hideWindow();
 * ```
 *
 * @public
 */
export type WindowReportError = Omit<ReportError, 'code'> & {
  code: ReportError['code'] | 'NOT_ALLOWED';
};

/**
 * One maintenance window annotated on an entity, with its report or the reason it has none
 * (other windows of the entity still load).
 *
 * @example
 * ```ts
 * for (const w of body.windows) console.log(w.windowId, w.report?.summary.failed ?? w.error?.message);
 * ```
 *
 * @public
 */
export interface EntityWindowReport {
  /** The window's ARN (as annotated, or built from the id annotation). */
  windowArn: string;
  /** The window's region. */
  region: string;
  /** The window's AWS account. */
  accountId: string;
  /** The window's id (`mw-…`). */
  windowId: string;
  /**
   * The core's window report in summary shape (`summarizeWindowReport`), as JSON (dates as ISO
   * strings): every count and duration, but per task only the failed, timed-out, cancelled and
   * running targets (at most `maxTargetsPerTask`, the rest counted in `invocationsOmitted`). The
   * full target list of a task is paged by the task targets route
   * ({@link ENTITY_TASK_TARGETS_ROUTE}).
   */
  report?: Serialized<WindowReportSummary>;
  /** Set instead of `report` when this window could not be loaded. */
  error?: WindowReportError;
}

/**
 * Body of `GET /api/ssm-invocations/v1/entity/:namespace/:kind/:name/report`
 * ({@link ENTITY_REPORT_ROUTE}). An entity without window annotations answers `{ windows: [] }`.
 *
 * @example
 * ```ts
 * const body: EntityReportResponse = await response.json();
 * ```
 *
 * @public
 */
export interface EntityReportResponse {
  /** One entry per window annotated on the entity, in annotation order. */
  windows: EntityWindowReport[];
}

/**
 * Body of `GET /api/ssm-invocations/v1/entity/:namespace/:kind/:name/invocations/…`
 * ({@link ENTITY_INVOCATION_ROUTE}): one invocation in full, dates as ISO strings.
 *
 * @example
 * ```ts
 * const invocation: EntityInvocationResponse = await response.json();
 * console.log(invocation.Status, invocation.StatusDetails);
 * ```
 *
 * @public
 */
export type EntityInvocationResponse = Serialized<InvocationRecord>;

/**
 * Query of the report route: what to include per window.
 *
 * @example
 * ```ts
 * const query: EntityReportQuery = { executions: 7, statuses: ['FAILED', 'TIMED_OUT'] };
 * ```
 *
 * @public
 */
export interface EntityReportQuery {
  /** Latest executions per window; the backend's configured default when unset. */
  executions?: number;
  /** Only invocations with these statuses (the backend checks them against the known SSM statuses). */
  statuses?: readonly string[];
}

/**
 * Ids of one invocation of one task of one window execution, as the detail route's path has them.
 *
 * @example
 * ```ts
 * const ids: InvocationIds = { windowExecutionId, taskId, invocationId };
 * ```
 *
 * @public
 */
export interface InvocationIds {
  /** The window execution (a UUID). */
  windowExecutionId: string;
  /** The task execution within it (a UUID). */
  taskId: string;
  /** The invocation (one target) of that task (a UUID). */
  invocationId: string;
}

/**
 * Ids of one task of one window execution.
 *
 * @example
 * ```ts
 * const ids: TaskIds = { windowExecutionId, taskId };
 * ```
 *
 * @public
 */
export interface TaskIds {
  /** The window execution (a UUID). */
  windowExecutionId: string;
  /** The task execution within it (a UUID). */
  taskId: string;
}

/**
 * Body of `GET /api/ssm-invocations/v1/entity/:namespace/:kind/:name/targets`
 * ({@link ENTITY_TASK_TARGETS_ROUTE}): one page of a task's targets (invocations), in SSM's
 * order, at most {@link TASK_TARGETS_PAGE_SIZE}; `nextToken` when more remain.
 *
 * @example
 * ```ts
 * const page: EntityTaskTargetsResponse = await response.json();
 * if (page.nextToken) next = entityTaskTargetsPath(entity, ids, { nextToken: page.nextToken });
 * ```
 *
 * @public
 */
export interface EntityTaskTargetsResponse {
  /** This page's targets, each with the instances (or resources) it ran on. */
  invocations: ReportInvocation[];
  /** Pass it back as `nextToken` for the next page; absent on the last page. */
  nextToken?: string;
}
