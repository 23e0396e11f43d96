import type { InvocationRecord, WindowReport } from '@ssm-invocations/core/model';
import { InvalidInputError, ServiceError } from '@ssm-invocations/core/errors';
import { REPORT_LIMITS, summarize } from '@ssm-invocations/core/model';
import type { CliClient } from './connection';
import { runCli, type RunCliOptions } from './run-cli';

const EXEC_ID = '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90';
const TASK_ID = 'a1b2c3d4-1111-2222-3333-444455556666';
const WINDOW_ID = 'mw-0123456789abcdef0';
const DB_NODE = 'i-0db00000000000001';

// Stands in for core's errors from another copy of core: same name/code/field/reason/requestId
// shape, different class; like core's, the message ends with the request id and `detail` does not.
class FakeCoreError extends Error {
  readonly detail: string;
  constructor(
    readonly code: string,
    detail: string,
    readonly field?: string,
    readonly requestId?: string,
    readonly reason?: string,
  ) {
    super(requestId === undefined ? detail : `${detail} (request id ${requestId})`);
    this.detail = detail;
    this.name = code === 'INVALID_INPUT' ? 'InvalidInputError' : 'NotFoundError';
  }
}

const invocations: InvocationRecord[] = [
  {
    WindowExecutionId: EXEC_ID,
    TaskExecutionId: TASK_ID,
    InvocationId: '00000000-0000-4000-8000-000000000001',
    WindowTargetId: 'target-web',
    TaskType: 'RUN_COMMAND',
    Status: 'SUCCESS',
    StatusDetails: 'Success',
    StartTime: new Date('2026-11-28T02:00:00Z'),
    EndTime: new Date('2026-11-28T02:00:42Z'),
  },
  {
    WindowExecutionId: EXEC_ID,
    TaskExecutionId: TASK_ID,
    InvocationId: '00000000-0000-4000-8000-000000000002',
    WindowTargetId: 'target-db',
    TaskType: 'RUN_COMMAND',
    Parameters: JSON.stringify({ instanceIds: [DB_NODE, 'i-0db00000000000002'] }),
    Status: 'FAILED',
    StatusDetails: 'Exit code 1: yum lock held',
    StartTime: new Date('2026-11-28T02:00:00Z'),
    EndTime: new Date('2026-11-28T02:03:05Z'),
  },
];

const report: WindowReport = {
  window: { WindowId: WINDOW_ID, Name: 'nightly-patching', Schedule: 'cron(0 2 ? * * *)' },
  executions: [
    {
      execution: { WindowId: WINDOW_ID, WindowExecutionId: EXEC_ID, Status: 'FAILED' },
      tasks: [
        {
          task: { TaskExecutionId: TASK_ID, TaskType: 'RUN_COMMAND', Status: 'FAILED' },
          invocations,
          summary: summarize(invocations),
        },
        {
          task: { TaskExecutionId: 'b1b2c3d4-1111-2222-3333-444455556666', Status: 'SUCCESS' },
          invocations: [],
          summary: summarize([]),
          error: { code: 'THROTTLED', name: 'ThrottledError', message: 'Rate exceeded' },
        },
      ],
      summary: summarize(invocations),
    },
  ],
  summary: summarize(invocations),
  generatedAt: new Date('2026-11-28T03:00:00Z'),
};

interface WindowReportJson {
  window: { Name: string };
  generatedAt: string;
  executions: Array<{ tasks: Array<{ invocations: Array<{ Targets?: string[] }> }> }>;
}

