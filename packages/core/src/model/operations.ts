/**
 * The one table of facts about each SSM operation this project uses: its list key and the id
 * member of its records (pagination), its filter keys (validation), the members of its records
 * (the record-field picker), the IAM action that allows it and the AWS SDK command that sends it.
 * Source: the SSM Smithy model. Imports nothing from the SDK, so browser bundles can use it.
 */
import {
  AUTOMATION_EXECUTION_FIELDS,
  COMMAND_INVOCATION_FIELDS,
  COMMAND_OUTPUT_FIELDS,
} from './follow-up-fields';

/**
 * The 12 members of `MaintenanceWindowExecutionTaskInvocationIdentity` (and of the
 * `GetMaintenanceWindowExecutionTaskInvocation` output).
 *
 * @example
 * ```ts
 * INVOCATION_FIELDS.length; // 12
 * ```
 */
export const INVOCATION_FIELDS = [
  'WindowExecutionId',
  'TaskExecutionId',
  'InvocationId',
  'ExecutionId',
  'TaskType',
  'Parameters',
  'Status',
  'StatusDetails',
  'StartTime',
  'EndTime',
  'OwnerInformation',
  'WindowTargetId',
] as const;

/**
 * Members of `MaintenanceWindowExecutionTaskIdentity`.
 *
 * @example
 * ```ts
 * TASK_FIELDS.includes('TaskArn'); // true
 * ```
 */
export const TASK_FIELDS = [
  'WindowExecutionId',
  'TaskExecutionId',
  'Status',
  'StatusDetails',
  'StartTime',
  'EndTime',
  'TaskArn',
  'TaskType',
  'AlarmConfiguration',
  'TriggeredAlarms',
] as const;

/**
 * Members of the `GetMaintenanceWindowExecutionTask` output (the deprecated, sensitive
 * `TaskParameters` left out).
 *
 * @example
 * ```ts
 * TASK_DETAIL_FIELDS.includes('Type'); // true
 * ```
 */
export const TASK_DETAIL_FIELDS = [
  'WindowExecutionId',
  'TaskExecutionId',
  'TaskArn',
  'ServiceRole',
  'Type',
  'Priority',
  'MaxConcurrency',
  'MaxErrors',
  'Status',
  'StatusDetails',
  'StartTime',
  'EndTime',
  'AlarmConfiguration',
  'TriggeredAlarms',
] as const;

/**
 * Members of `MaintenanceWindowExecution`.
 *
 * @example
 * ```ts
 * EXECUTION_FIELDS.includes('WindowId'); // true
 * ```
 */
export const EXECUTION_FIELDS = [
  'WindowId',
  'WindowExecutionId',
  'Status',
  'StatusDetails',
  'StartTime',
  'EndTime',
] as const;

/**
 * Members of the `GetMaintenanceWindowExecution` output.
 *
 * @example
 * ```ts
 * EXECUTION_DETAIL_FIELDS.includes('TaskIds'); // true
 * ```
 */
export const EXECUTION_DETAIL_FIELDS = [
  'WindowExecutionId',
  'TaskIds',
  'Status',
  'StatusDetails',
  'StartTime',
  'EndTime',
] as const;

/**
 * Members of `MaintenanceWindowIdentity` (DescribeMaintenanceWindows).
 *
 * @example
 * ```ts
 * WINDOW_SUMMARY_FIELDS.includes('NextExecutionTime'); // true
 * ```
 */
export const WINDOW_SUMMARY_FIELDS = [
  'WindowId',
  'Name',
  'Description',
  'Enabled',
  'Duration',
  'Cutoff',
  'Schedule',
  'ScheduleTimezone',
  'ScheduleOffset',
  'EndDate',
  'StartDate',
  'NextExecutionTime',
] as const;

/**
 * Members of the `GetMaintenanceWindow` output.
 *
 * @example
 * ```ts
 * WINDOW_FIELDS.includes('CreatedDate'); // true
 * ```
 */
export const WINDOW_FIELDS = [
  ...WINDOW_SUMMARY_FIELDS,
  'AllowUnassociatedTargets',
  'CreatedDate',
  'ModifiedDate',
] as const;

