/**
 * The Automation side of an AUTOMATION invocation: the execution GetAutomationExecution answers
 * with for its `ExecutionId` — status, the steps it ran, the failed step with FailureMessage and
 * FailureDetails, outputs. Derived from the invocation as it is now (live mode's progress shows
 * through) and from a PRNG seeded with the execution id, so the same seed gives the same run.
 */
import type { AutomationExecutionStatus, ExecutionStatus } from '../protocol/service-model';
import { createSeededRandom } from '../state/seeded-random';
import type { EmulatorInvocation } from '../state/store';
import {
  type AutomationFailureKind,
  type GeneratedAutomationOutcome,
  type GeneratedAutomationStep,
} from './automation-output';
import { generateRunbookOutcome } from './automation-runbooks';
import { capToService, randomPick } from './random-picks';
import { readAutomationParameters } from './run-parameters';

const ACCOUNT = '123456789012';

/** One step as GetAutomationExecution sends it (without the generator's offsets). */
export type AutomationRunStep = Omit<
  GeneratedAutomationStep,
  'startOffsetMs' | 'durationMs' | 'StepStatus'
> & {
  StepStatus: AutomationExecutionStatus;
  ExecutionStartTime?: Date;
  ExecutionEndTime?: Date;
  OverriddenParameters: Record<string, string[]>;
};

/** The `AutomationExecution` member of GetAutomationExecution. */
export interface AutomationRun {
  AutomationExecutionId: string;
  DocumentName: string;
  DocumentVersion: string;
  ExecutionStartTime?: Date;
  ExecutionEndTime?: Date;
  AutomationExecutionStatus: AutomationExecutionStatus;
  StepExecutions: AutomationRunStep[];
  StepExecutionsTruncated: boolean;
  Parameters: Record<string, string[]>;
  Outputs: Record<string, string[]>;
  FailureMessage?: string;
  Mode: 'Auto';
  ExecutedBy: string;
  CurrentStepName?: string;
  CurrentAction?: string;
  Targets: never[];
  ResolvedTargets: { ParameterValues: string[]; Truncated: boolean };
  ProgressCounters: {
    TotalSteps: number;
    SuccessSteps: number;
    FailedSteps: number;
    CancelledSteps: number;
    TimedOutSteps: number;
  };
}

const STATUS: Record<ExecutionStatus, AutomationExecutionStatus> = {
  PENDING: 'Pending',
  IN_PROGRESS: 'InProgress',
  SUCCESS: 'Success',
  FAILED: 'Failed',
  TIMED_OUT: 'TimedOut',
  CANCELLING: 'Cancelling',
  CANCELLED: 'Cancelled',
  SKIPPED_OVERLAPPING: 'Cancelled',
};

/** The current step's status while an execution has not finished. */
const RUNNING_STEP: Partial<Record<ExecutionStatus, AutomationExecutionStatus>> = {
  PENDING: 'Pending',
  IN_PROGRESS: 'InProgress',
  CANCELLING: 'Cancelling',
  CANCELLED: 'Cancelled',
};

const FAILED_KINDS: readonly AutomationFailureKind[] = ['api-error', 'permission', 'run-command'];

/** The finished run for a final invocation status; the node defaults to a derived `i-…`. */
export function automationOutcome(
  automationExecutionId: string,
  documentName: string,
  instanceId: string,
  finalStatus: ExecutionStatus,
): GeneratedAutomationOutcome {
  const random = createSeededRandom(`automation:${automationExecutionId}`).next;
  const failure =
    finalStatus === 'TIMED_OUT'
      ? 'wait-timeout'
      : finalStatus === 'FAILED'
        ? randomPick(random, FAILED_KINDS)
        : undefined;
  return generateRunbookOutcome(random, { instanceId, failure, documentName });
}

/** The node an AUTOMATION invocation works on (a derived `i-…` when its Parameters name none). */
export function automationNode(invocation: EmulatorInvocation, automationExecutionId: string) {
  return (
    readAutomationParameters(invocation.Parameters).instanceId ??
    `i-0${createSeededRandom(`automation-node:${automationExecutionId}`).hex(16)}`
  );
}

