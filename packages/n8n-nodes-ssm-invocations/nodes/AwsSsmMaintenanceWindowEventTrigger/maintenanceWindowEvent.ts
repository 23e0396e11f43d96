/**
 * The EventBridge side of the push trigger, as pure functions: the API-key check (constant
 * time), reading an `aws.ssm` maintenance-window event, the window/status filters, which listed
 * invocation a target event is about, and the bounded memory of delivered event ids
 * (EventBridge delivers at least once).
 */
import { createHash, timingSafeEqual } from 'crypto';
import type { InvocationRecord } from '@ssm-invocations/core/json';

/** The detail-type of a window execution changing state. */
export const EXECUTION_EVENT = 'Maintenance Window Execution State-change Notification';
/** The detail-type of one target's invocation changing state. */
export const TARGET_INVOCATION_EVENT =
  'Maintenance Window Task Target Invocation State-change Notification';
/** Event ids remembered for dedupe; the oldest are forgotten first. */
export const MAX_REMEMBERED_EVENTS = 1_000;

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

/**
 * Whether the event passes the node's filters (an empty list passes everything).
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
  const inStatus = statuses.length === 0 || statuses.includes(event.detail.status);
  return inWindow && inStatus;
}

/**
 * Which of a task's invocations a target event is about. The event names the window target, not
 * the invocation, and a target that resolves to several instances has one invocation each: so
 * those on the event's target in the event's status, and of several, the one(s) whose end time is
 * nearest the event's `end-time`.
 *
 * @example
 * ```ts
 * const [invocation] = invocationsOfEvent(page.invocations, event);
 * ```
 */
export function invocationsOfEvent(
  invocations: readonly InvocationRecord[],
  event: MaintenanceWindowEvent,
): InvocationRecord[] {
  const { windowTargetId, status, endTime } = event.detail;
  const candidates = invocations.filter(
    (one) => one.WindowTargetId === windowTargetId && one.Status === status,
  );
  const endMs = endTime === undefined ? NaN : Date.parse(endTime);
  if (candidates.length <= 1 || Number.isNaN(endMs)) return candidates;
  const distance = (one: InvocationRecord) =>
    one.EndTime === undefined ? Infinity : Math.abs(one.EndTime.getTime() - endMs);
  const nearest = Math.min(...candidates.map(distance));
  return nearest === Infinity ? candidates : candidates.filter((one) => distance(one) === nearest);
}

/** The persisted memory of delivered event ids (in the workflow's static data). */
export interface EventMemory {
  eventIds?: string[];
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
  const ids = (memory.eventIds ??= []);
  if (ids.includes(eventId)) return false;
  ids.push(eventId);
  if (ids.length > MAX_REMEMBERED_EVENTS) ids.splice(0, ids.length - MAX_REMEMBERED_EVENTS);
  return true;
}
