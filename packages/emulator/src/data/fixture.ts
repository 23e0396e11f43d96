/**
 * Fixtures: a store described in JSON or YAML, nested window → executions → tasks →
 * invocations (schema in the README). Field names are the SDK's; timestamps are ISO-8601
 * strings or epoch seconds. Every field is checked, and a bad one is reported with its path
 * (`windows[0].executions[2].tasks[0].Status`), before anything is served.
 */
import { readFile } from 'node:fs/promises';
import type { TaskType } from '../protocol/service-model';
import { parse as parseYaml } from 'yaml';
import type { ResolvedTarget, TaskTemplate } from '../state/execution-builder';
import { createSeededRandom } from '../state/seeded-random';
import {
  FixtureError,
  booleanAt,
  listAt,
  numberAt,
  objectAt,
  patternedAt,
  statusAt,
  stringAt,
  tagsAt,
  taskTypeAt,
  timeAt,
} from './fixture-fields';
import type { SeededStore, WindowBlueprint } from './seed-history';
import { completeRunFields } from './run-parameters';
import {
  EmulatorStore,
  type EmulatorExecution,
  type EmulatorInvocation,
  type EmulatorTarget,
  type EmulatorTask,
  type EmulatorWindow,
} from '../state/store';

/**
 * A fixture as written in JSON/YAML: the store's records nested under their parents.
 *
 * @example
 * ```ts
 * const fixture: Fixture = { windows: [{ WindowId: 'mw-0123456789abcdef0', Name: 'patching', Schedule: 'rate(1 day)' }] };
 * ```
 */
export interface Fixture {
  windows: FixtureWindow[];
}

/**
 * Timestamps in fixtures: an ISO-8601 string or epoch seconds.
 *
 * @example
 * ```ts
 * const times: FixtureTime[] = ['2026-11-28T03:00:04.120Z', 1795834804.12];
 * ```
 */
export type FixtureTime = string | number;

/**
 * A window in a fixture; `targets` and `executions` nest under it.
 *
 * @example
 * ```ts
 * const window: FixtureWindow = { WindowId: 'mw-0123456789abcdef0', Name: 'patching', Schedule: 'rate(1 day)', executions: [] };
 * ```
 */
export interface FixtureWindow extends Omit<
  EmulatorWindow,
  | 'Enabled'
  | 'Schedule'
  | 'Duration'
  | 'Cutoff'
  | 'AllowUnassociatedTargets'
  | 'CreatedDate'
  | 'ModifiedDate'
> {
  Enabled?: boolean;
  /** Default `rate(1 day)`. */
  Schedule?: string;
  Duration?: number;
  Cutoff?: number;
  AllowUnassociatedTargets?: boolean;
  CreatedDate?: FixtureTime;
  ModifiedDate?: FixtureTime;
  targets?: (Omit<EmulatorTarget, 'WindowId' | 'ResourceType'> & {
    ResourceType?: EmulatorTarget['ResourceType'];
  })[];
  executions?: FixtureExecution[];
}

/**
 * An execution in a fixture (its `WindowId` is the parent's).
 *
 * @example
 * ```ts
 * const execution: FixtureExecution = { WindowExecutionId: '0d1e0000-0000-4000-8000-000000000001', Status: 'FAILED' };
 * ```
 */
export interface FixtureExecution extends Omit<
  EmulatorExecution,
  'WindowId' | 'StartTime' | 'EndTime'
> {
  StartTime?: FixtureTime;
  EndTime?: FixtureTime;
  tasks?: FixtureTask[];
}

/**
 * A task in a fixture.
 *
 * @example
 * ```ts
 * const task: FixtureTask = { TaskExecutionId: '7a5c0000-0000-4000-8000-000000000001', TaskType: 'RUN_COMMAND', TaskArn: 'AWS-RunPatchBaseline', Status: 'SUCCESS' };
 * ```
 */
export interface FixtureTask extends Omit<
  EmulatorTask,
  'WindowExecutionId' | 'StartTime' | 'EndTime' | 'Priority' | 'MaxConcurrency' | 'MaxErrors'
> {
  Priority?: number;
  MaxConcurrency?: string;
  MaxErrors?: string;
  StartTime?: FixtureTime;
  EndTime?: FixtureTime;
  invocations?: FixtureInvocation[];
}