/**
 * Members of `MaintenanceWindowTarget`.
 *
 * @example
 * ```ts
 * TARGET_FIELDS.includes('ResourceType'); // true
 * ```
 */
export const TARGET_FIELDS = [
  'WindowId',
  'WindowTargetId',
  'ResourceType',
  'Targets',
  'OwnerInformation',
  'Name',
  'Description',
] as const;

/**
 * Members of `Tag` (the `TagList` of ListTagsForResource).
 *
 * @example
 * ```ts
 * TAG_FIELDS; // ['Key', 'Value']
 * ```
 */
export const TAG_FIELDS = ['Key', 'Value'] as const;

/**
 * The SSM operations this project uses and what the code needs to know about each: `listKey`
 * (the list member of a paginated output), `idField` (the member that identifies a record),
 * `filterKeys` (the `Filters` keys SSM accepts), `filterMembers` (how a filter spells its members:
 * `Key`/`Values` on the maintenance-window APIs, lowercase `key`/`value` on ListCommandInvocations),
 * `maxResults` (the `MaxResults` range, on paginated operations), `fields` (the members of its records),
 * `iamAction` (the IAM action that allows it) and `command` (the AWS SDK command class).
 *
 * @example
 * ```ts
 * SSM_OPERATIONS.DescribeMaintenanceWindowExecutionTaskInvocations.listKey;
 * // 'WindowExecutionTaskInvocationIdentities'
 * SSM_OPERATIONS.GetMaintenanceWindow.iamAction; // 'ssm:GetMaintenanceWindow'
 * ```
 */
