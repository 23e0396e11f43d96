import {
  TASK_TARGETS_PAGE_SIZE,
  type EntityTaskTargetsResponse,
  type TaskIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import type { ResumableInvocations } from '@ssm-invocations/core';
import type { Serialized } from '@ssm-invocations/core/model';
import type { ExecutionOwnerLookup } from './executionOwner';
import { withoutSensitiveMembers } from './invocationExposure';
import type { WindowLocation } from './windowLocations';

/**
 * One page (at most `TASK_TARGETS_PAGE_SIZE`) of a task's invocations from the window that ran
 * it, through core's resumable listing (its `nextToken` resumes exactly where the page ended),
 * cached and coalesced like the other answers: a task opened by many viewers costs one fetch.
 *
 * @example
 * ```ts
 * const page = await fetchTaskTargetsPage(lookup, owner, { windowExecutionId, taskId }, {}, signal);
 * ```
 */
export async function fetchTaskTargetsPage(
  lookup: ExecutionOwnerLookup,
  owner: WindowLocation,
  ids: TaskIds,
  page: { nextToken?: string },
  signal: AbortSignal,
): Promise<Serialized<ResumableInvocations>> {
  const { windowExecutionId, taskId } = ids;
  const key = ['targets', lookup.cacheVersion, owner.accountId, owner.region]
    .concat([windowExecutionId, taskId, page.nextToken ?? ''])
    .join(':');
  return lookup.cache.getParsed<Serialized<ResumableInvocations>>(
    key,
    async () => {
      const client = await lookup.clientFor(owner);
      const answer = await client.invocationsPage(
        {
          windowExecutionId,
          taskId,
          limit: TASK_TARGETS_PAGE_SIZE,
          ...(page.nextToken === undefined ? {} : { startingToken: page.nextToken }),
        },
        { signal },
      );
      return JSON.stringify(answer);
    },
    signal,
  );
}

/**
 * A page as the route answers it: without `Parameters` and `OwnerInformation` unless
 * `exposeParameters` (the instances each target ran on stay, as `targets`).
 *
 * @example
 * ```ts
 * return taskTargetsForCaller(page, { exposeParameters: false });
 * ```
 */
export function taskTargetsForCaller(
  page: Serialized<ResumableInvocations>,
  options: { exposeParameters: boolean },
): EntityTaskTargetsResponse {
  const { invocations, nextToken } = page;
  return {
    invocations: options.exposeParameters
      ? invocations
      : invocations.map((invocation) => withoutSensitiveMembers(invocation)),
    ...(nextToken === undefined ? {} : { nextToken }),
  };
}
