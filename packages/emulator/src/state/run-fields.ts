/**
 * The fields of an invocation that tie it to the service that ran it: its `ExecutionId` (a
 * Run Command id, an Automation execution id, a Step Functions execution ARN, a Lambda request
 * id), its `Parameters` JSON (shapes of the aws-followups note §5) and, for failed Run Command
 * and Automation runs, StatusDetails read from what the command or runbook reported, so that an
 * invocation and its follow-up operations tell the same story.
 */
import {
  automationFailureSummary,
  automationNode,
  automationOutcome,
} from '../data/automation-run';
import { commandFailureSummary, commandOutcome, failingNode } from '../data/command-run';
import { readAutomationParameters, readRunCommandParameters } from '../data/run-parameters';
import type { TaskType } from '../protocol/service-model';
import type { TaskTemplate } from './execution-builder';
import type { SeededRandom } from './seeded-random';
import type { EmulatorInvocation } from './store';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

/** A new `ExecutionId` for an invocation of the template's task type. */
export function executionIdFor(
  taskType: TaskType,
  template: Pick<TaskTemplate, 'taskArn'>,
  random: SeededRandom,
) {
  switch (taskType) {
    case 'STEP_FUNCTIONS': {
      const machine = template.taskArn.split(':').pop() ?? 'state-machine';
      return `arn:aws:states:${REGION}:${ACCOUNT}:execution:${machine}:${random.uuid()}`;
    }
    default:
      return random.uuid();
  }
}

function outputMembers(template: TaskTemplate): Record<string, unknown> {
  const output = template.output;
  if (!output) return {};
  return {
    ...(output.s3BucketName === undefined ? {} : { outputS3BucketName: output.s3BucketName }),
    ...(output.s3KeyPrefix === undefined ? {} : { outputS3KeyPrefix: output.s3KeyPrefix }),
    ...(output.cloudWatch
      ? {
          cloudWatchOutputConfig: {
            cloudWatchLogGroupName: `/aws/ssm/${template.taskArn}`,
            cloudWatchOutputEnabled: true,
          },
        }
      : {}),
  };
}

/** The invocation's `Parameters` JSON for one resource. */
export function invocationParameters(template: TaskTemplate, resource: string, taskType: TaskType) {
  const parameters = template.parameters ?? {};
  if (taskType === 'RUN_COMMAND') {
    return JSON.stringify({
      documentName: template.taskArn,
      instanceIds: [resource],
      maxConcurrency: template.maxConcurrency ?? '1',
      maxErrors: template.maxErrors ?? '1',
      parameters,
      timeoutSeconds: 3600,
      ...outputMembers(template),
    });
  }
  if (taskType === 'AUTOMATION') {
    return JSON.stringify({
      documentName: template.taskArn,
      parameters: { ...parameters, InstanceId: [resource] },
    });
  }
  return JSON.stringify({ ...parameters, target: resource });
}

/**
 * StatusDetails of a failed or timed-out RUN_COMMAND or AUTOMATION invocation, taken from the
 * outcome its follow-up operations report; `undefined` for anything else.
 */
export function runStatusDetails(invocation: EmulatorInvocation): string | undefined {
  const { ExecutionId: id, Status: status } = invocation;
  if (id === undefined || (status !== 'FAILED' && status !== 'TIMED_OUT')) return undefined;
  if (invocation.TaskType === 'RUN_COMMAND') {
    const parameters = readRunCommandParameters(invocation.Parameters);
    const node = failingNode(invocation, parameters.instanceIds);
    if (node === undefined) return undefined;
    return commandFailureSummary(
      commandOutcome(id, node, parameters.documentName, status, invocation.StartTime),
    );
  }
  if (invocation.TaskType === 'AUTOMATION') {
    const { documentName } = readAutomationParameters(invocation.Parameters);
    const node = automationNode(invocation, id);
    return automationFailureSummary(automationOutcome(id, documentName, node, status));
  }
  return undefined;
}