function fakeClient(overrides: Partial<CliClient> = {}): CliClient & { calls: string[] } {
  const calls: string[] = [];
  const client: CliClient = {
    invocationsPage: async (input, options) => {
      calls.push(`invocationsPage ${JSON.stringify(input)}`);
      options?.onPage?.(invocations.length);
      return { invocations };
    },
    getInvocation: async (input) => {
      calls.push(`getInvocation ${input.invocationId}`);
      const found = invocations.find((inv) => inv.InvocationId === input.invocationId);
      if (!found)
        throw new FakeCoreError('NOT_FOUND', 'Invocation does not exist', undefined, 'req-404');
      return found;
    },
    diagnoseInvocation: async (input) => {
      calls.push(`diagnoseInvocation ${input.invocationId}`);
      const found = invocations.find((inv) => inv.InvocationId === input.invocationId);
      if (!found)
        throw new FakeCoreError('NOT_FOUND', 'Invocation does not exist', undefined, 'req-404');
      return {
        taskType: 'RUN_COMMAND',
        invocation: found,
        targets: [],
        links: [],
        notes: [],
        instances: [],
      };
    },
    getWindowReport: async (input) => {
      calls.push(`getWindowReport ${JSON.stringify(input)}`);
      return report;
    },
    listWindows: async () => {
      calls.push('listWindows');
      return [{ WindowId: WINDOW_ID, Name: 'nightly-patching', Enabled: true }];
    },
    listExecutions: async (input) => {
      calls.push(`listExecutions ${JSON.stringify(input)}`);
      return [report.executions[0]?.execution ?? {}];
    },
    listTasks: async () => {
      calls.push('listTasks');
      return [{ TaskExecutionId: TASK_ID, TaskType: 'RUN_COMMAND', Status: 'FAILED' }];
    },
    ...overrides,
  };
  return Object.assign(client, { calls });
}

