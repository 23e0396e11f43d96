/**
 * What a diagnosis of one invocation holds — the invocation, its targets, console links and what
 * the service that ran it says (Run Command per node, the Automation execution, Lambda / Step
 * Functions ids) — and the one-line reason the CLI report and the n8n alert text show. SDK-free.
 * The parsers that fill these types from raw SSM outputs live in `command-diagnosis.ts` and
 * `automation-diagnosis.ts`.
 */
import type { ConsoleLink } from './console-links';
import type { SsmInvocationsErrorCode } from './errors';
import type { InvocationTarget } from './invocation-targets';
import type { BoundedText } from './text-bounds';
import type { InvocationRecord } from './types';

/**
 * Where a command's full output went, when it was configured to go somewhere.
 *
 * @example
 * ```ts
 * const where: CommandOutputLocation = { cloudWatchLogGroupName: '/aws/ssm/AWS-RunShellScript' };
 * ```
 */
export interface CommandOutputLocation {
  s3BucketName?: string;
  s3KeyPrefix?: string;
  /** Deprecated by SSM, still sent. */
  s3Region?: string;
  standardOutputUrl?: string;
  standardErrorUrl?: string;
  /** Set only when CloudWatch output is enabled. */
  cloudWatchLogGroupName?: string;
}

/**
 * One plugin (step) of a command on one node, from `ListCommandInvocations` with `Details`.
 *
 * @example
 * ```ts
 * const plugin: CommandPluginOutcome = { name: 'aws:runShellScript', status: 'Failed', responseCode: 1 };
 * ```
 */
export interface CommandPluginOutcome {
  name?: string;
  /** `Pending InProgress Success TimedOut Cancelled Failed`. */
  status?: string;
  statusDetails?: string;
  /** The script's exit code; -1 when it never ran. */
  responseCode?: number;
  startTime?: Date;
  finishTime?: Date;
  /** The plugin's `Output` (stdout, then stderr after `----------ERROR-------`), its end kept. */
  output?: BoundedText;
  outputLocation?: CommandOutputLocation;
}

/**
 * A command on one node, from one `ListCommandInvocations` item.
 *
 * @example
 * ```ts
 * const node: CommandInvocationOutcome = { instanceId: 'i-0abc1234def567890', status: 'Failed', plugins: [] };
 * ```
 */
export interface CommandInvocationOutcome {
  commandId?: string;
  instanceId?: string;
  instanceName?: string;
  documentName?: string;
  documentVersion?: string;
  requestedTime?: Date;
  /** `Pending InProgress Delayed Success Cancelled TimedOut Failed Cancelling`. */
  status?: string;
  /** `Failed`, `Execution Timed Out`, `Undeliverable`, … (with spaces). */
  statusDetails?: string;
  /** Empty unless the list was asked for with `Details`. */
  plugins: CommandPluginOutcome[];
  outputLocation?: CommandOutputLocation;
}

/**
 * One plugin's result on one node, from `GetCommandInvocation`. The three times are strings as
 * AWS sends them (ISO-8601; the elapsed time an ISO duration such as `PT0.091S`), never Dates.
 *
 * @example
 * ```ts
 * if (output.responseCode !== 0) console.error(output.standardError.text);
 * ```
 */
export interface CommandInvocationOutput {
  commandId?: string;
  instanceId?: string;
  pluginName?: string;
  documentName?: string;
  /** -1: not started or not received by the node. */
  responseCode?: number;
  status?: string;
  statusDetails?: string;
  executionStartDateTime?: string;
  executionEndDateTime?: string;
  executionElapsedTime?: string;
  /** The end of stdout; `truncated` also when SSM itself cut it (it keeps the first 24,000 chars). */
  standardOutput: BoundedText;
  /** The end of stderr; `truncated` also when SSM itself cut it (it keeps the first 8,000 chars). */
  standardError: BoundedText;
  outputLocation?: CommandOutputLocation;
}

/**
 * A command on one node: the list item, and the plugin output when it was fetched (failed nodes).
 *
 * @example
 * ```ts
 * for (const node of diagnosis.instances) console.log(node.instanceId, node.output?.responseCode);
 * ```
 */
export interface InstanceCommandDiagnosis extends CommandInvocationOutcome {
  output?: CommandInvocationOutput;
}

/**
 * Why an Automation step failed (`FailureDetails`). Stage and type are open strings.
 *
 * @example
 * ```ts
 * const why: AutomationFailureDetails = { failureStage: 'PostVerification', failureType: 'Verification', details: {} };
 * ```
 */
export interface AutomationFailureDetails {
  /** `InputValidation PreVerification Invocation PostVerification`, or others. */
  failureStage?: string;
  /** `Action Permission Throttling Verification Internal`, or others. */
  failureType?: string;
  /** E.g. `{ ExceptionMessage: ['…'] }`. */
  details: Record<string, string[]>;
}

/**
 * One step of an Automation execution.
 *
 * @example
 * ```ts
 * const step: AutomationStepOutcome = { stepName: 'stopInstances', action: 'aws:changeInstanceState', outputs: {} };
 * ```
 */
