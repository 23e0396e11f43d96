import type {
  EntityDiagnosis,
  EntityDiagnosisResponse,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import type {
  AutomationExecutionOutcome,
  InvocationDiagnosis,
  Serialized,
} from '@ssm-invocations/core/model';
import { withoutSensitiveMembers } from './invocationExposure';

/**
 * Who is asking, as far as the diagnosis's content goes.
 *
 * @example
 * ```ts
 * const exposure: DiagnosisExposure = { includeOutput: false, exposeParameters: false };
 * ```
 */
export interface DiagnosisExposure {
  /** The caller is allowed `ssm-invocations.output.read`. */
  includeOutput: boolean;
  /** `ssmInvocations.exposeParameters`. */
  exposeParameters: boolean;
}

type SerializedAutomation = Serialized<AutomationExecutionOutcome>;

/** The Automation execution without what its steps printed or said about the failure. */
function automationWithoutOutput(run: SerializedAutomation): SerializedAutomation {
  // With the messages go the flags saying they were long (`…Truncated`).
  const {
    failureMessage: _message,
    failureMessageTruncated: _cut,
    outputs: _outputs,
    failedStep,
    ...rest
  } = run;
  if (!failedStep) return { ...rest, outputs: {} };
  const {
    failureMessage: _stepMessage,
    failureMessageTruncated: _stepCut,
    failureDetails,
    outputs: _stepOutputs,
    ...step
  } = failedStep;
  return {
    ...rest,
    outputs: {},
    failedStep: {
      ...step,
      outputs: {},
      // Stage and type say where it failed; the details are the service's text.
      ...(failureDetails
        ? {
            failureDetails: {
              ...(failureDetails.failureStage ? { failureStage: failureDetails.failureStage } : {}),
              ...(failureDetails.failureType ? { failureType: failureDetails.failureType } : {}),
              details: {},
            },
          }
        : {}),
    },
  };
}

/** The diagnosis without any command output: statuses, exit codes, targets and links stay. */
function withoutOutput(diagnosis: EntityDiagnosis): EntityDiagnosis {
  if (diagnosis.taskType === 'RUN_COMMAND') {
    return {
      ...diagnosis,
      instances: diagnosis.instances.map((node) => {
        const plugins = node.plugins.map(({ output: _output, ...plugin }) => plugin);
        if (!node.output) return { ...node, plugins };
        const { standardOutput: _stdout, standardError: _stderr, ...output } = node.output;
        return { ...node, plugins, output };
      }),
    };
  }
  if (diagnosis.taskType === 'AUTOMATION' && diagnosis.automation) {
    return { ...diagnosis, automation: automationWithoutOutput(diagnosis.automation) };
  }
  return diagnosis;
}

/**
 * Core's diagnosis as the diagnosis route sends it: JSON (dates as ISO strings), the invocation
 * without `Parameters` / `OwnerInformation` unless `exposeParameters` (its `targets` stay), and
 * without command output — stdout/stderr tails, plugin outputs, Automation failure messages,
 * details and outputs — unless the caller may read output.
 *
 * @example
 * ```ts
 * res.json(diagnosisForCaller(diagnosis, { includeOutput: false, exposeParameters: false }));
 * // { diagnosis: { …, instances: [{ instanceId, status, output: { responseCode: 1 } }] }, outputWithheld: true }
 * ```
 */
export function diagnosisForCaller(
  diagnosis: InvocationDiagnosis,
  exposure: DiagnosisExposure,
): EntityDiagnosisResponse {
  const serialized = JSON.parse(JSON.stringify(diagnosis)) as EntityDiagnosis;
  const invocation = exposure.exposeParameters
    ? serialized.invocation
    : withoutSensitiveMembers(serialized.invocation);
  const shown = { ...serialized, invocation } as EntityDiagnosis;
  return exposure.includeOutput
    ? { diagnosis: shown, outputWithheld: false }
    : { diagnosis: withoutOutput(shown), outputWithheld: true };
}
