/**
 * The nine SSM maintenance-window operations over an {@link EmulatorStore}, ListTagsForResource
 * for windows, and the three follow-ups that say what a RUN_COMMAND or AUTOMATION invocation
 * did: validate the input as SSM does, look records up, filter, order and paginate. Outputs keep `Date` values; the server
 * writes them as epoch seconds with milliseconds. One file per record kind holds the handlers;
 * this one maps operation names to them.
 */
import { getAutomationExecution } from './automation-operations';
import { getCommandInvocation, listCommandInvocations } from './command-operations';
import {
  describeMaintenanceWindowExecutions,
  getMaintenanceWindowExecution,
} from './execution-operations';
import {
  describeMaintenanceWindowExecutionTaskInvocations,
  getMaintenanceWindowExecutionTaskInvocation,
} from './invocation-operations';
import type { OperationHandler } from './request';
import { listTagsForResource } from './tag-operations';
import type { SsmOperationName } from './service-model';
import {
  describeMaintenanceWindowExecutionTasks,
  getMaintenanceWindowExecutionTask,
} from './task-operations';
import {
  describeMaintenanceWindowTargets,
  describeMaintenanceWindows,
  getMaintenanceWindow,
} from './window-operations';

/** The handler of each operation, keyed by the name after `AmazonSSM.` in `X-Amz-Target`. */
export const OPERATION_HANDLERS: Record<SsmOperationName, OperationHandler> = {
  DescribeMaintenanceWindows: describeMaintenanceWindows,
  GetMaintenanceWindow: getMaintenanceWindow,
  DescribeMaintenanceWindowExecutions: describeMaintenanceWindowExecutions,
  GetMaintenanceWindowExecution: getMaintenanceWindowExecution,
  DescribeMaintenanceWindowExecutionTasks: describeMaintenanceWindowExecutionTasks,
  GetMaintenanceWindowExecutionTask: getMaintenanceWindowExecutionTask,
  DescribeMaintenanceWindowExecutionTaskInvocations:
    describeMaintenanceWindowExecutionTaskInvocations,
  GetMaintenanceWindowExecutionTaskInvocation: getMaintenanceWindowExecutionTaskInvocation,
  DescribeMaintenanceWindowTargets: describeMaintenanceWindowTargets,
  ListCommandInvocations: listCommandInvocations,
  GetCommandInvocation: getCommandInvocation,
  GetAutomationExecution: getAutomationExecution,
  ListTagsForResource: listTagsForResource,
};

/** Whether `name` is one of the thirteen operations. */
export function isOperation(name: string): name is SsmOperationName {
  return Object.prototype.hasOwnProperty.call(OPERATION_HANDLERS, name);
}