export interface AutomationStepOutcome {
  stepName?: string;
  /** `aws:executeAwsApi`, `aws:runCommand`, `aws:waitForAwsResourceProperty`, … */
  action?: string;
  stepStatus?: string;
  stepExecutionId?: string;
  startTime?: Date;
  endTime?: Date;
  /** The start of the message, bounded. */
  failureMessage?: string;
  /** True when `failureMessage` is only the start of a longer message; absent when it is whole. */
  failureMessageTruncated?: boolean;
  failureDetails?: AutomationFailureDetails;
  outputs: Record<string, string[]>;
}

/**
 * An Automation execution, from `GetAutomationExecution`: its status, the step that failed and
 * its outputs.
 *
 * @example
 * ```ts
 * console.log(run.status, run.failedStep?.stepName, run.failedStep?.failureMessage);
 * ```
 */
export interface AutomationExecutionOutcome {
  automationExecutionId?: string;
  documentName?: string;
  documentVersion?: string;
  status?: string;
  startTime?: Date;
  endTime?: Date;
  /** The start of the execution's message, bounded. */
  failureMessage?: string;
  /** True when `failureMessage` is only the start of a longer message; absent when it is whole. */
  failureMessageTruncated?: boolean;
  /** The first step that failed, timed out or was cancelled. */
  failedStep?: AutomationStepOutcome;
  /** How many steps the response listed. */
  stepCount: number;
  /** True when SSM left steps out (page them with DescribeAutomationStepExecutions). */
  stepExecutionsTruncated: boolean;
  outputs: Record<string, string[]>;
}

/**
 * Why a part of a diagnosis is missing: an error code of core (`ACCESS_DENIED` when a follow-up
 * call was refused, …) or `LIMITED` when a bound left nodes out.
 *
 * @example
 * ```ts
 * const code: DiagnosisNoteCode = 'ACCESS_DENIED';
 * ```
 */
export type DiagnosisNoteCode = SsmInvocationsErrorCode | 'LIMITED';

/**
 * A degraded part of a diagnosis; the rest stands.
 *
 * @example
 * ```ts
 * const note: DiagnosisNote = { code: 'ACCESS_DENIED', operation: 'GetCommandInvocation', message: 'grant ssm:GetCommandInvocation' };
 * ```
 */
export interface DiagnosisNote {
  code: DiagnosisNoteCode;
  /** The SSM operation that failed, when one did. */
  operation?: string;
  message: string;
}

/**
 * What every diagnosis carries.
 *
 * @example
 * ```ts
 * const base: DiagnosisBase = { invocation, targets: invocationTargets(invocation), links: [], notes: [] };
 * ```
 */
export interface DiagnosisBase {
  invocation: InvocationRecord;
  targets: InvocationTarget[];
  links: ConsoleLink[];
  notes: DiagnosisNote[];
}

/**
 * A RUN_COMMAND invocation: per node, the status, plugins and (for failed nodes) the output.
 *
 * @example
 * ```ts
 * const failed = diagnosis.instances.filter((node) => node.status !== 'Success');
 * ```
 */
export interface RunCommandDiagnosis extends DiagnosisBase {
  taskType: 'RUN_COMMAND';
  commandId?: string;
  instances: InstanceCommandDiagnosis[];
}

/**
 * An AUTOMATION invocation: the execution, when it could be read.
 *
 * @example
 * ```ts
 * console.log(diagnosis.automation?.failedStep?.action);
 * ```
 */
export interface AutomationDiagnosis extends DiagnosisBase {
  taskType: 'AUTOMATION';
  automation?: AutomationExecutionOutcome;
}

/**
 * A LAMBDA invocation: no extra API call; the function and its log group link.
 *
 * @example
 * ```ts
 * console.log(diagnosis.functionName, diagnosis.links[0]?.url);
 * ```
 */
export interface LambdaDiagnosis extends DiagnosisBase {
  taskType: 'LAMBDA';
  functionName?: string;
  functionArn?: string;
  qualifier?: string;
}

/**
 * A STEP_FUNCTIONS invocation: no extra API call; the state machine, execution and link.
 *
 * @example
 * ```ts
 * console.log(diagnosis.executionArn);
 * ```
 */
export interface StepFunctionsDiagnosis extends DiagnosisBase {
  taskType: 'STEP_FUNCTIONS';
  stateMachineArn?: string;
  executionArn?: string;
}

/**
 * An invocation whose task type core does not know (or that has none).
 *
 * @example
 * ```ts
 * if (diagnosis.taskType === 'UNKNOWN') console.log(diagnosis.invocation.StatusDetails);
 * ```
 */
export interface UnknownTaskDiagnosis extends DiagnosisBase {
  taskType: 'UNKNOWN';
}

/**
 * The diagnosis of one invocation, by task type.
 *
 * @example
 * ```ts
 * if (diagnosis.taskType === 'RUN_COMMAND') console.log(diagnosis.instances.length);
 * ```
 */
export type InvocationDiagnosis =
  | RunCommandDiagnosis
  | AutomationDiagnosis
  | LambdaDiagnosis
  | StepFunctionsDiagnosis
  | UnknownTaskDiagnosis;
