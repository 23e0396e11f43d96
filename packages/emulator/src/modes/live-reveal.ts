/**
 * How live mode shows a planned execution as virtual time passes: each record holds what it
 * would show at that moment (PENDING, IN_PROGRESS with its start, or its final state).
 */
import type { BuiltExecution } from '../state/execution-builder';
import type { EmulatorExecution, EmulatorInvocation, EmulatorTask } from '../state/store';
import type { ExecutionStatus } from '../protocol/service-model';

/**
 * The time-dependent fields of an execution, task or invocation. An invocation's `ExecutionId`
 * (the command, automation… it sent) exists only once it has started.
 */
export type Timed = {
  Status: ExecutionStatus;
  StatusDetails?: string;
  StartTime?: Date;
  EndTime?: Date;
  ExecutionId?: string;
};

/** How far along a status is; a record never moves to a lower stage (CANCELLING stays put). */
function stage(status: ExecutionStatus): number {
  if (status === 'PENDING') return 0;
  if (status === 'IN_PROGRESS') return 1;
  if (status === 'CANCELLING') return 2;
  return 3;
}

/** An execution live mode is revealing: its final plan and the records the store serves. */
export interface ActiveExecution {
  final: BuiltExecution;
  execution: EmulatorExecution;
  tasks: EmulatorTask[];
  invocations: EmulatorInvocation[];
}

/** The time the whole execution is final (its latest end time), in ms. */
export function plannedEnd(final: BuiltExecution): number {
  const records: Timed[] = [final.execution, ...final.tasks, ...final.invocations];
  const start = final.execution.StartTime?.getTime() ?? 0;
  return Math.max(start, ...records.map((r) => r.EndTime?.getTime() ?? start));
}

/**
 * A status change in live mode: an execution, or one target's invocation (with its record as
 * it is after the change).
 *
 * @example
 * ```ts
 * await startEmulator({ live: { onStateChange: (change) => console.log(change.kind) } });
 * ```
 */
export type LiveStateChange =
  | { kind: 'execution'; execution: EmulatorExecution }
  | { kind: 'invocation'; invocation: EmulatorInvocation; execution: EmulatorExecution };

/**
 * Shows each record as it is at `now`; returns true once the execution is final. Each status
 * that changed is reported to `onStateChange`: invocations first, then their execution. `fresh`
 * records (copies of the plan, just created) count as not started: they may show any status.
 */
export function reveal(
  active: ActiveExecution,
  now: number,
  onStateChange?: (change: LiveStateChange) => void,
  fresh = false,
): boolean {
  const executionWas = active.execution.Status;
  const invocationsWere = active.invocations.map((invocation) => invocation.Status);
  const from = (record: Timed | undefined) => (fresh ? 'PENDING' : record?.Status);
  const done = show(active.execution, active.final.execution, now, true, from(active.execution));
  active.final.tasks.forEach((task, i) =>
    show(active.tasks[i], task, now, done, from(active.tasks[i])),
  );
  active.final.invocations.forEach((invocation, i) =>
    show(active.invocations[i], invocation, now, done, from(active.invocations[i])),
  );
  if (onStateChange) {
    const { execution } = active;
    active.invocations.forEach((invocation, i) => {
      if (invocation.Status !== invocationsWere[i]) {
        onStateChange({ kind: 'invocation', invocation, execution });
      }
    });
    if (execution.Status !== executionWas) onStateChange({ kind: 'execution', execution });
  }
  return done;
}

/**
 * Sets `target` to what `final` looks like at `now`: not started yet → PENDING without times (or
 * ExecutionId); started but not ended → IN_PROGRESS with its start; ended → final. Records that
 * never start (a task after a timeout) stay PENDING until their execution is final. A status
 * only moves forward from `from`, the one `target` is in: a CANCELLING record stays CANCELLING until it
 * ends, never back to IN_PROGRESS or PENDING.
 */
function show(
  target: Timed | undefined,
  final: Timed,
  now: number,
  executionDone: boolean,
  from: ExecutionStatus | undefined,
): boolean {
  if (!target) return false;
  const start = final.StartTime?.getTime();
  const end = final.EndTime?.getTime();
  const finished = start === undefined ? executionDone : end !== undefined && now >= end;
  if (finished) {
    Object.assign(target, final);
    return true;
  }
  const started = start !== undefined && now >= start;
  if (from !== undefined && stage(started ? 'IN_PROGRESS' : 'PENDING') < stage(from)) return false;
  if (started) {
    Object.assign(target, {
      Status: 'IN_PROGRESS',
      StatusDetails: 'InProgress',
      StartTime: final.StartTime,
      EndTime: undefined,
    });
    if (final.ExecutionId !== undefined) target.ExecutionId = final.ExecutionId;
  } else {
    Object.assign(target, {
      Status: 'PENDING',
      StatusDetails: 'Pending',
      StartTime: undefined,
      EndTime: undefined,
    });
    // Nothing has been sent yet, so there is no command (or automation…) id to name.
    delete target.ExecutionId;
  }
  return false;
}
