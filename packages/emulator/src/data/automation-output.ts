/**
 * Realistic Automation executions for the emulator's AUTOMATION invocations: the steps a runbook
 * ran (`aws:executeAwsApi`, `aws:waitForAwsResourceProperty`, `aws:runCommand`,
 * `aws:assertAwsResourceProperty`, `aws:changeInstanceState`), and for a failed run the step that
 * failed with its FailureMessage and FailureDetails {FailureStage, FailureType, Details} (shapes
 * from the aws-followups note §3; the message wording follows what the console shows). Steps after
 * the failed one are not listed [inferred]. Deterministic for a given random source. Does not
 * import core.
 */
import { randomHex, randomInt, randomUuid, type RandomSource } from './random-picks';

/** How an Automation run fails, or `undefined` for success. */
export type AutomationFailureKind = 'api-error' | 'permission' | 'wait-timeout' | 'run-command';

/** Every failure kind, for seeds that cycle through them. */
export const AUTOMATION_FAILURE_KINDS: readonly AutomationFailureKind[] = Object.freeze([
  'api-error',
  'permission',
  'wait-timeout',
  'run-command',
]);

/** One step execution, with the AWS member names; times as offsets from the run's start. */
export interface GeneratedAutomationStep {
  StepName: string;
  Action: string;
  TimeoutSeconds: number;
  OnFailure: 'Abort';
  MaxAttempts: number;
  StepStatus: 'Success' | 'Failed' | 'TimedOut';
  /** Values are JSON-encoded strings, as SSM sends them. */
  Inputs: Record<string, string>;
  Outputs: Record<string, string[]>;
  FailureMessage?: string;
  FailureDetails?: {
    FailureStage: string;
    FailureType: string;
    Details: Record<string, string[]>;
  };
  StepExecutionId: string;
  startOffsetMs: number;
  durationMs: number;
}

/** An Automation run's outcome. */
export interface GeneratedAutomationOutcome {
  DocumentName: string;
  AutomationExecutionStatus: 'Success' | 'Failed' | 'TimedOut';
  FailureMessage?: string;
  StepExecutions: GeneratedAutomationStep[];
  Outputs: Record<string, string[]>;
  durationMs: number;
}

/** What to generate. */
export interface AutomationOutcomeOptions {
  /** The node the runbook works on (its `InstanceId` parameter). */
  instanceId: string;
  failure?: AutomationFailureKind;
  /** Default: `Ops-PatchWithSnapshot`. */
  documentName?: string;
  /** Used in ARNs in messages; default `123456789012` / `us-east-1`. */
  accountId?: string;
  region?: string;
}

interface StepPlan {
  StepName: string;
  Action: string;
  TimeoutSeconds: number;
  inputs: (instanceId: string) => Record<string, unknown>;
}

// A typical maintenance runbook: look up the root volume, snapshot it, wait, patch, verify.
const RUNBOOK: StepPlan[] = [
  {
    StepName: 'describeRootVolume',
    Action: 'aws:executeAwsApi',
    TimeoutSeconds: 60,
    inputs: (id) => ({ Service: 'ec2', Api: 'DescribeInstances', InstanceIds: [id] }),
  },
  {
    StepName: 'createSnapshot',
    Action: 'aws:executeAwsApi',
    TimeoutSeconds: 120,
    inputs: () => ({ Service: 'ec2', Api: 'CreateSnapshot', Description: 'pre-patch' }),
  },
  {
    StepName: 'waitForSnapshot',
    Action: 'aws:waitForAwsResourceProperty',
    TimeoutSeconds: 1800,
    inputs: () => ({
      Service: 'ec2',
      Api: 'DescribeSnapshots',
      PropertySelector: '$.Snapshots[0].State',
      DesiredValues: ['completed'],
    }),
  },
  {
    StepName: 'patchInstance',
    Action: 'aws:runCommand',
    TimeoutSeconds: 3600,
    inputs: (id) => ({
      DocumentName: 'AWS-RunPatchBaseline',
      InstanceIds: [id],
      Parameters: { Operation: 'Install' },
    }),
  },
  {
    StepName: 'verifyInstanceRunning',
    Action: 'aws:assertAwsResourceProperty',
    TimeoutSeconds: 60,
    inputs: (id) => ({
      Service: 'ec2',
      Api: 'DescribeInstanceStatus',
      InstanceIds: [id],
      DesiredValues: ['running'],
    }),
  },
];

const FAILING_STEP: Record<AutomationFailureKind, string> = {
  'api-error': 'createSnapshot',
  permission: 'describeRootVolume',
  'wait-timeout': 'waitForSnapshot',
  'run-command': 'patchInstance',
};

