/**
 * Executions that are still in flight when live mode starts (the demo seed's newest runs) finish
 * over its first ticks, like real runs would: PENDING and IN_PROGRESS ones succeed, CANCELLING
 * ones end CANCELLED. Otherwise they would stay "In progress" forever beside newer live runs.
 * An invocation that starts while settling sends its command (or automation…) then, so it gets
 * its `ExecutionId` only then, from a PRNG of its own (the live outcomes stay as they were).
 */
import type { ExecutionStatus } from '../protocol/service-model';
import { executionIdFor } from '../state/run-fields';
import { createSeededRandom } from '../state/seeded-random';
import type { EmulatorStore } from '../state/store';
import type { ActiveExecution, Timed } from './live-reveal';

const IN_FLIGHT: readonly ExecutionStatus[] = ['PENDING', 'IN_PROGRESS', 'CANCELLING'];

/** When the remaining work runs: records that had not started start at `from`; all end by `to`. */
export interface SettleSpan {
  from: number;
  to: number;
}

/**
 * Plans the in-flight executions of `windowId` to finish within `span`, as live executions
 * whose records are the store's own (so ids, order and finished records stay as they are).
 *
 * @example
 * ```ts
 * const settling = settleInFlight(store, windowId, { from: now + 500, to: now + 2500 });
 * ```
 */
export function settleInFlight(
  store: EmulatorStore,
  windowId: string,
  span: SettleSpan,
): ActiveExecution[] {
  const step = (span.to - span.from) / 10;
  return store
    .executionsOf(windowId)
    .filter((execution) => IN_FLIGHT.includes(execution.Status))
    .map((execution) => {
      const outcome: ExecutionStatus = execution.Status === 'CANCELLING' ? 'CANCELLED' : 'SUCCESS';
      // Nested ends: invocations, then their task, then the execution; starts the other way.
      const finish = <T extends Timed>(record: T, startAt: number, endAt: number): T => {
        if (!IN_FLIGHT.includes(record.Status)) return { ...record };
        const started = record.StartTime ?? (outcome === 'SUCCESS' ? new Date(startAt) : undefined);
        return {
          ...record,
          Status: outcome,
          StatusDetails: outcome === 'SUCCESS' ? 'Success' : 'Cancelled',
          StartTime: started,
          EndTime: started ? new Date(endAt) : undefined,
        };
      };
      const tasks = store.tasksOf(execution.WindowExecutionId);
      const invocations = tasks.flatMap((task) =>
        store.invocationsOf(execution.WindowExecutionId, task.TaskExecutionId),
      );
      const random = createSeededRandom(`settle:${execution.WindowExecutionId}`);
      const final = {
        execution: finish(execution, span.from, span.to),
        tasks: tasks.map((task) => finish(task, span.from, span.to - step)),
        invocations: invocations.map((invocation) => {
          const settled = finish(invocation, span.from + step, span.to - 2 * step);
          if (settled.StartTime && settled.ExecutionId === undefined) {
            const task = tasks.find((t) => t.TaskExecutionId === invocation.TaskExecutionId);
            const taskArn = task?.TaskArn ?? '';
            settled.ExecutionId = executionIdFor(invocation.TaskType, { taskArn }, random);
          }
          return settled;
        }),
      };
      // Records that will start keep their place in the lists from now on (see scheduleStart).
      const pairs: [Timed, Timed | undefined][] = [
        ...tasks.map((task, i): [Timed, Timed | undefined] => [task, final.tasks[i]]),
        ...invocations.map((inv, i): [Timed, Timed | undefined] => [inv, final.invocations[i]]),
      ];
      for (const [record, planned] of pairs) {
        if (!record.StartTime && planned?.StartTime) store.scheduleStart(record, planned.StartTime);
      }
      return { final, execution, tasks, invocations };
    });
}
