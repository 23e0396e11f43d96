import type {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { NotImplementedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ssmInvocationsOutputReadPermission,
  type EntityDiagnosisResponse,
  type EntityInvocationResponse,
  type EntityReportQuery,
  type EntityReportResponse,
  type EntityTaskTargetsResponse,
  type InvocationIds,
  type TaskIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { EntityAccess } from './EntityAccess';
import type { SsmInvocationsCaller, SsmInvocationsService } from './service/types';

/**
 * What a caller may ask about an entity's windows, each answer behind the same checks (the
 * entity read with the caller's credentials, then `ssm-invocations.window.read`; command output
 * only with `ssm-invocations.output.read`). The HTTP routes and the actions both go through it.
 * Queries and ids are passed as functions and read only after the entity check, so a caller
 * learns nothing about an entity it may not see from how its input is judged.
 */
export class EntityOperations {
  readonly #service: SsmInvocationsService;
  readonly #access: EntityAccess;
  readonly #userInfo?: UserInfoService;

  constructor(options: {
    service: SsmInvocationsService;
    catalog: CatalogService;
    permissions: PermissionsService;
    /** Whom a user belongs to (the ownership tag's owner match); without it, to nothing. */
    userInfo?: UserInfoService;
  }) {
    this.#service = options.service;
    this.#access = new EntityAccess(options.catalog, options.permissions);
    this.#userInfo = options.userInfo;
  }

  /** The caller as the service's checks see it; its ownership refs are read once, on demand. */
  #callerOf(credentials: BackstageCredentials): SsmInvocationsCaller {
    let refs: Promise<readonly string[]> | undefined;
    const userInfo = this.#userInfo;
    const isUser = (credentials.principal as { type?: unknown }).type === 'user';
    return {
      ownershipEntityRefs: () =>
        (refs ??=
          userInfo && isUser
            ? userInfo.getUserInfo(credentials).then((info) => info.ownershipEntityRefs)
            : Promise.resolve([])),
    };
  }

  async report(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    query: () => EntityReportQuery,
  ): Promise<EntityReportResponse> {
    const entity = await this.#access.readEntity(ref, credentials);
    return this.#service.getEntityReport(entity, query(), this.#callerOf(credentials));
  }

  async invocation(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    ids: InvocationIds,
  ): Promise<EntityInvocationResponse> {
    const entity = await this.#access.readEntity(ref, credentials);
    return this.#service.getEntityInvocation(entity, ids, this.#callerOf(credentials));
  }

  async diagnosis(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    ids: () => InvocationIds,
  ): Promise<EntityDiagnosisResponse> {
    const entity = await this.#access.readEntity(ref, credentials);
    const checkedIds = ids();
    if (!this.#service.getEntityDiagnosis) {
      throw new NotImplementedError('The configured ssm-invocations service has no diagnosis');
    }
    const includeOutput = await this.#access.isAllowed(
      ssmInvocationsOutputReadPermission,
      entity,
      credentials,
    );
    return this.#service.getEntityDiagnosis(
      entity,
      checkedIds,
      { includeOutput },
      this.#callerOf(credentials),
    );
  }

  async taskTargets(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    page: () => TaskIds & { nextToken?: string },
  ): Promise<EntityTaskTargetsResponse> {
    const entity = await this.#access.readEntity(ref, credentials);
    const { nextToken, ...ids } = page();
    if (!this.#service.getEntityTaskTargets) {
      throw new NotImplementedError('The configured ssm-invocations service has no task targets');
    }
    return this.#service.getEntityTaskTargets(
      entity,
      ids,
      nextToken === undefined ? {} : { nextToken },
      this.#callerOf(credentials),
    );
  }
}
