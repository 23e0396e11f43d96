/**
 * DescribeMaintenanceWindowExecutionTaskInvocations and
 * GetMaintenanceWindowExecutionTaskInvocation.
 */
import { requireTask } from './lookups';
import { answerPage, filterByStatus } from './paging';
import { defineHandler } from './request';
import { ServiceError } from './service-error';

export const describeMaintenanceWindowExecutionTaskInvocations = defineHandler(
  'DescribeMaintenanceWindowExecutionTaskInvocations',
  (request, context) => {
    const { WindowExecutionId, TaskId } = request.ids;
    requireTask(context.store, WindowExecutionId, TaskId);
    const invocations = filterByStatus(
      context.store.invocationsOf(WindowExecutionId, TaskId),
      request,
    );
    return answerPage(request, invocations, (i) => context.store.invocationKey(i), context);
  },
);

export const getMaintenanceWindowExecutionTaskInvocation = defineHandler(
  'GetMaintenanceWindowExecutionTaskInvocation',
  ({ ids }, context) => {
    const { WindowExecutionId, TaskId, InvocationId } = ids;
    requireTask(context.store, WindowExecutionId, TaskId);
    const invocation = context.store.getInvocation(WindowExecutionId, TaskId, InvocationId);
    if (!invocation) {
      throw new ServiceError(
        'DoesNotExistException',
        `Invocation ${InvocationId} does not exist for task ${TaskId} in maintenance window execution ${WindowExecutionId}`,
      );
    }
    return { ...invocation };
  },
);
