/**
 * The member names of each SSM output shape this package returns. The client keeps exactly these
 * on every record, so both transports return identical records: the SDK drops members it does not
 * know and `$metadata` is not a record field.
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

const fieldSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function fieldSet(fields: readonly string[]): ReadonlySet<string> {
  let set = fieldSets.get(fields);
  if (set === undefined) {
    set = new Set(fields);
    fieldSets.set(fields, set);
  }
  return set;
}

/**
 * Keeps only the given members of `source` that are present (not `undefined`/`null`). When
 * `source` has no other members it is returned as is — the common case for SDK output, which
 * already drops unknown members — so that reading a page costs no copy.
 *
 * @example
 * ```ts
 * pickFields({ Status: 'FAILED', $metadata: {} }, INVOCATION_FIELDS); // { Status: 'FAILED' }
 * ```
 */
export function pickFields<T>(source: Record<string, unknown>, fields: readonly string[]): T {
  const known = fieldSet(fields);
  let clean = true;
  for (const key in source) {
    const value = source[key];
    if (!known.has(key) || value === undefined || value === null) {
      clean = false;
      break;
    }
  }
  if (clean) return source as T;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = source[field];
    if (value !== undefined && value !== null) out[field] = value;
  }
  return out as T;
}
