import type { Entity } from '@backstage/catalog-model';
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
 * What the router asks of the plugin's service. The router has already read the entity with the
 * caller's credentials, so implementations only see entities the caller may read. Replace the
 * default through {@link ssmInvocationsServiceRef}.
 *
 * @example
 * ```ts
 * const report = await service.getEntityReport(entity, { executions: 3 });
 * ```
 *
 * @public
 */
export interface SsmInvocationsService {
  /**
   * Reports of every window annotated on the entity, in summary shape (core's
   * `summarizeWindowReport`: every count, only the targets worth looking at); one failing window
   * does not hide others. The result may be shared with other callers: treat it as read-only.
   */
  getEntityReport(
    entity: Entity,
    options?: EntityReportQuery,
    caller?: SsmInvocationsCaller,
  ): Promise<EntityReportResponse>;
  /**
   * One invocation, only if its execution belongs to a window annotated on the entity; throws a
   * core `NotFoundError` otherwise.
   */
  getEntityInvocation(
    entity: Entity,
    ids: InvocationIds,
    caller?: SsmInvocationsCaller,
  ): Promise<EntityInvocationResponse>;
  /**
   * What the service that ran one invocation says (core's `diagnoseInvocation`), only if its
   * execution belongs to a window annotated on (and allowed for) the entity; throws a core
   * `NotFoundError` otherwise. Without `includeOutput` the answer carries no command output and
   * says `outputWithheld: true`. Optional so that services written before it still compile; the
   * route answers 501 without it.
   */
  getEntityDiagnosis?(
    entity: Entity,
    ids: InvocationIds,
    options: EntityDiagnosisOptions,
    caller?: SsmInvocationsCaller,
  ): Promise<EntityDiagnosisResponse>;
  /**
   * One page (at most `TASK_TARGETS_PAGE_SIZE`) of the targets of one task, only if its
   * execution belongs to a window annotated on (and allowed for) the entity; throws a core
   * `NotFoundError` otherwise. Optional so that services written before it still compile; the
   * route answers 501 without it.
   */
  getEntityTaskTargets?(
    entity: Entity,
    ids: TaskIds,
    page: { nextToken?: string },
    caller?: SsmInvocationsCaller,
  ): Promise<EntityTaskTargetsResponse>;
}

/**
 * Who asks, as far as the service's checks need it: the ownership tag may name the entity's
 * owner, and a window tagged for an owner is shown only to callers who belong to that owner
 * (`spec.owner` is the catalog author's claim, not proof). The router passes it; without it the
 * caller belongs to nothing.
 *
 * @example
 * ```ts
 * const caller: SsmInvocationsCaller = {
 *   ownershipEntityRefs: async () => (await userInfo.getUserInfo(credentials)).ownershipEntityRefs,
 * };
 * ```
 *
 * @public
 */
export interface SsmInvocationsCaller {
  /** The caller's ownership refs (the user and its groups, as Backstage's `userInfo` gives them). */
  ownershipEntityRefs(): Promise<readonly string[]>;
}

/**
 * Options of {@link SsmInvocationsService.getEntityDiagnosis}.
 *
 * @example
 * ```ts
 * await service.getEntityDiagnosis?.(entity, ids, { includeOutput: false });
 * ```
 *
 * @public
 */
export interface EntityDiagnosisOptions {
  /** Whether the caller may see command output (`ssm-invocations.output.read` allowed). */
  includeOutput: boolean;
}
