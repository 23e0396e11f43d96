/**
 * The emulator's state: one consistent window → execution → task → invocation graph plus each
 * window's targets. Records use the SDK's field names and `Date` values, so tests can compare
 * what the SDK returns with this ground truth directly.
 *
 * Ordering (documented in the README and used by every Describe operation):
 * - windows: by `Name`, then `WindowId`;
 * - targets: by `WindowTargetId`;
 * - executions, tasks, invocations: newest `StartTime` first, ties (and records without a
 *   start time, which sort as newest) by id ascending.
 */
import type { ExecutionStatus, TaskType } from '@ssm-invocations/core/model';

/**
 * A maintenance window as stored (the `GetMaintenanceWindow` output).
 *
 * @example
 * ```ts
 * const window: EmulatorWindow | undefined = store.getWindow('mw-0a1b2c3d4e5f00001');
 * ```
 */
export interface EmulatorWindow {
  WindowId: string;
  Name: string;
  Description?: string;
  Enabled: boolean;
  Duration: number;
  Cutoff: number;
  Schedule: string;
  ScheduleTimezone?: string;
  ScheduleOffset?: number;
  /** ISO-8601 string, as on the wire. */
  StartDate?: string;
  /** ISO-8601 string, as on the wire. */
  EndDate?: string;
  /** ISO-8601 string, as on the wire. */
  NextExecutionTime?: string;
  AllowUnassociatedTargets: boolean;
  CreatedDate: Date;
  ModifiedDate: Date;
}

/**
 * A registered target of a window.
 *
 * @example
 * ```ts
 * const owners = store.targetsOf(windowId).map((t: EmulatorTarget) => t.OwnerInformation);
 * ```
 */
export interface EmulatorTarget {
  WindowId: string;
  WindowTargetId: string;
  ResourceType: 'INSTANCE' | 'RESOURCE_GROUP';
  Targets: { Key: string; Values: string[] }[];
  OwnerInformation?: string;
  Name?: string;
  Description?: string;
}

/**
 * One execution of a window.
 *
 * @example
 * ```ts
 * const [latest]: EmulatorExecution[] = store.executionsOf(windowId);
 * ```
 */
export interface EmulatorExecution {
  WindowId: string;
  WindowExecutionId: string;
  Status: ExecutionStatus;
  StatusDetails?: string;
  StartTime?: Date;
  EndTime?: Date;
}

/**
 * One task run of an execution (fields of both the identity and `GetMaintenanceWindowExecutionTask`).
 *
 * @example
 * ```ts
 * const failed = store.tasksOf(executionId).filter((t: EmulatorTask) => t.Status === 'FAILED');
 * ```
 */
export interface EmulatorTask {
  WindowExecutionId: string;
  TaskExecutionId: string;
  TaskArn: string;
  TaskType: TaskType;
  ServiceRole?: string;
  Priority: number;
  MaxConcurrency: string;
  MaxErrors: string;
  Status: ExecutionStatus;
  StatusDetails?: string;
  StartTime?: Date;
  EndTime?: Date;
  AlarmConfiguration?: { IgnorePollAlarmFailure: boolean; Alarms: { Name: string }[] };
  TriggeredAlarms?: { Name: string; State: 'UNKNOWN' | 'ALARM' }[];
}

/**
 * One target's invocation of a task: the 12 fields of the invocation identity.
 *
 * @example
 * ```ts
 * const details = store.invocationsOf(executionId, taskId).map((i: EmulatorInvocation) => i.StatusDetails);
 * ```
 */
export interface EmulatorInvocation {
  WindowExecutionId: string;
  TaskExecutionId: string;
  InvocationId: string;
  ExecutionId?: string;
  TaskType: TaskType;
  Parameters?: string;
  Status: ExecutionStatus;
  StatusDetails?: string;
  StartTime?: Date;
  EndTime?: Date;
  OwnerInformation?: string;
  WindowTargetId?: string;
}

/** Compares by `Name`, then `WindowId`. */
export function compareWindows(a: EmulatorWindow, b: EmulatorWindow): number {
  return compareText(a.Name, b.Name) || compareText(a.WindowId, b.WindowId);
}

