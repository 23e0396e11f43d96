import { parseEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { InvocationsClient } from '@ssm-invocations/core';
import type { CoalescingCache } from './CoalescingCache';
import type { SsmInvocationsCaller } from './types';
import type { WindowLocation } from './windowLocations';
import { WindowRefusedError } from './WindowRefusedError';

/** Bumped when the cached tag value's shape changes. */
const CACHE_VERSION = 'v1';

/** An entity ref in canonical form (`kind:namespace/name`, lower case), or undefined. */
function canonicalRef(
  ref: string,
  defaults: { defaultKind?: string; defaultNamespace: string },
): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref.trim(), defaults)).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * The entity's `spec.owner` as the catalog reads it (kind `group` and the entity's namespace when
 * the owner leaves them out), canonical and lower case: Backstage compares refs
 * case-insensitively.
 */
function ownerOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string') return undefined;
  const namespace = entity.metadata.namespace ?? 'default';
  return canonicalRef(owner, { defaultKind: 'group', defaultNamespace: namespace });
}

/** Whether the caller belongs to `owner` (one of its ownership refs names it). */
async function callerBelongsTo(
  caller: SsmInvocationsCaller | undefined,
  owner: string,
): Promise<boolean> {
  if (caller === undefined) return false;
  const refs = await caller.ownershipEntityRefs();
  return refs.some((ref) => canonicalRef(ref, { defaultNamespace: 'default' }) === owner);
}

/**
 * The optional ownership check (`ssmInvocations.ownershipTag`): a window is shown for an entity
 * only if its tag `key` (ListTagsForResource, cached like reports) names the entity — or names the
 * entity's owner and the caller belongs to that owner (an entity's `spec.owner` is whatever its
 * author wrote, so it alone proves nothing). The tag value is an entity ref with its kind
 * (`component:default/payments-api`, `group:platform`; the namespace defaults to `default`),
 * compared case-insensitively. A window whose tags cannot be read is refused too: the check fails
 * closed.
 *
 * @example
 * ```ts
 * const ownership = new WindowOwnership('backstage.io/owner', cache);
 * await ownership.check(entity, window, client, signal); // throws WindowRefusedError if not owned
 * ```
 */
export class WindowOwnership {
  constructor(
    private readonly tagKey: string,
    private readonly cache: CoalescingCache,
  ) {}

  /**
   * Throws a {@link WindowRefusedError} unless the window's tag names the entity, or its owner
   * with the caller belonging to it.
   */
  async check(
    entity: Entity,
    window: WindowLocation,
    client: () => Promise<InvocationsClient>,
    signal: AbortSignal,
    caller?: SsmInvocationsCaller,
  ): Promise<void> {
    const tagged = await this.cache.getParsed<string | null>(
      ['tags', CACHE_VERSION, window.accountId, window.region, window.windowId, this.tagKey].join(
        ':',
      ),
      async () => {
        const tags = await (
          await client()
        ).listTagsForResource(
          { resourceType: 'MaintenanceWindow', resourceId: window.windowId },
          { signal },
        );
        return JSON.stringify(tags.find((tag) => tag.Key === this.tagKey)?.Value ?? null);
      },
      signal,
    );
    const owner =
      tagged === null ? undefined : canonicalRef(tagged, { defaultNamespace: 'default' });
    if (owner !== undefined && owner === stringifyEntityRef(entity).toLocaleLowerCase('en-US')) {
      return;
    }
    const forOwner = owner !== undefined && owner === ownerOf(entity);
    if (forOwner && (await callerBelongsTo(caller, owner))) return;
    throw new WindowRefusedError(
      tagged === null
        ? `Window ${window.windowId} has no ${this.tagKey} tag, so it is shown for no entity`
        : forOwner
          ? `Window ${window.windowId} is tagged ${this.tagKey} for the entity's owner, and you do not belong to it`
          : `Window ${window.windowId} is tagged ${this.tagKey} for another entity`,
    );
  }
}
