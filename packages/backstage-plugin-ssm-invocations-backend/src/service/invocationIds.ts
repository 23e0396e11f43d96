import type { InvocationIds } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { validateUuidId } from '@ssm-invocations/core/model';

/**
 * The ids of an invocation, each checked to be a 36-character id (core's `InvalidInputError`
 * naming the field otherwise, a 400).
 *
 * @example
 * ```ts
 * const ids = checkInvocationIds({ windowExecutionId, taskId, invocationId });
 * ```
 */
export function checkInvocationIds(ids: InvocationIds): InvocationIds {
  return {
    windowExecutionId: validateUuidId(ids.windowExecutionId, 'windowExecutionId'),
    taskId: validateUuidId(ids.taskId, 'taskId'),
    invocationId: validateUuidId(ids.invocationId, 'invocationId'),
  };
}