/** Newest `StartTime` first (no start time counts as newest), ties by id ascending. */
export function compareNewestFirst(
  a: { StartTime?: Date },
  aId: string,
  b: { StartTime?: Date },
  bId: string,
): number {
  const aTime = a.StartTime?.getTime() ?? Number.POSITIVE_INFINITY;
  const bTime = b.StartTime?.getTime() ?? Number.POSITIVE_INFINITY;
  if (aTime !== bTime) return aTime > bTime ? -1 : 1;
  return compareText(aId, bId);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Thrown when records added to the store would break the graph (duplicate or dangling ids).
 *
 * @example
 * ```ts
 * store.addWindow(window); store.addWindow(window); // StoreIntegrityError: Duplicate WindowId …
 * ```
 */
export class StoreIntegrityError extends Error {
  override name = 'StoreIntegrityError';
}

/**
 * The window → execution → task → invocation graph, indexed for the operations and readable by
 * tests as ground truth. Accessors return records in the documented order.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ seed: 'demo' });
 * const [latest] = emulator.store.executionsOf(DEMO_WINDOW_IDS.paymentsApiNightlyPatching);
 * ```
 */
export class EmulatorStore {
  readonly #windows = new Map<string, EmulatorWindow>();
  readonly #targets = new Map<string, EmulatorTarget[]>();
  readonly #executions = new Map<string, EmulatorExecution>();
  readonly #executionsByWindow = new Map<string, EmulatorExecution[]>();
  readonly #tasks = new Map<string, EmulatorTask[]>();
  readonly #invocations = new Map<string, EmulatorInvocation[]>();
  /** Bumped on every change, so callers can tell a changed graph (live mode) cheaply. */
  #version = 0;
  /** Sorted lists by accessor and parent id, dropped on every change. */
  readonly #sorted = new Map<string, readonly unknown[]>();

  /** Changes whenever a record is added or updated. */
  get version(): number {
    return this.#version;
  }

  /** Every window, by `Name` then `WindowId`. */
  get windows(): EmulatorWindow[] {
    return [...this.#windows.values()].sort(compareWindows);
  }

  /** Every execution of every window, newest first. */
  get executions(): EmulatorExecution[] {
    return [...this.#executions.values()].sort(byExecution);
  }

  /** Every task of every execution, newest first. */
  get tasks(): EmulatorTask[] {
    return [...this.#tasks.values()].flat().sort(byTask);
  }

  /** Every invocation in the store, newest first. */
  get invocations(): EmulatorInvocation[] {
    return [...this.#invocations.values()].flat().sort(byInvocation);
  }

  getWindow(windowId: string): EmulatorWindow | undefined {
    return this.#windows.get(windowId);
  }

  getExecution(windowExecutionId: string): EmulatorExecution | undefined {
    return this.#executions.get(windowExecutionId);
  }

  getTask(windowExecutionId: string, taskId: string): EmulatorTask | undefined {
    return this.#tasks.get(windowExecutionId)?.find((task) => task.TaskExecutionId === taskId);
  }

  getInvocation(
    windowExecutionId: string,
    taskId: string,
    invocationId: string,
  ): EmulatorInvocation | undefined {
    return this.#invocations
      .get(taskKey(windowExecutionId, taskId))
      ?.find((invocation) => invocation.InvocationId === invocationId);
  }

  /** The window's targets, by `WindowTargetId`. */
  targetsOf(windowId: string): EmulatorTarget[] {
    return [...(this.#targets.get(windowId) ?? [])].sort((a, b) =>
      compareText(a.WindowTargetId, b.WindowTargetId),
    );
  }

  /** The window's executions, newest first. */
  executionsOf(windowId: string): EmulatorExecution[] {
    return this.#sortedList(`e:${windowId}`, this.#executionsByWindow.get(windowId), byExecution);
  }

  /** The execution's tasks, newest first. */
  tasksOf(windowExecutionId: string): EmulatorTask[] {
    return this.#sortedList(`t:${windowExecutionId}`, this.#tasks.get(windowExecutionId), byTask);
  }

  /** The task's invocations, newest first. */
  invocationsOf(windowExecutionId: string, taskId: string): EmulatorInvocation[] {
    const key = taskKey(windowExecutionId, taskId);
    return this.#sortedList(`i:${key}`, this.#invocations.get(key), byInvocation);
  }

  /**
   * A sorted copy of `items`. Sorting 10,000 invocations costs tens of milliseconds and every
   * page request needs the order, so the sorted list is kept until the store changes.
   */
  #sortedList<T>(cacheKey: string, items: T[] | undefined, compare: (a: T, b: T) => number): T[] {
    const cached = this.#sorted.get(cacheKey);
    if (cached) return [...(cached as T[])];
    const sorted = [...(items ?? [])].sort(compare);
    this.#sorted.set(cacheKey, sorted);
    return [...sorted];
  }

  addWindow(window: EmulatorWindow): void {
    if (this.#windows.has(window.WindowId)) {
      throw new StoreIntegrityError(`Duplicate WindowId ${window.WindowId}`);
    }
    this.#windows.set(window.WindowId, window);
    this.#targets.set(window.WindowId, []);
    this.#executionsByWindow.set(window.WindowId, []);
    this.#changed();
  }

  addTarget(target: EmulatorTarget): void {
    const targets = this.#targets.get(target.WindowId);
    if (!targets) throw new StoreIntegrityError(`Target of unknown window ${target.WindowId}`);
    if (targets.some((t) => t.WindowTargetId === target.WindowTargetId)) {
      throw new StoreIntegrityError(`Duplicate WindowTargetId ${target.WindowTargetId}`);
    }
    targets.push(target);
    this.#changed();
  }

  addExecution(execution: EmulatorExecution): void {
    const executions = this.#executionsByWindow.get(execution.WindowId);
    if (!executions) {
      throw new StoreIntegrityError(`Execution of unknown window ${execution.WindowId}`);
    }
    if (this.#executions.has(execution.WindowExecutionId)) {
      throw new StoreIntegrityError(`Duplicate WindowExecutionId ${execution.WindowExecutionId}`);
    }
    this.#executions.set(execution.WindowExecutionId, execution);
    this.#tasks.set(execution.WindowExecutionId, []);
    executions.push(execution);
    this.#changed();
  }

  addTask(task: EmulatorTask): void {
    const tasks = this.#tasks.get(task.WindowExecutionId);
    if (!tasks) {
      throw new StoreIntegrityError(`Task of unknown execution ${task.WindowExecutionId}`);
    }
    if (tasks.some((t) => t.TaskExecutionId === task.TaskExecutionId)) {
      throw new StoreIntegrityError(`Duplicate TaskExecutionId ${task.TaskExecutionId}`);
    }
    tasks.push(task);
    this.#invocations.set(taskKey(task.WindowExecutionId, task.TaskExecutionId), []);
    this.#changed();
  }

  addInvocation(invocation: EmulatorInvocation): void {
    const invocations = this.#invocations.get(
      taskKey(invocation.WindowExecutionId, invocation.TaskExecutionId),
    );
    if (!invocations) {
      throw new StoreIntegrityError(
        `Invocation of unknown task ${invocation.WindowExecutionId}/${invocation.TaskExecutionId}`,
      );
    }
    invocations.push(invocation);
    this.#changed();
  }

  /** Records that a stored record was changed in place (live mode); call it after editing one. */
  touch(): void {
    this.#changed();
  }

  #changed(): void {
    this.#version += 1;
    this.#sorted.clear();
  }
}

function taskKey(windowExecutionId: string, taskId: string): string {
  return `${windowExecutionId}/${taskId}`;
}

function byExecution(a: EmulatorExecution, b: EmulatorExecution): number {
  return compareNewestFirst(a, a.WindowExecutionId, b, b.WindowExecutionId);
}

function byTask(a: EmulatorTask, b: EmulatorTask): number {
  return compareNewestFirst(a, a.TaskExecutionId, b, b.TaskExecutionId);
}

function byInvocation(a: EmulatorInvocation, b: EmulatorInvocation): number {
  return compareNewestFirst(a, a.InvocationId, b, b.InvocationId);
}
