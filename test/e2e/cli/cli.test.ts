import {
  DescribeMaintenanceWindowExecutionTasksCommand,
  DescribeMaintenanceWindowExecutionsCommand,
  DescribeMaintenanceWindowsCommand,
  GetAutomationExecutionCommand,
  GetCommandInvocationCommand,
  GetMaintenanceWindowExecutionTaskInvocationCommand,
  ListCommandInvocationsCommand,
  SSMClient,
  paginateDescribeMaintenanceWindowExecutionTaskInvocations,
  type MaintenanceWindowExecutionTaskInvocationIdentity,
} from '@aws-sdk/client-ssm';
import { startEmulator, type Fixture } from '@ssm-invocations/emulator';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI_BIN, CLI_ENV, SECRET_ACCESS_KEY, runCliBin, type CliResult } from './cli-process';
import { startTamperingProxy } from './tampering-proxy';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator;
/** Serves one task with more invocations than several pages hold, for the paging tests. */
let bigEmulator: Emulator;
let sdk: SSMClient;
let bigSdk: SSMClient;
const results: CliResult[] = [];

// Every run is kept so the last test can check no output ever held the secret key.
async function cli(args: string[], url = emulator.url): Promise<CliResult> {
  const result = await runCliBin(['--endpoint', url, ...args]);
  results.push(result);
  return result;
}

const BIG_TASK_SIZE = 37;
const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** One window → one execution → one task with BIG_TASK_SIZE invocations, mixed statuses. */
function bigFixture(): Fixture {
  const start = Date.parse('2026-11-27T02:00:00Z');
  return {
    windows: [
      {
        WindowId: 'mw-00000000000000b16',
        Name: 'big-fleet-patching',
        Schedule: 'cron(0 2 ? * * *)',
        executions: [
          {
            WindowExecutionId: uuid(1),
            Status: 'FAILED',
            StartTime: new Date(start).toISOString(),
            EndTime: new Date(start + 600_000).toISOString(),
            tasks: [
              {
                TaskExecutionId: uuid(2),
                TaskArn: 'AWS-RunPatchBaseline',
                TaskType: 'RUN_COMMAND',
                Status: 'FAILED',
                StartTime: new Date(start).toISOString(),
                EndTime: new Date(start + 600_000).toISOString(),
                invocations: Array.from({ length: BIG_TASK_SIZE }, (_, i) => ({
                  InvocationId: uuid(1000 + i),
                  WindowTargetId: uuid(5000 + (i % 4)),
                  ExecutionId: uuid(9000 + i),
                  Status: i % 5 === 0 ? 'FAILED' : 'SUCCESS',
                  StatusDetails: i % 5 === 0 ? `Exit code 1 on i-0${i}` : 'Success',
                  StartTime: new Date(start + i * 1000).toISOString(),
                  EndTime: new Date(start + i * 1000 + 30_000).toISOString(),
                })),
              },
            ],
          },
        ],
      },
    ],
  };
}

interface TaskRef {
  windowId: string;
  windowExecutionId: string;
  taskId: string;
  invocations: MaintenanceWindowExecutionTaskInvocationIdentity[];
}

/** Ground truth straight from the emulator through the plain SDK paginator (no core involved). */
async function allInvocations(
  windowExecutionId: string,
  taskId: string,
  statuses?: string[],
  client = sdk,
): Promise<MaintenanceWindowExecutionTaskInvocationIdentity[]> {
  const out: MaintenanceWindowExecutionTaskInvocationIdentity[] = [];
  const pages = paginateDescribeMaintenanceWindowExecutionTaskInvocations(
    { client, pageSize: 100 },
    {
      WindowExecutionId: windowExecutionId,
      TaskId: taskId,
      ...(statuses && { Filters: [{ Key: 'STATUS', Values: statuses }] }),
    },
  );
  for await (const page of pages) out.push(...(page.WindowExecutionTaskInvocationIdentities ?? []));
  return out;
}