/** The maintenance-window StatusDetails (≤ 250 chars) of a failed or timed-out AUTOMATION invocation. */
export function automationFailureSummary(outcome: GeneratedAutomationOutcome): string {
  return capToService(outcome.FailureMessage ?? 'Success', 250);
}

/**
 * The Automation execution `automationExecutionId` of an AUTOMATION invocation, as it is now.
 *
 * @example
 * ```ts
 * const run = automationRun(invocation, invocation.ExecutionId ?? '');
 * run.StepExecutions.at(-1)?.FailureDetails;
 * ```
 */
export function automationRun(
  invocation: EmulatorInvocation,
  automationExecutionId: string,
): AutomationRun {
  const parameters = readAutomationParameters(invocation.Parameters);
  const instanceId = automationNode(invocation, automationExecutionId);
  const status = invocation.Status;
  const outcome = automationOutcome(
    automationExecutionId,
    parameters.documentName,
    instanceId,
    status,
  );
  const start = invocation.StartTime;
  const end = invocation.EndTime;
  const factor = start && end ? (end.getTime() - start.getTime()) / outcome.durationMs : 1;
  const at = (offset: number) =>
    start ? new Date(start.getTime() + Math.round(offset * factor)) : undefined;
  const finished = RUNNING_STEP[status] === undefined;
  // A run still going (or cancelled) has done half its steps; the next one is current.
  const current = finished
    ? outcome.StepExecutions.length
    : Math.floor(outcome.StepExecutions.length / 2);
  const steps =
    status === 'PENDING' ? [] : outcome.StepExecutions.slice(0, current + (finished ? 0 : 1));
  const stepExecutions = steps.map((step, index): AutomationRunStep => {
    const { startOffsetMs, durationMs, ...rest } = step;
    const isCurrent = !finished && index === current;
    return {
      ...rest,
      StepStatus: isCurrent ? (RUNNING_STEP[status] ?? 'InProgress') : step.StepStatus,
      ExecutionStartTime: at(startOffsetMs),
      ExecutionEndTime:
        isCurrent && status !== 'CANCELLED' ? undefined : at(startOffsetMs + durationMs),
      ...(isCurrent ? { Outputs: {} } : {}),
      OverriddenParameters: {},
    };
  });
  const last = stepExecutions.at(-1);
  const count = (s: AutomationExecutionStatus) =>
    stepExecutions.filter((step) => step.StepStatus === s).length;
  return {
    AutomationExecutionId: automationExecutionId,
    DocumentName: parameters.documentName,
    DocumentVersion: parameters.documentVersion?.replace(/^\$.*/, '1') ?? '1',
    ExecutionStartTime: start,
    ExecutionEndTime: finished || status === 'CANCELLED' ? end : undefined,
    AutomationExecutionStatus: STATUS[status],
    StepExecutions: stepExecutions,
    StepExecutionsTruncated: false,
    Parameters:
      parameters.instanceId === undefined
        ? { ...parameters.parameters, InstanceId: [instanceId] }
        : parameters.parameters,
    Outputs: finished ? outcome.Outputs : {},
    ...(finished && outcome.FailureMessage !== undefined
      ? { FailureMessage: outcome.FailureMessage }
      : {}),
    Mode: 'Auto',
    ExecutedBy: `arn:aws:sts::${ACCOUNT}:assumed-role/mw_service_role/OrchestrationService`,
    ...(!finished && last ? { CurrentStepName: last.StepName, CurrentAction: last.Action } : {}),
    Targets: [],
    ResolvedTargets: { ParameterValues: [], Truncated: false },
    ProgressCounters: {
      TotalSteps: stepExecutions.length,
      SuccessSteps: count('Success'),
      FailedSteps: count('Failed'),
      CancelledSteps: count('Cancelled'),
      TimedOutSteps: count('TimedOut'),
    },
  };
}
