/**
 * Generated seeds: any seed string other than `demo` yields a window graph of the requested size,
 * with names, outcomes and resources drawn from {@link createSeededRandom}.
 */
import { TASK_TYPES, type ExecutionStatus } from '../protocol/service-model';
import type { TaskTemplate } from '../state/execution-builder';
import { SEED_ACCOUNT } from './demo-windows';
import { HOUR_MS, buildSeededStore, isoMinutes, type SeededStore } from './seed-history';
import { scheduleOccurrences } from './schedule-occurrences';

const GENERATED_SCHEDULE = 'cron(0 2 ? * * *)';

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
  LAMBDA: `arn:aws:lambda:us-east-1:${SEED_ACCOUNT}:function:maintenance-hook`,
  STEP_FUNCTIONS: `arn:aws:states:us-east-1:${SEED_ACCOUNT}:stateMachine:maintenance-flow`,
};

/** Terminal statuses of generated histories (no SKIPPED_OVERLAPPING: sizes stay exact). */
const GENERATED_STATUSES: readonly ExecutionStatus[] = [
  ...Array<ExecutionStatus>(11).fill('SUCCESS'),
  ...Array<ExecutionStatus>(6).fill('FAILED'),
  'TIMED_OUT',
  'TIMED_OUT',
  'CANCELLED',
];

/** A generated store of the given size; every choice is drawn from `seed`. */
export function createGeneratedStore(
  seed: string,
  size: Required<GeneratedSeedSize>,
  anchor: Date,
): SeededStore {
  return buildSeededStore(seed, size.windows, (w, random) => {
    const name = `${random.pick(SERVICES)}-${random.pick(ACTIONS)}-${String(w + 1).padStart(2, '0')}`;
    const created = new Date(anchor.getTime() - 365 * 24 * HOUR_MS);
    return {
      window: {
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
      },
      tasks: Array.from({ length: size.tasksPerExecution }, (_, t): TaskTemplate => {
        const taskType = TASK_TYPES[t % TASK_TYPES.length] ?? 'RUN_COMMAND';
        return {
          taskType,
          taskArn: TASK_DOCUMENTS[taskType],
          priority: t + 1,
          maxConcurrency: '10',
          maxErrors: '10%',
        };
      }),
      targets: [
        {
          name: `${name}-fleet`,
          ownerInformation: `owner-${w + 1}`,
          resourceType: 'INSTANCE',
          targets: [{ Key: 'tag:Window', Values: [name] }],
          resourceCount: 3,
        },
      ],
      invocationsPerTask: size.invocationsPerTask,
      statuses: () =>
        Array.from({ length: size.executionsPerWindow }, () => random.pick(GENERATED_STATUSES)),
      placement: { schedule: GENERATED_SCHEDULE, durationHours: 4, anchor, lateByMs: 0 },
    };
  });
}
