/**
 * A raw `GetAutomationExecution` output (as the SDK or the JSON transport hands it over) → the
 * diagnosis type: status, the failed step with its FailureMessage and FailureDetails, outputs.
 * Every member is optional; a member of the wrong type counts as missing; a structure or list
 * that is not one is a malformed response (ServiceError). SDK-free.
 */
import type { AutomationExecutionOutcome, AutomationStepOutcome } from './diagnosis';
import { headText } from './text-bounds';
import {
  defined,
  wireBoolean,
  wireObject,
  wireObjectList,
  wireString,
  wireStringListMap,
  wireTime,
  type WireObject,
} from './wire-values';

const OPERATION = 'GetAutomationExecution';
const MAX_MESSAGE_BYTES = 4096;
// Which step explains the run, most telling first.
const STEP_FAILURE_ORDER = ['Failed', 'TimedOut', 'Cancelled'];

/** `FailureMessage` bounded to 4 KB; a message cut there says so, as a cut output's `truncated`. */
function failureMessage(object: WireObject): {
  failureMessage?: string;
  failureMessageTruncated?: boolean;
} {
  const text = wireString(object, 'FailureMessage');
  if (text === undefined) return {};
  const bounded = headText(text, MAX_MESSAGE_BYTES);
  return bounded.truncated
    ? { failureMessage: bounded.text, failureMessageTruncated: true }
    : { failureMessage: bounded.text };
}

function step(raw: WireObject): AutomationStepOutcome {
  const details = wireObject(raw['FailureDetails'], OPERATION, 'FailureDetails');
  return {
    ...defined({
      stepName: wireString(raw, 'StepName'),
      action: wireString(raw, 'Action'),
      stepStatus: wireString(raw, 'StepStatus'),
      stepExecutionId: wireString(raw, 'StepExecutionId'),
      startTime: wireTime(raw, 'ExecutionStartTime'),
      endTime: wireTime(raw, 'ExecutionEndTime'),
      failureDetails:
        details === undefined
          ? undefined
          : {
              ...defined({
                failureStage: wireString(details, 'FailureStage'),
                failureType: wireString(details, 'FailureType'),
              }),
              details: wireStringListMap(details, 'Details'),
            },
    }),
    ...failureMessage(raw),
    outputs: wireStringListMap(raw, 'Outputs'),
  };
}

function failedStep(steps: AutomationStepOutcome[]): AutomationStepOutcome | undefined {
  for (const status of STEP_FAILURE_ORDER) {
    const found = steps.find((s) => s.stepStatus === status);
    if (found) return found;
  }
  // A step can carry a failure message under another status (e.g. `Exited`).
  return steps.find((s) => s.failureMessage !== undefined || s.failureDetails !== undefined);
}

/**
 * Parses a `GetAutomationExecution` output: status, times, the first failed (else timed-out,
 * else cancelled) step with its action, FailureMessage and FailureDetails, and the outputs.
 * Messages are bounded to 4 KB (`failureMessageTruncated` when one was cut). Throws ServiceError when `AutomationExecution`,
 * `StepExecutions` or `FailureDetails` is not what it should be.
 *
 * @example
 * ```ts
 * const run = parseGetAutomationExecutionOutput(raw);
 * console.log(run.status, run.failedStep?.stepName, run.failedStep?.failureMessage);
 * ```
 */
export function parseGetAutomationExecutionOutput(output: unknown): AutomationExecutionOutcome {
  const root = wireObject(output, OPERATION, 'the response') ?? {};
  const raw = wireObject(root['AutomationExecution'], OPERATION, 'AutomationExecution') ?? {};
  const steps = wireObjectList(raw['StepExecutions'], OPERATION, 'StepExecutions').map(step);
  return {
    ...defined({
      automationExecutionId: wireString(raw, 'AutomationExecutionId'),
      documentName: wireString(raw, 'DocumentName'),
      documentVersion: wireString(raw, 'DocumentVersion'),
      status: wireString(raw, 'AutomationExecutionStatus'),
      startTime: wireTime(raw, 'ExecutionStartTime'),
      endTime: wireTime(raw, 'ExecutionEndTime'),
      failedStep: failedStep(steps),
    }),
    ...failureMessage(raw),
    stepCount: steps.length,
    stepExecutionsTruncated: wireBoolean(raw, 'StepExecutionsTruncated') === true,
    outputs: wireStringListMap(raw, 'Outputs'),
  };
}
