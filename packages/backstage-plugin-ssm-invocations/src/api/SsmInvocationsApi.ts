import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  EntityDiagnosisResponse,
  EntityInvocationResponse,
  EntityReportQuery,
  EntityReportResponse,
  EntityTaskTargetsResponse,
  InvocationIds,
  TaskIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';

/**
 * What the card needs from the `ssm-invocations` backend plugin. The response types come from
 * `@ssm-invocations/backstage-plugin-ssm-invocations-common`, shared with the backend.
 *
 * @example
 * ```ts
 * const api = useApi(ssmInvocationsApiRef);
 * const report = await api.getEntityReport({ kind: 'Component', namespace: 'default', name: 'payments' });
 * ```
 *
 * @public
 */
export interface SsmInvocationsApi {
  /**
   * Reports of every window the entity is annotated with, newest executions first, in summary
   * shape: per task its counts, and only the failed, timed-out, cancelled and running targets.
   */
  getEntityReport(
    entity: CompoundEntityRef,
    options?: EntityReportQuery & { signal?: AbortSignal },
  ): Promise<EntityReportResponse>;
  /** One invocation in full (including `Parameters`, which reports leave as they are). */
  getInvocation(
    entity: CompoundEntityRef,
    ids: InvocationIds,
    options?: { signal?: AbortSignal },
  ): Promise<EntityInvocationResponse>;
  /**
   * What the service that ran one invocation says: per node the exit code and stderr tail, or the
   * failed Automation step, with console links (`outputWithheld` when the caller may not read
   * command output). Optional so that existing implementations still compile; the card says the
   * diagnosis is unavailable without it.
   */
  getDiagnosis?(
    entity: CompoundEntityRef,
    ids: InvocationIds,
    options?: { signal?: AbortSignal },
  ): Promise<EntityDiagnosisResponse>;
  /**
   * One page (100) of every target of one task, when the user expands a task's target list;
   * pass the previous page's `nextToken` for the next. Optional so that existing implementations
   * still compile; the card then lists only the report's failed and running targets.
   */
  getTaskTargets?(
    entity: CompoundEntityRef,
    ids: TaskIds,
    options?: { nextToken?: string; signal?: AbortSignal },
  ): Promise<EntityTaskTargetsResponse>;
}

/**
 * Reference to the {@link SsmInvocationsApi}; apps and tests provide it.
 *
 * @example
 * ```tsx
 * <TestApiProvider apis={[[ssmInvocationsApiRef, fakeApi]]}>…</TestApiProvider>
 * ```
 *
 * @public
 */
export const ssmInvocationsApiRef = createApiRef<SsmInvocationsApi>({
  id: 'plugin.ssm-invocations.service',
});
