import { SSM_OPERATIONS, type SsmOperation } from '@ssm-invocations/core/model';

/** The SSM operations the backend sends for a report and an invocation detail. */
const REPORT_OPERATIONS = [
  'GetMaintenanceWindow',
  'DescribeMaintenanceWindowExecutions',
  'GetMaintenanceWindowExecution',
  'DescribeMaintenanceWindowExecutionTasks',
  'DescribeMaintenanceWindowExecutionTaskInvocations',
  'GetMaintenanceWindowExecutionTaskInvocation',
] as const satisfies readonly SsmOperation[];

/**
 * The follow-ups core's `diagnoseInvocation` sends for a failed target's output (Run Command's
 * nodes and output, the Automation execution), which the backend offers.
 */
const DIAGNOSIS_OPERATIONS = [
  'ListCommandInvocations',
  'GetCommandInvocation',
  'GetAutomationExecution',
] as const satisfies readonly SsmOperation[];

const BACKEND_OPERATIONS = [...REPORT_OPERATIONS, ...DIAGNOSIS_OPERATIONS];

/**
 * The IAM actions the backend plugin's AWS credentials need: exactly the SSM operations it calls
 * for a report (window, executions, tasks, invocations), an invocation detail (the execution,
 * to check which window ran it, and the invocation) and a failed target's diagnosis (Run Command
 * nodes and output, the Automation execution). The backend README's policy lists these and a
 * backend test checks both against the operations the plugin really sends; the card names them
 * when AWS refuses one.
 *
 * @example
 * ```ts
 * const policy = { Effect: 'Allow', Action: [...SSM_INVOCATIONS_IAM_ACTIONS], Resource: '*' };
 * ```
 */
export const SSM_INVOCATIONS_IAM_ACTIONS: readonly string[] = BACKEND_OPERATIONS.map(
  (operation) => SSM_OPERATIONS[operation].iamAction,
);
