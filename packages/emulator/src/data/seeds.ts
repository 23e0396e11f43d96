/**
 * Seeded stores. The `demo` seed turns the hand-planned windows of `demo-windows.ts` into
 * records; any other seed string generates a graph of a requested size. Histories sit on each
 * window's schedule before the anchor (the start-up time unless given). Both are deterministic:
 * the same seed, options and anchor give the same ids, times and outcomes, because every choice
 * goes through {@link createSeededRandom}; ids do not depend on the anchor.
 */
import { TASK_TYPES, type ExecutionStatus } from '../protocol/service-model';
import { DEMO_ACCOUNT as ACCOUNT, demoWindows, type DemoWindow } from './demo-windows';
import {
  buildExecution,
  type BuiltExecution,
  type ResolvedTarget,
  type TaskTemplate,
} from '../state/execution-builder';
import { createSeededRandom, type SeededRandom } from '../state/seeded-random';
import { scheduleOccurrences } from './schedule-occurrences';
import { EmulatorStore, type EmulatorTarget, type EmulatorWindow } from '../state/store';

/**
 * A fixed anchor for stores that must be the same on every run (tests, benchmarks, docs). Without
 * an `anchor`, seeds are anchored at the time they are created (see {@link seedAnchorAt}).
 *
 * @example
 * ```ts
 * createSeededStore('demo', { anchor: REFERENCE_SEED_ANCHOR });
 * ```
 */
export const REFERENCE_SEED_ANCHOR = '2026-11-28T00:00:00.000Z';

/**
 * The former default anchor; seeds now default to the time they are created.
 *
 * @deprecated Pass {@link REFERENCE_SEED_ANCHOR} for a fixed anchor.
 * @example
 * ```ts
 * createSeededStore('demo', { anchor: DEFAULT_SEED_ANCHOR });
 * ```
 */
export const DEFAULT_SEED_ANCHOR = REFERENCE_SEED_ANCHOR;

/**
 * The anchor a seed gets when created at `now` without one: `now` rounded down to the whole
 * minute, the granularity of maintenance-window schedules.
 *
 * @example
 * ```ts
 * seedAnchorAt(new Date('2030-05-01T10:17:42.5Z')); // 2030-05-01T10:17:00.000Z
 * ```
 */
export function seedAnchorAt(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

/**
 * Sizes of a generated (non-`demo`) seed.
 *
 * @example
 * ```ts
 * const size: GeneratedSeedSize = { windows: 1, executionsPerWindow: 1, tasksPerExecution: 8, invocationsPerTask: 120 };
 * ```
 */
export interface GeneratedSeedSize {
  /** Default 3. */
  windows?: number;
  /** Default 5. */
  executionsPerWindow?: number;
  /** Default 2. */
  tasksPerExecution?: number;
  /** Default 10. */
  invocationsPerTask?: number;
}

/**
 * Options of {@link createSeededStore}.
 *
 * @example
 * ```ts
 * const options: SeedOptions = { windows: 2, anchor: '2026-01-01T00:00:00Z' };
 * ```
 */
export interface SeedOptions extends GeneratedSeedSize {
  /**
   * Where the seeded history ends (ISO string or Date): the newest executions start at or just
   * before it, and enabled windows' `NextExecutionTime` follows it. Default: the current time
   * ({@link seedAnchorAt}); pass {@link REFERENCE_SEED_ANCHOR} for the same store on every run.
   */
  anchor?: string | Date;
}

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

const HOUR_MS = 3_600_000;
const GENERATED_SCHEDULE = 'cron(0 2 ? * * *)';

function isoMinutes(date: Date): string {
  return date.toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');
}

function addTargets(
  store: EmulatorStore,
  random: SeededRandom,
  windowId: string,
  targets: DemoWindow['targets'],
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
        : `arn:aws:resource-groups:us-east-1:${ACCOUNT}:group/${definition.targets[0]?.Values[0] ?? 'group'}/${random.hex(8)}`,
    );
    return {
      windowTargetId: target.WindowTargetId,
      ownerInformation: definition.ownerInformation,
      resourceIds,
    };
  });
}

