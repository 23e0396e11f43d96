// The backend mounts these route patterns and the frontend builds its URLs from the same strings,
// so the two cannot drift apart.
import type { EntityReportQuery, InvocationIds } from './responses';

/**
 * The plugin id of both plugins: the backend is mounted at `/api/ssm-invocations`, and the
 * frontend finds it with `discoveryApi.getBaseUrl(SSM_INVOCATIONS_PLUGIN_ID)`.
 *
 * @example
 * ```ts
 * const baseUrl = await discoveryApi.getBaseUrl(SSM_INVOCATIONS_PLUGIN_ID);
 * ```
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
 */
export const ENTITY_DIAGNOSIS_ROUTE = '/v1/entity/:namespace/:kind/:name/diagnosis';

/**
 * The parts of an entity reference the routes need; a catalog `CompoundEntityRef` fits.
 *
 * @example
 * ```ts
 * const entity: EntityRouteRef = { namespace: 'default', kind: 'Component', name: 'payments-api' };
 * ```
 */
export interface EntityRouteRef {
  namespace: string;
  kind: string;
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

/**
 * Path (relative to the plugin's base URL) of the diagnosis of one invocation of a window
 * annotated on the entity.
 *
 * @example
 * ```ts
 * entityDiagnosisPath(entity, { windowExecutionId, taskId, invocationId });
 * // '/v1/entity/default/Component/payments-api/diagnosis?windowExecutionId=…&taskId=…&invocationId=…'
 * ```
 */
export function entityDiagnosisPath(entity: EntityRouteRef, ids: InvocationIds): string {
  const { namespace, kind, name } = entity;
  const query = (['windowExecutionId', 'taskId', 'invocationId'] as const)
    .map((key) => `${key}=${encodeURIComponent(ids[key])}`)
    .join('&');
  return `${fillRoute(ENTITY_DIAGNOSIS_ROUTE, { namespace, kind, name })}?${query}`;
}
