import type { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type CompoundEntityRef, type Entity } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult, type ResourcePermission } from '@backstage/plugin-permission-common';
import { ssmInvocationsWindowReadPermission } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';

/**
 * The checks every entity route and every action makes before SSM is called: the entity read
 * from the catalog with the caller's credentials (catalog read rules apply; unseen → 404), then
 * `ssm-invocations.window.read` on it (denied → 403). One place, so HTTP routes and actions
 * cannot drift apart.
 */
export class EntityAccess {
  readonly #catalog: CatalogService;
  readonly #permissions: PermissionsService;

  constructor(catalog: CatalogService, permissions: PermissionsService) {
    this.#catalog = catalog;
    this.#permissions = permissions;
  }

  /** Whether the policy allows `permission` on the entity for the caller. */
  async isAllowed(
    permission: ResourcePermission<'catalog-entity'>,
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.#permissions.authorize(
      [{ permission, resourceRef: stringifyEntityRef(entity) }],
      { credentials },
    );
    return decision?.result === AuthorizeResult.ALLOW;
  }

  /** The entity, read with the caller's credentials, if `window.read` allows it to the caller. */
  async readEntity(ref: CompoundEntityRef, credentials: BackstageCredentials): Promise<Entity> {
    const entity = await this.#catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${ref.kind}:${ref.namespace}/${ref.name} found`);
    }
    if (!(await this.isAllowed(ssmInvocationsWindowReadPermission, entity, credentials))) {
      throw new NotAllowedError(
        `Not allowed: ${ssmInvocationsWindowReadPermission.name} on ${stringifyEntityRef(entity)}`,
      );
    }
    return entity;
  }
}
