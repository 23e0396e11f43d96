import { SSM_OPERATIONS, type SsmOperation } from '@ssm-invocations/core/model';

/**
 * The SSM operations the backend sends for a report, an invocation detail and a diagnosis (Run
 * Command's nodes and output, the Automation execution).
 */
const BACKEND_OPERATIONS = [
  'GetMaintenanceWindow',
  'DescribeMaintenanceWindowExecutions',
  'GetMaintenanceWindowExecution',
  'DescribeMaintenanceWindowExecutionTasks',
  'DescribeMaintenanceWindowExecutionTaskInvocations',
  'GetMaintenanceWindowExecutionTaskInvocation',
  'ListCommandInvocations',
  'GetCommandInvocation',
  'GetAutomationExecution',
] as const satisfies readonly SsmOperation[];

/**
 * The IAM actions the backend plugin's AWS credentials need: exactly the SSM operations it calls
 * for a report (window, executions, tasks, invocations), an invocation detail (the execution,
 * to check which window ran it, and the invocation) and a diagnosis (ListCommandInvocations,
 * GetCommandInvocation, GetAutomationExecution; without them the diagnosis carries a note). The backend README's policy lists these and a
 * backend test checks both against the operations the plugin really sends; the card names them
 * when AWS refuses one. With `ssmInvocations.ownershipTag` set the backend also needs
 * {@link SSM_OWNERSHIP_TAG_IAM_ACTION}.
 *
 * @example
 * ```ts
 * const policy = { Effect: 'Allow', Action: [...SSM_INVOCATIONS_IAM_ACTIONS], Resource: '*' };
 * ```
 *
 * @public
 */
export const SSM_INVOCATIONS_IAM_ACTIONS: readonly string[] = BACKEND_OPERATIONS.map(
  (operation) => SSM_OPERATIONS[operation].iamAction,
);

/**
 * The one extra IAM action the backend needs when `ssmInvocations.ownershipTag` is configured:
 * it reads each window's tags (ListTagsForResource) to check who owns it.
 *
 * @example
 * ```ts
 * const actions = ownershipTag ? [...SSM_INVOCATIONS_IAM_ACTIONS, SSM_OWNERSHIP_TAG_IAM_ACTION] : SSM_INVOCATIONS_IAM_ACTIONS;
 * ```
 *
 * @public
 */
export const SSM_OWNERSHIP_TAG_IAM_ACTION: string = SSM_OPERATIONS.ListTagsForResource.iamAction;