const IN_FLIGHT: readonly ExecutionStatus[] = ['PENDING', 'IN_PROGRESS', 'CANCELLING'];

/**
 * Start times, newest first, for a window's statuses: on its schedule, the newest finished run
 * at least the window's `Duration` before the anchor (so it had time to end), and a newest run
 * still in flight at the latest occurrence if that is within the `Duration`, else `lateBy` before
 * the anchor (a run that overran or was started by hand; it must look recent, not days old).
 */
function scheduledStarts(
  schedule: string,
  durationHours: number,
  statuses: readonly ExecutionStatus[],
  anchor: Date,
  lateBy: number,
): Date[] {
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
      starts.push(withinDuration ? latest : new Date(anchor.getTime() - lateBy));
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
  starts: readonly Date[],
  anchor: Date,
): void {
  statuses.forEach((status, index) => {
    const scheduled = starts[index] ?? starts[0] ?? new Date(0);
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
    endBefore(built, anchor.getTime() - 1000);
    store.addExecution(built.execution);
    built.tasks.forEach((task) => store.addTask(task));
    built.invocations.forEach((invocation) => store.addInvocation(invocation));
  });
}

function createDemoStore(anchor: Date): SeededStore {
  const random = createSeededRandom('demo');
  const store = new EmulatorStore();
  const blueprints: WindowBlueprint[] = [];
  demoWindows.forEach((demo, index) => {
    const created = new Date(anchor.getTime() - (400 - index * 30) * 24 * HOUR_MS);
    const duration = demo.intervalHours === 1 ? 1 : 3;
    const window: EmulatorWindow = {
      WindowId: demo.WindowId,
      Name: demo.Name,
      Description: demo.Description,
      Enabled: demo.Enabled,
      Duration: duration,
      Cutoff: demo.intervalHours === 1 ? 0 : 1,
      Schedule: demo.Schedule,
      ScheduleTimezone: 'UTC',
      StartDate: isoMinutes(created),
      EndDate: demo.Enabled
        ? undefined
        : isoMinutes(new Date(anchor.getTime() + 30 * 24 * HOUR_MS)),
      NextExecutionTime: demo.Enabled
        ? isoMinutes(scheduleOccurrences(demo.Schedule).after(anchor))
        : undefined,
      AllowUnassociatedTargets: false,
      CreatedDate: created,
      ModifiedDate: new Date(created.getTime() + 90 * 24 * HOUR_MS),
    };
    store.addWindow(window);
    const blueprint: WindowBlueprint = {
      windowId: window.WindowId,
      tasks: demo.tasks,
      targets: addTargets(store, random, window.WindowId, demo.targets),
    };
    blueprints.push(blueprint);
    const lateBy = (index + 1) * 4 * 60_000;
    const starts = scheduledStarts(demo.Schedule, duration, demo.executionStatuses, anchor, lateBy);
    addHistory(store, random, blueprint, demo.executionStatuses, starts, anchor);
  });
  return { store, blueprints };
}

