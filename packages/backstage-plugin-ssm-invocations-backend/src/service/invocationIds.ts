import type {
  InvocationIds,
  TaskIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
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
    ...checkTaskIds(ids),
    invocationId: validateUuidId(ids.invocationId, 'invocationId'),
  };
}

/**
 * The ids of a task of a window execution, each checked to be a 36-character id (core's
 * `InvalidInputError` naming the field otherwise, a 400).
 *
 * @example
 * ```ts
 * const ids = checkTaskIds({ windowExecutionId, taskId });
 * ```
 */
export function checkTaskIds(ids: TaskIds): TaskIds {
  return {
    windowExecutionId: validateUuidId(ids.windowExecutionId, 'windowExecutionId'),
    taskId: validateUuidId(ids.taskId, 'taskId'),
  };
}
