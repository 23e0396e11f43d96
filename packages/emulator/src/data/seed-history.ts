/**
 * What seeded stores are made of, and how every seed builds one: per window, register it and its
 * targets, then add its execution history through {@link buildExecution}, all drawn in order from
 * one {@link SeededRandom}.
 */
import type { ExecutionStatus } from '../protocol/service-model';
import { buildExecution, type ResolvedTarget, type TaskTemplate } from '../state/execution-builder';
import { createSeededRandom, type SeededRandom } from '../state/seeded-random';
import { EmulatorStore, type EmulatorTarget, type EmulatorWindow } from '../state/store';
import { SEED_ACCOUNT, type TargetDefinition } from './demo-windows';

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

/** Adds one execution per status (newest first), `intervalHours` apart, with tasks and invocations. */
function addHistory(
  store: EmulatorStore,
  random: SeededRandom,
  blueprint: WindowBlueprint,
  statuses: readonly ExecutionStatus[],
  newestStart: Date,
  intervalHours: number,
): void {
  statuses.forEach((status, index) => {
    const startTime = new Date(
      newestStart.getTime() - index * intervalHours * HOUR_MS + random.int(0, 999),
    );
    const built = buildExecution(random, {
      window: { WindowId: blueprint.windowId },
      windowExecutionId: random.uuid(),
      startTime,
      status,
      tasks: blueprint.tasks,
      targets: blueprint.targets,
      invocationsPerTask: blueprint.invocationsPerTask,
    });
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
  newestStart: Date;
  intervalHours: number;
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
    const { statuses, newestStart, intervalHours } = windowPlan;
    addHistory(store, random, blueprint, statuses(), newestStart, intervalHours);
  }
  return { store, blueprints };
}