/**
 * An invocation in a fixture (`TaskType` defaults to its task's).
 *
 * @example
 * ```ts
 * const invocation: FixtureInvocation = { InvocationId: '1c0a0000-0000-4000-8000-000000000001', Status: 'FAILED', StatusDetails: 'Exit code 1' };
 * ```
 */
export interface FixtureInvocation extends Omit<
  EmulatorInvocation,
  'WindowExecutionId' | 'TaskExecutionId' | 'TaskType' | 'StartTime' | 'EndTime'
> {
  TaskType?: TaskType;
  StartTime?: FixtureTime;
  EndTime?: FixtureTime;
}

function loadWindow(store: EmulatorStore, raw: unknown, path: string): WindowBlueprint {
  const record = objectAt(raw, path);
  const windowId = patternedAt(record, 'WindowId', path, 'MaintenanceWindowId');
  const name = patternedAt(record, 'Name', path, 'MaintenanceWindowName');
  const created = timeAt(record, 'CreatedDate', path) ?? new Date(0);
  store.addWindow({
    WindowId: windowId,
    Name: name,
    Description: stringAt(record, 'Description', path),
    Enabled: booleanAt(record, 'Enabled', path) ?? true,
    Duration: numberAt(record, 'Duration', path) ?? 1,
    Cutoff: numberAt(record, 'Cutoff', path) ?? 0,
    Schedule: stringAt(record, 'Schedule', path) ?? 'rate(1 day)',
    ScheduleTimezone: stringAt(record, 'ScheduleTimezone', path),
    ScheduleOffset: numberAt(record, 'ScheduleOffset', path),
    StartDate: stringAt(record, 'StartDate', path),
    EndDate: stringAt(record, 'EndDate', path),
    NextExecutionTime: stringAt(record, 'NextExecutionTime', path),
    AllowUnassociatedTargets: booleanAt(record, 'AllowUnassociatedTargets', path) ?? false,
    CreatedDate: created,
    ModifiedDate: timeAt(record, 'ModifiedDate', path) ?? created,
    Tags: tagsAt(record, path),
  });
  const random = createSeededRandom(`fixture:${windowId}`);
  const resolved: ResolvedTarget[] = listAt(record.targets, `${path}.targets`).map(
    (rawTarget, t) => {
      const at = `${path}.targets[${t}]`;
      const target = objectAt(rawTarget, at);
      const resourceType = stringAt(target, 'ResourceType', at) ?? 'INSTANCE';
      if (resourceType !== 'INSTANCE' && resourceType !== 'RESOURCE_GROUP') {
        throw new FixtureError(
          `${at}.ResourceType`,
          `'${resourceType}' is not INSTANCE or RESOURCE_GROUP`,
        );
      }
      const stored: EmulatorTarget = {
        WindowId: windowId,
        WindowTargetId: patternedAt(target, 'WindowTargetId', at, 'MaintenanceWindowTargetId'),
        ResourceType: resourceType,
        Targets: listAt(target.Targets, `${at}.Targets`).map((rawKey, k) => {
          const keyAt = `${at}.Targets[${k}]`;
          const key = objectAt(rawKey, keyAt);
          return {
            Key: stringAt(key, 'Key', keyAt, true),
            Values: listAt(key.Values, `${keyAt}.Values`).map((v, i) => {
              if (typeof v !== 'string')
                throw new FixtureError(`${keyAt}.Values[${i}]`, 'expected a string');
              return v;
            }),
          };
        }),
        OwnerInformation: stringAt(target, 'OwnerInformation', at),
        Name: stringAt(target, 'Name', at),
        Description: stringAt(target, 'Description', at),
      };
      store.addTarget(stored);
      return {
        windowTargetId: stored.WindowTargetId,
        ownerInformation: stored.OwnerInformation,
        resourceIds: [`i-0${random.hex(16)}`, `i-0${random.hex(16)}`],
      };
    },
  );
  let templates: TaskTemplate[] = [];
  listAt(record.executions, `${path}.executions`).forEach((rawExecution, e) => {
    const tasks = loadExecution(store, windowId, rawExecution, `${path}.executions[${e}]`);
    if (templates.length === 0) templates = tasks;
  });
  return { windowId, tasks: templates, targets: resolved };
}

