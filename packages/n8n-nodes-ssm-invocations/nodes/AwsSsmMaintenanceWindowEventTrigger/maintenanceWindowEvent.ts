/**
 * The EventBridge side of the push trigger, as pure functions: the API-key check (constant
 * time), reading an `aws.ssm` maintenance-window event, the window/status filters, which listed
 * invocation a target event is about, and the bounded memory of delivered event ids
 * (EventBridge delivers at least once) and of emitted invocations.
 */
import { createHash, timingSafeEqual } from 'crypto';
import type { InvocationRecord } from '@ssm-invocations/core/json';

/** The detail-type of a window execution changing state. */
export const EXECUTION_EVENT = 'Maintenance Window Execution State-change Notification';
/** The detail-type of one target's invocation changing state. */
export const TARGET_INVOCATION_EVENT =
  'Maintenance Window Task Target Invocation State-change Notification';
/**
 * The status of an Automation, Lambda or Step Functions target's event once its invocation ended,
 * whatever the outcome (its real status is only in the listing). Not an SSM invocation status.
 */
export const COMPLETE = 'COMPLETE';
/** The final invocation statuses a COMPLETE event can stand for. */
export const COMPLETE_FINAL_STATUSES = ['SUCCESS', 'FAILED', 'TIMED_OUT', 'CANCELLED'] as const;
/** Event ids remembered for dedupe; the oldest are forgotten first. */
export const MAX_REMEMBERED_EVENTS = 1_000;
/**
 * Emitted invocation ids remembered, so a later event of the same window target takes another
 * invocation; the oldest are forgotten first (events of one target arrive minutes apart).
 */
export const MAX_REMEMBERED_INVOCATIONS = 1_000;

/** The envelope and detail fields the trigger uses (others are kept as received). */
export interface MaintenanceWindowEvent {
  id: string;
  detailType: typeof EXECUTION_EVENT | typeof TARGET_INVOCATION_EVENT;
  time?: string;
  region?: string;
  account?: string;
  detail: {
    windowId: string;
    windowExecutionId: string;
    status: string;
    taskExecutionId?: string;
    windowTargetId?: string;
    startTime?: string;
    endTime?: string;
    ownerInformation?: string;
  };
}

/** Why a request is refused: the HTTP status to answer and a short reason (no request data). */
export interface Rejection {
  status: 400 | 401 | 422;
  reason: string;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when `received` equals `expected`, compared in constant time (both are hashed first, so
 * neither their contents nor their lengths show in the timing). An empty `expected` never matches.
 *
 * @example
 * ```ts
 * apiKeyMatches(headers['x-api-key'], secret); // true or false
 * ```
 */
export function apiKeyMatches(received: unknown, expected: string): boolean {
  const value = Array.isArray(received) ? received[0] : received;
  if (expected === '' || typeof value !== 'string') return false;
  return timingSafeEqual(digest(value), digest(expected));
}

function text(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads a request body as a maintenance-window event, or says why it is not one: 400 for a body
 * that is not an EventBridge event, 422 for another source or detail-type (EventBridge does not
 * retry 4xx, so a misrouted rule fails visibly instead of retrying for a day).
 *
 * @example
 * ```ts
 * const event = readMaintenanceWindowEvent(this.getBodyData());
 * ```
 */
export function readMaintenanceWindowEvent(body: unknown): MaintenanceWindowEvent | Rejection {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, reason: 'the body is not an EventBridge event (JSON object)' };
  }
  const envelope = body as Record<string, unknown>;
  const id = text(envelope, 'id');
  const detailType = text(envelope, 'detail-type');
  const detail = envelope.detail;
  if (!id || !detailType || typeof detail !== 'object' || detail === null) {
    return {
      status: 400,
      reason: 'the body is not an EventBridge event (id, detail-type, detail)',
    };
  }
  if (envelope.source !== 'aws.ssm') {
    return { status: 422, reason: 'only events of source aws.ssm are accepted' };
  }
  if (detailType !== EXECUTION_EVENT && detailType !== TARGET_INVOCATION_EVENT) {
    return { status: 422, reason: `detail-type is not one this trigger handles` };
  }
  const fields = detail as Record<string, unknown>;
  const windowId = text(fields, 'window-id');
  const windowExecutionId = text(fields, 'window-execution-id');
  const status = text(fields, 'status');
  if (!windowId || !windowExecutionId || !status) {
    return { status: 400, reason: 'detail lacks window-id, window-execution-id or status' };
  }
  return {
    id,
    detailType,
    time: text(envelope, 'time'),
    region: text(envelope, 'region'),
    account: text(envelope, 'account'),
    detail: {
      windowId,
      windowExecutionId,
      status,
      taskExecutionId: text(fields, 'task-execution-id'),
      windowTargetId: text(fields, 'window-target-id'),
      startTime: text(fields, 'start-time'),
      endTime: text(fields, 'end-time'),
      ownerInformation: text(fields, 'owner-information'),
    },
  };
}

