/**
 * The part of AWS's published SSM service model that the nine maintenance-window operations and
 * the three follow-up operations (ListCommandInvocations, GetCommandInvocation,
 * GetAutomationExecution) use, recorded as data. Everything the emulator knows about limits, patterns, enums, operations,
 * list keys and filter keys reads this record; the emulator imports nothing from the code it
 * stands in for.
 *
 * Source: the SSM service model, API version 2014-11-06 (`uid` `ssm-2014-11-06`), as published
 * in botocore 1.43.11 `botocore/data/ssm/2014-11-06/service-2.json` (the JSON rendering of the
 * Smithy model `aws-models/ssm.json`). Shape names, `min`/`max`, `pattern` and `enum` are copied
 * from that model. Two facts are only in the model's documentation text, not its constraints:
 * the supported filter keys per operation (the `Filters` member docs) and the filter value
 * formats (`Enabled` = True/False, `ExecutedBefore`/`ExecutedAfter` = ISO 8601 date-time).
 * The Run Command and Automation shapes were checked against the Smithy model
 * (`aws/aws-sdk-js-v3` `codegen/sdk-codegen/aws-models/ssm.json`): `CommandId` 36–36,
 * `CommandMaxResults` 1–50, `CommandFilterList` 1–5 of lower-case `{key, value}`,
 * `CommandFilterValue` 1–128, `CommandPluginName` min 4, `CommandPluginOutput` ≤ 2500.
 */

import type { ServiceOperation, ServiceShape } from './service-shapes';

export type {
  BooleanShape,
  IntegerShape,
  ListShape,
  ServiceOperation,
  ServiceShape,
  StringShape,
} from './service-shapes';

/** The four UUID id shapes of the model are identical: 36 characters, 8-4-4-4-12 hex digits. */
const UUID_SHAPE = {
  type: 'string',
  min: 36,
  max: 36,
  pattern: '^[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{12}$',
} as const;

