/**
 * The emulator's state: one consistent window → execution → task → invocation graph plus each
 * window's targets. Records use the SDK's field names and `Date` values, so tests can compare
 * what the SDK returns with this ground truth directly.
 *
 * Ordering (documented in the README and used by every Describe operation, through the sort
 * keys below, which the NextToken cursor also uses):
 * - windows: by `Name`, then `WindowId`;
 * - targets: by `WindowTargetId`;
 * - executions, tasks, invocations: newest `StartTime` first, ties by id ascending; records
 *   without a start time sort as newest, unless live mode gave them a scheduled start.
 */
import type { ExecutionStatus, TaskType } from '../protocol/service-model';
import { compareSortKeys, type SortKey } from './sort-key';

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
  /** Answered by ListTagsForResource (ResourceType `MaintenanceWindow`), not by the window reads. */
  Tags?: { Key: string; Value: string }[];
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
  readonly #scheduledStarts = new WeakMap<object, Date>();

  /** Changes whenever a record is added or updated. */
  get version(): number {
    return this.#version;
  }

  /** Every window, by `Name` then `WindowId`. */
  get windows(): EmulatorWindow[] {
    return this.#sortedList('w', [...this.#windows.values()], (w) => this.windowKey(w));
  }

  /** Every execution of every window, newest first. */
  get executions(): EmulatorExecution[] {
    return this.#sortedList('e', [...this.#executions.values()], (e) => this.executionKey(e));
  }

  /** Every task of every execution, newest first. */
  get tasks(): EmulatorTask[] {
    return this.#sortedList('t', [...this.#tasks.values()].flat(), (t) => this.taskKey(t));
  }

  /** Every invocation in the store, newest first. */
  get invocations(): EmulatorInvocation[] {
    return this.#sortedList('i', [...this.#invocations.values()].flat(), (i) =>
      this.invocationKey(i),
    );
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
      .get(taskPath(windowExecutionId, taskId))
      ?.find((invocation) => invocation.InvocationId === invocationId);
  }

  /** The window's targets, by `WindowTargetId`. */
  targetsOf(windowId: string): EmulatorTarget[] {
    return this.#sortedList(`g:${windowId}`, this.#targets.get(windowId), (t) => this.targetKey(t));
  }

  /** The window's executions, newest first. */
  executionsOf(windowId: string): EmulatorExecution[] {
    return this.#sortedList(`e:${windowId}`, this.#executionsByWindow.get(windowId), (e) =>
      this.executionKey(e),
    );
  }

  /** The execution's tasks, newest first. */
  tasksOf(windowExecutionId: string): EmulatorTask[] {
    return this.#sortedList(`t:${windowExecutionId}`, this.#tasks.get(windowExecutionId), (t) =>
      this.taskKey(t),
    );
  }

  /** The task's invocations, newest first. */
  invocationsOf(windowExecutionId: string, taskId: string): EmulatorInvocation[] {
    const key = taskPath(windowExecutionId, taskId);
    return this.#sortedList(`i:${key}`, this.#invocations.get(key), (i) => this.invocationKey(i));
  }

  /** Sort key of a window: `Name`, then `WindowId`. */
  windowKey(window: EmulatorWindow): SortKey {
    return [window.Name, window.WindowId];
  }

  /** Sort key of a target: `WindowTargetId`. */
  targetKey(target: EmulatorTarget): SortKey {
    return [target.WindowTargetId];
  }

  /** Sort key of an execution (newest first, see {@link EmulatorStore.scheduleStart}). */
  executionKey(execution: EmulatorExecution): SortKey {
    return this.#timeKey(execution, execution.WindowExecutionId);
  }

  /** Sort key of a task (newest first). */
  taskKey(task: EmulatorTask): SortKey {
    return this.#timeKey(task, task.TaskExecutionId);
  }

  /** Sort key of an invocation (newest first). */
  invocationKey(invocation: EmulatorInvocation): SortKey {
    return this.#timeKey(invocation, invocation.InvocationId);
  }

  /**
   * Gives a record that has not started yet the start time it is scheduled for, used only for
   * ordering. Live mode does this, so that a record keeps its place when it starts and a client
   * paging through a list while records start sees each record once.
   */
  scheduleStart(record: { StartTime?: Date }, start: Date): void {
    this.#scheduledStarts.set(record, start);
    this.#changed();
  }

  /** Newest first: ascending keys put records with no (scheduled) start first, then latest start. */
  #timeKey(record: { StartTime?: Date }, id: string): SortKey {
    const time = (record.StartTime ?? this.#scheduledStarts.get(record))?.getTime();
    return time === undefined ? [0, 0, id] : [1, -time, id];
  }

  /**
   * A sorted copy of `items`. Sorting 10,000 invocations costs tens of milliseconds and every
   * page request needs the order, so the sorted list is kept until the store changes.
   */
  #sortedList<T>(cacheKey: string, items: T[] | undefined, keyOf: (item: T) => SortKey): T[] {
    const cached = this.#sorted.get(cacheKey);
    if (cached) return [...(cached as T[])];
    const sorted = (items ?? [])
      .map((item) => ({ item, key: keyOf(item) }))
      .sort((a, b) => compareSortKeys(a.key, b.key))
      .map(({ item }) => item);
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
    this.#invocations.set(taskPath(task.WindowExecutionId, task.TaskExecutionId), []);
    this.#changed();
  }

  addInvocation(invocation: EmulatorInvocation): void {
    const invocations = this.#invocations.get(
      taskPath(invocation.WindowExecutionId, invocation.TaskExecutionId),
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

function taskPath(windowExecutionId: string, taskId: string): string {
  return `${windowExecutionId}/${taskId}`;
}
