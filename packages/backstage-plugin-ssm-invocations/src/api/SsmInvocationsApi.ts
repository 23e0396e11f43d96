import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { InvocationRecord, Serialized, WindowReport } from '@ssm-invocations/core/model';

/**
 * One annotated window as the backend answers it: the report, or the error that kept it from
 * loading (other windows of the entity still load).
 *
 * @example
 * ```ts
 * for (const w of (await api.getEntityReport(ref)).windows) {
 *   if (w.error) console.warn(w.windowId, w.error.message);
 * }
 * ```
 */
export interface EntityWindowReport {
  windowArn: string;
  region: string;
  accountId: string;
  windowId: string;
  report?: Serialized<WindowReport>;
  error?: { name: string; message: string; code?: string };
}

/**
 * `GET /v1/entity/:namespace/:kind/:name/report` response.
 *
 * @example
 * ```ts
 * const { windows }: EntityReport = await api.getEntityReport(ref, { executions: 7 });
 * ```
 */
export interface EntityReport {
  windows: EntityWindowReport[];
}

/**
 * Identifies one invocation of one task of one window execution.
 *
 * @example
 * ```ts
 * const id: InvocationKey = { windowExecutionId, taskId, invocationId };
 * ```
 */
export interface InvocationKey {
  windowExecutionId: string;
  taskId: string;
  invocationId: string;
}

/**
 * What the card needs from the `ssm-invocations` backend plugin.
 *
 * @example
 * ```ts
 * const api = useApi(ssmInvocationsApiRef);
 * const report = await api.getEntityReport({ kind: 'Component', namespace: 'default', name: 'payments' });
 * ```
 */
export interface SsmInvocationsApi {
  /** Reports of every window the entity is annotated with, newest executions first. */
  getEntityReport(
    entity: CompoundEntityRef,
    options?: { executions?: number; signal?: AbortSignal },
  ): Promise<EntityReport>;
  /** One invocation in full (including `Parameters`, which reports leave as they are). */
  getInvocation(
    entity: CompoundEntityRef,
    key: InvocationKey,
    options?: { signal?: AbortSignal },
  ): Promise<Serialized<InvocationRecord>>;
}

/**
 * Reference to the {@link SsmInvocationsApi}; apps and tests provide it.
 *
 * @example
 * ```tsx
 * <TestApiProvider apis={[[ssmInvocationsApiRef, fakeApi]]}>…</TestApiProvider>
 * ```
 */
export const ssmInvocationsApiRef = createApiRef<SsmInvocationsApi>({
  id: 'plugin.ssm-invocations.service',
});
