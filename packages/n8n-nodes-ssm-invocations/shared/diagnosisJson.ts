import type { IDataObject } from 'n8n-workflow';
import {
  failureNoteMessage,
  firstReasonLine,
  isSsmInvocationsError,
  type InstanceCommandDiagnosis,
  type InvocationDiagnosis,
} from '@ssm-invocations/core/json';
import { toItemJson } from './itemJson';

/** Node statuses that say nothing went wrong on that node. */
const HEALTHY_NODE_STATUSES = new Set(['Success', 'Pending', 'InProgress', 'Delayed']);

function instanceJson(node: InstanceCommandDiagnosis): IDataObject {
  const failedPlugin = node.plugins.find((plugin) => plugin.status !== 'Success');
  const stderr = node.output?.standardError;
  return toItemJson({
    InstanceId: node.instanceId,
    InstanceName: node.instanceName,
    Status: node.status,
    StatusDetails: node.statusDetails,
    ExitCode: node.output?.responseCode ?? failedPlugin?.responseCode,
    Step: node.output?.pluginName ?? failedPlugin?.name,
    // The tail of stderr; `StderrTruncated` says its start was cut (by SSM or by the bound).
    Stderr: stderr?.text,
    StderrTruncated: stderr?.truncated,
    OutputS3Bucket: node.outputLocation?.s3BucketName,
    CloudWatchLogGroup: node.outputLocation?.cloudWatchLogGroupName,
  });
}

/** What each task type adds: failed nodes, the failed step, or the function / state machine. */
function serviceJson(diagnosis: InvocationDiagnosis): IDataObject {
  switch (diagnosis.taskType) {
    case 'RUN_COMMAND':
      return {
        CommandId: diagnosis.commandId,
        FailedInstances: diagnosis.instances
          .filter((node) => !HEALTHY_NODE_STATUSES.has(node.status ?? ''))
          .map(instanceJson),
      };
    case 'AUTOMATION': {
      const run = diagnosis.automation;
      const step = run?.failedStep;
      return {
        AutomationExecutionId: run?.automationExecutionId,
        AutomationStatus: run?.status,
        FailedStep: step && {
          StepName: step.stepName,
          Action: step.action,
          Status: step.stepStatus,
          FailureMessage: step.failureMessage,
          FailureMessageTruncated: step.failureMessageTruncated,
          FailureStage: step.failureDetails?.failureStage,
          FailureType: step.failureDetails?.failureType,
        },
      };
    }
    case 'LAMBDA':
      return { FunctionName: diagnosis.functionName, Qualifier: diagnosis.qualifier };
    case 'STEP_FUNCTIONS':
      return { StateMachineArn: diagnosis.stateMachineArn, ExecutionArn: diagnosis.executionArn };
    default:
      return {};
  }
}

function notesJson(notes: InvocationDiagnosis['notes']): IDataObject[] {
  return notes.map((note) =>
    toItemJson({ Code: note.code, Operation: note.operation, Message: note.message }),
  );
}

/**
 * The fields a diagnosis adds to an invocation's item: `Reason` (core's first line of why it
 * failed: stderr, the failed step's message, else StatusDetails) and `Diagnosis` — simplified
 * (failed instances with exit code and stderr tail, or the failed step, links and notes), or
 * every member core returned except the invocation itself, which the item already carries.
 *
 * @example
 * ```ts
 * diagnosisFields(await client.diagnoseInvocation(ref), true);
 * // { Reason: 'E: Unable to locate package nginx-full', Diagnosis: { FailedInstances: [...], Links: [...] } }
 * ```
 */
export function diagnosisFields(diagnosis: InvocationDiagnosis, simple: boolean): IDataObject {
  const reason = firstReasonLine(diagnosis);
  if (!simple) {
    const everything: Partial<InvocationDiagnosis> = { ...diagnosis };
    delete everything.invocation;
    return toItemJson({ Reason: reason, Diagnosis: everything });
  }
  return toItemJson({
    Reason: reason,
    Diagnosis: {
      TaskType: diagnosis.taskType,
      ...serviceJson(diagnosis),
      Links: diagnosis.links.map((link) => ({ Label: link.label, Url: link.url })),
      Notes: notesJson(diagnosis.notes),
    },
  });
}

/**
 * The `Diagnosis` of an invocation that could not be diagnosed at all, its one note: a core
 * error by its code (say, an AccessDenied on reading the invocation, naming the IAM action), any
 * other error as `UNEXPECTED` — a trigger that has already moved its cursor must not lose the
 * item over its diagnosis.
 *
 * @example
 * ```ts
 * diagnosisFailureFields(error); // { Diagnosis: { Notes: [{ Code: 'ACCESS_DENIED', … }] } }
 * ```
 */
export function diagnosisFailureFields(error: unknown): IDataObject {
  if (!isSsmInvocationsError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { Diagnosis: { Notes: [{ Code: 'UNEXPECTED', Message: message }] } };
  }
  return toItemJson({
    Diagnosis: {
      Notes: [{ Code: error.code, Operation: error.operation, Message: failureNoteMessage(error) }],
    },
  });
}