const shapes = {
  MaintenanceWindowId: { type: 'string', min: 20, max: 20, pattern: '^mw-[0-9a-f]{17}$' },
  MaintenanceWindowExecutionId: UUID_SHAPE,
  MaintenanceWindowExecutionTaskId: UUID_SHAPE,
  MaintenanceWindowExecutionTaskInvocationId: UUID_SHAPE,
  MaintenanceWindowTargetId: UUID_SHAPE,
  MaintenanceWindowName: {
    type: 'string',
    min: 3,
    max: 128,
    pattern: '^[a-zA-Z0-9_\\-.]{3,128}$',
  },
  MaintenanceWindowExecutionStatusDetails: { type: 'string', min: 0, max: 250 },
  MaintenanceWindowMaxResults: { type: 'integer', min: 10, max: 100 },
  NextToken: { type: 'string' },
  MaintenanceWindowFilterList: {
    type: 'list',
    member: 'MaintenanceWindowFilter',
    min: 0,
    max: 5,
  },
  MaintenanceWindowFilterKey: { type: 'string', min: 1, max: 128 },
  MaintenanceWindowFilterValues: { type: 'list', member: 'MaintenanceWindowFilterValue' },
  MaintenanceWindowFilterValue: { type: 'string', min: 1, max: 256 },
  MaintenanceWindowExecutionStatus: {
    type: 'string',
    enum: [
      'PENDING',
      'IN_PROGRESS',
      'SUCCESS',
      'FAILED',
      'TIMED_OUT',
      'CANCELLING',
      'CANCELLED',
      'SKIPPED_OVERLAPPING',
    ],
  },
  MaintenanceWindowTaskType: {
    type: 'string',
    enum: ['RUN_COMMAND', 'AUTOMATION', 'STEP_FUNCTIONS', 'LAMBDA'],
  },
  MaintenanceWindowResourceType: { type: 'string', enum: ['INSTANCE', 'RESOURCE_GROUP'] },
  Boolean: { type: 'boolean' },
  CommandId: { type: 'string', min: 36, max: 36 },
  InstanceId: { type: 'string', pattern: '(^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)' },
  CommandMaxResults: { type: 'integer', min: 1, max: 50 },
  CommandFilterList: { type: 'list', member: 'CommandFilter', min: 1, max: 5 },
  CommandFilterKey: {
    type: 'string',
    enum: ['InvokedAfter', 'InvokedBefore', 'Status', 'ExecutionStage', 'DocumentName'],
  },
  CommandFilterValue: { type: 'string', min: 1, max: 128 },
  CommandPluginName: { type: 'string', min: 4 },
  CommandPluginOutput: { type: 'string', min: 0, max: 2500 },
  StandardOutputContent: { type: 'string', max: 24_000 },
  StandardErrorContent: { type: 'string', max: 8000 },
  StatusDetails: { type: 'string', min: 0, max: 100 },
  DocumentName: { type: 'string', pattern: '^[a-zA-Z0-9_\\-.]{3,128}$' },
  CommandInvocationStatus: {
    type: 'string',
    enum: [
      'Pending',
      'InProgress',
      'Delayed',
      'Success',
      'Cancelled',
      'TimedOut',
      'Failed',
      'Cancelling',
    ],
  },
  CommandPluginStatus: {
    type: 'string',
    enum: ['Pending', 'InProgress', 'Success', 'TimedOut', 'Cancelled', 'Failed'],
  },
  AutomationExecutionId: { type: 'string', min: 36, max: 36 },
  AutomationExecutionStatus: {
    type: 'string',
    enum: [
      'Pending',
      'InProgress',
      'Waiting',
      'Success',
      'TimedOut',
      'Cancelling',
      'Cancelled',
      'Failed',
      'PendingApproval',
      'Approved',
      'Rejected',
      'Scheduled',
      'RunbookInProgress',
      'PendingChangeCalendarOverride',
      'ChangeCalendarOverrideApproved',
      'ChangeCalendarOverrideRejected',
      'CompletedWithSuccess',
      'CompletedWithFailure',
      'Exited',
    ],
  },
  // ListTagsForResource (the Backstage backend's ownership check). `ResourceId` has no
  // constraints in the model; tag keys and values are checked with TAG_TEXT_PATTERN.
  ResourceTypeForTagging: {
    type: 'string',
    enum: [
      'Document',
      'ManagedInstance',
      'MaintenanceWindow',
      'Parameter',
      'PatchBaseline',
      'OpsItem',
      'OpsMetadata',
      'Automation',
      'Association',
    ],
  },
  ResourceId: { type: 'string' },
  TagKey: { type: 'string', min: 1, max: 128 },
  TagValue: { type: 'string', min: 0, max: 256 },
} as const satisfies Record<string, ServiceShape>;

/** A recorded shape's name. */
export type ShapeName = keyof typeof shapes;

const LIST_MEMBERS = {
  Filters: 'MaintenanceWindowFilterList',
  MaxResults: 'MaintenanceWindowMaxResults',
  NextToken: 'NextToken',
} as const;

