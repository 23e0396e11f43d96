import {
  NodeOperationError,
  type IDataObject,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
  type IPollFunctions,
} from 'n8n-workflow';
import type {
  ExecutionStatus,
  InvocationMatch,
  InvocationsClient,
  InvocationsSinceInput,
} from '@ssm-invocations/core/json';
import { createSsmClient } from '../../shared/ssmClient';
import {
  SIMPLIFY_INVOCATION_PROPERTY,
  SSM_TRIGGER_DESCRIPTION,
} from '../../shared/triggerDescription';
import { toNodeError } from '../../shared/nodeErrors';
import { invocationJson, toItemJson } from '../../shared/itemJson';
import { failureOutputOf, INCLUDE_FAILURE_OUTPUT_PROPERTY } from '../../shared/failureOutput';
import { STATUS_OPTIONS } from '../AwsSsmMaintenanceWindow/properties';
import {
  advance,
  emissionKey,
  markSeen,
  pollStart,
  rememberFinished,
  type PollState,
} from './pollState';

/** Executions per window a manual run reads for its sample. */
const SAMPLE_EXECUTIONS_PER_WINDOW = 3;

const LOOKBACK_LABEL = 'Look Back on First Poll (Minutes)';
/** One year: further back is a mistake (and far past any execution history SSM keeps). */
const MAX_LOOKBACK_MINUTES = 525_600;

/**
 * The look-back in ms, checked here because an expression bypasses the editor's bounds: a NaN,
 * negative or huge value would otherwise reach core as an invalid `after` (named after a
 * parameter this node does not have) or silently look into the future.
 */
function lookbackMs(context: IPollFunctions): number {
  const value = context.getNodeParameter('lookbackMinutes', 60) as unknown;
  const minutes = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof minutes !== 'number' || !(minutes >= 0 && minutes <= MAX_LOOKBACK_MINUTES)) {
    throw new NodeOperationError(
      context.getNode(),
      `${LOOKBACK_LABEL}: must be a number of minutes from 0 to ${MAX_LOOKBACK_MINUTES}, got ${String(value).slice(0, 40)}`,
    );
  }
  return minutes * 60_000;
}

function toItem(
  match: InvocationMatch,
  simple: boolean,
  failureOutput?: IDataObject,
): INodeExecutionData {
  const context = {
    WindowId: match.window.WindowId,
    WindowName: match.window.Name,
    TaskArn: match.task.TaskArn,
    ExecutionStartTime: match.execution.StartTime,
  };
  return {
    json: {
      ...toItemJson(context),
      ...invocationJson(match.invocation, simple),
      ...failureOutput,
    },
  };
}

/** The items of a poll's matches, each failed one with its diagnosis when asked for. */
async function itemsOf(
  client: InvocationsClient,
  matches: InvocationMatch[],
  options: { simple: boolean; includeFailureOutput: boolean },
): Promise<INodeExecutionData[]> {
  const extras = options.includeFailureOutput
    ? await failureOutputOf(
        client,
        matches.map((match) => match.invocation),
        options.simple,
      )
    : [];
  return matches.map((match, index) => toItem(match, options.simple, extras[index]));
}

/**
 * Polls maintenance-window executions and emits each invocation that reached one of the chosen
 * statuses (default: failed or timed out) exactly once per status, across polls and restarts.
 */
export class AwsSsmMaintenanceWindowTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'AWS SSM Maintenance Window Trigger',
    name: 'awsSsmMaintenanceWindowTrigger',
    ...SSM_TRIGGER_DESCRIPTION,
    icon: { light: 'file:../../icons/ssm.svg', dark: 'file:../../icons/ssm.dark.svg' },
    subtitle: '={{"On " + $parameter["statuses"].join(", ")}}',
    description: 'Starts the workflow when a maintenance-window target fails or times out',
    defaults: { name: 'AWS SSM Maintenance Window Trigger' },
    polling: true,
    properties: [
      {
        displayName: 'Window ID',
        name: 'windowId',
        type: 'string',
        default: '',
        placeholder: 'mw-0123456789abcdef0',
        description:
          'Watch one maintenance window; leave empty to watch every window of the region',
      },
      {
        displayName: 'Statuses',
        name: 'statuses',
        type: 'multiOptions',
        options: STATUS_OPTIONS,
        default: ['FAILED', 'TIMED_OUT'],
        description: 'Emit an invocation when it has one of these statuses',
      },
      {
        displayName: LOOKBACK_LABEL,
        name: 'lookbackMinutes',
        type: 'number',
        typeOptions: { minValue: 0, maxValue: MAX_LOOKBACK_MINUTES },
        default: 60,
        description:
          'When the trigger is first activated, also report matching invocations of executions that started this many minutes earlier',
      },
      SIMPLIFY_INVOCATION_PROPERTY,
      INCLUDE_FAILURE_OUTPUT_PROPERTY,
    ],
  };

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    const client = createSsmClient(this);
    const windowId = String(this.getNodeParameter('windowId', '')).trim();
    const statuses = this.getNodeParameter('statuses', []) as ExecutionStatus[];
    const lookback = lookbackMs(this);
    const simple = this.getNodeParameter('simplify', true) as boolean;
    const output = {
      simple,
      includeFailureOutput: this.getNodeParameter('includeFailureOutput', true) as boolean,
    };
    const manual = this.getMode() === 'manual';
    const now = new Date();
    // No window: every window of the region. No status chosen: every status.
    const scope: Omit<InvocationsSinceInput, 'after'> = {
      ...(windowId ? { windowIds: [windowId] } : {}),
      ...(statuses.length > 0 ? { statuses } : {}),
    };

    try {
      if (manual) {
        // A sample for mapping fields: the newest matching invocation, state untouched.
        const { matches } = await client.invocationsSince({
          ...scope,
          after: new Date(0),
          executionsPerWindow: SAMPLE_EXECUTIONS_PER_WINDOW,
        });
        const newest = matches.sort(
          (a, b) =>
            (b.execution.StartTime?.getTime() ?? 0) - (a.execution.StartTime?.getTime() ?? 0),
        )[0];
        return newest ? [await itemsOf(client, [newest], output)] : null;
      }

      const state = this.getWorkflowStaticData('node') as PollState;
      const after = pollStart(state, now, lookback);
      // Finished executions the last poll listed are not read again: a quiet poll costs one
      // execution listing per window.
      const { matches, oldestRunningStart, finishedExecutionIds } = await client.invocationsSince({
        ...scope,
        after,
        skipFinishedExecutionIds: state.finished ?? [],
      });
      const fresh = matches.filter(({ execution, invocation }) =>
        markSeen(state, emissionKey(invocation), execution.StartTime?.getTime() ?? now.getTime()),
      );
      advance(state, now, oldestRunningStart?.getTime());
      rememberFinished(state, finishedExecutionIds);
      return fresh.length > 0 ? [await itemsOf(client, fresh, output)] : null;
    } catch (error) {
      throw toNodeError(this.getNode(), error, 0);
    }
  }
}