const SERVICES = [
  'orders-api',
  'billing-worker',
  'catalog-web',
  'auth-service',
  'reporting-etl',
  'media-cdn',
  'ledger-db',
  'notifications',
];
const ACTIONS = [
  'nightly-patching',
  'weekly-reboot',
  'daily-backups',
  'log-rotation',
  'agent-update',
];
const TASK_DOCUMENTS: Record<(typeof TASK_TYPES)[number], string> = {
  RUN_COMMAND: 'AWS-RunPatchBaseline',
  AUTOMATION: 'AWS-RestartEC2Instance',
  LAMBDA: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:maintenance-hook`,
  STEP_FUNCTIONS: `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:maintenance-flow`,
};

/** Terminal statuses of generated histories (no SKIPPED_OVERLAPPING: sizes stay exact). */
const GENERATED_STATUSES: readonly ExecutionStatus[] = [
  ...Array<ExecutionStatus>(11).fill('SUCCESS'),
  ...Array<ExecutionStatus>(6).fill('FAILED'),
  'TIMED_OUT',
  'TIMED_OUT',
  'CANCELLED',
];

function createGeneratedStore(
  seed: string,
  size: Required<GeneratedSeedSize>,
  anchor: Date,
): SeededStore {
  const random = createSeededRandom(seed);
  const store = new EmulatorStore();
  const blueprints: WindowBlueprint[] = [];
  for (let w = 0; w < size.windows; w += 1) {
    const name = `${random.pick(SERVICES)}-${random.pick(ACTIONS)}-${String(w + 1).padStart(2, '0')}`;
    const created = new Date(anchor.getTime() - 365 * 24 * HOUR_MS);
    const window: EmulatorWindow = {
      WindowId: `mw-${random.hex(17)}`,
      Name: name,
      Description: `Generated window ${w + 1} of seed ${seed}`,
      Enabled: true,
      Duration: 4,
      Cutoff: 1,
      Schedule: GENERATED_SCHEDULE,
      ScheduleTimezone: 'UTC',
      NextExecutionTime: isoMinutes(scheduleOccurrences(GENERATED_SCHEDULE).after(anchor)),
      AllowUnassociatedTargets: false,
      CreatedDate: created,
      ModifiedDate: created,
    };
    store.addWindow(window);
    const tasks: TaskTemplate[] = Array.from({ length: size.tasksPerExecution }, (_, t) => {
      const taskType = TASK_TYPES[t % TASK_TYPES.length] ?? 'RUN_COMMAND';
      return {
        taskType,
        taskArn: TASK_DOCUMENTS[taskType],
        priority: t + 1,
        maxConcurrency: '10',
        maxErrors: '10%',
      };
    });
    const blueprint: WindowBlueprint = {
      windowId: window.WindowId,
      tasks,
      targets: addTargets(store, random, window.WindowId, [
        {
          name: `${name}-fleet`,
          ownerInformation: `owner-${w + 1}`,
          resourceType: 'INSTANCE',
          targets: [{ Key: 'tag:Window', Values: [name] }],
          resourceCount: 3,
        },
      ]),
      invocationsPerTask: size.invocationsPerTask,
    };
    blueprints.push(blueprint);
    const statuses = Array.from({ length: size.executionsPerWindow }, () =>
      random.pick(GENERATED_STATUSES),
    );
    const starts = scheduledStarts(GENERATED_SCHEDULE, 4, statuses, anchor, 0);
    addHistory(store, random, blueprint, statuses, starts, anchor);
  }
  return { store, blueprints };
}

/**
 * Thrown for seed options that cannot produce a store; the message names the option.
 *
 * @example
 * ```ts
 * createSeededStore('x', { invocationsPerTask: 0 }); // SeedOptionsError
 * ```
 */
export class SeedOptionsError extends Error {
  override name = 'SeedOptionsError';
}

function checkCount(
  name: keyof GeneratedSeedSize,
  value: number | undefined,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new SeedOptionsError(
      `seed option ${name} must be an integer from 1 to ${max}, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Creates the store for a named seed: `demo`, or any other string for a generated graph.
 *
 * @example
 * ```ts
 * const { store } = createSeededStore('bench', { windows: 1, executionsPerWindow: 1,
 *   tasksPerExecution: 8, invocationsPerTask: 120 });
 * store.invocations.length; // 960
 * ```
 */
export function createSeededStore(seed: string, options: SeedOptions = {}): SeededStore {
  const anchor = options.anchor === undefined ? seedAnchorAt(new Date()) : new Date(options.anchor);
  if (Number.isNaN(anchor.getTime())) {
    throw new SeedOptionsError(
      `seed option anchor must be an ISO-8601 date, got ${String(options.anchor)}`,
    );
  }
  if (seed === 'demo') return createDemoStore(anchor);
  return createGeneratedStore(
    seed,
    {
      windows: checkCount('windows', options.windows, 3, 50),
      executionsPerWindow: checkCount('executionsPerWindow', options.executionsPerWindow, 5, 1000),
      tasksPerExecution: checkCount('tasksPerExecution', options.tasksPerExecution, 2, 20),
      invocationsPerTask: checkCount('invocationsPerTask', options.invocationsPerTask, 10, 100_000),
    },
    anchor,
  );
}
