import {
  type IDataObject,
  type IHookFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
  type IWebhookFunctions,
  type IWebhookResponseData,
} from 'n8n-workflow';
import type {
  ExecutionStatus,
  InvocationRecord,
  InvocationsClient,
} from '@ssm-invocations/core/json';
import { createSsmClient } from '../../shared/ssmClient';
import {
  SIMPLIFY_INVOCATION_PROPERTY,
  SSM_TRIGGER_DESCRIPTION,
} from '../../shared/triggerDescription';
import { invocationJson, toItemJson } from '../../shared/itemJson';
import { failureOutputOf, INCLUDE_FAILURE_OUTPUT_PROPERTY } from '../../shared/failureOutput';
import { STATUS_OPTIONS } from '../AwsSsmMaintenanceWindow/properties';
import {
  apiKeyMatches,
  COMPLETE_FINAL_STATUSES,
  completeStatusesWanted,
  firstDelivery,
  invocationOfEvent,
  isCompleteTargetEvent,
  passesFilters,
  readMaintenanceWindowEvent,
  rememberEmitted,
  takesEveryComplete,
  TARGET_INVOCATION_EVENT,
  type EventMemory,
  type MaintenanceWindowEvent,
} from './maintenanceWindowEvent';

/** Run Command target-invocation statuses whose invocations are looked up and emitted one by one. */
const FAILED_STATUSES = new Set(['FAILED', 'TIMED_OUT']);

/**
 * The invocation statuses to look a target event's invocation up in, or undefined when the event
 * is emitted as it came: a Run Command target's FAILED or TIMED_OUT event is about an invocation
 * in that status; a COMPLETE one (Automation, Lambda, Step Functions) about one in any final
 * status — each sibling of the target has its own COMPLETE event, so the event is matched among
 * all of them (a succeeded sibling's event must not take a failed sibling), and the filter judges
 * the match afterwards.
 */
function lookupStatuses(event: MaintenanceWindowEvent): string[] | undefined {
  if (event.detailType !== TARGET_INVOCATION_EVENT) return undefined;
  if (isCompleteTargetEvent(event)) return [...COMPLETE_FINAL_STATUSES];
  return FAILED_STATUSES.has(event.detail.status) ? [event.detail.status] : undefined;
}

/** Execution statuses, plus COMPLETE (Automation, Lambda and Step Functions target events). */
const EVENT_STATUS_OPTIONS = [...STATUS_OPTIONS, { name: 'Complete', value: 'COMPLETE' }];

function eventJson(event: MaintenanceWindowEvent): IDataObject {
  const { detail } = event;
  return toItemJson({
    EventId: event.id,
    DetailType: event.detailType,
    EventTime: event.time,
    Account: event.account,
    Region: event.region,
    WindowId: detail.windowId,
    WindowExecutionId: detail.windowExecutionId,
    TaskExecutionId: detail.taskExecutionId,
    WindowTargetId: detail.windowTargetId,
    Status: detail.status,
    StartTime: detail.startTime,
    EndTime: detail.endTime,
    OwnerInformation: detail.ownerInformation,
  });
}

/**
 * The invocation of the event's task that the event is about and that no earlier event emitted
 * (all pages read); remembered as emitted.
 */
async function invocationOfTarget(
  client: InvocationsClient,
  event: MaintenanceWindowEvent,
  memory: EventMemory,
  statuses: readonly string[],
): Promise<InvocationRecord | undefined> {
  const { windowExecutionId, taskExecutionId } = event.detail;
  if (!taskExecutionId) return undefined;
  // Core's page loop (token guard, max pages), filtered by invocation status (SSM statuses only:
  // never COMPLETE), so a big task is not listed in full.
  const found = await client.getAllInvocations({
    windowExecutionId,
    taskId: taskExecutionId,
    statuses: statuses as ExecutionStatus[],
  });
  const invocation = invocationOfEvent(found, event, memory.invocationIds ?? [], statuses);
  if (invocation?.InvocationId !== undefined) rememberEmitted(memory, invocation.InvocationId);
  return invocation;
}

/**
 * Receives SSM maintenance-window events from an EventBridge API destination: checks the
 * connection's API-key header in constant time, answers at once (EventBridge retries slow
 * answers), drops repeated deliveries, and emits one item per failed target with its invocation
 * and (with Include Failure Output) its diagnosis, as the polling trigger does. An Automation,
 * Lambda or Step Functions target's events say only COMPLETE, failed or not: its invocation is
 * looked up in the final statuses the filter wants and emitted with its real status.
 */
export class AwsSsmMaintenanceWindowEventTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'AWS SSM Maintenance Window Event Trigger',
    name: 'awsSsmMaintenanceWindowEventTrigger',
    ...SSM_TRIGGER_DESCRIPTION,
    icon: { light: 'file:../../icons/ssm.svg', dark: 'file:../../icons/ssm.dark.svg' },
    subtitle: '={{"On " + $parameter["statuses"].join(", ")}}',
    description:
      'Starts the workflow when EventBridge delivers a maintenance-window event (push, no polling)',
    defaults: { name: 'AWS SSM Maintenance Window Event Trigger' },
    webhooks: [
      {
        name: 'default',
        httpMethod: 'POST',
        responseMode: 'onReceived',
        path: 'ssm-maintenance-window-events',
      },
    ],
    properties: [
      {
        displayName:
          'Point an EventBridge API destination at the production URL above, with an API-key connection whose header name and value are set below. The README has the rule and a CloudFormation snippet.',
        name: 'setupNotice',
        type: 'notice',
        default: '',
      },
      {
        displayName: 'API Key Header Name',
        name: 'headerName',
        type: 'string',
        default: 'x-api-key',
        required: true,
        description: "The connection's API key name (EventBridge sends it as a header)",
      },
      {
        displayName: 'API Key Value',
        name: 'apiKey',
        type: 'string',
        typeOptions: { password: true },
        default: '',
        required: true,
        description: "The connection's API key value; requests without it are refused with 401",
      },
      {
        displayName: 'Window IDs',
        name: 'windowIds',
        type: 'string',
        default: '',
        placeholder: 'mw-0123456789abcdef0, mw-0fedcba9876543210',
        description: 'Comma-separated; leave empty to accept events of every window',
      },
      {
        displayName: 'Statuses',
        name: 'statuses',
        type: 'multiOptions',
        options: EVENT_STATUS_OPTIONS,
        default: ['FAILED', 'TIMED_OUT'],
        description:
          'Emit events with these statuses; none chosen = every status. An Automation, Lambda or Step Functions target only reports Complete: it is emitted when its invocation ended in a chosen status (or with Complete chosen, whatever the outcome).',
      },
      SIMPLIFY_INVOCATION_PROPERTY,
      INCLUDE_FAILURE_OUTPUT_PROPERTY,
    ],
  };

  webhookMethods = {
    // The EventBridge rule and API destination are set up in AWS (README), not by n8n: there is
    // nothing to register, check or remove here.
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        return true;
      },
      async create(this: IHookFunctions): Promise<boolean> {
        return true;
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        return true;
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    const response = this.getResponseObject();
    const answer = (status: number, body: IDataObject): IWebhookResponseData => {
      response.status(status).json(body);
      return { noWebhookResponse: true };
    };
    const headerName = String(this.getNodeParameter('headerName', 'x-api-key')).toLowerCase();
    const apiKey = String(this.getNodeParameter('apiKey', ''));
    if (!apiKeyMatches(this.getHeaderData()[headerName], apiKey)) {
      return answer(401, { message: 'missing or wrong API key' });
    }
    const event = readMaintenanceWindowEvent(this.getBodyData());
    if ('reason' in event) return answer(event.status, { message: event.reason });
    const memory = this.getWorkflowStaticData('node') as EventMemory;
    if (!firstDelivery(memory, event.id)) {
      return answer(200, { message: 'duplicate delivery ignored' });
    }
    const windowIds = String(this.getNodeParameter('windowIds', ''))
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const statuses = this.getNodeParameter('statuses', []) as string[];
    if (!passesFilters(event, windowIds, statuses)) {
      return answer(200, { message: 'filtered out' });
    }
    // Accepted: answer now, then look the invocations up (EventBridge waits at most 5 s).
    answer(202, { message: 'accepted' });

    const base = eventJson(event);
    const lookup = lookupStatuses(event);
    if (lookup === undefined) return { workflowData: [[{ json: base }]], noWebhookResponse: true };
    // A COMPLETE event the filter does not take as such is emitted only for an invocation in a
    // wanted status (a succeeded Automation target is not a failure).
    const emitUnmatched = !isCompleteTargetEvent(event) || takesEveryComplete(statuses);
    const wanted = isCompleteTargetEvent(event) ? completeStatusesWanted(statuses) : lookup;
    const simple = this.getNodeParameter('simplify', true) as boolean;
    const includeFailureOutput = this.getNodeParameter('includeFailureOutput', true) as boolean;
    let items: INodeExecutionData[];
    try {
      const client = createSsmClient(this);
      const found = await invocationOfTarget(client, event, memory, lookup);
      const invocation = found && wanted.includes(found.Status ?? '') ? found : undefined;
      if (invocation === undefined && !emitUnmatched) return { noWebhookResponse: true };
      const invocations = invocation === undefined ? [] : [invocation];
      // Diagnoses never throw: one that cannot be had is a note on its item.
      const extras = includeFailureOutput ? await failureOutputOf(client, invocations, simple) : [];
      items = invocations.map((invocation, index) => ({
        json: { ...base, ...invocationJson(invocation, simple), ...extras[index] },
      }));
      if (items.length === 0) items = [{ json: { ...base, InvocationLookup: 'not found yet' } }];
    } catch (error) {
      // The answer is already sent: the event still starts the workflow, with what went wrong.
      const { name, code } = error as { name?: string; code?: string };
      items = [{ json: { ...base, InvocationLookup: `failed: ${code ?? name ?? 'error'}` } }];
    }
    return { workflowData: [items], noWebhookResponse: true };
  }
}