const operations = {
  DescribeMaintenanceWindows: {
    input: { ...LIST_MEMBERS },
    required: [],
    listKey: 'WindowIdentities',
    filterKeys: ['Name', 'Enabled'],
  },
  GetMaintenanceWindow: {
    input: { WindowId: 'MaintenanceWindowId' },
    required: ['WindowId'],
    filterKeys: [],
  },
  DescribeMaintenanceWindowExecutions: {
    input: { WindowId: 'MaintenanceWindowId', ...LIST_MEMBERS },
    required: ['WindowId'],
    listKey: 'WindowExecutions',
    filterKeys: ['ExecutedBefore', 'ExecutedAfter'],
  },
  GetMaintenanceWindowExecution: {
    input: { WindowExecutionId: 'MaintenanceWindowExecutionId' },
    required: ['WindowExecutionId'],
    filterKeys: [],
  },
  DescribeMaintenanceWindowExecutionTasks: {
    input: { WindowExecutionId: 'MaintenanceWindowExecutionId', ...LIST_MEMBERS },
    required: ['WindowExecutionId'],
    listKey: 'WindowExecutionTaskIdentities',
    filterKeys: ['STATUS'],
  },
  GetMaintenanceWindowExecutionTask: {
    input: {
      WindowExecutionId: 'MaintenanceWindowExecutionId',
      TaskId: 'MaintenanceWindowExecutionTaskId',
    },
    required: ['WindowExecutionId', 'TaskId'],
    filterKeys: [],
  },
  DescribeMaintenanceWindowExecutionTaskInvocations: {
    input: {
      WindowExecutionId: 'MaintenanceWindowExecutionId',
      TaskId: 'MaintenanceWindowExecutionTaskId',
      ...LIST_MEMBERS,
    },
    required: ['WindowExecutionId', 'TaskId'],
    listKey: 'WindowExecutionTaskInvocationIdentities',
    filterKeys: ['STATUS'],
  },
  GetMaintenanceWindowExecutionTaskInvocation: {
    input: {
      WindowExecutionId: 'MaintenanceWindowExecutionId',
      TaskId: 'MaintenanceWindowExecutionTaskId',
      InvocationId: 'MaintenanceWindowExecutionTaskInvocationId',
    },
    required: ['WindowExecutionId', 'TaskId', 'InvocationId'],
    filterKeys: [],
  },
  DescribeMaintenanceWindowTargets: {
    input: { WindowId: 'MaintenanceWindowId', ...LIST_MEMBERS },
    required: ['WindowId'],
    listKey: 'Targets',
    filterKeys: ['Type', 'WindowTargetId', 'OwnerInformation'],
  },
  ListTagsForResource: {
    input: { ResourceType: 'ResourceTypeForTagging', ResourceId: 'ResourceId' },
    required: ['ResourceType', 'ResourceId'],
    filterKeys: [],
  },
} as const satisfies Record<string, ServiceOperation>;

/**
 * The follow-ups of RUN_COMMAND and AUTOMATION invocations: Run Command's invocations and
 * output, an Automation execution. Kept apart from the maintenance-window operations, whose list
 * members (MaxResults 10–100, `{Key, Values}` filters) they do not share.
 */
const followUpOperations = {
  ListCommandInvocations: {
    input: {
      CommandId: 'CommandId',
      InstanceId: 'InstanceId',
      MaxResults: 'CommandMaxResults',
      NextToken: 'NextToken',
      Filters: 'CommandFilterList',
      Details: 'Boolean',
    },
    required: [],
    listKey: 'CommandInvocations',
    // `ExecutionStage` is in the key enum but documented for ListCommands only.
    filterKeys: ['InvokedAfter', 'InvokedBefore', 'Status', 'DocumentName'],
  },
  GetCommandInvocation: {
    input: { CommandId: 'CommandId', InstanceId: 'InstanceId', PluginName: 'CommandPluginName' },
    required: ['CommandId', 'InstanceId'],
    filterKeys: [],
  },
  GetAutomationExecution: {
    input: { AutomationExecutionId: 'AutomationExecutionId' },
    required: ['AutomationExecutionId'],
    filterKeys: [],
  },
} as const satisfies Record<string, ServiceOperation>;

/**
 * The model's pattern of `TagKey` and `TagValue`: letters, spaces and digits of any script plus
 * `_.:/=+-@`. It needs the `u` flag, which the other patterns of the model cannot take.
 *
 * @example
 * ```ts
 * TAG_TEXT_PATTERN.test('backstage.io/owner'); // true
 * ```
 */
export const TAG_TEXT_PATTERN = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;

/**
 * What each filter key's values must be. `enum` names a shape; `values` and `format` come from
 * the documentation text (the model types every filter value as a plain string).
 */
const filterValues = {
  STATUS: { shape: 'MaintenanceWindowExecutionStatus' },
  Type: { shape: 'MaintenanceWindowResourceType' },
  Enabled: { values: ['True', 'False'] },
  ExecutedBefore: { format: 'date-time', count: 1 },
  ExecutedAfter: { format: 'date-time', count: 1 },
} as const;

