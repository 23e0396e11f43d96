/**
 * Seeded stores. The `demo` seed is a hand-planned set of service windows with stable ids that
 * covers every status and task type; any other seed string generates a graph of a requested
 * size. Both are deterministic: the same seed and options give the same ids, times and
 * outcomes, because every choice goes through {@link createSeededRandom}.
 */
import { TASK_TYPES, type ExecutionStatus } from '../protocol/service-model';
import { buildExecution, type ResolvedTarget, type TaskTemplate } from '../state/execution-builder';
import { createSeededRandom, type SeededRandom } from '../state/seeded-random';
import { EmulatorStore, type EmulatorTarget, type EmulatorWindow } from '../state/store';

/**
 * The time seeded histories end at (their newest execution starts shortly before it).
 *
 * @example
 * ```ts
 * createSeededStore('demo', { anchor: DEFAULT_SEED_ANCHOR });
 * ```
 */
export const DEFAULT_SEED_ANCHOR = '2026-11-28T00:00:00.000Z';

/**
 * The `demo` seed's window ids, stable across runs and releases.
 *
 * @example
 * ```ts
 * await client.getWindowReport({ windowId: DEMO_WINDOW_IDS.paymentsApiNightlyPatching });
 * ```
 */
export const DEMO_WINDOW_IDS = {
  paymentsApiNightlyPatching: 'mw-0a1b2c3d4e5f00001',
  checkoutWebWeeklyReboot: 'mw-0a1b2c3d4e5f00002',
  inventoryDbBackups: 'mw-0a1b2c3d4e5f00003',
  searchIndexerHourlyReindex: 'mw-0a1b2c3d4e5f00004',
  legacyReportsMonthlyCleanup: 'mw-0a1b2c3d4e5f00005',
} as const;

/**
 * One window of the `demo` seed, as documented in the README.
 *
 * @example
 * ```ts
 * const failing = demoWindows.filter((w: DemoWindow) => w.executionStatuses[0] === 'FAILED');
 * ```
 */
export interface DemoWindow {
  WindowId: string;
  Name: string;
  Description: string;
  Enabled: boolean;
  Schedule: string;
  /** Hours between executions in the seeded history. */
  intervalHours: number;
  /** Execution statuses, newest first. */
  executionStatuses: readonly ExecutionStatus[];
  tasks: readonly TaskTemplate[];
  targets: readonly {
    name: string;
    ownerInformation: string;
    resourceType: 'INSTANCE' | 'RESOURCE_GROUP';
    targets: { Key: string; Values: string[] }[];
    resourceCount: number;
  }[];
}

const ACCOUNT = '123456789012';

/**
 * The windows of the `demo` seed: what they run, their targets and the status of each of their
 * executions (newest first). Together they cover all 8 statuses and all 4 task types.
 *
 * @example
 * ```ts
 * demoWindows.map((w) => w.Name); // ['payments-api-nightly-patching', …]
 * ```
 */
