/**
 * Runs of AWS-owned EC2 runbooks that maintenance windows commonly start — AWS-StopEC2Instance,
 * AWS-RestartEC2Instance, AWS-CreateImage — with their real step names and actions
 * (`aws:changeInstanceState`, `aws:createImage`) and the ways they fail: an EC2 API error, a
 * missing permission, a state that was not reached in time. Other documents run the generic
 * maintenance runbook of `automation-output.ts`. Deterministic for a given random source.
 */
import {
  generateAutomationOutcome,
  type AutomationFailureKind,
  type AutomationOutcomeOptions,
  stepRecord,
  type GeneratedAutomationOutcome,
  type GeneratedAutomationStep,
  type StepFailure,
} from './automation-output';
import { randomHex, randomInt, type RandomSource } from './random-picks';

interface RunbookStep {
  StepName: string;
  Action: string;
  TimeoutSeconds: number;
  /** The EC2 API the step calls, named in its error messages. */
  api: string;
  inputs: (instanceId: string) => Record<string, unknown>;
  durationMs: [number, number];
  outputs: (random: RandomSource) => Record<string, string[]>;
}

const changeState = (name: string, api: string, state: string): RunbookStep => ({
  StepName: name,
  Action: 'aws:changeInstanceState',
  TimeoutSeconds: 3600,
  api,
  inputs: (id) => ({ InstanceIds: [id], DesiredState: state }),
  durationMs: [20_000, 90_000],
  outputs: () => ({}),
});

const CREATE_IMAGE: RunbookStep = {
  StepName: 'createImage',
  Action: 'aws:createImage',
  TimeoutSeconds: 3600,
  api: 'CreateImage',
  inputs: (id) => ({ InstanceId: id, ImageName: `${id}_backup`, NoReboot: true }),
  durationMs: [120_000, 600_000],
  outputs: (random) => ({ ImageId: [`ami-0${randomHex(random, 16)}`], ImageState: ['available'] }),
};

const RUNBOOKS: Record<string, readonly RunbookStep[]> = {
  'AWS-StopEC2Instance': [changeState('stopInstances', 'StopInstances', 'stopped')],
  'AWS-RestartEC2Instance': [
    changeState('stopInstances', 'StopInstances', 'stopped'),
    changeState('startInstances', 'StartInstances', 'running'),
  ],
  'AWS-CreateImage': [CREATE_IMAGE],
};

function failed(step: RunbookStep, exception: string, type: string): StepFailure {
  return {
    StepStatus: 'Failed',
    FailureMessage: `Step fails when it is Executing. Fail to execute automation step ${step.StepName}: ${exception}.`,
    FailureDetails: {
      FailureStage: 'Invocation',
      FailureType: type,
      Details: { ExceptionMessage: [exception] },
    },
  };
}

function apiError(random: RandomSource, step: RunbookStep, instanceId: string): string {
  if (step.api === 'CreateImage') {
    return `An error occurred (InvalidAMIName.Duplicate) when calling the CreateImage operation: AMI name ${instanceId}_backup is already in use by AMI ami-0${randomHex(random, 16)}`;
  }
  if (step.api === 'StartInstances') {
    return `An error occurred (InsufficientInstanceCapacity) when calling the StartInstances operation (reached max retries: 4): We currently do not have sufficient m5.xlarge capacity in the Availability Zone you requested (us-east-1b).`;
  }
  return `An error occurred (IncorrectInstanceState) when calling the StopInstances operation: The instance '${instanceId}' is not in a state from which it can be stopped.`;
}

/** Which step fails for a failure kind, and how. */
function failureOf(
  random: RandomSource,
  steps: readonly RunbookStep[],
  kind: AutomationFailureKind,
  instanceId: string,
  accountId: string,
): { step: RunbookStep; failure: StepFailure } {
  const first = steps[0] as RunbookStep;
  const last = steps[steps.length - 1] as RunbookStep;
  if (kind === 'permission') {
    const exception = `An error occurred (UnauthorizedOperation) when calling the ${first.api} operation: You are not authorized to perform this operation. User: arn:aws:sts::${accountId}:assumed-role/mw_service_role/OrchestrationService is not authorized to perform: ec2:${first.api} on resource: arn:aws:ec2:us-east-1:${accountId}:instance/${instanceId}`;
    return { step: first, failure: failed(first, exception, 'Permission') };
  }
  if (kind === 'wait-timeout') {
    const waited = first.api === 'CreateImage' ? 'image state available' : 'instance state stopped';
    return {
      step: first,
      failure: {
        StepStatus: 'TimedOut',
        FailureMessage: `Step timed out while step is verifying the ${waited}. Timed out after ${first.TimeoutSeconds} seconds.`,
        FailureDetails: {
          FailureStage: 'PostVerification',
          FailureType: 'Verification',
          Details: {},
        },
      },
    };
  }
  // An API error (a failed nested command cannot happen in these runbooks): the last step.
  return { step: last, failure: failed(last, apiError(random, last, instanceId), 'Action') };
}

/**
 * One run of `options.documentName` on a node: an AWS-owned EC2 runbook with its real steps
 * when it is one, else the generic maintenance runbook.
 *
 * @example
 * ```ts
 * const run = generateRunbookOutcome(createSeededRandom('x').next, {
 *   instanceId: 'i-0abc1234def567890', documentName: 'AWS-RestartEC2Instance', failure: 'api-error' });
 * run.StepExecutions.at(-1)?.StepName; // 'startInstances'
 * ```
 */
export function generateRunbookOutcome(
  random: RandomSource,
  options: AutomationOutcomeOptions,
): GeneratedAutomationOutcome {
  const documentName = options.documentName ?? '';
  const steps = RUNBOOKS[documentName];
  if (!steps) return generateAutomationOutcome(random, options);
  const { instanceId, failure } = options;
  const failing =
    failure === undefined
      ? undefined
      : failureOf(random, steps, failure, instanceId, options.accountId ?? '123456789012');
  const generated: GeneratedAutomationStep[] = [];
  let offset = randomInt(random, 200, 900);
  for (const step of steps) {
    const fails = step === failing?.step;
    const durationMs =
      fails && failing?.failure.StepStatus === 'TimedOut'
        ? step.TimeoutSeconds * 1000
        : randomInt(random, ...step.durationMs);
    generated.push(
      stepRecord(
        random,
        step,
        step.inputs(instanceId),
        fails ? {} : step.outputs(random),
        fails ? failing?.failure : undefined,
        { startOffsetMs: offset, durationMs },
      ),
    );
    offset += durationMs + randomInt(random, 50, 800);
    if (fails) break;
  }
  const last = generated.at(-1);
  const status = last?.StepStatus ?? 'Success';
  const image = generated.find((s) => s.StepName === 'createImage')?.Outputs['ImageId'];
  return {
    DocumentName: documentName,
    AutomationExecutionStatus: status,
    ...(last?.FailureMessage === undefined ? {} : { FailureMessage: last.FailureMessage }),
    StepExecutions: generated,
    Outputs: status === 'Success' && image ? { 'createImage.ImageId': image } : {},
    durationMs: offset,
  };
}
