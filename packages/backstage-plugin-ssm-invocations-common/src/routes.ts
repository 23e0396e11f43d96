// The backend mounts these route patterns and the frontend builds its URLs from the same strings,
// so the two cannot drift apart.
import type { EntityReportQuery, InvocationIds, TaskIds } from './responses';

/**
 * The plugin id of both plugins: the backend is mounted at `/api/ssm-invocations`, and the
 * frontend finds it with `discoveryApi.getBaseUrl(SSM_INVOCATIONS_PLUGIN_ID)`.
 *
 * @example
 * ```ts
 * const baseUrl = await discoveryApi.getBaseUrl(SSM_INVOCATIONS_PLUGIN_ID);
 * ```
 *
 * @public
 */
export const SSM_INVOCATIONS_PLUGIN_ID = 'ssm-invocations';

/**
 * Route pattern (relative to the plugin's base URL) of the per-entity report; answers
 * {@link EntityReportResponse}.
 *
 * @example
 * ```ts
 * router.get(ENTITY_REPORT_ROUTE, handler);
 * ```
 *
 * @public
 */
export const ENTITY_REPORT_ROUTE = '/v1/entity/:namespace/:kind/:name/report';

/**
 * Route pattern (relative to the plugin's base URL) of one invocation of a window annotated on the
 * entity; answers {@link EntityInvocationResponse}.
 *
 * @example
 * ```ts
 * router.get(ENTITY_INVOCATION_ROUTE, handler);
 * ```
 *
 * @public
 */
export const ENTITY_INVOCATION_ROUTE =
  '/v1/entity/:namespace/:kind/:name/invocations/:windowExecutionId/:taskId/:invocationId';

/**
 * Route pattern (relative to the plugin's base URL) of the diagnosis of one invocation of a window
 * annotated on the entity, the invocation named by the query (`windowExecutionId`, `taskId`,
 * `invocationId`); answers {@link EntityDiagnosisResponse}.
 *
 * @example
 * ```ts
 * router.get(ENTITY_DIAGNOSIS_ROUTE, handler);
 * ```
 *
 * @public
 */
export const ENTITY_DIAGNOSIS_ROUTE = '/v1/entity/:namespace/:kind/:name/diagnosis';

/**
 * Route pattern (relative to the plugin's base URL) of one page of the targets (invocations) of
 * one task of a window annotated on the entity, the task named by the query (`windowExecutionId`,
 * `taskId`, and `nextToken` after the first page); answers {@link EntityTaskTargetsResponse}.
 *
 * @example
 * ```ts
 * router.get(ENTITY_TASK_TARGETS_ROUTE, handler);
 * ```
 *
 * @public
 */
export const ENTITY_TASK_TARGETS_ROUTE = '/v1/entity/:namespace/:kind/:name/targets';

/**
 * Targets per page of the task targets route ({@link ENTITY_TASK_TARGETS_ROUTE}).
 *
 * @example
 * ```ts
 * if (page.invocations.length < TASK_TARGETS_PAGE_SIZE) console.log('last page');
 * ```
 *
 * @public
 */
export const TASK_TARGETS_PAGE_SIZE = 100;

/**
 * The parts of an entity reference the routes need; a catalog `CompoundEntityRef` fits.
 *
 * @example
 * ```ts
 * const entity: EntityRouteRef = { namespace: 'default', kind: 'Component', name: 'payments-api' };
 * ```
 *
 * @public
 */
export interface EntityRouteRef {
  /** The entity's namespace, e.g. `default`. */
  namespace: string;
  /** The entity's kind, e.g. `Component`. */
  kind: string;
  /** The entity's name. */
  name: string;
}

/** Replaces each `:param` of a route pattern with its URI-encoded value. */
function fillRoute(route: string, params: Readonly<Record<string, string>>): string {
  return route.replace(/:([A-Za-z]+)/g, (_match, key: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`Route parameter ${key} is missing`);
    return encodeURIComponent(value);
  });
}

/**
 * Path (relative to the plugin's base URL) of an entity's report, with the query.
 *
 * @example
 * ```ts
 * entityReportPath({ namespace: 'default', kind: 'Component', name: 'payments-api' }, { executions: 7 });
 * // '/v1/entity/default/Component/payments-api/report?executions=7'
 * ```
 *
 * @public
 */
export function entityReportPath(entity: EntityRouteRef, query: EntityReportQuery = {}): string {
  const { namespace, kind, name } = entity;
  const search: string[] = [];
  if (query.executions !== undefined) {
    search.push(`executions=${encodeURIComponent(query.executions)}`);
  }
  if (query.statuses !== undefined) {
    search.push(`statuses=${query.statuses.map(encodeURIComponent).join(',')}`);
  }
  const path = fillRoute(ENTITY_REPORT_ROUTE, { namespace, kind, name });
  return search.length === 0 ? path : `${path}?${search.join('&')}`;
}

/**
 * Path (relative to the plugin's base URL) of one invocation of a window annotated on the entity.
 *
 * @example
 * ```ts
 * entityInvocationPath(entity, { windowExecutionId, taskId, invocationId });
 * // '/v1/entity/default/Component/payments-api/invocations/<windowExecutionId>/<taskId>/<invocationId>'
 * ```
 *
 * @public
 */
export function entityInvocationPath(entity: EntityRouteRef, ids: InvocationIds): string {
  const { namespace, kind, name } = entity;
  const { windowExecutionId, taskId, invocationId } = ids;
  return fillRoute(ENTITY_INVOCATION_ROUTE, {
    namespace,
    kind,
    name,
    windowExecutionId,
    taskId,
    invocationId,
  });
}

/** `key=value` pairs of a query, each value URI-encoded, undefined ones left out. */
function queryOf(values: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(values)
    .flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${encodeURIComponent(value)}`]))
    .join('&');
}

/**
 * Path (relative to the plugin's base URL) of one page of a task's targets; `nextToken` is the
 * previous page's.
 *
 * @example
 * ```ts
 * entityTaskTargetsPath(entity, { windowExecutionId, taskId }, { nextToken: page.nextToken });
 * // '/v1/entity/default/Component/payments-api/targets?windowExecutionId=…&taskId=…&nextToken=…'
 * ```
 *
 * @public
 */
export function entityTaskTargetsPath(
  entity: EntityRouteRef,
  ids: TaskIds,
  page: { nextToken?: string } = {},
): string {
  const { namespace, kind, name } = entity;
  const query = queryOf({
    windowExecutionId: ids.windowExecutionId,
    taskId: ids.taskId,
    nextToken: page.nextToken,
  });
  return `${fillRoute(ENTITY_TASK_TARGETS_ROUTE, { namespace, kind, name })}?${query}`;
}

/**
 * Path (relative to the plugin's base URL) of the diagnosis of one invocation of a window
 * annotated on the entity.
 *
 * @example
 * ```ts
 * entityDiagnosisPath(entity, { windowExecutionId, taskId, invocationId });
 * // '/v1/entity/default/Component/payments-api/diagnosis?windowExecutionId=…&taskId=…&invocationId=…'
 * ```
 *
 * @public
 */
export function entityDiagnosisPath(entity: EntityRouteRef, ids: InvocationIds): string {
  const { namespace, kind, name } = entity;
  const { windowExecutionId, taskId, invocationId } = ids;
  const query = queryOf({ windowExecutionId, taskId, invocationId });
  return `${fillRoute(ENTITY_DIAGNOSIS_ROUTE, { namespace, kind, name })}?${query}`;
}
