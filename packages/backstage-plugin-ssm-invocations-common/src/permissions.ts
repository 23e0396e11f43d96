import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The catalog's entity resource type (`RESOURCE_TYPE_CATALOG_ENTITY` of
 * `@backstage/plugin-catalog-common/alpha`), spelled out so this package needs no catalog code.
 */
const CATALOG_ENTITY_RESOURCE_TYPE = 'catalog-entity';

/**
 * Permission to read the maintenance windows (reports and invocations) annotated on one catalog
 * entity. The backend checks it with the caller's credentials and the entity's ref before any SSM
 * call and answers 403 when the policy denies it; a policy can allow it outright, deny it, or
 * decide per entity with the catalog's conditions (e.g. `isEntityOwner`), since its resource type
 * is the catalog's `catalog-entity`.
 *
 * @example
 * ```ts
 * if (isPermission(request.permission, ssmInvocationsWindowReadPermission)) {
 *   return { result: AuthorizeResult.ALLOW };
 * }
 * ```
 *
 * @public
 */
export const ssmInvocationsWindowReadPermission = createPermission({
  name: 'ssm-invocations.window.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Permission to see what a command printed on an entity's windows: stdout and stderr tails, plugin
 * outputs, Automation failure messages and details and step outputs, in the diagnosis route's
 * answer. Without it the route still answers the diagnosis (statuses, exit codes, targets, links)
 * and says `outputWithheld: true`. Command output can hold hostnames, paths or secrets a script
 * printed, so a policy may grant it more narrowly than {@link ssmInvocationsWindowReadPermission}.
 * An invocation's own `StatusDetails` — SSM's one-line status (at most 250 characters) in the
 * maintenance-window listing that every report shows, which for an Automation task can repeat its
 * failure message — is part of the report, not command output: `window.read` covers it.
 *
 * @example
 * ```ts
 * if (isPermission(request.permission, ssmInvocationsOutputReadPermission)) {
 *   return createCatalogConditionalDecision(request.permission, catalogConditions.isEntityOwner({ claims: user.info.ownershipEntityRefs }));
 * }
 * ```
 *
 * @public
 */
export const ssmInvocationsOutputReadPermission = createPermission({
  name: 'ssm-invocations.output.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Every permission of the ssm-invocations plugins, as the backend registers them.
 *
 * @example
 * ```ts
 * permissionsRegistry.addPermissions([...SSM_INVOCATIONS_PERMISSIONS]);
 * ```
 *
 * @public
 */
export const SSM_INVOCATIONS_PERMISSIONS = [
  ssmInvocationsWindowReadPermission,
  ssmInvocationsOutputReadPermission,
] as const;
