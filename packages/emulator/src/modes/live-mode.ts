/**
 * Live mode: windows get new executions on a schedule and those executions progress
 * PENDING → IN_PROGRESS → a terminal status over ticks of a virtual clock. Each new execution
 * is planned up front with {@link buildExecution} (outcomes from a seeded PRNG), squeezed into
 * about two ticks, and then revealed by time: at every tick each record shows what it would show
 * at that virtual moment. The clock advances by `tickMs` per tick whether ticks come from the
 * timer or from `emulator.tick()`, so tests get the same sequence without sleeping.
 */
import type { ExecutionStatus } from '../protocol/service-model';
import { buildExecution, type BuiltExecution } from '../state/execution-builder';
import { createSeededRandom, type SeededRandom } from '../state/seeded-random';
import type { WindowBlueprint } from '../data/seed-history';
import type {
  EmulatorExecution,
  EmulatorInvocation,
  EmulatorStore,
  EmulatorTask,
} from '../state/store';

/**
 * Live mode settings (`live: true` takes every default).
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ live: { tickMs: 1000, autoTick: false } });
 * emulator.tick(); // a new PENDING execution per live window
 * ```
 */
export interface LiveOptions {
  /** Virtual time per tick, and the timer's period when `autoTick`. Default 5000. */
  tickMs?: number;
  /** Tick on a timer every `tickMs`. Default true; false leaves ticking to `emulator.tick()`. */
  autoTick?: boolean;
  /** Each live window gets a new execution every this many ticks (from the first). Default 3. */
  newExecutionEveryTicks?: number;
  /** Windows that get new executions. Default: every enabled window that has tasks. */
  windowIds?: string[];
  /** Seed of the outcome PRNG. Default `'live'`. */
  seed?: string;
  /** The virtual clock's start. Default: the real time when the emulator starts. */
  startTime?: Date | string;
  /** Called for each status change of a live execution or invocation (e.g. to post events). */
  onStateChange?: (change: LiveStateChange) => void;
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
 * What one tick changed.
 *
 * @example
 * ```ts
 * const { created, completed }: LiveTick = emulator.tick();
 * ```
 */
export interface LiveTick {
  /** Ticks so far. */
  tick: number;
  /** The virtual time after this tick. */
  now: Date;
  /** Executions created by this tick. */
  created: string[];
  /** Executions that reached their final status in this tick. */
  completed: string[];
}

/**
 * Thrown for live settings that cannot work; the message names the setting.
 *
 * @example
 * ```ts
 * await startEmulator({ live: { tickMs: 0 } }); // LiveOptionsError
 * ```
 */
export class LiveOptionsError extends Error {
  override name = 'LiveOptionsError';
}

/** Final outcomes of live executions (a due execution of a busy window is SKIPPED_OVERLAPPING). */
const LIVE_OUTCOMES: readonly ExecutionStatus[] = [
  'SUCCESS',
  'SUCCESS',
  'SUCCESS',
  'SUCCESS',
  'SUCCESS',
  'FAILED',
  'FAILED',
  'FAILED',
  'TIMED_OUT',
  'CANCELLED',
];

interface ActiveExecution {
  final: BuiltExecution;
  execution: EmulatorExecution;
  tasks: EmulatorTask[];
  invocations: EmulatorInvocation[];
}

type Timed = { Status: ExecutionStatus; StatusDetails?: string; StartTime?: Date; EndTime?: Date };

/** Drives live mode over a store. */
export class LiveMode {
  readonly #store: EmulatorStore;
  readonly #blueprints: WindowBlueprint[];
  readonly #tickMs: number;
  readonly #every: number;
  readonly #random: SeededRandom;
  readonly #start: number;
  readonly #active: ActiveExecution[] = [];
  readonly #onStateChange: ((change: LiveStateChange) => void) | undefined;
  #ticks = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(store: EmulatorStore, blueprints: WindowBlueprint[], options: LiveOptions) {
    const tickMs = options.tickMs ?? 5000;
    const every = options.newExecutionEveryTicks ?? 3;
    if (!(tickMs > 0)) throw new LiveOptionsError(`live.tickMs must be > 0, got ${String(tickMs)}`);
    if (!Number.isInteger(every) || every < 1) {
      throw new LiveOptionsError(
        `live.newExecutionEveryTicks must be an integer ≥ 1, got ${String(every)}`,
      );
    }
    const start = new Date(options.startTime ?? Date.now()).getTime();
    if (Number.isNaN(start))
      throw new LiveOptionsError(`live.startTime is not a date: ${String(options.startTime)}`);
    for (const windowId of options.windowIds ?? []) {
      const blueprint = blueprints.find((b) => b.windowId === windowId);
      if (!blueprint) {
        throw new LiveOptionsError(`live.windowIds names ${windowId}, which is not in the store`);
      }
      if (blueprint.tasks.length === 0) {
        // Without tasks there is nothing to run: a fixture window needs one execution with tasks.
        throw new LiveOptionsError(`live.windowIds names ${windowId}, which has no tasks to run`);
      }
    }
    this.#store = store;
    this.#blueprints = blueprints.filter((blueprint) =>
      options.windowIds
        ? options.windowIds.includes(blueprint.windowId)
        : blueprint.tasks.length > 0 && store.getWindow(blueprint.windowId)?.Enabled === true,
    );
    this.#tickMs = tickMs;
    this.#every = every;
    this.#random = createSeededRandom(options.seed ?? 'live');
    this.#start = start;
    this.#onStateChange = options.onStateChange;
    if (options.autoTick ?? true) {
      this.#timer = setInterval(() => this.tick(), tickMs);
      this.#timer.unref();
    }
  }

  /** The virtual time. */
  get now(): Date {
    return new Date(this.#start + this.#ticks * this.#tickMs);
  }

  /** Advances the virtual clock by one tick (or `count`), returning what changed. */
  tick(count = 1): LiveTick {
    const created: string[] = [];
    const completed: string[] = [];
    for (let i = 0; i < count; i += 1) {
      this.#ticks += 1;
      const now = this.#start + this.#ticks * this.#tickMs;
      if ((this.#ticks - 1) % this.#every === 0) {
        for (const blueprint of this.#blueprints) created.push(this.#schedule(blueprint, now));
      }
      for (const active of [...this.#active]) {
        if (this.#reveal(active, now)) {
          completed.push(active.execution.WindowExecutionId);
          this.#active.splice(this.#active.indexOf(active), 1);
        }
      }
      this.#store.touch();
    }
    return { tick: this.#ticks, now: this.now, created, completed };
  }

  /** Stops the timer. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #schedule(blueprint: WindowBlueprint, now: number): string {
    const windowExecutionId = this.#random.uuid();
    const busy = this.#active.some((a) => a.execution.WindowId === blueprint.windowId);
    const status = busy ? 'SKIPPED_OVERLAPPING' : this.#random.pick(LIVE_OUTCOMES);
    const startTime = new Date(now + Math.round(this.#tickMs / 2));
    const final = buildExecution(this.#random, {
      window: { WindowId: blueprint.windowId },
      windowExecutionId,
      startTime,
      status,
      tasks: blueprint.tasks,
      targets: blueprint.targets,
      invocationsPerTask: blueprint.invocationsPerTask,
    });
    this.#squeeze(final, startTime.getTime());
    const execution: EmulatorExecution = { ...final.execution };
    const tasks = final.tasks.map((task) => ({ ...task }));
    const invocations = final.invocations.map((invocation) => ({ ...invocation }));
    const window = this.#store.getWindow(blueprint.windowId);
    if (window) {
      window.NextExecutionTime = new Date(now + this.#every * this.#tickMs).toISOString();
    }
    const active: ActiveExecution = { final, execution, tasks, invocations };
    this.#reveal(active, now);
    this.#store.addExecution(execution);
    tasks.forEach((task) => this.#store.addTask(task));
    invocations.forEach((invocation) => this.#store.addInvocation(invocation));
    // Each record keeps its place in the lists while it goes from PENDING to started.
    const pairs: [Timed, Timed][] = [
      [execution, final.execution],
      ...tasks.map((task, i): [Timed, Timed] => [task, final.tasks[i] ?? task]),
      ...invocations.map((inv, i): [Timed, Timed] => [inv, final.invocations[i] ?? inv]),
    ];
    for (const [record, planned] of pairs) {
      if (planned.StartTime) this.#store.scheduleStart(record, planned.StartTime);
    }
    this.#active.push(active);
    return windowExecutionId;
  }

  /** Rescales the plan's times so that the whole execution ends within ~2 ticks of its start. */
  #squeeze(built: BuiltExecution, start: number): void {
    const records: Timed[] = [built.execution, ...built.tasks, ...built.invocations];
    const end = Math.max(start, ...records.map((r) => r.EndTime?.getTime() ?? start));
    const factor = end === start ? 1 : (1.8 * this.#tickMs) / (end - start);
    const scale = (date: Date | undefined) =>
      date === undefined
        ? undefined
        : new Date(start + Math.round((date.getTime() - start) * factor));
    for (const record of records) {
      record.StartTime = scale(record.StartTime);
      record.EndTime = scale(record.EndTime);
    }
  }

  /** Shows each record as it is at `now`; returns true once the execution is final. */
  #reveal(active: ActiveExecution, now: number): boolean {
    const executionWas = active.execution.Status;
    const invocationsWere = active.invocations.map((invocation) => invocation.Status);
    const done = show(active.execution, active.final.execution, now, true);
    active.final.tasks.forEach((task, i) => show(active.tasks[i], task, now, done));
    active.final.invocations.forEach((invocation, i) =>
      show(active.invocations[i], invocation, now, done),
    );
    if (this.#onStateChange) {
      active.invocations.forEach((invocation, i) => {
        if (invocation.Status !== invocationsWere[i]) {
          this.#onStateChange?.({ kind: 'invocation', invocation, execution: active.execution });
        }
      });
      if (active.execution.Status !== executionWas) {
        this.#onStateChange({ kind: 'execution', execution: active.execution });
      }
    }
    return done;
  }
}

/**
 * Sets `target` to what `final` looks like at `now`: not started yet → PENDING without times;
 * started but not ended → IN_PROGRESS with its start; ended → final. Records that never start
 * (a task after a timeout) stay PENDING until their execution is final.
 */
function show(
  target: Timed | undefined,
  final: Timed,
  now: number,
  executionDone: boolean,
): boolean {
  if (!target) return false;
  const start = final.StartTime?.getTime();
  const end = final.EndTime?.getTime();
  const finished = start === undefined ? executionDone : end !== undefined && now >= end;
  if (finished) {
    Object.assign(target, final);
    return true;
  }
  if (start !== undefined && now >= start) {
    Object.assign(target, {
      Status: 'IN_PROGRESS',
      StatusDetails: 'InProgress',
      StartTime: final.StartTime,
      EndTime: undefined,
    });
  } else {
    Object.assign(target, {
      Status: 'PENDING',
      StatusDetails: 'Pending',
      StartTime: undefined,
      EndTime: undefined,
    });
  }
  return false;
}
