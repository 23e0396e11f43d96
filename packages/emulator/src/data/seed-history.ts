/**
 * What seeded stores are made of, and how every seed builds one: per window, register it and its
 * targets, then add its execution history through {@link buildExecution}, all drawn in order from
 * one {@link SeededRandom}.
 */
import type { ExecutionStatus } from '../protocol/service-model';
import {
  buildExecution,
  type BuiltExecution,
  type ResolvedTarget,
  type TaskTemplate,
} from '../state/execution-builder';
import { createSeededRandom, type SeededRandom } from '../state/seeded-random';
import { EmulatorStore, type EmulatorTarget, type EmulatorWindow } from '../state/store';
import { SEED_ACCOUNT, type TargetDefinition } from './demo-windows';
import { scheduleOccurrences } from './schedule-occurrences';

/**
 * A window plus the task templates and resolved targets live mode reuses for new executions.
 *
 * @example
 * ```ts
 * const { blueprints } = createSeededStore('demo');
 * blueprints[0]?.tasks.map((t) => t.taskType);
 * ```
 */
export interface WindowBlueprint {
  windowId: string;
  tasks: readonly TaskTemplate[];
  targets: readonly ResolvedTarget[];
  invocationsPerTask?: number;
}

/**
 * A store together with the blueprints of its windows.
 *
 * @example
 * ```ts
 * const { store }: SeededStore = createSeededStore('demo');
 * ```
 */
export interface SeededStore {
  store: EmulatorStore;
  blueprints: WindowBlueprint[];
}

/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;

/** An ISO string without seconds, as SSM writes window dates. */
export function isoMinutes(date: Date): string {
  return date.toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');
}

/** Registers the targets of a window and resolves each to seeded resource ids. */
function addTargets(
  store: EmulatorStore,
  random: SeededRandom,
  windowId: string,
  targets: readonly TargetDefinition[],
): ResolvedTarget[] {
  return targets.map((definition) => {
    const target: EmulatorTarget = {
      WindowId: windowId,
      WindowTargetId: random.uuid(),
      ResourceType: definition.resourceType,
      Targets: definition.targets,
      OwnerInformation: definition.ownerInformation,
      Name: definition.name,
      Description: `Targets of ${definition.name}`,
    };
    store.addTarget(target);
    const resourceIds = Array.from({ length: definition.resourceCount }, () =>
      definition.resourceType === 'INSTANCE'
        ? `i-0${random.hex(16)}`
        : `arn:aws:resource-groups:us-east-1:${SEED_ACCOUNT}:group/${definition.targets[0]?.Values[0] ?? 'group'}/${random.hex(8)}`,
    );
    return {
      windowTargetId: target.WindowTargetId,
      ownerInformation: definition.ownerInformation,
      resourceIds,
    };
  });
}

const IN_FLIGHT: readonly ExecutionStatus[] = ['PENDING', 'IN_PROGRESS', 'CANCELLING'];

/** Where a window's seeded history sits: on its schedule, before the anchor. */
export interface HistoryPlacement {
  /** The window's `Schedule` (a form {@link scheduleOccurrences} places). */
  schedule: string;
  /** The window's `Duration`: a finished newest run started at least this long before the anchor. */
  durationHours: number;
  anchor: Date;
  /** How long before the anchor a newest run in flight started when its schedule is far off. */
  lateByMs: number;
}

/**
 * Start times, newest first, for a window's statuses: on its schedule, the newest finished run
 * at least the window's `Duration` before the anchor (so it had time to end), and a newest run
 * still in flight at the latest occurrence if that is within the `Duration`, else `lateBy` before
 * the anchor (a run that overran or was started by hand; it must look recent, not days old).
 */