let windowIds: string[];
/** Every task of the demo seed, with its invocations. */
let demoTasks: TaskRef[];
let bigTask: TaskRef;
let failedTask: TaskRef;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  bigEmulator = await startEmulator({ port: 0, host: '127.0.0.1', fixture: bigFixture() });
  const sdkFor = (url: string): SSMClient =>
    new SSMClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDE2ETEST', secretAccessKey: SECRET_ACCESS_KEY },
    });
  sdk = sdkFor(emulator.url);
  bigSdk = sdkFor(bigEmulator.url);
  const windows = await sdk.send(new DescribeMaintenanceWindowsCommand({ MaxResults: 100 }));
  windowIds = (windows.WindowIdentities ?? []).map((w) => w.WindowId ?? '');
  const tasks: TaskRef[] = [];
  for (const windowId of windowIds) {
    const execs = await sdk.send(
      new DescribeMaintenanceWindowExecutionsCommand({ WindowId: windowId, MaxResults: 100 }),
    );
    for (const exec of execs.WindowExecutions ?? []) {
      const windowExecutionId = exec.WindowExecutionId ?? '';
      const taskList = await sdk.send(
        new DescribeMaintenanceWindowExecutionTasksCommand({
          WindowExecutionId: windowExecutionId,
        }),
      );
      for (const task of taskList.WindowExecutionTaskIdentities ?? []) {
        const taskId = task.TaskExecutionId ?? '';
        tasks.push({
          windowId,
          windowExecutionId,
          taskId,
          invocations: await allInvocations(windowExecutionId, taskId),
        });
      }
    }
  }
  demoTasks = tasks;
  const failed = tasks.find((t) => t.invocations.some((inv) => inv.Status === 'FAILED'));
  if (!failed) throw new Error('the demo seed has no failed invocation');
  failedTask = failed;
  bigTask = {
    windowId: 'mw-00000000000000b16',
    windowExecutionId: uuid(1),
    taskId: uuid(2),
    invocations: await allInvocations(uuid(1), uuid(2), undefined, bigSdk),
  };
  expect(bigTask.invocations).toHaveLength(BIG_TASK_SIZE);
});

afterAll(async () => {
  sdk?.destroy();
  bigSdk?.destroy();
  await emulator?.stop();
  await bigEmulator?.stop();
});

const ids = (records: Array<{ InvocationId?: string }>): string[] =>
  records.map((r) => r.InvocationId ?? '');

const taskFlags = (task: TaskRef): string[] => [
  '--window-execution-id',
  task.windowExecutionId,
  '--task-id',
  task.taskId,
];