export const demoWindows: readonly DemoWindow[] = [
  {
    WindowId: DEMO_WINDOW_IDS.paymentsApiNightlyPatching,
    Name: 'payments-api-nightly-patching',
    Description: 'Nightly OS patching of the payments API fleet (Patch Manager, reboot if needed).',
    Enabled: true,
    Schedule: 'cron(0 2 ? * * *)',
    intervalHours: 24,
    executionStatuses: [
      'FAILED',
      'SUCCESS',
      'SUCCESS',
      'TIMED_OUT',
      'SUCCESS',
      'FAILED',
      'SUCCESS',
      'SUCCESS',
    ],
    tasks: [
      {
        taskType: 'RUN_COMMAND',
        taskArn: 'AWS-RunPatchBaseline',
        priority: 1,
        maxConcurrency: '2',
        maxErrors: '1',
        parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] },
        alarmName: 'payments-api-5xx-rate',
      },
      {
        taskType: 'LAMBDA',
        taskArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:payments-api-smoke-test`,
        priority: 2,
        maxConcurrency: '1',
        maxErrors: '0',
      },
    ],
    targets: [
      {
        name: 'payments-api-prod',
        ownerInformation: 'team-payments',
        resourceType: 'INSTANCE',
        targets: [
          { Key: 'tag:Service', Values: ['payments-api'] },
          { Key: 'tag:Env', Values: ['prod'] },
        ],
        resourceCount: 4,
      },
      {
        name: 'payments-api-canary',
        ownerInformation: 'team-payments',
        resourceType: 'INSTANCE',
        targets: [{ Key: 'tag:Role', Values: ['canary'] }],
        resourceCount: 1,
      },
    ],
  },
  {
    WindowId: DEMO_WINDOW_IDS.checkoutWebWeeklyReboot,
    Name: 'checkout-web-weekly-reboot',
    Description: 'Weekly rolling reboot of the checkout web tier behind the load balancer.',
    Enabled: true,
    Schedule: 'cron(30 3 ? * SUN *)',
    intervalHours: 24 * 7,
    executionStatuses: ['IN_PROGRESS', 'SUCCESS', 'CANCELLED', 'SUCCESS', 'FAILED', 'SUCCESS'],
    tasks: [
      {
        taskType: 'STEP_FUNCTIONS',
        taskArn: `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:checkout-web-drain`,
        priority: 1,
        maxConcurrency: '1',
        maxErrors: '0',
      },
      {
        taskType: 'RUN_COMMAND',
        taskArn: 'AWS-RunShellScript',
        priority: 2,
        maxConcurrency: '25%',
        maxErrors: '1',
        parameters: { commands: ['sudo systemctl reboot'] },
      },
      {
        taskType: 'LAMBDA',
        taskArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:checkout-web-register-targets`,
        priority: 3,
      },
    ],
    targets: [
      {
        name: 'checkout-web-asg',
        ownerInformation: 'team-checkout',
        resourceType: 'INSTANCE',
        targets: [{ Key: 'tag:aws:autoscaling:groupName', Values: ['checkout-web-prod'] }],
        resourceCount: 6,
      },
    ],
  },
  {
    WindowId: DEMO_WINDOW_IDS.inventoryDbBackups,
    Name: 'inventory-db-backups',
    Description: 'AMI and EBS snapshot backups of the inventory database hosts.',
    Enabled: true,
    Schedule: 'cron(0 1 ? * * *)',
    intervalHours: 24,
    executionStatuses: ['SUCCESS', 'FAILED', 'SUCCESS', 'SUCCESS', 'TIMED_OUT', 'SUCCESS'],
    tasks: [
      {
        taskType: 'AUTOMATION',
        taskArn: 'AWS-CreateImage',
        priority: 1,
        maxConcurrency: '1',
        maxErrors: '1',
        parameters: { NoReboot: ['true'] },
        alarmName: 'inventory-db-replication-lag',
      },
      {
        taskType: 'STEP_FUNCTIONS',
        taskArn: `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:inventory-db-verify-backup`,
        priority: 2,
      },
    ],
    targets: [
      {
        name: 'inventory-db-primary',
        ownerInformation: 'team-inventory',
        resourceType: 'INSTANCE',
        targets: [{ Key: 'tag:Service', Values: ['inventory-db'] }],
        resourceCount: 3,
      },
    ],
  },
  {
    WindowId: DEMO_WINDOW_IDS.searchIndexerHourlyReindex,
    Name: 'search-indexer-hourly-reindex',
    Description: 'Hourly incremental reindex; overlapping runs are skipped.',
    Enabled: true,
    Schedule: 'rate(1 hour)',
    intervalHours: 1,
    executionStatuses: [
      'PENDING',
      'SUCCESS',
      'SKIPPED_OVERLAPPING',
      'FAILED',
      'SUCCESS',
      'SKIPPED_OVERLAPPING',
      'SUCCESS',
      'SUCCESS',
    ],
    tasks: [
      {
        taskType: 'LAMBDA',
        taskArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:search-indexer-reindex`,
        priority: 1,
        maxConcurrency: '2',
        maxErrors: '1',
      },
    ],
    targets: [
      {
        name: 'search-indexer-group',
        ownerInformation: 'team-search',
        resourceType: 'RESOURCE_GROUP',
        targets: [{ Key: 'resource-groups:Name', Values: ['search-indexers'] }],
        resourceCount: 2,
      },
    ],
  },
  {
    WindowId: DEMO_WINDOW_IDS.legacyReportsMonthlyCleanup,
    Name: 'legacy-reports-monthly-cleanup',
    Description: 'Monthly cleanup of the legacy reporting hosts (being decommissioned).',
    Enabled: false,
    Schedule: 'cron(0 4 1 * ? *)',
    intervalHours: 24 * 30,
    executionStatuses: ['CANCELLING', 'CANCELLED', 'SUCCESS', 'FAILED'],
    tasks: [
      {
        taskType: 'RUN_COMMAND',
        taskArn: 'AWS-RunShellScript',
        priority: 1,
        parameters: { commands: ['find /var/reports -mtime +90 -delete'] },
      },
      {
        taskType: 'AUTOMATION',
        taskArn: 'AWS-StopEC2Instance',
        priority: 2,
      },
    ],
    targets: [
      {
        name: 'legacy-reports',
        ownerInformation: 'team-reporting',
        resourceType: 'INSTANCE',
        targets: [{ Key: 'tag:Service', Values: ['legacy-reports'] }],
        resourceCount: 2,
      },
    ],
  },
];

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
  /** Where the seeded history ends (ISO string or Date). Default {@link DEFAULT_SEED_ANCHOR}. */
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

function createDemoStore(anchor: Date): SeededStore {
  const random = createSeededRandom('demo');
  const store = new EmulatorStore();
  const blueprints: WindowBlueprint[] = [];
  demoWindows.forEach((demo, index) => {
    const created = new Date(anchor.getTime() - (400 - index * 30) * 24 * HOUR_MS);
    const newestStart = new Date(anchor.getTime() - (index + 1) * 37 * 60_000);
    const window: EmulatorWindow = {
      WindowId: demo.WindowId,
      Name: demo.Name,
      Description: demo.Description,
      Enabled: demo.Enabled,
      Duration: demo.intervalHours === 1 ? 1 : 3,
      Cutoff: demo.intervalHours === 1 ? 0 : 1,
      Schedule: demo.Schedule,
      ScheduleTimezone: 'UTC',
      StartDate: isoMinutes(created),
      EndDate: demo.Enabled
        ? undefined
        : isoMinutes(new Date(anchor.getTime() + 30 * 24 * HOUR_MS)),
      NextExecutionTime: demo.Enabled
        ? isoMinutes(new Date(newestStart.getTime() + demo.intervalHours * HOUR_MS))
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
    addHistory(store, random, blueprint, demo.executionStatuses, newestStart, demo.intervalHours);
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
      Schedule: 'cron(0 2 ? * * *)',
      ScheduleTimezone: 'UTC',
      NextExecutionTime: isoMinutes(new Date(anchor.getTime() + 2 * HOUR_MS)),
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
    addHistory(
      store,
      random,
      blueprint,
      statuses,
      new Date(anchor.getTime() - (w + 1) * 60_000),
      24,
    );
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
  const anchor = new Date(options.anchor ?? DEFAULT_SEED_ANCHOR);
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