function capture(isTTY = false): { write(text: string): void; isTTY: boolean; text: string } {
  return {
    isTTY,
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

async function run(
  argv: string[],
  { client = fakeClient(), tty = false, env = {} as Record<string, string> } = {},
) {
  const stdout = capture(tty);
  const stderr = capture(false);
  const connections: unknown[] = [];
  const options: RunCliOptions = {
    stdout,
    stderr,
    env,
    version: '9.9.9',
    createClient: (connection) => {
      connections.push(connection);
      return client;
    },
  };
  const code = await runCli(argv, options);
  return { code, stdout: stdout.text, stderr: stderr.text, connections, client };
}

const base = ['--window-execution-id', EXEC_ID, '--task-id', TASK_ID];
const tableReport = ['--output', 'table', 'report', '--window-id', WINDOW_ID];

describe('runCli', () => {
  it('prints JSON when stdout is not a terminal, with ISO dates', async () => {
    const { code, stdout, stderr } = await run(['invocations', ...base]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const doc = JSON.parse(stdout) as { invocations: Array<Record<string, unknown>> };
    expect(doc.invocations).toHaveLength(2);
    expect(doc.invocations[0]?.StartTime).toBe('2026-11-28T02:00:00.000Z');
    // Every field as core gives it, plus Targets.
    expect(doc.invocations[1]).toEqual({
      ...JSON.parse(JSON.stringify(invocations[1])),
      Targets: [DB_NODE, 'i-0db00000000000002'],
    });
    expect(doc.invocations[0]?.Targets).toEqual([]);
    expect(doc).not.toHaveProperty('nextToken');
  });

  it('prints a table on a terminal, colours only when allowed', async () => {
    const coloured = await run(['invocations', ...base], { tty: true });
    // The instance from Parameters (+ the others), the window target only when there is none.
    expect(coloured.stdout).toContain(`${DB_NODE} +1`);
    expect(coloured.stdout).not.toContain('target-db');
    expect(coloured.stdout).toContain('target-web');
    expect(coloured.stdout).toContain('Exit code 1: yum lock held');
    expect(coloured.stdout).toContain('3m 05s');
    expect(coloured.stdout).toContain('\u001b[');

    const plain = await run(['--no-color', 'invocations', ...base], { tty: true });
    expect(plain.stdout).toContain('FAILED');
    expect(plain.stdout).not.toContain('\u001b[');

    const noColorEnv = await run(['invocations', ...base], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColorEnv.stdout).not.toContain('\u001b[');
  });

  it('passes flags through to core and prints the resume token', async () => {
    const client = fakeClient({
      invocationsPage: async (input) => {
        client.calls.push(JSON.stringify(input));
        return { invocations: invocations.slice(0, 1), nextToken: 'resume-me' };
      },
    });
    const json = await run(
      [
        'invocations',
        ...base,
        '--status',
        'FAILED,TIMED_OUT',
        '--status',
        'SUCCESS',
        '--limit',
        '1',
        '--page-size',
        '10',
        '--starting-token',
        'abc',
      ],
      { client },
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(client.calls[0] ?? '')).toEqual({
      windowExecutionId: EXEC_ID,
      taskId: TASK_ID,
      statuses: ['FAILED', 'TIMED_OUT', 'SUCCESS'],
      limit: 1,
      pageSize: 10,
      startingToken: 'abc',
    });
    expect(JSON.parse(json.stdout)).toMatchObject({ nextToken: 'resume-me' });

    const table = await run(['--output', 'table', 'invocations', ...base, '--limit', '1'], {
      client,
    });
    expect(table.stderr).toContain('--starting-token resume-me');
  });

  it('passes global connection flags to the client factory', async () => {
    const { connections } = await run([
      '--region',
      'eu-west-1',
      '--endpoint',
      'http://127.0.0.1:1',
      '--profile',
      'ops',
      'windows',
    ]);
    expect(connections).toEqual([
      { region: 'eu-west-1', endpoint: 'http://127.0.0.1:1', profile: 'ops' },
    ]);
  });

  it('renders a compact report by default: counts per task, a row per failed target', async () => {
    const { code, stdout, client } = await run([...tableReport, '--max-diagnoses', '5']);
    expect(code).toBe(0);
    expect(JSON.parse(client.calls[0]?.replace('getWindowReport ', '') ?? '')).toEqual({
      windowId: WINDOW_ID,
      diagnose: 'failed',
      maxDiagnoses: 5,
    });
    expect(stdout).toContain('Window nightly-patching (mw-0123456789abcdef0)');
    expect(stdout).toContain(`Task ${TASK_ID} RUN_COMMAND FAILED · 1 SUCCESS, 1 FAILED`);
    expect(stdout).toContain(`      FAILED  ${DB_NODE} +1  Exit code 1: yum lock held`);
    // The successful target has no row; no per-target table.
    expect(stdout).not.toContain('target-web');
    expect(stdout).not.toContain('┌');
    expect(stdout).toContain('could not load invocations: ThrottledError: Rate exceeded');
  });

  it('lists every target with --all-targets, without reading command output', async () => {
    const { code, stdout, client } = await run([...tableReport, '--all-targets']);
    expect(code).toBe(0);
    expect(client.calls[0]).toContain('"diagnose":"none"');
    expect(stdout).toContain(`Execution ${EXEC_ID}`);
    expect(stdout).toContain('2 invocations: 1 SUCCESS, 1 FAILED · 50% success');
    expect(stdout).toContain('target-web');
    expect(stdout).toContain(`${DB_NODE} +1`);
    expect(stdout).toContain('Exit code 1: yum lock held');
    expect(stdout).toContain('could not load invocations: ThrottledError: Rate exceeded');
  });

  it('prints the report as one JSON document, invocations with their Targets', async () => {
    const { stdout } = await run(['report', '--window-id', WINDOW_ID, '--executions', '2']);
    const doc = JSON.parse(stdout) as WindowReportJson;
    expect(doc.window.Name).toBe('nightly-patching');
    expect(doc.generatedAt).toBe('2026-11-28T03:00:00.000Z');
    const targets = doc.executions[0]?.tasks[0]?.invocations.map((inv) => inv.Targets);
    expect(targets).toEqual([[], [DB_NODE, 'i-0db00000000000002']]);
  });

  it('lists windows, executions and tasks in both modes', async () => {
    expect(JSON.parse((await run(['windows'])).stdout)).toEqual({
      windows: [{ WindowId: WINDOW_ID, Name: 'nightly-patching', Enabled: true }],
    });
    const execs = await run([
      'executions',
      '--window-id',
      WINDOW_ID,
      '--after',
      '2026-11-01T00:00:00Z',
    ]);
    expect(JSON.parse(execs.stdout).executions[0].WindowExecutionId).toBe(EXEC_ID);
    expect(execs.client.calls[0]).toContain('"after":"2026-11-01T00:00:00.000Z"');
    const tasks = await run(['--output', 'table', 'tasks', '--window-execution-id', EXEC_ID]);
    expect(tasks.stdout).toContain(TASK_ID);
  });

  it('shows one invocation with its diagnosis, and the diagnosis object as JSON', async () => {
    const id = '00000000-0000-4000-8000-000000000002';
    const table = await run(['--output', 'table', 'invocation', ...base, '--invocation-id', id]);
    expect(table.stdout).toContain(`Invocation ${id} FAILED`);
    expect(table.stdout).toContain('Exit code 1: yum lock held');
    expect(table.stdout).toMatch(new RegExp(`Targets +${DB_NODE}, i-0db00000000000002`));
    expect(table.client.calls).toEqual([`diagnoseInvocation ${id}`]);

    const json = await run(['invocation', ...base, '--invocation-id', id]);
    const doc = JSON.parse(json.stdout) as {
      taskType: string;
      invocation: { InvocationId: string };
    };
    expect(doc.taskType).toBe('RUN_COMMAND');
    expect(doc.invocation.InvocationId).toBe(id);
  });

  describe('exit codes', () => {
    it('exits 2 naming the flag for core validation errors, nothing else printed', async () => {
      const client = fakeClient({
        invocationsPage: async () => {
          throw new InvalidInputError(
            'windowExecutionId',
            'must be a 36-character UUID',
            {},
            'pattern',
          );
        },
      });
      const { code, stdout, stderr } = await run(['invocations', ...base], { client });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('error: --window-execution-id must be a 36-character UUID\n');
    });

    it('maps indexed and renamed core fields to their flags', async () => {
      const client = fakeClient({
        invocationsPage: async () => {
          throw new InvalidInputError('statuses[1]', 'must be one of …', {}, 'unknown-status');
        },
      });
      const { code, stderr } = await run(['invocations', ...base], { client });
      expect(code).toBe(2);
      expect(stderr).toBe('error: --status must be one of …\n');
    });

    it("words a validation error from core's field and reason, never from its message", async () => {
      const client = fakeClient({
        getWindowReport: async () => {
          // Another copy of core, whose message is worded differently: the CLI does not parse it.
          throw new FakeCoreError(
            'INVALID_INPUT',
            'Eingabe ungültig: executions',
            'executions',
            undefined,
            'must be from 1 to 100, got 500',
          );
        },
      });
      const { code, stderr } = await run(['report', '--window-id', WINDOW_ID], { client });
      expect(code).toBe(2);
      expect(stderr).toBe('error: --executions must be from 1 to 100, got 500\n');
    });

    it('names --endpoint and its value when the endpoint never answered', async () => {
      const refused = (): Promise<never> =>
        Promise.reject(
          new ServiceError('DescribeMaintenanceWindows failed: ECONNREFUSED: network error', {
            operation: 'DescribeMaintenanceWindows',
          }),
        );
      const client = fakeClient({ listWindows: refused });
      const endpoint = 'http://127.0.0.1:9';
      const withFlag = await run(['--endpoint', endpoint, 'windows'], { client });
      expect(withFlag.code).toBe(1);
      expect(withFlag.stderr).toBe(
        `error: cannot reach --endpoint ${endpoint}: ServiceError: DescribeMaintenanceWindows failed: ECONNREFUSED: network error\n`,
      );
      // Without --endpoint there is no flag to name; an answered 5xx is not a reachability problem.
      const withoutFlag = await run(['windows'], { client });
      expect(withoutFlag.stderr).toBe(
        'error: ServiceError: DescribeMaintenanceWindows failed: ECONNREFUSED: network error\n',
      );
      const answered = fakeClient({
        listWindows: () =>
          Promise.reject(
            new ServiceError('DescribeMaintenanceWindows failed: HTTP 500', {
              statusCode: 500,
              requestId: 'req-500',
            }),
          ),
      });
      const fiveHundred = await run(['--endpoint', endpoint, 'windows'], { client: answered });
      expect(fiveHundred.stderr).not.toContain('--endpoint');
    });

    it('exits 1 with the request id for remote failures', async () => {
      const { code, stderr } = await run(['invocation', ...base, '--invocation-id', 'nope']);
      expect(code).toBe(1);
      expect(stderr).toBe('error: NotFoundError: Invocation does not exist (request id req-404)\n');
    });

    it("prints the request id of core's own errors once, from requestId", async () => {
      const failing = (requestId?: string) =>
        fakeClient({
          listWindows: () =>
            Promise.reject(
              new ServiceError('DescribeMaintenanceWindows failed: HTTP 500', {
                statusCode: 500,
                ...(requestId === undefined ? {} : { requestId }),
              }),
            ),
        });
      const answered = await run(['windows'], { client: failing('7f3c-req') });
      expect(answered.code).toBe(1);
      expect(answered.stderr).toBe(
        'error: ServiceError: DescribeMaintenanceWindows failed: HTTP 500 (request id 7f3c-req)\n',
      );
      expect(answered.stderr.split('7f3c-req')).toHaveLength(2);
      const unanswered = await run(['windows'], { client: failing() });
      expect(unanswered.stderr).toBe(
        'error: ServiceError: DescribeMaintenanceWindows failed: HTTP 500\n',
      );
    });

    it('exits 2 for unknown flags, missing flags and malformed numbers without calling SSM', async () => {
      const client = fakeClient();
      const unknown = await run(['invocations', ...base, '--bogus'], { client });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/unknown option '--bogus'/);
      const missing = await run(['invocations', '--task-id', TASK_ID], { client });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/--window-execution-id/);
      const notNumber = await run(['invocations', ...base, '--limit', 'ten'], { client });
      expect(notNumber.code).toBe(2);
      expect(notNumber.stderr).toMatch(/--limit <n>.*must be a whole number/);
      const badDate = await run(['executions', '--window-id', WINDOW_ID, '--after', 'yesterday'], {
        client,
      });
      expect(badDate.code).toBe(2);
      expect(badDate.stderr).toMatch(/--after/);
      const badOutput = await run(['--output', 'yaml', 'windows'], { client });
      expect(badOutput.code).toBe(2);
      expect(badOutput.stderr).toMatch(/--output/);
      expect(client.calls).toEqual([]);
    });

    it.each([
      ['an empty --status', ['invocations', ...base, '--status', ''], /--status/],
      ['a --status of commas only', ['invocations', ...base, '--status', ',,'], /--status/],
      ['a blank --status', ['report', '--window-id', WINDOW_ID, '--status', ' , '], /--status/],
      [
        '--after 2026-02-31',
        ['executions', '--window-id', WINDOW_ID, '--after', '2026-02-31'],
        /--after/,
      ],
      [
        '--before 2026-04-31T00:00:00Z',
        ['executions', '--window-id', WINDOW_ID, '--before', '2026-04-31T00:00:00Z'],
        /--before/,
      ],
    ])('exits 2 for %s, naming the flag, without calling SSM', async (_name, argv, flag) => {
      const client = fakeClient();
      const result = await run(argv, { client });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(flag);
      expect(result.stdout).toBe('');
      expect(client.calls).toEqual([]);
    });

    it('exits 2 with help on stderr when no command is given', async () => {
      const { code, stderr, stdout } = await run([]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('Usage: ssm-invocations');
    });

    it("states core's report limits in the report help", async () => {
      const { min, max, default: fallback } = REPORT_LIMITS.executions;
      const help = await run(['report', '--help']);
      expect(help.stdout).toContain(`${min}–${max} (default ${fallback})`);
    });

    it("checks dates with core's rule: what core accepts passes, the rest exits 2 with core's reason", async () => {
      const client = fakeClient();
      const dayOnly = await run(['executions', '--window-id', WINDOW_ID, '--after', '2026-11-01'], {
        client,
      });
      expect(dayOnly.code).toBe(0);
      expect(client.calls).toEqual([
        `listExecutions ${JSON.stringify({ windowId: WINDOW_ID, after: new Date('2026-11-01') })}`,
      ]);
      const bad = await run(['executions', '--window-id', WINDOW_ID, '--before', '2026-13-45']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--before.*must be a valid Date or ISO-8601 date string/);
    });

    it('exits 0 for --help and --version', async () => {
      const help = await run(['invocations', '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('--starting-token <token>');
      const version = await run(['--version']);
      expect(version.code).toBe(0);
      expect(version.stdout.trim()).toBe('9.9.9');
    });

    it('exits 1 without a stack trace for unexpected errors', async () => {
      const client = fakeClient({
        listWindows: async () => {
          throw new TypeError('socket hang up\n    at Foo (x.js:1:1)');
        },
      });
      const { code, stderr } = await run(['windows'], { client });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain('TypeError: socket hang up');
    });
  });
});