describe('ssm-invocations against the emulator', () => {
  it('lists the windows as JSON (the default when piped) and as a table', async () => {
    const json = await cli(['windows']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { windows: Array<{ WindowId: string; Name: string }> };
    expect(doc.windows.map((w) => w.WindowId)).toEqual(windowIds);

    const table = await cli(['--output', 'table', 'windows']);
    expect(table.code).toBe(0);
    for (const w of doc.windows) expect(table.stdout).toContain(w.Name);
    expect(table.stdout).not.toContain('\u001b[');
  });

  it('lists executions newest first and the tasks of one', async () => {
    const windowId = failedTask.windowId;
    const json = await cli(['executions', '--window-id', windowId]);
    expect(json.code).toBe(0);
    const { executions } = JSON.parse(json.stdout) as {
      executions: Array<{ WindowExecutionId: string; StartTime?: string }>;
    };
    expect(executions.map((e) => e.WindowExecutionId)).toContain(failedTask.windowExecutionId);
    const starts = executions.map((e) => Date.parse(e.StartTime ?? '') || Infinity);
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect(executions[0]?.StartTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const tasks = await cli([
      '--output',
      'table',
      'tasks',
      '--window-execution-id',
      failedTask.windowExecutionId,
    ]);
    expect(tasks.code).toBe(0);
    expect(tasks.stdout).toContain(failedTask.taskId);
  });

  it('reads every invocation of a task, equal to the emulator ground truth', async () => {
    const json = await cli(
      ['invocations', ...taskFlags(bigTask), '--page-size', '10'],
      bigEmulator.url,
    );
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as {
      invocations: Array<Record<string, unknown>>;
      nextToken?: string;
    };
    expect(ids(doc.invocations)).toEqual(ids(bigTask.invocations));
    expect(doc.nextToken).toBeUndefined();
    const first = bigTask.invocations[0];
    expect(doc.invocations[0]?.StartTime).toBe(first?.StartTime?.toISOString());

    const table = await cli(
      ['--output', 'table', 'invocations', ...taskFlags(bigTask)],
      bigEmulator.url,
    );
    expect(table.code).toBe(0);
    for (const id of ids(bigTask.invocations)) expect(table.stdout).toContain(id);
  });

  it('filters by status like the service does', async () => {
    const truth = await allInvocations(failedTask.windowExecutionId, failedTask.taskId, ['FAILED']);
    const json = await cli(['invocations', ...taskFlags(failedTask), '--status', 'FAILED']);
    expect(json.code).toBe(0);
    expect(ids(JSON.parse(json.stdout).invocations)).toEqual(ids(truth));
  });

  it.each([
    [1, 10],
    [3, 10],
    [7, 10],
    [10, 10],
    [13, 10],
    [4, 25],
    [11, 100],
    [36, 10],
  ])(
    'pages with --limit %i --page-size %i and --starting-token, losing and repeating nothing',
    async (limit, pageSize) => {
      const collected: string[] = [];
      let token: string | undefined;
      let calls = 0;
      do {
        const args = [
          'invocations',
          ...taskFlags(bigTask),
          '--limit',
          String(limit),
          '--page-size',
          String(pageSize),
        ];
        if (token !== undefined) args.push('--starting-token', token);
        const result = await cli(args, bigEmulator.url);
        expect(result.code).toBe(0);
        const doc = JSON.parse(result.stdout) as {
          invocations: Array<{ InvocationId?: string }>;
          nextToken?: string;
        };
        expect(doc.invocations.length).toBeLessThanOrEqual(limit);
        collected.push(...ids(doc.invocations));
        token = doc.nextToken;
        calls += 1;
        expect(calls).toBeLessThanOrEqual(bigTask.invocations.length + 1);
      } while (token !== undefined);
      expect(collected).toEqual(ids(bigTask.invocations));
      expect(new Set(collected).size).toBe(collected.length);
    },
    // One CLI process per call: --limit 1 over 37 invocations starts 38 of them.
    240_000,
  );

  it('refuses a different --page-size when resuming, naming the flag', async () => {
    const first = await cli(
      ['invocations', ...taskFlags(bigTask), '--limit', '3', '--page-size', '10'],
      bigEmulator.url,
    );
    const token = (JSON.parse(first.stdout) as { nextToken?: string }).nextToken ?? '';
    expect(token).not.toBe('');
    const resumed = await cli(
      ['invocations', ...taskFlags(bigTask), '--starting-token', token, '--page-size', '20'],
      bigEmulator.url,
    );
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(/^error: --page-size must be 10 /);
  });

  it('prints the resume token on stderr in table mode', async () => {
    expect(bigTask.invocations.length).toBeGreaterThan(2);
    const table = await cli(
      ['--output', 'table', 'invocations', ...taskFlags(bigTask), '--limit', '2'],
      bigEmulator.url,
    );
    expect(table.code).toBe(0);
    const token = /--starting-token (\S+)/.exec(table.stderr)?.[1];
    expect(token).toBeDefined();
    const rest = await cli(
      ['invocations', ...taskFlags(bigTask), '--starting-token', token ?? ''],
      bigEmulator.url,
    );
    expect(ids(JSON.parse(rest.stdout).invocations)).toEqual(ids(bigTask.invocations).slice(2));
  });

  it('shows one invocation in full', async () => {
    const failed = failedTask.invocations.find((inv) => inv.Status === 'FAILED');
    const invocationId = failed?.InvocationId ?? '';
    const truth = await sdk.send(
      new GetMaintenanceWindowExecutionTaskInvocationCommand({
        WindowExecutionId: failedTask.windowExecutionId,
        TaskId: failedTask.taskId,
        InvocationId: invocationId,
      }),
    );
    const json = await cli([
      'invocation',
      ...taskFlags(failedTask),
      '--invocation-id',
      invocationId,
    ]);
    expect(json.code).toBe(0);
    const record = (JSON.parse(json.stdout) as { invocation: Record<string, unknown> }).invocation;
    expect(record.InvocationId).toBe(invocationId);
    expect(record.Status).toBe('FAILED');
    expect(record.StatusDetails).toBe(truth.StatusDetails);
    expect(record.EndTime).toBe(truth.EndTime?.toISOString());

    const table = await cli([
      '--output',
      'table',
      'invocation',
      ...taskFlags(failedTask),
      '--invocation-id',
      invocationId,
    ]);
    expect(table.stdout).toContain(truth.StatusDetails ?? '');
  });

  it('reports a window with summaries per level and failed StatusDetails', async () => {
    const json = await cli(['report', '--window-id', failedTask.windowId, '--executions', '100']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      window: { WindowId: string; Name: string };
      executions: Array<{
        execution: { WindowExecutionId: string };
        tasks: Array<{
          task: { TaskExecutionId: string };
          invocations: Array<{ InvocationId: string }>;
          summary: { total: number; failed: number };
        }>;
        summary: { total: number };
      }>;
      summary: { total: number; failed: number };
    };
    expect(report.window.WindowId).toBe(failedTask.windowId);
    const taskReport = report.executions
      .find((e) => e.execution.WindowExecutionId === failedTask.windowExecutionId)
      ?.tasks.find((t) => t.task.TaskExecutionId === failedTask.taskId);
    expect(taskReport?.invocations.map((i) => i.InvocationId).sort()).toEqual(
      ids(failedTask.invocations).sort(),
    );
    expect(taskReport?.summary.failed).toBe(
      failedTask.invocations.filter(
        (i) => i.Status === 'FAILED' || i.Status === 'TIMED_OUT' || i.Status === 'CANCELLED',
      ).length,
    );
    const total = report.executions.reduce((sum, e) => sum + e.summary.total, 0);
    expect(report.summary.total).toBe(total);

    const table = await cli([
      '--output',
      'table',
      'report',
      '--window-id',
      failedTask.windowId,
      '--executions',
      '100',
      '--all-targets',
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`Window ${report.window.Name} (${failedTask.windowId})`);
    expect(table.stdout).toContain(`Execution ${failedTask.windowExecutionId}`);
    expect(table.stdout).toMatch(/\d+ invocations?: /);
    for (const inv of failedTask.invocations.filter((i) => i.Status === 'FAILED')) {
      // Tables wrap long cells; the first words of the details must be there.
      expect(table.stdout).toContain((inv.StatusDetails ?? '').slice(0, 12));
    }
    expect(table.stderr).toBe('');
  });

  it('prints help for every command and the version', async () => {
    const pkg = JSON.parse(
      readFileSync(
        join(dirname(require.resolve('@ssm-invocations/cli/package.json')), 'package.json'),
        'utf8',
      ),
    ) as { version: string };
    const version = await cli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    for (const command of [
      'invocations',
      'invocation',
      'report',
      'windows',
      'executions',
      'tasks',
    ]) {
      expect(top.stdout).toContain(command);
    }
    for (const flag of ['--region', '--endpoint', '--profile', '--output', '--no-color']) {
      expect(top.stdout).toContain(flag);
    }
    const expected: Record<string, string[]> = {
      invocations: [
        '--window-execution-id',
        '--task-id',
        '--status',
        '--limit',
        '--page-size',
        '--starting-token',
      ],
      invocation: ['--invocation-id'],
      report: ['--window-id', '--executions', '--status', '--all-targets', '--max-diagnoses'],
      windows: ['--name', '--enabled', '--limit'],
      executions: ['--window-id', '--after', '--before'],
      tasks: ['--window-execution-id'],
    };
    for (const [command, flags] of Object.entries(expected)) {
      const help = await cli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: ssm-invocations ${command}`);
      for (const flag of flags) expect(help.stdout).toContain(flag);
    }
  });
});

describe('which instance, and why', () => {
  type Identity = MaintenanceWindowExecutionTaskInvocationIdentity;
  const NODE_ID = /^(?:i-[0-9a-f]{17}|mi-[0-9a-f]{17})$/;
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
  const ROW_STATUSES = ['FAILED', 'TIMED_OUT', 'CANCELLED'];

  /** The demo seed's first invocation of this type and status, with its task. */
  function find(taskType: string, status: string): { task: TaskRef; invocation: Identity } {
    for (const task of demoTasks) {
      const invocation = task.invocations.find(
        (inv) => inv.TaskType === taskType && inv.Status === status,
      );
      if (invocation) return { task, invocation };
    }
    throw new Error(`the demo seed has no ${status} ${taskType} invocation`);
  }

  const invocationFlags = ({ task, invocation }: { task: TaskRef; invocation: Identity }) => [
    ...taskFlags(task),
    '--invocation-id',
    invocation.InvocationId ?? '',
  ];

  const plainInvocation = (found: { task: TaskRef; invocation: Identity }) => [
    '--output',
    'table',
    '--no-color',
    'invocation',
    ...invocationFlags(found),
  ];

  /** Ground truth from Run Command itself: the failed node, its exit code and stderr. */
  async function failedNode(commandId: string) {
    const list = await sdk.send(
      new ListCommandInvocationsCommand({ CommandId: commandId, Details: true }),
    );
    const node = list.CommandInvocations?.find((item) => item.Status !== 'Success');
    const plugin = node?.CommandPlugins?.find((p) => p.Status !== 'Success');
    const output = await sdk.send(
      new GetCommandInvocationCommand({
        CommandId: commandId,
        InstanceId: node?.InstanceId,
        PluginName: plugin?.Name,
      }),
    );
    return { instanceId: node?.InstanceId ?? '', output };
  }

  it('shows the instance in the Target column, and Targets in JSON', async () => {
    const task = demoTasks.find((t) => t.invocations.some((inv) => inv.TaskType === 'RUN_COMMAND'));
    if (!task) throw new Error('the demo seed has no RUN_COMMAND task');
    const table = await cli(['--output', 'table', '--no-color', 'invocations', ...taskFlags(task)]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ i-[0-9a-f]{17}( \+\d+)? +│/);
    for (const inv of task.invocations) expect(table.stdout).not.toContain(inv.WindowTargetId);

    const json = await cli(['invocations', ...taskFlags(task)]);
    const { invocations } = JSON.parse(json.stdout) as {
      invocations: Array<{ InvocationId: string; WindowTargetId: string; Targets: string[] }>;
    };
    expect(invocations.map((inv) => inv.InvocationId)).toEqual(ids(task.invocations));
    for (const inv of invocations) {
      expect(inv.WindowTargetId).toBeDefined();
      expect(inv.Targets.length).toBeGreaterThan(0);
      for (const id of inv.Targets) expect(id).toMatch(NODE_ID);
    }
  });

  it('prints the exit code and stderr of a failed RUN_COMMAND invocation, per instance', async () => {
    const failed = find('RUN_COMMAND', 'FAILED');
    const truth = await failedNode(failed.invocation.ExecutionId ?? '');
    const stderrLine =
      (truth.output.StandardErrorContent ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .pop() ?? '';
    expect(stderrLine).not.toBe('');

    const table = await cli(plainInvocation(failed));
    expect(table.code).toBe(0);
    expect(table.stderr).toBe('');
    expect(table.stdout).toContain(`  ${truth.instanceId} Failed`);
    expect(table.stdout).toContain(`exit code ${truth.output.ResponseCode}`);
    expect(table.stdout).toContain(`│ ${stderrLine}`);
    expect(table.stdout).toContain(`Run Command output on ${truth.instanceId}: https://`);

    const json = await cli(['invocation', ...invocationFlags(failed)]);
    const diagnosis = JSON.parse(json.stdout) as {
      taskType: string;
      invocation: { InvocationId: string };
      instances: Array<{ instanceId: string; output?: { responseCode: number } }>;
    };
    expect(diagnosis.taskType).toBe('RUN_COMMAND');
    expect(diagnosis.invocation.InvocationId).toBe(failed.invocation.InvocationId);
    const node = diagnosis.instances.find((n) => n.instanceId === truth.instanceId);
    expect(node?.output?.responseCode).toBe(truth.output.ResponseCode);
  });

  it('prints the failed step of a failed AUTOMATION invocation', async () => {
    const failed = find('AUTOMATION', 'FAILED');
    const run = await sdk.send(
      new GetAutomationExecutionCommand({ AutomationExecutionId: failed.invocation.ExecutionId }),
    );
    const step = run.AutomationExecution?.StepExecutions?.find((s) => s.StepStatus === 'Failed');
    expect(step?.StepName).toBeDefined();

    const table = await cli(plainInvocation(failed));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`failed step ${step?.StepName} (${step?.Action}) Failed`);
    expect(table.stdout).toContain((step?.FailureMessage ?? '').slice(0, 40));
    expect(table.stdout).toContain('Automation execution: https://');
  });

  it('degrades to a note when a follow-up call is denied', async () => {
    const failed = find('RUN_COMMAND', 'FAILED');
    emulator.setFaults({ operations: { GetCommandInvocation: { accessDenied: true } } });
    try {
      const table = await cli(plainInvocation(failed));
      expect(table.code).toBe(0);
      expect(table.stdout).toContain(`Invocation ${failed.invocation.InvocationId} FAILED`);
      expect(table.stdout).toMatch(/^Notes\n {2}ACCESS_DENIED GetCommandInvocation: /m);
    } finally {
      emulator.setFaults({});
    }
  });

  it('reports compactly: a row per failed, timed-out or cancelled target; --all-targets lists all', async () => {
    const windowId = 'mw-0a1b2c3d4e5f00001';
    const windowTasks = demoTasks.filter((t) => t.windowId === windowId);
    const everyInvocation = windowTasks.flatMap((t) => t.invocations);
    const rowInvocations = everyInvocation.filter((inv) => ROW_STATUSES.includes(inv.Status ?? ''));
    expect(rowInvocations.length).toBeGreaterThan(2);
    const flags = ['--output', 'table', '--no-color', 'report', '--window-id', windowId];

    const compact = await cli([...flags, '--executions', '100']);
    expect(compact.code).toBe(0);
    const rows = compact.stdout.split('\n').filter((line) => /^ {6}\S/.test(line));
    expect(rows).toHaveLength(rowInvocations.length);
    for (const row of rows)
      expect(row).toMatch(/^ {6}(FAILED|TIMED_OUT|CANCELLED) +i-[0-9a-f]{17}/);
    for (const task of windowTasks) expect(compact.stdout).toContain(`Task ${task.taskId}`);
    // The failed RUN_COMMAND target's row carries a line of its stderr, not the StatusDetails.
    const failed = rowInvocations.find(
      (inv) => inv.TaskType === 'RUN_COMMAND' && inv.Status === 'FAILED',
    );
    const truth = await failedNode(failed?.ExecutionId ?? '');
    const row = rows.find((line) => line.includes(truth.instanceId) && line.includes('FAILED'));
    expect(truth.output.StandardErrorContent).toContain(
      (row ?? '').split(/ {2,}/).pop()?.replace(/…$/, ''),
    );
    for (const inv of everyInvocation) expect(compact.stdout).not.toContain(inv.InvocationId);

    const all = await cli([...flags, '--executions', '100', '--all-targets']);
    expect(all.code).toBe(0);
    for (const inv of everyInvocation) expect(all.stdout).toContain(inv.InvocationId);
    expect(all.stdout.split('\n').length).toBeGreaterThan(compact.stdout.split('\n').length * 2);
  });

  it('keeps escape sequences in stderr inert, in the invocation view and the report', async () => {
    const failed = find('RUN_COMMAND', 'FAILED');
    const hostile = '\u001b]52;c;ZXZpbCBjbGlwYm9hcmQ=\u0007\u001b[2J\u009b2JE: hostile\r\u001b[1A';
    const proxy = await startTamperingProxy(emulator.url, 'GetCommandInvocation', (body) => ({
      ...body,
      StandardErrorContent: `${hostile}\n${String(body.StandardErrorContent ?? '')}`,
    }));
    try {
      const view = await cli(
        ['--output', 'table', 'invocation', ...invocationFlags(failed)],
        proxy.url,
      );
      expect(view.code).toBe(0);
      // Only the colour codes the CLI adds itself.
      // eslint-disable-next-line no-control-regex
      expect(view.stdout.replace(/\u001b\[\d+(;\d+)*m/g, '')).not.toMatch(CONTROL);
      expect(view.stdout).toContain('E: hostile');
      expect(view.stdout).not.toContain('52;c;');

      const report = await cli(
        [
          '--output',
          'table',
          '--no-color',
          'report',
          '--window-id',
          failed.task.windowId,
          '--executions',
          '100',
        ],
        proxy.url,
      );
      expect(report.code).toBe(0);
      expect(report.stdout).not.toMatch(CONTROL);
      // Core's reason line drops the escape bytes; what is left of the sequence is plain text.
      expect(report.stdout).toMatch(/^ {6}FAILED +i-[0-9a-f]{17} +.*E: hostile/m);
    } finally {
      await proxy.stop();
    }
  });
});

describe('connection flags', () => {
  let signed: Emulator;
  let configDir: string;

  beforeAll(async () => {
    // Only requests signed with the profile's key are accepted.
    signed = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      seed: 'demo',
      sigv4: { credentials: [{ accessKeyId: 'AKIDPROFILE', secretAccessKey: 'profile-secret' }] },
    });
    configDir = mkdtempSync(join(tmpdir(), 'ssm-invocations-cli-'));
    writeFileSync(
      join(configDir, 'credentials'),
      '[e2e]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n',
    );
    writeFileSync(join(configDir, 'config'), '[profile e2e]\nregion = eu-west-1\n');
  });

  afterAll(async () => {
    await signed?.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  const profileEnv = (): NodeJS.ProcessEnv => ({
    AWS_SHARED_CREDENTIALS_FILE: join(configDir, 'credentials'),
    AWS_CONFIG_FILE: join(configDir, 'config'),
  });

  it('--profile signs with the named profile instead of the environment credentials', async () => {
    const withProfile = await runCliBin(
      ['--endpoint', signed.url, '--profile', 'e2e', 'windows'],
      profileEnv(),
    );
    results.push(withProfile);
    expect(withProfile.stderr).toBe('');
    expect(withProfile.code).toBe(0);

    const withoutProfile = await runCliBin(['--endpoint', signed.url, 'windows'], profileEnv());
    results.push(withoutProfile);
    expect(withoutProfile.code).toBe(1);
    expect(withoutProfile.stderr).toMatch(/^error: AccessDeniedError: /);
    expect(withProfile.stdout + withProfile.stderr).not.toContain('profile-secret');
  });

  it('assumes us-east-1 for an --endpoint when no region is configured', async () => {
    const result = await runCliBin(['--endpoint', emulator.url, 'windows'], {
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: undefined,
      AWS_CONFIG_FILE: join(configDir, 'missing-config'),
    });
    results.push(result);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('on a terminal', () => {
  // `script` (util-linux) gives the CLI a real pseudo-terminal for stdin, stdout and stderr.
  function runInTerminal(args: string[]): Promise<CliResult> {
    const command = [process.execPath, CLI_BIN, '--endpoint', emulator.url, ...args].join(' ');
    return new Promise((resolve) => {
      execFile(
        'script',
        ['-qec', command, '/dev/null'],
        { env: { ...CLI_ENV, TERM: 'xterm' }, timeout: 60_000 },
        (error, stdout, stderr) => {
          resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
        },
      );
    });
  }

  it('defaults to a coloured table and draws progress on stderr while the report runs', async () => {
    const result = await runInTerminal(['report', '--window-id', failedTask.windowId]);
    results.push(result);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Execution ${failedTask.windowExecutionId}`);
    expect(result.stdout).toContain('\u001b[31m'); // a red FAILED
    expect(result.stdout).toContain(`building report for ${failedTask.windowId}`);
    expect(result.stdout).toContain('\r\u001b[2K'); // the progress line erased
  });

  it('drops colours with --no-color and still prints a table', async () => {
    const result = await runInTerminal(['--no-color', 'windows']);
    results.push(result);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('│ Window');
    for (const colour of [31, 32, 33]) expect(result.stdout).not.toContain(`\u001b[${colour}m`);
  });
});

describe('exit codes', () => {
  function expectOneLineError(result: CliResult, code: number, pattern: RegExp): void {
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  it.each([
    [
      'a malformed window execution id',
      [
        'invocations',
        '--window-execution-id',
        'nope',
        '--task-id',
        '00000000-0000-4000-8000-000000000000',
      ],
      /--window-execution-id/,
    ],
    [
      'a malformed task id',
      [
        'invocations',
        '--window-execution-id',
        '00000000-0000-4000-8000-000000000000',
        '--task-id',
        '1234',
      ],
      /--task-id/,
    ],
    ['a malformed window id', ['report', '--window-id', 'mw-XYZ'], /--window-id/],
    [
      '--page-size 5',
      [
        'invocations',
        '--window-execution-id',
        '00000000-0000-4000-8000-000000000000',
        '--task-id',
        '00000000-0000-4000-8000-000000000000',
        '--page-size',
        '5',
      ],
      /--page-size/,
    ],
    [
      '--limit 0',
      [
        'invocations',
        '--window-execution-id',
        '00000000-0000-4000-8000-000000000000',
        '--task-id',
        '00000000-0000-4000-8000-000000000000',
        '--limit',
        '0',
      ],
      /--limit/,
    ],
    [
      'a status outside the 8',
      [
        'invocations',
        '--window-execution-id',
        '00000000-0000-4000-8000-000000000000',
        '--task-id',
        '00000000-0000-4000-8000-000000000000',
        '--status',
        'BROKEN',
      ],
      /--status/,
    ],
    [
      'a garbled starting token',
      [
        'invocations',
        '--window-execution-id',
        '00000000-0000-4000-8000-000000000000',
        '--task-id',
        '00000000-0000-4000-8000-000000000000',
        '--starting-token',
        '%%%',
      ],
      /--starting-token/,
    ],
    [
      '--executions 0',
      ['report', '--window-id', 'mw-0123456789abcdef0', '--executions', '0'],
      /--executions/,
    ],
    [
      'an empty --status',
      ['report', '--window-id', 'mw-0123456789abcdef0', '--status', ''],
      /--status/,
    ],
    [
      'a --status of commas only',
      ['report', '--window-id', 'mw-0123456789abcdef0', '--status', ',,'],
      /--status/,
    ],
    [
      'an impossible --after day',
      ['executions', '--window-id', 'mw-0123456789abcdef0', '--after', '2026-02-31'],
      /--after/,
    ],
    [
      'a --limit above 2^53, naming the real bound',
      ['windows', '--limit', '99999999999999999999'],
      /--limit.*9007199254740991/,
    ],
    ['an unknown flag', ['windows', '--colour'], /unknown option '--colour'/],
    [
      'a missing required flag',
      ['invocation', '--task-id', '00000000-0000-4000-8000-000000000000'],
      /--window-execution-id/,
    ],
    ['a non-numeric --limit', ['windows', '--limit', 'ten'], /--limit/],
    ['an unknown --output', ['--output', 'yaml', 'windows'], /--output/],
    ['an unknown command', ['invocatons'], /unknown command 'invocatons'/],
  ])('exits 2 for %s, naming it, with nothing sent', async (_name, args, pattern) => {
    const before = emulator.stats().requests;
    const result = await cli(args);
    expectOneLineError(result, 2, pattern);
    expect(emulator.stats().requests).toBe(before);
  });

  it('exits 1 with the request id when the window does not exist', async () => {
    const result = await cli(['report', '--window-id', 'mw-0000000000000000f']);
    expectOneLineError(result, 1, /NotFoundError: .*request id \S+/);
    expect(result.stderr.match(/request id/g)).toHaveLength(1);
  });

  it('exits 1 when the invocation does not exist', async () => {
    const result = await cli([
      'invocation',
      ...taskFlags(failedTask),
      '--invocation-id',
      '00000000-0000-4000-8000-00000000dead',
    ]);
    expectOneLineError(result, 1, /NotFoundError/);
  });

  describe('when the service misbehaves', () => {
    afterEach(() => bigEmulator.setFaults({}));

    it('exits 1 with ThrottledError once retries are spent', async () => {
      // One request's worth of tokens, refilled far too slowly for the retry.
      bigEmulator.setFaults({ throttle: { requestsPerSecond: 0.001, burst: 1 } });
      expect((await cli(['windows'], bigEmulator.url)).code).toBe(0);
      const result = await cli(['windows'], bigEmulator.url);
      expectOneLineError(result, 1, /^error: ThrottledError: .*request id \S+/);
      expect(result.stderr.match(/request id/g)).toHaveLength(1);
    });

    it('exits 1 with ServiceError after 500s', async () => {
      bigEmulator.setFaults({ failureRate: 1 });
      const result = await cli(['report', '--window-id', bigTask.windowId], bigEmulator.url);
      expectOneLineError(result, 1, /^error: ServiceError: .*InternalServerError/);
    });

    it('exits 1 with PaginationError when the service repeats a NextToken', async () => {
      bigEmulator.setFaults({ repeatToken: true });
      const result = await cli(
        ['invocations', ...taskFlags(bigTask), '--page-size', '10'],
        bigEmulator.url,
      );
      expectOneLineError(result, 1, /^error: PaginationError: .*repeated a NextToken/);
    });
  });

  it('exits 1 for an unreachable endpoint', async () => {
    // A port that was free a moment ago and is closed now.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const endpoint = `http://127.0.0.1:${port}`;
    const result = await runCliBin(['--endpoint', endpoint, 'windows']);
    results.push(result);
    expectOneLineError(result, 1, /^error: cannot reach --endpoint http:\/\/127\.0\.0\.1:\d+: /);
    expect(result.stderr).toContain(`--endpoint ${endpoint}:`);
    expect(result.stderr).toMatch(/ECONNREFUSED/);
  });

  it('never prints the secret access key', () => {
    expect(results.length).toBeGreaterThan(20);
    for (const result of results) {
      expect(result.stdout).not.toContain(SECRET_ACCESS_KEY);
      expect(result.stderr).not.toContain(SECRET_ACCESS_KEY);
    }
  });
});
