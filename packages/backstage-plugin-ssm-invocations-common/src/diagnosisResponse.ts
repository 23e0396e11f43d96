// The diagnosis route's answer and the report's per-invocation targets, shared by the backend
// (which builds them) and the card (which shows them).
import type {
  CommandInvocationOutput,
  InstanceCommandDiagnosis,
  InvocationDiagnosis,
  InvocationRecord,
  InvocationTarget,
  RunCommandDiagnosis,
  Serialized,
} from '@ssm-invocations/core/model';

/**
 * A node's `GetCommandInvocation` result as the route sends it: core's
 * `CommandInvocationOutput` as JSON, its stdout and stderr tails absent when output is withheld.
 *
 * @example
 * ```ts
 * console.log(output.responseCode, output.standardError?.text ?? '(withheld)');
 * ```
 *
 * @public
 */
export type DiagnosisCommandOutput = Omit<
  Serialized<CommandInvocationOutput>,
  'standardOutput' | 'standardError'
> &
  Partial<Pick<Serialized<CommandInvocationOutput>, 'standardOutput' | 'standardError'>>;

/**
 * A command on one node as the route sends it.
 *
 * @example
 * ```ts
 * for (const node of diagnosis.instances) console.log(node.instanceId, node.output?.responseCode);
 * ```
 *
 * @public
 */
export type DiagnosisInstance = Omit<Serialized<InstanceCommandDiagnosis>, 'output'> & {
  output?: DiagnosisCommandOutput;
};

/**
 * Core's `InvocationDiagnosis` as JSON (dates as ISO strings). Without output permission the
 * output members are left out: per node the stdout/stderr tails and plugin `output`, for
 * Automation the failure messages, failure details and outputs. The invocation's `Parameters` and
 * `OwnerInformation` are left out unless the backend's `exposeParameters` is set; `targets` (read
 * from `Parameters` by the backend) stays.
 *
 * @example
 * ```ts
 * if (diagnosis.taskType === 'RUN_COMMAND') console.log(diagnosis.instances.length);
 * ```
 *
 * @public
 */
export type EntityDiagnosis =
  | Exclude<Serialized<InvocationDiagnosis>, { taskType: 'RUN_COMMAND' }>
  | (Omit<Serialized<RunCommandDiagnosis>, 'instances'> & { instances: DiagnosisInstance[] });

/**
 * Body of `GET /api/ssm-invocations/v1/entity/:namespace/:kind/:name/diagnosis?windowExecutionId&taskId&invocationId`
 * ({@link ENTITY_DIAGNOSIS_ROUTE}).
 *
 * @example
 * ```ts
 * const { diagnosis, outputWithheld } = (await response.json()) as EntityDiagnosisResponse;
 * if (outputWithheld) console.log('ask for ssm-invocations.output.read to see stderr');
 * ```
 *
 * @public
 */
export interface EntityDiagnosisResponse {
  /** What the service that ran the invocation says (without output when withheld). */
  diagnosis: EntityDiagnosis;
  /** True when the caller lacks `ssm-invocations.output.read`: no command output was sent. */
  outputWithheld: boolean;
}

/**
 * An invocation of a report as the backend sends it: when it strips `Parameters` (the default),
 * it adds `targets`, the instances (or other resources) core's `invocationTargets` read from them.
 *
 * @example
 * ```ts
 * const ids = (invocation.targets ?? invocationTargets(invocation)).map((t) => t.id);
 * ```
 *
 * @public
 */
export type ReportInvocation = Serialized<InvocationRecord> & { targets?: InvocationTarget[] };
