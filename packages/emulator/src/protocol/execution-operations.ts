/** DescribeMaintenanceWindowExecutions and GetMaintenanceWindowExecution. */
import { requireExecution } from './lookups';
import { answerPage } from './paging';
import { defineHandler } from './request';

export const describeMaintenanceWindowExecutions = defineHandler(
  'DescribeMaintenanceWindowExecutions',
  (request, context) => {
    // The SSM model lists no DoesNotExistException here: an unknown window has no executions.
    const executions = context.store.executionsOf(request.ids.WindowId).filter((execution) =>
      request.filters.every((filter) => {
        const bound = Date.parse(filter.Values[0] ?? '');
        const start = execution.StartTime?.getTime();
        if (start === undefined) return false;
        return filter.Key === 'ExecutedBefore' ? start <= bound : start >= bound;
      }),
    );
    return answerPage(request, executions, (e) => context.store.executionKey(e), context);
  },
);

export const getMaintenanceWindowExecution = defineHandler(
  'GetMaintenanceWindowExecution',
  ({ ids }, context) => {
    const execution = requireExecution(context.store, ids.WindowExecutionId);
    return {
      WindowExecutionId: execution.WindowExecutionId,
      TaskIds: context.store.tasksOf(execution.WindowExecutionId).map((t) => t.TaskExecutionId),
      Status: execution.Status,
      StatusDetails: execution.StatusDetails,
      StartTime: execution.StartTime,
      EndTime: execution.EndTime,
    };
  },
);
