import {
  NodeConnectionTypes,
  type IDataObject,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
  type IPollFunctions,
} from 'n8n-workflow';
import {
  RUNNING_STATUSES,
  type ExecutionRecord,
  type ExecutionStatus,
  type InvocationRecord,
  type InvocationsClient,
  type TaskRecord,
} from '@ssm-invocations/core/json';
import { createSsmClient, SSM_CREDENTIAL_TYPE } from '../../shared/ssmClient';
import { toNodeError } from '../../shared/nodeErrors';
import { simplify, toItemJson } from '../../shared/itemJson';
import { STATUS_OPTIONS } from '../AwsSsmMaintenanceWindow/properties';
import { advance, invocationKey, markSeen, pollStart, type PollState } from './pollState';

const running = new Set<string>(RUNNING_STATUSES);
const isRunning = (status: string | undefined) => status !== undefined && running.has(status);

interface Found {
  window: { WindowId?: string; Name?: string };
  execution: ExecutionRecord;
  task: TaskRecord;
  invocation: InvocationRecord;
}

interface Scan {
  found: Found[];
  oldestRunningStartMs?: number;
}

/** Walks windows → executions since `since` → tasks → invocations with the chosen statuses. */
async function scan(
  client: InvocationsClient,
  windowIds: Array<{ WindowId?: string; Name?: string }>,
  since: Date,
  statuses: ExecutionStatus[],
  executionsPerWindow?: number,
): Promise<Scan> {
  const result: Scan = { found: [] };
  for (const window of windowIds) {
    if (!window.WindowId) continue;
    const executions = await client.listExecutions({
      windowId: window.WindowId,
      after: since,
      limit: executionsPerWindow,
    });
    for (const execution of executions) {
      const startMs = execution.StartTime?.getTime() ?? Date.now();
      const tasks = await client.listTasks({
        windowExecutionId: execution.WindowExecutionId ?? '',
      });
      const stillRunning =
        isRunning(execution.Status) || tasks.some((task) => isRunning(task.Status));
      if (stillRunning) {
        result.oldestRunningStartMs = Math.min(result.oldestRunningStartMs ?? startMs, startMs);
      }
      for (const task of tasks) {
        const invocations = await client.getAllInvocations({
          windowExecutionId: execution.WindowExecutionId ?? '',
          taskId: task.TaskExecutionId ?? '',
          statuses: statuses.length > 0 ? statuses : undefined,
        });
        for (const invocation of invocations)
          result.found.push({ window, execution, task, invocation });
      }
    }
  }
  return result;
}

function toItem(found: Found, simple: boolean): INodeExecutionData {
  const context = {
    WindowId: found.window.WindowId ?? found.execution.WindowId,
    WindowName: found.window.Name,
    TaskArn: found.task.TaskArn,
    ExecutionStartTime: found.execution.StartTime,
  };
  const invocation: IDataObject = simple
    ? simplify('invocation', found.invocation)
    : toItemJson(found.invocation);
  return { json: { ...toItemJson(context), ...invocation } };
}

/**
 * Polls maintenance-window executions and emits each invocation that reached one of the chosen
 * statuses (default: failed or timed out) exactly once, across polls and restarts.
 */
export class AwsSsmMaintenanceWindowTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'AWS SSM Maintenance Window Trigger',
    name: 'awsSsmMaintenanceWindowTrigger',
    icon: { light: 'file:../../icons/ssm.svg', dark: 'file:../../icons/ssm.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{"On " + $parameter["statuses"].join(", ")}}',
    description: 'Starts the workflow when a maintenance-window target fails or times out',
    defaults: { name: 'AWS SSM Maintenance Window Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: SSM_CREDENTIAL_TYPE, required: true }],
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
        displayName: 'Look Back on First Poll (Minutes)',
        name: 'lookbackMinutes',
        type: 'number',
        typeOptions: { minValue: 0 },
        default: 60,
        description:
          'When the trigger is first activated, also report matching invocations of executions that started this many minutes earlier',
      },
      {
        displayName: 'Simplify',
        name: 'simplify',
        type: 'boolean',
        default: true,
        description:
          'Whether to return only the fields people act on instead of the full invocation record',
      },
    ],
  };

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    const client = createSsmClient(this);
    const windowId = String(this.getNodeParameter('windowId', '')).trim();
    const statuses = this.getNodeParameter('statuses', []) as ExecutionStatus[];
    const lookbackMinutes = this.getNodeParameter('lookbackMinutes', 60) as number;
    const simple = this.getNodeParameter('simplify', true) as boolean;
    const manual = this.getMode() === 'manual';
    const now = new Date();

    try {
      // One window is read once per poll, so alerts can name it.
      const windows = windowId
        ? [await client.getWindow({ windowId })]
        : await client.listWindows();
      if (manual) {
        // A sample for mapping fields: the newest matching invocation, state untouched.
        const { found } = await scan(client, windows, new Date(0), statuses, 3);
        const newest = found.sort(
          (a, b) =>
            (b.execution.StartTime?.getTime() ?? 0) - (a.execution.StartTime?.getTime() ?? 0),
        )[0];
        return newest ? [[toItem(newest, simple)]] : null;
      }

      const state = this.getWorkflowStaticData('node') as PollState;
      const since = pollStart(state, now, lookbackMinutes * 60_000);
      const { found, oldestRunningStartMs } = await scan(client, windows, since, statuses);
      const fresh = found.filter(({ execution, invocation }) =>
        markSeen(state, invocationKey(invocation), execution.StartTime?.getTime() ?? now.getTime()),
      );
      advance(state, now, oldestRunningStartMs);
      return fresh.length > 0 ? [fresh.map((one) => toItem(one, simple))] : null;
    } catch (error) {
      throw toNodeError(this.getNode(), error, 0);
    }
  }
}
