import {
  invocationTargets,
  type InvocationRecord,
  type InvocationTarget,
  type Serialized,
} from '@ssm-invocations/core/model';

/**
 * Invocation members the backend keeps to itself unless `ssmInvocations.exposeParameters` is
 * true: both are marked sensitive in SSM's model (task parameters can hold commands, hosts and
 * secrets the task author typed in; owner information is free text).
 */
const SENSITIVE_MEMBERS = ['Parameters', 'OwnerInformation'] as const;

/**
 * The invocation without `Parameters` and `OwnerInformation`; what the card needs from
 * `Parameters` — the instances (or other resources) it ran on — is kept as `targets` (core's
 * `invocationTargets`), so the card shows instance ids without seeing the parameters.
 *
 * @example
 * ```ts
 * withoutSensitiveMembers({ InvocationId: 'i', TaskType: 'RUN_COMMAND', Parameters: '{"instanceIds":["i-0abc1234def567890"]}' });
 * // { InvocationId: 'i', TaskType: 'RUN_COMMAND', targets: [{ kind: 'instance', id: 'i-0abc1234def567890' }] }
 * ```
 */
export function withoutSensitiveMembers<T extends Partial<Serialized<InvocationRecord>>>(
  invocation: T,
): T & { targets?: InvocationTarget[] } {
  if (!SENSITIVE_MEMBERS.some((member) => member in invocation)) return invocation;
  const copy: T & { targets?: InvocationTarget[] } = { ...invocation };
  if (typeof invocation.Parameters === 'string') {
    copy.targets = invocationTargets({
      TaskType: invocation.TaskType,
      Parameters: invocation.Parameters,
      ExecutionId: invocation.ExecutionId,
    });
  }
  for (const member of SENSITIVE_MEMBERS) delete copy[member];
  return copy;
}

/** What {@link reportWithoutSensitiveMembers} walks: a report, or a report in summary shape. */
interface InvocationTree {
  executions: Array<{
    tasks: Array<{ invocations: Array<Partial<Serialized<InvocationRecord>>> }>;
  }>;
}

/** Stripped copies by source report, so an unchanged report keeps one identity (and encoding). */
const strippedReports = new WeakMap<object, object>();

/**
 * The report (or summary) with every invocation stripped of `Parameters` and `OwnerInformation`. The same
 * source object always gives the same copy. The source is not changed (it is shared).
 *
 * @example
 * ```ts
 * const safe = reportWithoutSensitiveMembers(report);
 * ```
 */
export function reportWithoutSensitiveMembers<R extends InvocationTree>(report: R): R {
  const known = strippedReports.get(report) as R | undefined;
  if (known) return known;
  const stripped: R = {
    ...report,
    executions: report.executions.map((execution) => ({
      ...execution,
      tasks: execution.tasks.map((task) => ({
        ...task,
        invocations: task.invocations.map((invocation) => withoutSensitiveMembers(invocation)),
      })),
    })),
  };
  strippedReports.set(report, stripped);
  return stripped;
}
