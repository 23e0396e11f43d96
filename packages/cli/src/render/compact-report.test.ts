import type {
  InvocationDiagnosis,
  InvocationRecord,
  TaskReport,
  WindowReport,
} from '@ssm-invocations/core/model';
import { summarize } from '@ssm-invocations/core/model';
import { formatCounts, renderCompactReport } from './compact-report';
import { createPalette } from './palette';

const plain = createPalette(false);
const EXEC_ID = '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90';
const TASK_ID = 'a1b2c3d4-1111-2222-3333-444455556666';
const NODE = (n: number): string => `i-0${String(n).padStart(16, '0')}`;

function invocation(n: number, Status: string, StatusDetails = Status): InvocationRecord {
  return {
    InvocationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    WindowTargetId: 'window-target',
    TaskType: 'RUN_COMMAND',
    Parameters: JSON.stringify({ instanceIds: [NODE(n)] }),
    Status,
    StatusDetails,
  };
}

function runCommandDiagnosis(record: InvocationRecord, stderr: string): InvocationDiagnosis {
  return {
    taskType: 'RUN_COMMAND',
    invocation: record,
    targets: [],
    links: [],
    notes: [],
    instances: [
      {
        instanceId: NODE(1),
        status: 'Failed',
        plugins: [],
        output: {
          responseCode: 100,
          standardOutput: { text: '', truncated: false },
          standardError: { text: stderr, truncated: false },
        },
      },
    ],
  };
}

function task(
  invocations: InvocationRecord[],
  extra: Partial<TaskReport> = {},
  taskFields: TaskReport['task'] = {},
): TaskReport {
  return {
    task: {
      TaskExecutionId: TASK_ID,
      TaskType: 'RUN_COMMAND',
      Status: 'FAILED',
      TaskArn: 'AWS-RunShellScript',
      ...taskFields,
    },
    invocations,
    summary: summarize(invocations),
    ...extra,
  };
}

function report(tasks: TaskReport[], extra: Partial<WindowReport> = {}): WindowReport {
  const all = tasks.flatMap((t) => t.invocations);
  return {
    window: { WindowId: 'mw-0123456789abcdef0', Name: 'nightly', Schedule: 'rate(1 day)' },
    executions: [
      {
        execution: { WindowExecutionId: EXEC_ID, Status: 'FAILED', StatusDetails: 'One or more' },
        tasks,
        summary: summarize(all),
      },
    ],
    summary: summarize(all),
    generatedAt: new Date(0),
    ...extra,
  };
}

describe('formatCounts', () => {
  it('lists the non-zero counts, or says there were none', () => {
    const invocations = [
      invocation(1, 'SUCCESS'),
      invocation(2, 'FAILED'),
      invocation(3, 'SUCCESS'),
    ];
    expect(formatCounts(summarize(invocations), plain)).toBe('2 SUCCESS, 1 FAILED');
    expect(formatCounts(summarize([]), plain)).toBe('0 invocations');
  });
});

