/**
 * `@ssm-invocations/core/model`: types, constants, validators, `summarize` and formatting helpers.
 * Imports nothing from the AWS SDK, so browser bundles (the Backstage card) can use it.
 */
export {
  EXECUTION_STATUSES,
  FAILED_STATUSES,
  RUNNING_STATUSES,
  TASK_TYPES,
  SSM_LIMITS,
  REPORT_LIMITS,
  HISTORY_LIMITS,
  DIAGNOSIS_LIMITS,
  SSM_OPERATIONS,
  SSM_TARGET_PREFIX,
  TIMESTAMP_FIELDS,
  type ExecutionStatus,
  type ExecutionStatusValue,
  type TaskType,
  type SsmOperation,
} from './constants';
export type {
  InvocationRecord,
  TaskRecord,
  TaskDetailRecord,
  ExecutionRecord,
  ExecutionDetailRecord,
  WindowSummaryRecord,
  WindowRecord,
  TargetRecord,
  TagRecord,
} from './types';
export { failureNoteMessage, toReportError } from './report-error';
export { iamActionOf } from './operations';
export type {
  InvocationSummary,
  ReportError,
  TaskReport,
  ExecutionReport,
  WindowReport,
  Serialized,
} from './report';
export {
  summarizeWindowReport,
  type SummarizeWindowReportOptions,
  type SummaryInvocation,
  type TaskReportSummary,
  type ExecutionReportSummary,
  type WindowReportSummary,
} from './report-summary';
export {
  isRunning,
  isFailed,
  statusTone,
  isFailedStatus,
  isRunningStatus,
  type StatusTone,
} from './status';
export { summarize, type SummarizableRecord } from './summarize';
export * from './errors';
export {
  credentialFault,
  type CredentialFault,
  type CredentialFaultRule,
  type CredentialSetting,
} from './credential-fault';
export { redactSecrets, REDACTED } from './redact';
export {
  assertInputObject,
  validateWindowId,
  validateUuidId,
  validateStatuses,
  validateInteger,
  validateMaxResults,
  validateLimit,
  validateOptionalString,
  validateOptionalBoolean,
  validateTime,
  validateTimeRange,
  validateFilters,
  validateLowercaseFilters,
  type SsmFilter,
} from './validators';
export {
  formatDuration,
  formatElapsed,
  formatTimestamp,
  formatStatus,
  consoleDomain,
  isAwsConsoleUrl,
  consoleUrl,
  parseMaintenanceWindowArn,
  type MaintenanceWindowArn,
  type FormatTimestampOptions,
} from './format';
export {
  INVOCATION_FIELDS,
  TASK_FIELDS,
  TASK_DETAIL_FIELDS,
  EXECUTION_FIELDS,
  EXECUTION_DETAIL_FIELDS,
  WINDOW_SUMMARY_FIELDS,
  WINDOW_FIELDS,
  TARGET_FIELDS,
} from './operations';
export {
  COMMAND_INVOCATION_FIELDS,
  COMMAND_OUTPUT_FIELDS,
  AUTOMATION_EXECUTION_FIELDS,
} from './follow-up-fields';
export { pickFields } from './record-fields';
export { AWS_REGION_PATTERN, ssmEndpointForRegion } from './endpoint';
export { encodeResumeToken, decodeResumeToken, type ResumePosition } from './resume-token';
export {
  ANNOTATION_SSM_WINDOW_ARN,
  ANNOTATION_SSM_WINDOW_ID,
  ANNOTATION_SSM_REGION,
  isSsmInvocationsAvailable,
  type AnnotatedEntity,
} from './annotations';
export { awsPartition, formatMaintenanceWindowArn } from './window-arn';
export * from './invocation-targets';
export * from './console-links';
export * from './diagnosis';
export * from './text-bounds';
export * from './failure-reason';
export * from './command-diagnosis';
export * from './automation-diagnosis';
