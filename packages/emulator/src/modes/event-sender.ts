/**
 * Posts live mode's status changes as the EventBridge events SSM emits (source `aws.ssm`), the
 * way an EventBridge API destination with an API-key connection delivers them: a JSON POST with
 * the key in a header. Delivery is fire-and-forget (EventBridge's own retries are not modelled);
 * failures are reported to the logger without the key.
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorInvocation } from '../state/store';
import type { LiveStateChange } from './live-reveal';

/**
 * Where and how to post events.
 *
 * @example
 * ```ts
 * await startEmulator({ live: true, events: { url: 'http://127.0.0.1:5678/webhook/x', secret: 'k' } });
 * ```
 */
export interface EventDeliveryOptions {
  url: string;
  /** Sent as the value of `headerName` (the connection's API key). */
  secret?: string;
  /** Default `x-api-key`. */
  headerName?: string;
  /** The envelope's account. Default `123456789012`. */
  account?: string;
  /** The envelope's region. Default `us-east-1`. */
  region?: string;
}

const iso = (date: Date | undefined) => (date === undefined ? undefined : date.toISOString());

/**
 * The status SSM's target-invocation event carries for an invocation, or undefined when SSM sends
 * none: no invocation event is PENDING; Run Command events carry the invocation's status, while
 * Automation, Lambda and Step Functions events carry only IN_PROGRESS and then COMPLETE, whatever
 * the outcome (so they are not sent while CANCELLING either).
 */
function invocationEventStatus(invocation: EmulatorInvocation): string | undefined {
  const { Status, TaskType } = invocation;
  if (Status === 'PENDING') return undefined;
  if (TaskType === 'RUN_COMMAND' || Status === 'IN_PROGRESS') return Status;
  return Status === 'CANCELLING' ? undefined : 'COMPLETE';
}

/**
 * The EventBridge event of one change, or undefined for a change SSM sends no event for (an
 * invocation turning PENDING; an Automation, Lambda or Step Functions one turning CANCELLING).
 *
 * @example
 * ```ts
 * const event = toEventBridgeEvent(change, { url, account: '111122223333', region: 'eu-west-1' });
 * ```
 */
export function toEventBridgeEvent(
  change: LiveStateChange,
  options: EventDeliveryOptions,
): Record<string, unknown> | undefined {
  const account = options.account ?? '123456789012';
  const region = options.region ?? 'us-east-1';
  const { execution } = change;
  const invocationStatus =
    change.kind === 'invocation' ? invocationEventStatus(change.invocation) : undefined;
  if (change.kind === 'invocation' && invocationStatus === undefined) return undefined;
  const detail =
    change.kind === 'execution'
      ? {
          'start-time': iso(execution.StartTime),
          'end-time': iso(execution.EndTime),
          'window-id': execution.WindowId,
          'window-execution-id': execution.WindowExecutionId,
          status: execution.Status,
        }
      : {
          'start-time': iso(change.invocation.StartTime),
          'end-time': iso(change.invocation.EndTime),
          'window-id': execution.WindowId,
          'window-execution-id': execution.WindowExecutionId,
          'task-execution-id': change.invocation.TaskExecutionId,
          'window-target-id': change.invocation.WindowTargetId,
          status: invocationStatus,
          'owner-information': change.invocation.OwnerInformation,
        };
  return {
    version: '0',
    id: randomUUID(),
    'detail-type':
      change.kind === 'execution'
        ? 'Maintenance Window Execution State-change Notification'
        : 'Maintenance Window Task Target Invocation State-change Notification',
    source: 'aws.ssm',
    account,
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:ssm:${region}:${account}:maintenancewindow/${execution.WindowId}`],
    detail,
  };
}

/**
 * A `LiveOptions.onStateChange` that posts each change SSM sends an event for to `options.url`.
 *
 * @example
 * ```ts
 * const onStateChange = createEventSender({ url, secret }, (message) => console.warn(message));
 * ```
 */
export function createEventSender(
  options: EventDeliveryOptions,
  warn: (message: string) => void = () => undefined,
): (change: LiveStateChange) => void {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Amazon/EventBridge/ApiDestinations',
  };
  if (options.secret !== undefined) headers[options.headerName ?? 'x-api-key'] = options.secret;
  return (change) => {
    const event = toEventBridgeEvent(change, options);
    if (event === undefined) return;
    fetch(options.url, { method: 'POST', headers, body: JSON.stringify(event) }).then(
      (response) => {
        if (!response.ok) warn(`event ${String(event.id)} answered ${response.status}`);
        return response.body?.cancel();
      },
      (error: unknown) => warn(`event ${String(event.id)} not delivered: ${String(error)}`),
    );
  };
}