describe('renderCompactReport', () => {
  it('gives one row per failed, timed-out or cancelled target, none for the rest', () => {
    const invocations = [
      invocation(1, 'FAILED', 'Command failed with exit code 1'),
      invocation(2, 'SUCCESS'),
      invocation(3, 'TIMED_OUT', 'Execution Timed Out'),
      invocation(4, 'CANCELLED', 'Cancelled: the execution was cancelled'),
      invocation(5, 'CANCELLING'),
      invocation(6, 'PENDING'),
    ];
    const lines = renderCompactReport(report([task(invocations)]), plain).split('\n');
    expect(lines).toEqual([
      'Window nightly (mw-0123456789abcdef0) · rate(1 day)',
      expect.stringMatching(/^ {2}6 invocations: /),
      `  Execution ${EXEC_ID} FAILED · – · —`,
      `    Task ${TASK_ID} RUN_COMMAND AWS-RunShellScript FAILED · ` +
        '1 PENDING, 1 SUCCESS, 1 FAILED, 1 TIMED_OUT, 1 CANCELLING, 1 CANCELLED',
      `      FAILED     ${NODE(1)}  Command failed with exit code 1`,
      `      TIMED_OUT  ${NODE(3)}  Execution Timed Out`,
      `      CANCELLED  ${NODE(4)}  Cancelled: the execution was cancelled`,
    ]);
  });

  it("takes the reason from the target's diagnosis: the first stderr line", () => {
    const failed = invocation(1, 'FAILED', 'Command failed with exit code 100');
    const diagnoses = {
      [failed.InvocationId ?? '']: runCommandDiagnosis(
        failed,
        '\nE: Unable to locate package nginx-full\nE: second error\n',
      ),
    };
    const text = renderCompactReport(report([task([failed], { diagnoses })]), plain);
    expect(text).toContain(`      FAILED  ${NODE(1)}  E: Unable to locate package nginx-full`);
    expect(text).not.toContain('second error');
    expect(text).not.toContain('exit code 100');
  });

  it("takes an Automation target's reason from its failed step", () => {
    const failed = { ...invocation(1, 'FAILED', 'Step fails'), TaskType: 'AUTOMATION' };
    const diagnosis: InvocationDiagnosis = {
      taskType: 'AUTOMATION',
      invocation: failed,
      targets: [],
      links: [],
      notes: [],
      automation: {
        status: 'Failed',
        stepCount: 2,
        stepExecutionsTruncated: false,
        outputs: {},
        failedStep: {
          stepName: 'stopInstances',
          action: 'aws:changeInstanceState',
          failureMessage: 'UnauthorizedOperation: not allowed to StopInstances',
          outputs: {},
        },
      },
    };
    const text = renderCompactReport(
      report([task([failed], { diagnoses: { [failed.InvocationId ?? '']: diagnosis } })]),
      plain,
    );
    expect(text).toContain('UnauthorizedOperation: not allowed to StopInstances');
    expect(text).not.toContain('Step fails');
  });

  it('keeps only the first line of StatusDetails and cuts a long reason to the width', () => {
    const long = `${'x'.repeat(200)}\nsecond line`;
    const text = renderCompactReport(report([task([invocation(1, 'FAILED', long)])]), plain, {
      width: 80,
    });
    const row = text.split('\n').find((line) => line.includes(NODE(1))) ?? '';
    expect(row).toHaveLength(80);
    expect(row.endsWith('x…')).toBe(true);
    expect(text).not.toContain('second line');
  });

  it('leaves the task status out when every invocation has it, and names functions, not ARNs', () => {
    const ok = [invocation(1, 'SUCCESS'), invocation(2, 'SUCCESS')];
    const lambda = task(
      ok,
      {},
      {
        TaskType: 'LAMBDA',
        Status: 'SUCCESS',
        TaskArn: 'arn:aws:lambda:us-east-1:123456789012:function:register-targets:live',
      },
    );
    const text = renderCompactReport(report([lambda]), plain);
    expect(text).toContain(`    Task ${TASK_ID} LAMBDA register-targets · 2 SUCCESS`);
  });

  it('says why an execution without tasks has none, and how many targets went undiagnosed', () => {
    const skipped = report([], { diagnosesOmitted: 3 });
    const execution = skipped.executions[0];
    if (execution) execution.execution.StatusDetails = 'skipped: a previous run was still running';
    const text = renderCompactReport(skipped, plain);
    expect(text).toContain(`FAILED · – · — · skipped: a previous run was still running`);
    expect(text).toContain('3 failed targets not diagnosed (raise --max-diagnoses)');
  });

  it('prints a task that could not be loaded on its line, in red with colour', () => {
    const broken = task([], {
      error: { code: 'THROTTLED', name: 'ThrottledError', message: 'Rate exceeded' },
    });
    const coloured = createPalette(true);
    const text = renderCompactReport(report([broken]), coloured);
    expect(text).toContain(
      coloured.red('could not load invocations: ThrottledError: Rate exceeded'),
    );
  });
});