/**
 * The values of ListCommandInvocations' `{key, value}` filters (from the `CommandFilter.value`
 * documentation): ISO 8601 date-times, the invocation status vocabulary, a document name.
 */
const commandFilterValues = {
  InvokedAfter: { format: 'date-time' },
  InvokedBefore: { format: 'date-time' },
  Status: {
    values: [
      'Pending',
      'InProgress',
      'Delayed',
      'Success',
      'Cancelled',
      'Failed',
      'TimedOut',
      'AccessDenied',
      'DeliveryTimedOut',
      'ExecutionTimedOut',
      'Undeliverable',
      'InvalidPlatform',
      'Terminated',
    ],
  },
  DocumentName: { shape: 'DocumentName' },
} as const;

/**
 * SSM's service model (2014-11-06) as far as the maintenance-window operations and their
 * Run Command / Automation follow-ups need it.
 *
 * @example
 * ```ts
 * import { SSM_SERVICE_MODEL } from '@ssm-invocations/emulator';
 * SSM_SERVICE_MODEL.shapes.MaintenanceWindowMaxResults.max; // 100
 * ```
 */
export const SSM_SERVICE_MODEL = {
  apiVersion: '2014-11-06',
  source: 'botocore 1.43.11 botocore/data/ssm/2014-11-06/service-2.json',
  targetPrefix: 'AmazonSSM',
  shapes,
  operations,
  followUpOperations,
  filterValues,
  commandFilterValues,
} as const;

/** One of the twelve operations (nine maintenance-window ones, three follow-ups). */
export type SsmOperationName = MaintenanceWindowOperationName | FollowUpOperationName;

/** One of the nine maintenance-window operations. */
export type MaintenanceWindowOperationName = keyof typeof operations;

/** One of the three follow-up operations (Run Command, Automation). */
export type FollowUpOperationName = keyof typeof followUpOperations;

/** The recorded input members, required members, list key and filter keys of any operation. */
export function operationModel(name: SsmOperationName): ServiceOperation {
  return name in operations
    ? operations[name as MaintenanceWindowOperationName]
    : followUpOperations[name as FollowUpOperationName];
}

/** The operations that answer a page under a list key. */
export type ListOperationName = {
  [K in MaintenanceWindowOperationName]: (typeof operations)[K] extends { listKey: string }
    ? K
    : never;
}[MaintenanceWindowOperationName];

/** A maintenance-window execution, task or invocation status. */
export type ExecutionStatus = (typeof shapes.MaintenanceWindowExecutionStatus.enum)[number];

/** A maintenance-window task type. */
export type TaskType = (typeof shapes.MaintenanceWindowTaskType.enum)[number];

/** Every status, in model order. */
export const EXECUTION_STATUSES: readonly ExecutionStatus[] =
  shapes.MaintenanceWindowExecutionStatus.enum;

/** Every task type, in model order. */
export const TASK_TYPES: readonly TaskType[] = shapes.MaintenanceWindowTaskType.enum;

/** Names of the shapes that carry a `pattern`. */
export type PatternedShapeName = {
  [K in ShapeName]: (typeof shapes)[K] extends { pattern: string } ? K : never;
}[ShapeName];

/** The compiled pattern of a patterned string shape (model patterns are ECMAScript-compatible). */
export function shapePattern(name: PatternedShapeName): RegExp {
  return new RegExp(shapes[name].pattern);
}

/** A Run Command invocation status (ListCommandInvocations, GetCommandInvocation). */
export type CommandInvocationStatus = (typeof shapes.CommandInvocationStatus.enum)[number];

/** A Run Command plugin status. */
export type CommandPluginStatus = (typeof shapes.CommandPluginStatus.enum)[number];

/** An Automation execution or step status. */
export type AutomationExecutionStatus = (typeof shapes.AutomationExecutionStatus.enum)[number];
