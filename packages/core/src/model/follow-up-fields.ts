/**
 * The members of the records of the follow-up operations a diagnosis sends (Run Command and
 * Automation), for the operation table. Source: the SSM Smithy model. SDK-free.
 */
/**
 * Members of a `CommandInvocation` (ListCommandInvocations).
 *
 * @example
 * ```ts
 * COMMAND_INVOCATION_FIELDS.includes('CommandPlugins'); // true
 * ```
 */
export const COMMAND_INVOCATION_FIELDS = [
  'CommandId',
  'InstanceId',
  'InstanceName',
  'Comment',
  'DocumentName',
  'DocumentVersion',
  'RequestedDateTime',
  'Status',
  'StatusDetails',
  'TraceOutput',
  'StandardOutputUrl',
  'StandardErrorUrl',
  'CommandPlugins',
  'ServiceRole',
  'NotificationConfig',
  'CloudWatchOutputConfig',
] as const;

/**
 * Members of the `GetCommandInvocation` output.
 *
 * @example
 * ```ts
 * COMMAND_OUTPUT_FIELDS.includes('StandardErrorContent'); // true
 * ```
 */
export const COMMAND_OUTPUT_FIELDS = [
  'CommandId',
  'InstanceId',
  'Comment',
  'DocumentName',
  'DocumentVersion',
  'PluginName',
  'ResponseCode',
  'ExecutionStartDateTime',
  'ExecutionElapsedTime',
  'ExecutionEndDateTime',
  'Status',
  'StatusDetails',
  'StandardOutputContent',
  'StandardOutputUrl',
  'StandardErrorContent',
  'StandardErrorUrl',
  'CloudWatchOutputConfig',
] as const;

/**
 * Members of an `AutomationExecution` (GetAutomationExecution) that core reads.
 *
 * @example
 * ```ts
 * AUTOMATION_EXECUTION_FIELDS.includes('StepExecutions'); // true
 * ```
 */
export const AUTOMATION_EXECUTION_FIELDS = [
  'AutomationExecutionId',
  'DocumentName',
  'DocumentVersion',
  'ExecutionStartTime',
  'ExecutionEndTime',
  'AutomationExecutionStatus',
  'StepExecutions',
  'StepExecutionsTruncated',
  'Outputs',
  'FailureMessage',
  'Mode',
  'ExecutedBy',
] as const;
