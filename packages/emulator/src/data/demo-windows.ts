/**
 * The `demo` seed as data: five hand-planned service windows with stable ids that together cover
 * every status and task type. {@link createDemoStore} turns them into a store.
 */
import type { ExecutionStatus } from '../protocol/service-model';
import type { TaskTemplate } from '../state/execution-builder';

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
 * The tag key the demo windows carry for the Backstage backend's `ssmInvocations.ownershipTag`
 * check; its value is the catalog entity of `examples/backstage/catalog-info.yaml` whose card
 * shows the window.
 *
 * @example
 * ```ts
 * const ownershipTag = { key: DEMO_OWNERSHIP_TAG_KEY };
 * ```
 */
export const DEMO_OWNERSHIP_TAG_KEY = 'backstage.io/owner';

/** The entity ref each demo window is tagged with under {@link DEMO_OWNERSHIP_TAG_KEY}. */
const DEMO_WINDOW_OWNERS: Readonly<Record<string, string>> = {
  [DEMO_WINDOW_IDS.paymentsApiNightlyPatching]: 'component:default/payments-api',
  [DEMO_WINDOW_IDS.checkoutWebWeeklyReboot]: 'component:default/payments-api',
  [DEMO_WINDOW_IDS.inventoryDbBackups]: 'component:default/inventory-db',
  [DEMO_WINDOW_IDS.searchIndexerHourlyReindex]: 'component:default/search-indexer',
  [DEMO_WINDOW_IDS.legacyReportsMonthlyCleanup]: 'component:default/legacy-reports',
};

/**
 * The tags of a demo window: its owning entity, and the team as a plain tag.
 *
 * @example
 * ```ts
 * demoWindowTags(DEMO_WINDOW_IDS.inventoryDbBackups);
 * // [{ Key: 'backstage.io/owner', Value: 'component:default/inventory-db' }, { Key: 'team', Value: 'platform-team' }]
 * ```
 */
export function demoWindowTags(windowId: string): { Key: string; Value: string }[] {
  const owner = DEMO_WINDOW_OWNERS[windowId];
  return [
    ...(owner === undefined ? [] : [{ Key: DEMO_OWNERSHIP_TAG_KEY, Value: owner }]),
    { Key: 'team', Value: 'platform-team' },
  ];
}

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
  targets: readonly TargetDefinition[];
}

/** A target registration of a seeded window and how many resources it resolves to. */
export interface TargetDefinition {
  name: string;
  ownerInformation: string;
  resourceType: 'INSTANCE' | 'RESOURCE_GROUP';
  targets: { Key: string; Values: string[] }[];
  resourceCount: number;
}

/** The account id in the ARNs of seeded records. */
export const SEED_ACCOUNT = '123456789012';

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
        output: { s3BucketName: 'payments-ssm-output', s3KeyPrefix: 'patching', cloudWatch: true },
      },
      {
        taskType: 'LAMBDA',
        taskArn: `arn:aws:lambda:us-east-1:${SEED_ACCOUNT}:function:payments-api-smoke-test`,
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
        taskArn: `arn:aws:states:us-east-1:${SEED_ACCOUNT}:stateMachine:checkout-web-drain`,
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
        taskArn: `arn:aws:lambda:us-east-1:${SEED_ACCOUNT}:function:checkout-web-register-targets`,
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
        taskArn: `arn:aws:states:us-east-1:${SEED_ACCOUNT}:stateMachine:inventory-db-verify-backup`,
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
        taskArn: `arn:aws:lambda:us-east-1:${SEED_ACCOUNT}:function:search-indexer-reindex`,
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
        output: { s3BucketName: 'reporting-ssm-output', s3KeyPrefix: 'cleanup' },
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