export const SSM_OPERATIONS = {
  DescribeMaintenanceWindows: {
    listKey: 'WindowIdentities',
    idField: 'WindowId',
    filterKeys: ['Name', 'Enabled'],
    fields: WINDOW_SUMMARY_FIELDS,
    filterMembers: 'Key/Values',
    maxResults: { min: 10, max: 100 },
    iamAction: 'ssm:DescribeMaintenanceWindows',
    command: 'DescribeMaintenanceWindowsCommand',
  },
  GetMaintenanceWindow: {
    listKey: undefined,
    idField: 'WindowId',
    filterKeys: [],
    fields: WINDOW_FIELDS,
    filterMembers: undefined,
    maxResults: undefined,
    iamAction: 'ssm:GetMaintenanceWindow',
    command: 'GetMaintenanceWindowCommand',
  },
  DescribeMaintenanceWindowExecutions: {
    listKey: 'WindowExecutions',
    idField: 'WindowExecutionId',
    filterKeys: ['ExecutedBefore', 'ExecutedAfter'],
    fields: EXECUTION_FIELDS,
    filterMembers: 'Key/Values',
    maxResults: { min: 10, max: 100 },
    iamAction: 'ssm:DescribeMaintenanceWindowExecutions',
    command: 'DescribeMaintenanceWindowExecutionsCommand',
  },
  GetMaintenanceWindowExecution: {
    listKey: undefined,
    idField: 'WindowExecutionId',
    filterKeys: [],
    fields: EXECUTION_DETAIL_FIELDS,
    filterMembers: undefined,
    maxResults: undefined,
    iamAction: 'ssm:GetMaintenanceWindowExecution',
    command: 'GetMaintenanceWindowExecutionCommand',
  },
  DescribeMaintenanceWindowExecutionTasks: {
    listKey: 'WindowExecutionTaskIdentities',
    idField: 'TaskExecutionId',
    filterKeys: ['STATUS'],
    fields: TASK_FIELDS,
    filterMembers: 'Key/Values',
    maxResults: { min: 10, max: 100 },
    iamAction: 'ssm:DescribeMaintenanceWindowExecutionTasks',
    command: 'DescribeMaintenanceWindowExecutionTasksCommand',
  },
  GetMaintenanceWindowExecutionTask: {
    listKey: undefined,
    idField: 'TaskExecutionId',
    filterKeys: [],
    fields: TASK_DETAIL_FIELDS,
    filterMembers: undefined,
    maxResults: undefined,
    iamAction: 'ssm:GetMaintenanceWindowExecutionTask',
    command: 'GetMaintenanceWindowExecutionTaskCommand',
  },
  DescribeMaintenanceWindowExecutionTaskInvocations: {
    listKey: 'WindowExecutionTaskInvocationIdentities',
    idField: 'InvocationId',
    filterKeys: ['STATUS'],
    fields: INVOCATION_FIELDS,
    filterMembers: 'Key/Values',
    maxResults: { min: 10, max: 100 },
    iamAction: 'ssm:DescribeMaintenanceWindowExecutionTaskInvocations',
    command: 'DescribeMaintenanceWindowExecutionTaskInvocationsCommand',
  },
  GetMaintenanceWindowExecutionTaskInvocation: {
    listKey: undefined,
    idField: 'InvocationId',
    filterKeys: [],
    fields: INVOCATION_FIELDS,
    filterMembers: undefined,
    maxResults: undefined,
    iamAction: 'ssm:GetMaintenanceWindowExecutionTaskInvocation',
    command: 'GetMaintenanceWindowExecutionTaskInvocationCommand',
  },
  DescribeMaintenanceWindowTargets: {
    listKey: 'Targets',
    idField: 'WindowTargetId',
    filterKeys: ['Type', 'WindowTargetId', 'OwnerInformation'],
    fields: TARGET_FIELDS,
    filterMembers: 'Key/Values',
    maxResults: { min: 10, max: 100 },
    iamAction: 'ssm:DescribeMaintenanceWindowTargets',
    command: 'DescribeMaintenanceWindowTargetsCommand',
  },
  ListTagsForResource: {
    listKey: undefined,
    idField: 'Key',
    filterKeys: [],
    fields: TAG_FIELDS,
    iamAction: 'ssm:ListTagsForResource',
    filterMembers: undefined,
    maxResults: undefined,
    command: 'ListTagsForResourceCommand',
  },
  ListCommandInvocations: {
    listKey: 'CommandInvocations',
    idField: 'InstanceId',
    filterKeys: ['InvokedAfter', 'InvokedBefore', 'Status', 'DocumentName'],
    fields: COMMAND_INVOCATION_FIELDS,
    filterMembers: 'key/value',
    maxResults: { min: 1, max: 50 },
    iamAction: 'ssm:ListCommandInvocations',
    command: 'ListCommandInvocationsCommand',
  },
  GetCommandInvocation: {
    listKey: undefined,
    idField: 'InstanceId',
    filterKeys: [],
    fields: COMMAND_OUTPUT_FIELDS,
    filterMembers: undefined,
    maxResults: undefined,
    iamAction: 'ssm:GetCommandInvocation',
    command: 'GetCommandInvocationCommand',
  },
  GetAutomationExecution: {
    listKey: undefined,
    idField: 'AutomationExecutionId',
    filterKeys: [],
    fields: AUTOMATION_EXECUTION_FIELDS,
    filterMembers: undefined,
    maxResults: undefined,
    iamAction: 'ssm:GetAutomationExecution',
    command: 'GetAutomationExecutionCommand',
  },
} as const;

/**
 * Name of an SSM operation this project uses.
 *
 * @example
 * ```ts
 * const op: SsmOperation = 'GetMaintenanceWindow';
 * ```
 */
export type SsmOperation = keyof typeof SSM_OPERATIONS;

/**
 * A paginated operation (one with a list key).
 *
 * @example
 * ```ts
 * const op: SsmListOperation = 'DescribeMaintenanceWindowExecutions';
 * ```
 */
export type SsmListOperation = {
  [K in SsmOperation]: (typeof SSM_OPERATIONS)[K]['listKey'] extends string ? K : never;
}[SsmOperation];

/**
 * The IAM action that allows an SSM operation this project uses, or `undefined` for any other
 * name — e.g. the `operation` of an `ACCESS_DENIED` report error, to say what to allow.
 *
 * @example
 * ```ts
 * iamActionOf('DescribeMaintenanceWindowExecutions'); // 'ssm:DescribeMaintenanceWindowExecutions'
 * iamActionOf('DeleteEverything'); // undefined
 * ```
 */
export function iamActionOf(operation: string | undefined): string | undefined {
  if (operation === undefined || !Object.hasOwn(SSM_OPERATIONS, operation)) return undefined;
  return SSM_OPERATIONS[operation as SsmOperation].iamAction;
}
