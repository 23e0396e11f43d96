/**
 * Live mode: windows get new executions and those executions progress PENDING → IN_PROGRESS →
 * a terminal status over ticks of a virtual clock. Like a real window, a window runs again only
 * a while after its previous run ended (see `live-pacing.ts`), and its `NextExecutionTime` says
 * exactly when. Each run is planned up front with {@link buildExecution} (outcomes from a seeded
 * PRNG), scaled to a few ticks, and then revealed by time: at every tick each record shows what it
 * would show at that virtual moment. The clock advances by `tickMs` per tick whether ticks come
 * from the timer or from `emulator.tick()`, so tests get the same sequence without sleeping.
 */
import type { ExecutionStatus } from '../protocol/service-model';
import { buildExecution, type BuiltExecution } from '../state/execution-builder';
import { createSeededRandom, type SeededRandom } from '../state/seeded-random';
import type { WindowBlueprint } from '../data/seed-history';
import type { EmulatorExecution, EmulatorStore } from '../state/store';
import { jitteredGapMs, liveCadenceMs, planRun } from './live-pacing';
import {
  plannedEnd,
  reveal,
  type ActiveExecution,
  type LiveStateChange,
  type Timed,
} from './live-reveal';
import { settleInFlight } from './live-settle';

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
  /**
   * Typical ticks from the end of a window's run to the start of its next, for an hourly (or
   * more frequent) schedule; rarer schedules wait longer (daily ≈ 3.3×, weekly ≈ 4.7×), each
   * gap jittered from 60 % to 140 %. Default 3.
   */
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
  /** Executions created by this tick (they start before the next tick). */
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

/** A live window's pace. */
interface LiveWindow {
  blueprint: WindowBlueprint;
  /** Typical gap between a run's end and the next run's start, in virtual ms. */
  cadenceMs: number;
  /** When the next run (or skipped run) starts, in virtual ms: its `NextExecutionTime`. */
  nextStartAt: number;
  /** When the current run ends, in virtual ms; a slot before it is SKIPPED_OVERLAPPING. */
  busyUntil: number;
}

/** Drives live mode over a store. */
export class LiveMode {
  readonly #store: EmulatorStore;
  readonly #windows: LiveWindow[];
  readonly #tickMs: number;
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
    this.#tickMs = tickMs;
    this.#random = createSeededRandom(options.seed ?? 'live');
    this.#start = start;
    this.#onStateChange = options.onStateChange;
    const live = blueprints.filter((blueprint) =>
      options.windowIds
        ? options.windowIds.includes(blueprint.windowId)
        : blueprint.tasks.length > 0 && store.getWindow(blueprint.windowId)?.Enabled === true,
    );
    this.#windows = live.map((blueprint, index) => {
      const cadenceMs = liveCadenceMs(store.getWindow(blueprint.windowId)?.Schedule, every, tickMs);
      // Runs already in flight finish first; windows start staggered, two ticks apart.
      const settling = settleInFlight(store, blueprint.windowId, {
        from: start + tickMs / 2,
        to: start + (2 + index) * tickMs,
      });
      this.#active.push(...settling);
      const busyUntil = Math.max(0, ...settling.map((active) => plannedEnd(active.final)));
      const window: LiveWindow = {
        blueprint,
        cadenceMs,
        busyUntil,
        nextStartAt:
          settling.length > 0
            ? busyUntil + jitteredGapMs(this.#random, cadenceMs)
            : start + (1.5 + 2 * index) * tickMs,
      };
      this.#announce(window);
      return window;
    });
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
      for (const active of [...this.#active]) {
        if (reveal(active, now, this.#onStateChange)) {
          completed.push(active.execution.WindowExecutionId);
          this.#active.splice(this.#active.indexOf(active), 1);
        }
      }
      // Runs that start before the next tick are listed now, PENDING until they start.
      for (const window of this.#windows) {
        while (window.nextStartAt <= now + this.#tickMs) created.push(this.#run(window, now));
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

  /** The window's `NextExecutionTime` is when its next run will start, which is planned. */
  #announce(window: LiveWindow): void {
    const record = this.#store.getWindow(window.blueprint.windowId);
    if (record) record.NextExecutionTime = new Date(window.nextStartAt).toISOString();
  }

  /** Adds the run due at `window.nextStartAt` and plans the one after it. */
  #run(window: LiveWindow, now: number): string {
    const startAt = window.nextStartAt;
    const skipped = startAt < window.busyUntil;
    const run = skipped ? undefined : planRun(this.#random, this.#tickMs);
    const status: ExecutionStatus = run?.status ?? 'SKIPPED_OVERLAPPING';
    const windowExecutionId = this.#add(window.blueprint, status, startAt, run?.durationMs, now);
    if (run) {
      window.busyUntil = startAt + run.durationMs;
      // An overrun: the next slot comes while this run still goes, and is skipped.
      window.nextStartAt = run.overruns
        ? startAt + Math.round(run.durationMs * 0.6)
        : window.busyUntil + jitteredGapMs(this.#random, window.cadenceMs);
    } else {
      window.nextStartAt = window.busyUntil + jitteredGapMs(this.#random, window.cadenceMs);
    }
    this.#announce(window);
    return windowExecutionId;
  }

  #add(
    blueprint: WindowBlueprint,
    status: ExecutionStatus,
    startAt: number,
    durationMs: number | undefined,
    now: number,
  ): string {
    const windowExecutionId = this.#random.uuid();
    const startTime = new Date(startAt);
    const final = buildExecution(this.#random, {
      window: { WindowId: blueprint.windowId },
      windowExecutionId,
      startTime,
      status,
      tasks: blueprint.tasks,
      targets: blueprint.targets,
      invocationsPerTask: blueprint.invocationsPerTask,
    });
    if (durationMs !== undefined) scaleToDuration(final, startAt, durationMs);
    const execution: EmulatorExecution = { ...final.execution };
    const tasks = final.tasks.map((task) => ({ ...task }));
    const invocations = final.invocations.map((invocation) => ({ ...invocation }));
    const active: ActiveExecution = { final, execution, tasks, invocations };
    reveal(active, now, this.#onStateChange, true);
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
}

/** Rescales the plan's times so that the whole execution ends `durationMs` after its start. */
function scaleToDuration(built: BuiltExecution, start: number, durationMs: number): void {
  const records: Timed[] = [built.execution, ...built.tasks, ...built.invocations];
  const end = plannedEnd(built);
  const factor = end === start ? 1 : durationMs / (end - start);
  const scale = (date: Date | undefined) =>
    date === undefined
      ? undefined
      : new Date(start + Math.round((date.getTime() - start) * factor));
  for (const record of records) {
    record.StartTime = scale(record.StartTime);
    record.EndTime = scale(record.EndTime);
  }
}