function scheduledStarts(
  statuses: readonly ExecutionStatus[],
  placement: HistoryPlacement,
): Date[] {
  const { schedule, durationHours, anchor, lateByMs } = placement;
  const occurrences = scheduleOccurrences(schedule);
  const starts: Date[] = [];
  statuses.forEach((status, index) => {
    const previous = starts[index - 1];
    if (previous) {
      starts.push(occurrences.atOrBefore(new Date(previous.getTime() - 1)));
    } else if (IN_FLIGHT.includes(status)) {
      // A second early: the start's sub-second jitter must not put it after the anchor.
      const latest = occurrences.atOrBefore(new Date(anchor.getTime() - 1000));
      const withinDuration = anchor.getTime() - latest.getTime() < durationHours * HOUR_MS;
      starts.push(withinDuration ? latest : new Date(anchor.getTime() - lateByMs));
    } else {
      starts.push(occurrences.atOrBefore(new Date(anchor.getTime() - durationHours * HOUR_MS)));
    }
  });
  return starts;
}

/**
 * Moves a built execution earlier so that nothing in it happened after `limit`: a run in flight
 * at the anchor has only its finished part behind it, however long its finished tasks took.
 */
function endBefore(built: BuiltExecution, limit: number): void {
  const records = [built.execution, ...built.tasks, ...built.invocations];
  const times = records.flatMap((r) => [r.StartTime, r.EndTime]).map((t) => t?.getTime() ?? 0);
  const overshoot = Math.max(...times) - limit;
  if (overshoot <= 0) return;
  for (const record of records) {
    if (record.StartTime) record.StartTime = new Date(record.StartTime.getTime() - overshoot);
    if (record.EndTime) record.EndTime = new Date(record.EndTime.getTime() - overshoot);
  }
}

function addHistory(
  store: EmulatorStore,
  random: SeededRandom,
  blueprint: WindowBlueprint,
  statuses: readonly ExecutionStatus[],
  placement: HistoryPlacement,
): void {
  const starts = scheduledStarts(statuses, placement);
  statuses.forEach((status, index) => {
    const scheduled = starts[index] ?? placement.anchor;
    const startTime = new Date(scheduled.getTime() + random.int(0, 999));
    const built = buildExecution(random, {
      window: { WindowId: blueprint.windowId },
      windowExecutionId: random.uuid(),
      startTime,
      status,
      tasks: blueprint.tasks,
      targets: blueprint.targets,
      invocationsPerTask: blueprint.invocationsPerTask,
    });
    endBefore(built, placement.anchor.getTime() - 1000);
    store.addExecution(built.execution);
    built.tasks.forEach((task) => store.addTask(task));
    built.invocations.forEach((invocation) => store.addInvocation(invocation));
  });
}

/** What a seed says about one window. */
export interface WindowPlan {
  window: EmulatorWindow;
  tasks: readonly TaskTemplate[];
  targets: readonly TargetDefinition[];
  invocationsPerTask?: number;
  /** Execution statuses, newest first; drawn after the targets. */
  statuses: () => readonly ExecutionStatus[];
  /** Where the history sits in time. */
  placement: HistoryPlacement;
}

/** Builds a store from `count` window plans, each planned and built in turn from `seed`. */
export function buildSeededStore(
  seed: string,
  count: number,
  plan: (index: number, random: SeededRandom) => WindowPlan,
): SeededStore {
  const random = createSeededRandom(seed);
  const store = new EmulatorStore();
  const blueprints: WindowBlueprint[] = [];
  for (let index = 0; index < count; index += 1) {
    const windowPlan = plan(index, random);
    store.addWindow(windowPlan.window);
    const windowId = windowPlan.window.WindowId;
    const blueprint: WindowBlueprint = {
      windowId,
      tasks: windowPlan.tasks,
      targets: addTargets(store, random, windowId, windowPlan.targets),
      ...(windowPlan.invocationsPerTask === undefined
        ? {}
        : { invocationsPerTask: windowPlan.invocationsPerTask }),
    };
    blueprints.push(blueprint);
    addHistory(store, random, blueprint, windowPlan.statuses(), windowPlan.placement);
  }
  return { store, blueprints };
}
