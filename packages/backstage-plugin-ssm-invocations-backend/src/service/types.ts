import type { Entity } from '@backstage/catalog-model';
import type { InvocationRecord, Serialized, WindowReport } from '@ssm-invocations/core/model';

/**
 * An error kept inside a response next to the windows that did load.
 *
 * @example
 * ```ts
 * if (entry.error?.code === 'THROTTLED') retryLater();
 * ```
 */
export interface WindowReportError {
  /** The core error class name, e.g. `NotFoundError`. */
  name: string;
  message: string;
  /** The core error code, e.g. `NOT_FOUND`, `THROTTLED`, `ACCESS_DENIED`, `INVALID_INPUT`. */
  code: string;
}

/**
 * One maintenance window annotated on an entity, with its report or the reason it has none.
 *
 * @example
 * ```ts
 * for (const w of body.windows) console.log(w.windowId, w.report?.summary.failed ?? w.error?.message);
 * ```
 */
export interface EntityWindowReport {
  /** The window's ARN (as annotated, or built from the id annotation). */
  windowArn: string;
  region: string;
  accountId: string;
  windowId: string;
  /** The core's window report in its JSON form (dates as ISO strings). */
  report?: Serialized<WindowReport>;
  /** Set instead of `report` when this window could not be loaded. */
  error?: WindowReportError;
}

/**
 * Body of `GET /api/ssm-invocations/v1/entity/:namespace/:kind/:name/report`.
 *
 * @example
 * ```ts
 * const body: EntityReportResponse = await response.json();
 * ```
 */
export interface EntityReportResponse {
  windows: EntityWindowReport[];
}

/**
 * Options of {@link SsmInvocationsService.getEntityReport}.
 *
 * @example
 * ```ts
 * await service.getEntityReport(entity, { executions: 5 });
 * ```
 */
export interface EntityReportOptions {
  /** Latest executions per window; the service's configured default when unset. */
  executions?: number;
  /** Only invocations with these statuses (checked against the known SSM statuses). */
  statuses?: readonly string[];
}

/**
 * Ids of one invocation, as given in the detail route's path.
 *
 * @example
 * ```ts
 * await service.getEntityInvocation(entity, { windowExecutionId, taskId, invocationId });
 * ```
 */
export interface InvocationIds {
  windowExecutionId: string;
  taskId: string;
  invocationId: string;
}

/**
 * What the router asks of the plugin's service. The router has already read the entity with the
 * caller's credentials, so implementations only see entities the caller may read. Replace the
 * default through {@link ssmInvocationsServiceRef}.
 *
 * @example
 * ```ts
 * const report = await service.getEntityReport(entity, { executions: 3 });
 * ```
 */
export interface SsmInvocationsService {
  /**
   * Reports of every window annotated on the entity; one failing window does not hide others.
   * The result may be shared with other callers: treat it as read-only.
   */
  getEntityReport(entity: Entity, options?: EntityReportOptions): Promise<EntityReportResponse>;
  /**
   * One invocation, only if its execution belongs to a window annotated on the entity; throws a
   * core `NotFoundError` otherwise.
   */
  getEntityInvocation(entity: Entity, ids: InvocationIds): Promise<Serialized<InvocationRecord>>;
}
