import type { InvocationsClient } from '@ssm-invocations/core';
import type { CoalescingCache } from './CoalescingCache';
import type { WindowLocation } from './windowLocations';

/**
 * What {@link findExecutionOwner} needs from the service.
 *
 * @example
 * ```ts
 * const lookup: ExecutionOwnerLookup = { cache, cacheVersion: 'v1', clientFor };
 * ```
 */
export interface ExecutionOwnerLookup {
  cache: CoalescingCache;
  /** The service's cache-key version. */
  cacheVersion: string;
  clientFor(window: WindowLocation): Promise<InvocationsClient>;
}

/**
 * The window among `windows` that ran `windowExecutionId`, if any, looked up per account and
 * region. Which window ran an execution never changes, so the answer is cached per candidate set.
 *
 * @example
 * ```ts
 * const owner = await findExecutionOwner(lookup, windows, windowExecutionId, signal);
 * if (!owner) throw new NotFoundError('not this entity’s execution');
 * ```
 */
export async function findExecutionOwner(
  lookup: ExecutionOwnerLookup,
  windows: WindowLocation[],
  windowExecutionId: string,
  signal: AbortSignal,
): Promise<WindowLocation | undefined> {
  const byLocation = new Map<string, WindowLocation[]>();
  for (const window of windows) {
    const key = `${window.accountId}:${window.region}`;
    byLocation.set(key, [...(byLocation.get(key) ?? []), window]);
  }
  for (const candidates of byLocation.values()) {
    const [first] = candidates;
    if (!first) continue;
    const windowIds = candidates.map((window) => window.windowId);
    const ownerId = await lookup.cache.get(
      [
        'owner',
        lookup.cacheVersion,
        first.accountId,
        first.region,
        windowExecutionId,
        [...windowIds].sort().join('+'),
      ].join(':'),
      async () => {
        const client = await lookup.clientFor(first);
        // '' caches "none of them": which window ran an execution never changes.
        return (
          (await client.findExecutionWindow({ windowExecutionId, windowIds }, { signal })) ?? ''
        );
      },
      signal,
    );
    const owner = candidates.find((window) => window.windowId === ownerId);
    if (owner) return owner;
  }
  return undefined;
}
