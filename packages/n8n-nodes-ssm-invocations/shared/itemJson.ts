import type { IDataObject } from 'n8n-workflow';
import {
  formatElapsed,
  invocationTargets,
  type InvocationRecord,
} from '@ssm-invocations/core/json';

/**
 * A record as an n8n item's `json`: `Date`s become ISO strings (the JSON form the other adapters
 * use too), `undefined` members are left out. Converts one record at a time, so memory follows the
 * output rather than whole responses.
 *
 * @example
 * ```ts
 * toItemJson({ StartTime: new Date(0) }); // { StartTime: '1970-01-01T00:00:00.000Z' }
 * ```
 */
export function toItemJson(value: object): IDataObject {
  return convert(value) as IDataObject;
}

function convert(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) out[key] = convert(member);
    }
    return out;
  }
  return value;
}

/** Which record shape a simplified item is cut from. */
export type SimplifiedShape = 'invocation' | 'execution' | 'task' | 'window';

// The fields people act on: what ran where, how it ended and why. Sensitive members
// (Parameters, OwnerInformation) are only in the raw output.
const SIMPLE_FIELDS: Record<SimplifiedShape, readonly string[]> = {
  invocation: [
    'InvocationId',
    'WindowTargetId',
    'Status',
    'StatusDetails',
    'ExecutionId',
    'TaskType',
    'StartTime',
    'EndTime',
    'WindowExecutionId',
    'TaskExecutionId',
  ],
  execution: ['WindowExecutionId', 'WindowId', 'Status', 'StatusDetails', 'StartTime', 'EndTime'],
  task: [
    'TaskExecutionId',
    'TaskArn',
    'TaskType',
    'Type',
    'Status',
    'StatusDetails',
    'StartTime',
    'EndTime',
    'WindowExecutionId',
  ],
  window: ['WindowId', 'Name', 'Enabled', 'Schedule', 'ScheduleTimezone', 'NextExecutionTime'],
};

/**
 * The ids of the resources an invocation ran on (`i-…` instances, `mi-…` nodes, functions, …),
 * read by core from its `Parameters`; `[]` when they say nothing.
 *
 * @example
 * ```ts
 * targetIds(invocation); // ['i-0abc1234def567890']
 * ```
 */
export function targetIds(invocation: object): string[] {
  return invocationTargets(invocation as InvocationRecord).map((target) => target.id);
}

/**
 * The simplified item of a record: its key fields plus `Duration` (e.g. `3m 05s`) where the
 * record has start and end times, and for an invocation its `Targets` (see {@link targetIds}).
 *
 * @example
 * ```ts
 * simplify('invocation', record); // { InvocationId, WindowTargetId, Status, …, Duration, Targets }
 * ```
 */
export function simplify(shape: SimplifiedShape, record: object): IDataObject {
  const source = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of SIMPLE_FIELDS[shape]) {
    if (source[field] !== undefined) out[field] = source[field];
  }
  if (shape !== 'window') {
    out.Duration = formatElapsed(
      source.StartTime as Date | string | undefined,
      source.EndTime as Date | string | undefined,
    );
  }
  if (shape === 'invocation') out.Targets = targetIds(record);
  return toItemJson(out);
}

/**
 * An invocation as an item: simplified, or the full record — both with `Targets`.
 *
 * @example
 * ```ts
 * invocationJson(record, false); // { …every member of the record, Targets: ['i-…'] }
 * ```
 */
export function invocationJson(record: object, simple: boolean): IDataObject {
  return simple
    ? simplify('invocation', record)
    : { ...toItemJson(record), Targets: targetIds(record) };
}