function loadExecution(
  store: EmulatorStore,
  windowId: string,
  raw: unknown,
  path: string,
): TaskTemplate[] {
  const record = objectAt(raw, path);
  const windowExecutionId = patternedAt(
    record,
    'WindowExecutionId',
    path,
    'MaintenanceWindowExecutionId',
  );
  store.addExecution({
    WindowId: windowId,
    WindowExecutionId: windowExecutionId,
    Status: statusAt(record, path),
    StatusDetails: stringAt(record, 'StatusDetails', path),
    StartTime: timeAt(record, 'StartTime', path),
    EndTime: timeAt(record, 'EndTime', path),
  });
  return listAt(record.tasks, `${path}.tasks`).map((rawTask, t) => {
    const at = `${path}.tasks[${t}]`;
    const task = objectAt(rawTask, at);
    const taskType = taskTypeAt(task, 'TaskType', at);
    const stored: EmulatorTask = {
      WindowExecutionId: windowExecutionId,
      TaskExecutionId: patternedAt(task, 'TaskExecutionId', at, 'MaintenanceWindowExecutionTaskId'),
      TaskArn: stringAt(task, 'TaskArn', at, true),
      TaskType: taskType,
      ServiceRole: stringAt(task, 'ServiceRole', at),
      Priority: numberAt(task, 'Priority', at) ?? t + 1,
      MaxConcurrency: stringAt(task, 'MaxConcurrency', at) ?? '1',
      MaxErrors: stringAt(task, 'MaxErrors', at) ?? '1',
      Status: statusAt(task, at),
      StatusDetails: stringAt(task, 'StatusDetails', at),
      StartTime: timeAt(task, 'StartTime', at),
      EndTime: timeAt(task, 'EndTime', at),
    };
    store.addTask(stored);
    listAt(task.invocations, `${at}.invocations`).forEach((rawInvocation, i) => {
      const invAt = `${at}.invocations[${i}]`;
      const invocation = objectAt(rawInvocation, invAt);
      const loaded: EmulatorInvocation = {
        WindowExecutionId: windowExecutionId,
        TaskExecutionId: stored.TaskExecutionId,
        InvocationId: patternedAt(
          invocation,
          'InvocationId',
          invAt,
          'MaintenanceWindowExecutionTaskInvocationId',
        ),
        ExecutionId: stringAt(invocation, 'ExecutionId', invAt),
        TaskType: taskTypeAt(invocation, 'TaskType', invAt, taskType),
        Parameters: stringAt(invocation, 'Parameters', invAt),
        Status: statusAt(invocation, invAt),
        StatusDetails: stringAt(invocation, 'StatusDetails', invAt),
        StartTime: timeAt(invocation, 'StartTime', invAt),
        EndTime: timeAt(invocation, 'EndTime', invAt),
        OwnerInformation: stringAt(invocation, 'OwnerInformation', invAt),
        WindowTargetId: stringAt(invocation, 'WindowTargetId', invAt),
      };
      // Fixtures may leave the run fields out; the follow-up operations need them.
      store.addInvocation(completeRunFields(loaded, stored.TaskArn));
    });
    return {
      taskType,
      taskArn: stored.TaskArn,
      priority: stored.Priority,
      maxConcurrency: stored.MaxConcurrency,
      maxErrors: stored.MaxErrors,
    };
  });
}

/**
 * Builds a store from a parsed fixture object.
 *
 * @example
 * ```ts
 * const { store } = loadFixture({ windows: [{ WindowId: 'mw-0123456789abcdef0', Name: 'patching' }] });
 * ```
 */
export function loadFixture(fixture: unknown): SeededStore {
  const root = objectAt(fixture, '$');
  const store = new EmulatorStore();
  const blueprints = listAt(root.windows, '$.windows').map((raw, w) => {
    try {
      return loadWindow(store, raw, `windows[${w}]`);
    } catch (error) {
      if (error instanceof FixtureError) throw error;
      throw new FixtureError(
        `windows[${w}]`,
        error instanceof Error ? error.message : String(error),
        { cause: error },
      );
    }
  });
  return { store, blueprints };
}

/**
 * Reads a fixture file: `.json` as JSON, anything else as YAML.
 *
 * @example
 * ```ts
 * const { store } = await loadFixtureFile('fixtures/patching.yaml');
 * ```
 */
export async function loadFixtureFile(path: string): Promise<SeededStore> {
  const text = await readFile(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new FixtureError(
      '$',
      `${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}`,
      { cause: error },
    );
  }
  return loadFixture(parsed);
}
