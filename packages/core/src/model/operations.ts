/**
 * The one table of facts about each SSM operation this project uses: its list key and the id
 * member of its records (pagination), its filter keys (validation), the members of its records
 * (the record-field picker), the IAM action that allows it and the AWS SDK command that sends it.
 * Source: the SSM Smithy model. Imports nothing (no SDK), so browser bundles can use it.
 */

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
 * `filterKeys` (the `Filters` keys SSM accepts), `fields` (the members of its records),
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
    iamAction: 'ssm:DescribeMaintenanceWindows',
    command: 'DescribeMaintenanceWindowsCommand',
  },
  GetMaintenanceWindow: {
    listKey: undefined,
    idField: 'WindowId',
    filterKeys: [],
    fields: WINDOW_FIELDS,
    iamAction: 'ssm:GetMaintenanceWindow',
    command: 'GetMaintenanceWindowCommand',
  },
  DescribeMaintenanceWindowExecutions: {
    listKey: 'WindowExecutions',
    idField: 'WindowExecutionId',
    filterKeys: ['ExecutedBefore', 'ExecutedAfter'],
    fields: EXECUTION_FIELDS,
    iamAction: 'ssm:DescribeMaintenanceWindowExecutions',
    command: 'DescribeMaintenanceWindowExecutionsCommand',
  },
  GetMaintenanceWindowExecution: {
    listKey: undefined,
    idField: 'WindowExecutionId',
    filterKeys: [],
    fields: EXECUTION_DETAIL_FIELDS,
    iamAction: 'ssm:GetMaintenanceWindowExecution',
    command: 'GetMaintenanceWindowExecutionCommand',
  },
  DescribeMaintenanceWindowExecutionTasks: {
    listKey: 'WindowExecutionTaskIdentities',
    idField: 'TaskExecutionId',
    filterKeys: ['STATUS'],
    fields: TASK_FIELDS,
    iamAction: 'ssm:DescribeMaintenanceWindowExecutionTasks',
    command: 'DescribeMaintenanceWindowExecutionTasksCommand',
  },
  GetMaintenanceWindowExecutionTask: {
    listKey: undefined,
    idField: 'TaskExecutionId',
    filterKeys: [],
    fields: TASK_DETAIL_FIELDS,
    iamAction: 'ssm:GetMaintenanceWindowExecutionTask',
    command: 'GetMaintenanceWindowExecutionTaskCommand',
  },
  DescribeMaintenanceWindowExecutionTaskInvocations: {
    listKey: 'WindowExecutionTaskInvocationIdentities',
    idField: 'InvocationId',
    filterKeys: ['STATUS'],
    fields: INVOCATION_FIELDS,
    iamAction: 'ssm:DescribeMaintenanceWindowExecutionTaskInvocations',
    command: 'DescribeMaintenanceWindowExecutionTaskInvocationsCommand',
  },
  GetMaintenanceWindowExecutionTaskInvocation: {
    listKey: undefined,
    idField: 'InvocationId',
    filterKeys: [],
    fields: INVOCATION_FIELDS,
    iamAction: 'ssm:GetMaintenanceWindowExecutionTaskInvocation',
    command: 'GetMaintenanceWindowExecutionTaskInvocationCommand',
  },
  DescribeMaintenanceWindowTargets: {
    listKey: 'Targets',
    idField: 'WindowTargetId',
    filterKeys: ['Type', 'WindowTargetId', 'OwnerInformation'],
    fields: TARGET_FIELDS,
    iamAction: 'ssm:DescribeMaintenanceWindowTargets',
    command: 'DescribeMaintenanceWindowTargetsCommand',
  },
  ListTagsForResource: {
    listKey: undefined,
    idField: 'Key',
    filterKeys: [],
    fields: TAG_FIELDS,
    iamAction: 'ssm:ListTagsForResource',
    command: 'ListTagsForResourceCommand',
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