function failureOf(
  random: RandomSource,
  kind: AutomationFailureKind,
  instanceId: string,
  arnBase: { accountId: string; region: string },
): StepFailure {
  const { accountId, region } = arnBase;
  switch (kind) {
    case 'api-error': {
      const exception = `An error occurred (IncorrectState) when calling the CreateSnapshot operation: The volume 'vol-0${randomHex(random, 16)}' is in the 'deleting' state.`;
      return failed(
        `Step fails when it is Executing. Fail to execute automation step createSnapshot: ${exception}. Please refer to Automation Service Troubleshooting Guide for more diagnosis details.`,
        'Invocation',
        'Action',
        exception,
      );
    }
    case 'permission': {
      const exception = `An error occurred (UnauthorizedOperation) when calling the DescribeInstances operation: You are not authorized to perform this operation. User: arn:aws:sts::${accountId}:assumed-role/mw_service_role/OrchestrationService is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action`;
      return failed(
        `Step fails when it is Executing. Fail to execute automation step describeRootVolume: ${exception}.`,
        'Invocation',
        'Permission',
        exception,
      );
    }
    case 'wait-timeout':
      return {
        StepStatus: 'TimedOut',
        FailureMessage:
          'Step timed out while step is verifying the AWS resource properties. The desired values [completed] were not met within 1800 seconds.',
        FailureDetails: {
          FailureStage: 'PostVerification',
          FailureType: 'Verification',
          Details: {},
        },
      };
    case 'run-command': {
      const commandId = randomUuid(random);
      const exception = `Command ${commandId} on ${instanceId} finished with status Failed (exit code 1). See https://${region}.console.aws.amazon.com/systems-manager/run-command/${commandId}?region=${region}`;
      return failed(
        `Step fails when it is Poll action status for completion. The command failed on ${instanceId}: patch baseline operations returned 1.`,
        'Invocation',
        'Action',
        exception,
      );
    }
  }
}

function failed(message: string, stage: string, type: string, exception: string) {
  return {
    StepStatus: 'Failed' as const,
    FailureMessage: message,
    FailureDetails: {
      FailureStage: stage,
      FailureType: type,
      Details: { ExceptionMessage: [exception] },
    },
  };
}

function successOutputs(stepName: string, random: RandomSource): Record<string, string[]> {
  if (stepName === 'describeRootVolume') return { VolumeId: [`vol-0${randomHex(random, 16)}`] };
  if (stepName === 'createSnapshot') return { SnapshotId: [`snap-0${randomHex(random, 16)}`] };
  if (stepName === 'patchInstance') return { CommandId: [randomUuid(random)], Status: ['Success'] };
  return {};
}

/** A step's failure fields. */
export type StepFailure = Pick<
  GeneratedAutomationStep,
  'StepStatus' | 'FailureMessage' | 'FailureDetails'
>;

/**
 * One step record: the plan's name, action and timeout, its inputs JSON-encoded as SSM sends
 * them, its outputs, and success unless `failure` says otherwise.
 */
export function stepRecord(
  random: RandomSource,
  plan: Pick<GeneratedAutomationStep, 'StepName' | 'Action' | 'TimeoutSeconds'>,
  inputs: Record<string, unknown>,
  outputs: Record<string, string[]>,
  failure: StepFailure | undefined,
  timing: Pick<GeneratedAutomationStep, 'startOffsetMs' | 'durationMs'>,
): GeneratedAutomationStep {
  return {
    StepName: plan.StepName,
    Action: plan.Action,
    TimeoutSeconds: plan.TimeoutSeconds,
    OnFailure: 'Abort',
    MaxAttempts: 1,
    StepStatus: 'Success',
    Inputs: Object.fromEntries(
      Object.entries(inputs).map(([key, value]) => [key, JSON.stringify(value)]),
    ),
    Outputs: outputs,
    ...failure,
    StepExecutionId: randomUuid(random),
    ...timing,
  };
}

/**
 * One Automation run on a node: the steps it got through, the failing one (if any) with its
 * FailureMessage and FailureDetails, and the run's outputs.
 *
 * @example
 * ```ts
 * const run = generateAutomationOutcome(createSeededRandom('demo').next, {
 *   instanceId: 'i-0abc1234def567890', failure: 'wait-timeout' });
 * run.StepExecutions.at(-1)?.Action; // 'aws:waitForAwsResourceProperty'
 * ```
 */
export function generateAutomationOutcome(
  random: RandomSource,
  options: AutomationOutcomeOptions,
): GeneratedAutomationOutcome {
  const { instanceId, failure } = options;
  const arnBase = {
    accountId: options.accountId ?? '123456789012',
    region: options.region ?? 'us-east-1',
  };
  const failingStep = failure === undefined ? undefined : FAILING_STEP[failure];
  const steps: GeneratedAutomationStep[] = [];
  let offset = randomInt(random, 200, 900);
  for (const plan of RUNBOOK) {
    const fails = plan.StepName === failingStep;
    const durationMs =
      fails && failure === 'wait-timeout'
        ? plan.TimeoutSeconds * 1000
        : randomInt(random, 300, 90_000);
    steps.push(
      stepRecord(
        random,
        plan,
        plan.inputs(instanceId),
        fails ? {} : successOutputs(plan.StepName, random),
        fails && failure !== undefined
          ? failureOf(random, failure, instanceId, arnBase)
          : undefined,
        { startOffsetMs: offset, durationMs },
      ),
    );
    offset += durationMs + randomInt(random, 50, 800);
    if (fails) break;
  }
  const last = steps.at(-1);
  const status = last?.StepStatus ?? 'Success';
  return {
    DocumentName: options.documentName ?? 'Ops-PatchWithSnapshot',
    AutomationExecutionStatus: status,
    ...(last?.FailureMessage === undefined ? {} : { FailureMessage: last.FailureMessage }),
    StepExecutions: steps,
    Outputs:
      status === 'Success'
        ? { 'createSnapshot.SnapshotId': steps[1]?.Outputs['SnapshotId'] ?? [] }
        : {},
    durationMs: offset,
  };
}
