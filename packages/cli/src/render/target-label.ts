/**
 * Which resource an invocation ran on, as the CLI shows it: the instance (or function, state
 * machine, resource) that core's `invocationTargets` reads from `Parameters`, and the window
 * target's id only when `Parameters` names nothing better.
 */
import {
  invocationTargets,
  type InvocationRecord,
  type WindowReport,
} from '@ssm-invocations/core/model';

/** Instances and managed nodes first: they are what an operator opens next. */
const NODE_KINDS = new Set(['instance', 'managed-node']);

/**
 * The ids an invocation ran on (`[]` when `Parameters` names none): instances and managed nodes
 * first, then functions, state machines and other resources, each in `Parameters` order.
 *
 * @example
 * ```ts
 * targetIds({ TaskType: 'RUN_COMMAND', Parameters: '{"instanceIds":["i-0abc1234def567890"]}' });
 * // ['i-0abc1234def567890']
 * ```
 */
export function targetIds(invocation: InvocationRecord): string[] {
  const targets = invocationTargets(invocation);
  const nodes = targets.filter((target) => NODE_KINDS.has(target.kind));
  const others = targets.filter((target) => !NODE_KINDS.has(target.kind));
  return [...nodes, ...others].map((target) => target.id);
}

/**
 * The Target column's text: the first resource id, `+N` when there are more, else the window
 * target id, else `undefined`. Raw server text: the caller makes it inert.
 *
 * @example
 * ```ts
 * targetLabel({ TaskType: 'RUN_COMMAND', Parameters: '{"instanceIds":["i-0abc1234","i-0def5678"]}' });
 * // 'i-0abc1234 +1'
 * ```
 */
export function targetLabel(invocation: InvocationRecord): string | undefined {
  const [first, ...rest] = targetIds(invocation);
  if (first === undefined) return invocation.WindowTargetId;
  return rest.length === 0 ? first : `${first} +${rest.length}`;
}

/**
 * An invocation as the JSON output prints it: every field as core gives it, plus `Targets`.
 *
 * @example
 * ```ts
 * JSON.stringify(withTargets(invocation)); // '{…,"Targets":["i-0abc1234def567890"]}'
 * ```
 */
export function withTargets<T extends InvocationRecord>(invocation: T): T & { Targets: string[] } {
  return { ...invocation, Targets: targetIds(invocation) };
}

/**
 * A report as the JSON output prints it: every invocation with its `Targets`.
 *
 * @example
 * ```ts
 * writeJson(stdout, reportWithTargets(report));
 * ```
 */
export function reportWithTargets(report: WindowReport): WindowReport {
  return {
    ...report,
    executions: report.executions.map((execution) => ({
      ...execution,
      tasks: execution.tasks.map((task) => ({
        ...task,
        invocations: task.invocations.map(withTargets),
      })),
    })),
  };
}
