/** DescribeMaintenanceWindowExecutionTasks and GetMaintenanceWindowExecutionTask. */
import type { EmulatorTask } from '../state/store';
import { requireExecution, requireTask } from './lookups';
import { answerPage, filterByStatus } from './paging';
import { defineHandler } from './request';

function executionTaskIdentity(task: EmulatorTask): Record<string, unknown> {
  return {
    WindowExecutionId: task.WindowExecutionId,
    TaskExecutionId: task.TaskExecutionId,
    Status: task.Status,
    StatusDetails: task.StatusDetails,
    StartTime: task.StartTime,
    EndTime: task.EndTime,
    TaskArn: task.TaskArn,
    TaskType: task.TaskType,
    AlarmConfiguration: task.AlarmConfiguration,
    TriggeredAlarms: task.TriggeredAlarms,
  };
}

export const describeMaintenanceWindowExecutionTasks = defineHandler(
  'DescribeMaintenanceWindowExecutionTasks',
  (request, context) => {
    const { WindowExecutionId } = requireExecution(context.store, request.ids.WindowExecutionId);
    const tasks = filterByStatus(context.store.tasksOf(WindowExecutionId), request);
    const keyOf = (t: EmulatorTask) => context.store.taskKey(t);
    return answerPage(request, tasks, keyOf, context, executionTaskIdentity);
  },
);

export const getMaintenanceWindowExecutionTask = defineHandler(
  'GetMaintenanceWindowExecutionTask',
  ({ ids }, context) => {
    const { TaskType, ...task } = requireTask(context.store, ids.WindowExecutionId, ids.TaskId);
    return { ...task, Type: TaskType };
  },
);