/** True for an Automation, Lambda or Step Functions target's event that its invocation ended. */
export function isCompleteTargetEvent(event: MaintenanceWindowEvent): boolean {
  return event.detailType === TARGET_INVOCATION_EVENT && event.detail.status === COMPLETE;
}

/**
 * The final statuses of the invocation behind a COMPLETE event that the status filter wants:
 * every final status when the filter is empty or has COMPLETE itself, else those it names.
 *
 * @example
 * ```ts
 * completeStatusesWanted(['FAILED', 'TIMED_OUT']); // ['FAILED', 'TIMED_OUT']
 * ```
 */
export function completeStatusesWanted(statuses: readonly string[]): string[] {
  const everyOutcome = takesEveryComplete(statuses);
  return COMPLETE_FINAL_STATUSES.filter((status) => everyOutcome || statuses.includes(status));
}

/**
 * Whether the status filter takes every COMPLETE event, whatever its outcome (it is empty or
 * names COMPLETE itself).
 *
 * @example
 * ```ts
 * takesEveryComplete(['FAILED', 'COMPLETE']); // true
 * ```
 */
export function takesEveryComplete(statuses: readonly string[]): boolean {
  return statuses.length === 0 || statuses.includes(COMPLETE);
}

/**
 * Whether the event passes the node's filters (an empty list passes everything). A COMPLETE
 * target event passes when the filter wants any final status, since the invocation's real status
 * decides (after its lookup) whether it is emitted.
 *
 * @example
 * ```ts
 * passesFilters(event, ['mw-0123456789abcdef0'], ['FAILED', 'TIMED_OUT']);
 * ```
 */
export function passesFilters(
  event: MaintenanceWindowEvent,
  windowIds: readonly string[],
  statuses: readonly string[],
): boolean {
  const inWindow = windowIds.length === 0 || windowIds.includes(event.detail.windowId);
  const inStatus = isCompleteTargetEvent(event)
    ? completeStatusesWanted(statuses).length > 0
    : statuses.length === 0 || statuses.includes(event.detail.status);
  return inWindow && inStatus;
}

/**
 * The invocation a target event is about, of a task's invocations. The event names the window
 * target, not the invocation, and a target that resolves to several instances has one invocation
 * each: so of those on the event's target in one of `statuses` (default: the event's status; for
 * a COMPLETE event, the final statuses wanted) and not emitted yet (`emitted`: invocation ids),
 * the one whose end time is nearest the event's `end-time` (without one, the one that ended
 * first). Skipping emitted ones keeps two instances that end at the same (or a coarse) time from
 * both being emitted twice, or one of them never.
 *
 * @example
 * ```ts
 * const invocation = invocationOfEvent(page.invocations, event, memory.invocationIds ?? []);
 * ```
 */
export function invocationOfEvent(
  invocations: readonly InvocationRecord[],
  event: MaintenanceWindowEvent,
  emitted: readonly string[],
  statuses: readonly string[] = [event.detail.status],
): InvocationRecord | undefined {
  const { windowTargetId, endTime } = event.detail;
  const endMs = endTime === undefined ? NaN : Date.parse(endTime);
  const ended = (one: InvocationRecord) => one.EndTime?.getTime() ?? Infinity;
  const distance = Number.isNaN(endMs)
    ? ended
    : (one: InvocationRecord) => Math.abs(ended(one) - endMs);
  let nearest: InvocationRecord | undefined;
  for (const one of invocations) {
    if (one.WindowTargetId !== windowTargetId || !statuses.includes(one.Status ?? '')) continue;
    if (one.InvocationId !== undefined && emitted.includes(one.InvocationId)) continue;
    if (nearest === undefined || distance(one) < distance(nearest)) nearest = one;
  }
  return nearest;
}

/** The persisted memory of the trigger (in the workflow's static data). */
export interface EventMemory {
  /** Delivered event ids, newest last. */
  eventIds?: string[];
  /** Emitted invocation ids, newest last. */
  invocationIds?: string[];
}

/** Adds `value` to `list` unless present (true when added), dropping the oldest past `max`. */
function rememberOnce(list: string[], value: string, max: number): boolean {
  if (list.includes(value)) return false;
  list.push(value);
  if (list.length > max) list.splice(0, list.length - max);
  return true;
}

/**
 * True once per event id: remembers it (at most {@link MAX_REMEMBERED_EVENTS}, oldest dropped).
 *
 * @example
 * ```ts
 * if (!firstDelivery(this.getWorkflowStaticData('node'), event.id)) return duplicate;
 * ```
 */
export function firstDelivery(memory: EventMemory, eventId: string): boolean {
  return rememberOnce((memory.eventIds ??= []), eventId, MAX_REMEMBERED_EVENTS);
}

/**
 * Remembers an emitted invocation (at most {@link MAX_REMEMBERED_INVOCATIONS}, oldest dropped),
 * for {@link invocationOfEvent} to skip.
 *
 * @example
 * ```ts
 * rememberEmitted(memory, invocation.InvocationId);
 * ```
 */
export function rememberEmitted(memory: EventMemory, invocationId: string): void {
  rememberOnce((memory.invocationIds ??= []), invocationId, MAX_REMEMBERED_INVOCATIONS);
}
