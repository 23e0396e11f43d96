/**
 * Server text is data: escape sequences in StatusDetails, window names or error messages never
 * reach the terminal, in tables (coloured or not), in JSON, or on stderr.
 */
import { ServiceError } from '@ssm-invocations/core/errors';
import {
  summarize,
  type InvocationDiagnosis,
  type InvocationRecord,
  type WindowReport,
} from '@ssm-invocations/core/model';
import type { CliClient } from './connection';
import { runCli } from './run-cli';

const OSC52 = '\u001b]52;c;ZXZpbCBjbGlwYm9hcmQ=\u0007';
const CLEAR = '\u001b[2J';
const C1_CLEAR = '\u009b2J';
const HOSTILE = `${OSC52}${CLEAR}${C1_CLEAR}`;
const EXEC_ID = '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90';
const TASK_ID = 'a1b2c3d4-1111-2222-3333-444455556666';
const WINDOW_ID = 'mw-0123456789abcdef0';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const invocation: InvocationRecord = {
  WindowExecutionId: EXEC_ID,
  TaskExecutionId: TASK_ID,
  InvocationId: '00000000-0000-4000-8000-000000000001',
  WindowTargetId: `target${HOSTILE}-web`,
  Status: 'FAILED',
  StatusDetails: `Exit code 1${HOSTILE}\nsecond line\r\u001b[1Aoverwritten`,
  StartTime: new Date('2026-11-28T02:00:00Z'),
};

const report: WindowReport = {
  window: {
    WindowId: WINDOW_ID,
    Name: `nightly${HOSTILE}\nfake line`,
    Schedule: `rate(1 day)${CLEAR}`,
  },
  executions: [
    {
      execution: {
        WindowId: WINDOW_ID,
        WindowExecutionId: EXEC_ID,
        Status: `FAILED${CLEAR}`,
        StatusDetails: `One or more tasks failed${OSC52}`,
      },
      tasks: [
        {
          task: {
            TaskExecutionId: TASK_ID,
            TaskType: 'RUN_COMMAND',
            Status: 'FAILED',
            TaskArn: `AWS-RunShellScript${CLEAR}`,
          },
          invocations: [invocation],
          summary: summarize([invocation]),
        },
        {
          task: { TaskExecutionId: 'b1b2c3d4-1111-2222-3333-444455556666', Status: 'SUCCESS' },
          invocations: [],
          summary: summarize([]),
          error: { code: 'SERVICE_ERROR', name: 'ServiceError', message: `boom${OSC52}` },
        },
      ],
      summary: summarize([invocation]),
    },
  ],
  summary: summarize([invocation]),
  generatedAt: new Date('2026-11-28T03:00:00Z'),
};

// A failed node whose stderr, plugin name, step and links all carry escape sequences.
const diagnosis: InvocationDiagnosis = {
  taskType: 'RUN_COMMAND',
  invocation,
  targets: [{ kind: 'instance', id: 'i-0abc1234def567890' }],
  commandId: `cmd${HOSTILE}`,
  links: [{ kind: 'run-command', label: `Run Command${OSC52}`, url: `https://x/${CLEAR}` }],
  notes: [{ code: 'ACCESS_DENIED', operation: 'GetCommandInvocation', message: `no${OSC52}` }],
  instances: [
    {
      instanceId: `i-0abc1234def567890${CLEAR}`,
      status: 'Failed',
      plugins: [{ name: `aws:runShellScript${HOSTILE}`, status: 'Failed', responseCode: 1 }],
      output: {
        responseCode: 1,
        standardOutput: { text: `ok${HOSTILE}\n`, truncated: false },
        standardError: { text: `E: broken${HOSTILE}\r\u001b[1Aline 2\n`, truncated: true },
      },
    },
  ],
};

const client = {
  invocationsPage: async () => ({ invocations: [invocation] }),
  getInvocation: async () => invocation,
  diagnoseInvocation: async () => diagnosis,
  getWindowReport: async () => report,
  listWindows: async () => [{ WindowId: WINDOW_ID, Name: `evil${HOSTILE}` }],
  listExecutions: async () => [report.executions[0]?.execution ?? {}],
  listTasks: async () => [report.executions[0]?.tasks[0]?.task ?? {}],
} satisfies CliClient;

