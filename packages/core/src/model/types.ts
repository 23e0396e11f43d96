/**
 * Record types, shaped exactly like the AWS SDK's own (`@aws-sdk/client-ssm`) output members:
 * AWS field names, `Date` values for timestamps, every member optional. Declared here without
 * importing the SDK so that browser code can use them.
 */
import type { ExecutionStatusValue } from './constants';

/**
 * One target's invocation of a task — the 12 fields of
 * `MaintenanceWindowExecutionTaskInvocationIdentity`.
 *
 * @example
 * ```ts
 * const inv: InvocationRecord = { InvocationId: '…', Status: 'FAILED', StatusDetails: 'Exit code 1' };
 * ```
 */
export interface InvocationRecord {
  WindowExecutionId?: string;
  TaskExecutionId?: string;
  InvocationId?: string;
  /** For RUN_COMMAND tasks, the command ID. */
  ExecutionId?: string;
  TaskType?: string;
  /** Sensitive in the SSM model: the task's parameters as a JSON string. */
  Parameters?: string;
  Status?: ExecutionStatusValue;
  StatusDetails?: string;
  StartTime?: Date;
  EndTime?: Date;
  /** Sensitive in the SSM model. */
  OwnerInformation?: string;
  WindowTargetId?: string;
}

/**
 * A task run within a window execution (`MaintenanceWindowExecutionTaskIdentity`).
 *
 * @example
 * ```ts
 * const task: TaskRecord = { TaskExecutionId: '…', TaskType: 'RUN_COMMAND', Status: 'SUCCESS' };
 * ```
 */
export interface TaskRecord {
  WindowExecutionId?: string;
  TaskExecutionId?: string;
  Status?: ExecutionStatusValue;
  StatusDetails?: string;
  StartTime?: Date;
  EndTime?: Date;
  TaskArn?: string;
  TaskType?: string;
  AlarmConfiguration?: { IgnorePollAlarmFailure?: boolean; Alarms?: { Name?: string }[] };
  TriggeredAlarms?: { Name?: string; State?: string }[];
}

/**
 * `GetMaintenanceWindowExecutionTask` output (note: the task type is called `Type` here).
 *
 * @example
 * ```ts
 * const detail: TaskDetailRecord = { TaskExecutionId: '…', Type: 'RUN_COMMAND', Priority: 1 };
 * ```
 */
export interface TaskDetailRecord {
  WindowExecutionId?: string;
  TaskExecutionId?: string;
  TaskArn?: string;
  ServiceRole?: string;
  Type?: string;
  Priority?: number;
  MaxConcurrency?: string;
  MaxErrors?: string;
  Status?: ExecutionStatusValue;
  StatusDetails?: string;
  StartTime?: Date;
  EndTime?: Date;
  AlarmConfiguration?: { IgnorePollAlarmFailure?: boolean; Alarms?: { Name?: string }[] };
  TriggeredAlarms?: { Name?: string; State?: string }[];
}

/**
 * One execution of a window (`MaintenanceWindowExecution`).
 *
 * @example
 * ```ts
 * const exec: ExecutionRecord = { WindowId: 'mw-0123456789abcdef0', Status: 'FAILED' };
 * ```
 */
export interface ExecutionRecord {
  WindowId?: string;
  WindowExecutionId?: string;
  Status?: ExecutionStatusValue;
  StatusDetails?: string;
  StartTime?: Date;
  EndTime?: Date;
}

/**
 * `GetMaintenanceWindowExecution` output: the execution plus its task IDs.
 *
 * @example
 * ```ts
 * const d: ExecutionDetailRecord = { WindowExecutionId: '…', TaskIds: ['…'] };
 * ```
 */
export interface ExecutionDetailRecord extends Omit<ExecutionRecord, 'WindowId'> {
  TaskIds?: string[];
}

/**
 * A window as listed by `DescribeMaintenanceWindows` (`MaintenanceWindowIdentity`).
 * `StartDate`, `EndDate`, `NextExecutionTime` are ISO strings, as on the wire.
 *
 * @example
 * ```ts
 * const w: WindowSummaryRecord = { WindowId: 'mw-0123456789abcdef0', Name: 'nightly-patching' };
 * ```
 */
export interface WindowSummaryRecord {
  WindowId?: string;
  Name?: string;
  Description?: string;
  Enabled?: boolean;
  Duration?: number;
  Cutoff?: number;
  Schedule?: string;
  ScheduleTimezone?: string;
  ScheduleOffset?: number;
  EndDate?: string;
  StartDate?: string;
  NextExecutionTime?: string;
}

/**
 * `GetMaintenanceWindow` output.
 *
 * @example
 * ```ts
 * const w: WindowRecord = { WindowId: 'mw-0123456789abcdef0', Schedule: 'cron(0 2 ? * * *)' };
 * ```
 */
export interface WindowRecord extends WindowSummaryRecord {
  AllowUnassociatedTargets?: boolean;
  CreatedDate?: Date;
  ModifiedDate?: Date;
}

/**
 * A registered target (`MaintenanceWindowTarget`).
 *
 * @example
 * ```ts
 * const t: TargetRecord = { ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Env', Values: ['prod'] }] };
 * ```
 */
export interface TargetRecord {
  WindowId?: string;
  WindowTargetId?: string;
  ResourceType?: string;
  Targets?: { Key?: string; Values?: string[] }[];
  OwnerInformation?: string;
  Name?: string;
  Description?: string;
}

/**
 * One tag of an SSM resource (ListTagsForResource's `TagList`).
 *
 * @example
 * ```ts
 * const tag: TagRecord = { Key: 'backstage.io/owner', Value: 'group:default/platform' };
 * ```
 */
export interface TagRecord {
  Key?: string;
  Value?: string;
}