async function run(argv: string[], overrides: Partial<CliClient> = {}) {
  const out = {
    text: '',
    isTTY: true,
    write(chunk: string) {
      out.text += chunk;
    },
  };
  const err = {
    text: '',
    isTTY: true,
    write(chunk: string) {
      err.text += chunk;
    },
  };
  const code = await runCli(argv, {
    stdout: out,
    stderr: err,
    env: {},
    version: '0.0.0',
    createClient: () => ({ ...client, ...overrides }),
  });
  return { code, stdout: out.text, stderr: err.text };
}

const ids = ['--window-execution-id', EXEC_ID, '--task-id', TASK_ID];
const COMMANDS: string[][] = [
  ['report', '--window-id', WINDOW_ID],
  ['report', '--window-id', WINDOW_ID, '--all-targets'],
  ['invocations', ...ids],
  ['invocation', ...ids, '--invocation-id', '00000000-0000-4000-8000-000000000001'],
  ['windows'],
  ['executions', '--window-id', WINDOW_ID],
  ['tasks', '--window-execution-id', EXEC_ID],
];

describe.each(COMMANDS)('%s', (...command) => {
  it('prints no control characters in a table, with --no-color', async () => {
    const { code, stdout } = await run(['--output', 'table', '--no-color', ...command]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).not.toContain('52;c;');
  });

  it('prints only the colour codes it adds itself, with colour', async () => {
    const { stdout } = await run(['--output', 'table', ...command]);
    // picocolors' SGR codes (ESC [ n m) are the only escapes left.
    // eslint-disable-next-line no-control-regex
    expect(stdout.replace(/\u001b\[\d+(;\d+)*m/g, '')).not.toMatch(CONTROL);
  });

  it('prints JSON with every control character escaped, values intact', async () => {
    const { stdout } = await run(['--output', 'json', ...command]);
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).toContain('\\u001b');
  });
});

it('keeps the line break of a multi-line StatusDetails inside its cell, not in headings', async () => {
  const { stdout } = await run([
    '--output',
    'table',
    '--no-color',
    'report',
    '--window-id',
    WINDOW_ID,
    '--all-targets',
  ]);
  expect(stdout).toContain('second line');
  expect(stdout.split('\n').some((line) => line.startsWith('fake line'))).toBe(false);
  expect(stdout).toContain('Window nightly fake line');
});

it('prints an error message from the server without its escape sequences', async () => {
  const { code, stderr } = await run(['windows'], {
    listWindows: () =>
      Promise.reject(
        new ServiceError(`DescribeMaintenanceWindows failed: Boom: ${HOSTILE}oops`, {
          statusCode: 500,
        }),
      ),
  });
  expect(code).toBe(1);
  expect(stderr).toBe('error: ServiceError: DescribeMaintenanceWindows failed: Boom: oops\n');
});

it('prints the stderr tail of a diagnosis inert, line by line, and the reason row on one line', async () => {
  const invocationView = await run([
    '--output',
    'table',
    '--no-color',
    'invocation',
    ...ids,
    '--invocation-id',
    '00000000-0000-4000-8000-000000000001',
  ]);
  expect(invocationView.stdout).not.toMatch(CONTROL);
  expect(invocationView.stdout).toContain('stderr (truncated):');
  expect(invocationView.stdout).toContain('│ E: broken');
  expect(invocationView.stdout).toContain('│ line 2');
  expect(invocationView.stdout).toContain('ACCESS_DENIED GetCommandInvocation: no');

  const report = await run(['--output', 'table', '--no-color', 'report', '--window-id', WINDOW_ID]);
  expect(report.stdout).not.toMatch(CONTROL);
  expect(report.stdout).toMatch(/^ {6}FAILED {2}target-web {2}Exit code 1$/m);
});
