import type { InvocationRecord, WindowReport } from '@ssm-invocations/core/model';
import { summarize } from '@ssm-invocations/core/model';
import { reportWithTargets, targetIds, targetLabel, withTargets } from './target-label';

const NODE_A = 'i-0abc1234def567890';
const NODE_B = 'i-0def5678abc123456';

const runCommand = (instanceIds: string[]): InvocationRecord => ({
  InvocationId: '00000000-0000-4000-8000-000000000001',
  WindowTargetId: '8a5b1b0f-43fa-4a30-a9e6-7dd3784a8289',
  TaskType: 'RUN_COMMAND',
  Parameters: JSON.stringify({ documentName: 'AWS-RunShellScript', instanceIds }),
  Status: 'FAILED',
});

describe('targetLabel', () => {
  it('shows the one instance a RUN_COMMAND invocation ran on', () => {
    expect(targetLabel(runCommand([NODE_A]))).toBe(NODE_A);
  });

  it('shows the first instance and how many more', () => {
    expect(targetLabel(runCommand([NODE_A, NODE_B, 'mi-0123456789abcdef0']))).toBe(`${NODE_A} +2`);
  });

  it('falls back to the window target id only when Parameters names nothing', () => {
    const record = { ...runCommand([]), Parameters: '{"truncated": ' };
    expect(targetLabel(record)).toBe('8a5b1b0f-43fa-4a30-a9e6-7dd3784a8289');
    expect(targetLabel({ TaskType: 'RUN_COMMAND' })).toBeUndefined();
  });

  it('puts instances before the state machine of a Step Functions invocation', () => {
    const record: InvocationRecord = {
      TaskType: 'STEP_FUNCTIONS',
      Parameters: JSON.stringify({
        stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:drain',
        input: JSON.stringify({ instanceId: NODE_A }),
      }),
    };
    expect(targetIds(record)[0]).toBe(NODE_A);
    expect(targetIds(record)).toContain('drain');
    expect(targetLabel(record)).toBe(`${NODE_A} +1`);
  });
});

describe('withTargets / reportWithTargets', () => {
  it('keeps every field and adds Targets', () => {
    const record = runCommand([NODE_A, NODE_B]);
    expect(withTargets(record)).toEqual({ ...record, Targets: [NODE_A, NODE_B] });
    expect(withTargets({ WindowTargetId: 'x' })).toEqual({ WindowTargetId: 'x', Targets: [] });
  });

  it('adds Targets to every invocation of a report and leaves the rest alone', () => {
    const invocations = [runCommand([NODE_A]), runCommand([])];
    const report: WindowReport = {
      window: { WindowId: 'mw-0123456789abcdef0' },
      executions: [
        {
          execution: { WindowExecutionId: 'e' },
          tasks: [{ task: { TaskExecutionId: 't' }, invocations, summary: summarize(invocations) }],
          summary: summarize(invocations),
        },
      ],
      summary: summarize(invocations),
      generatedAt: new Date(0),
    };
    const out = reportWithTargets(report);
    expect(out.executions[0]?.tasks[0]?.invocations.map((inv) => inv)).toEqual([
      { ...invocations[0], Targets: [NODE_A] },
      { ...invocations[1], Targets: [] },
    ]);
    expect(out.summary).toBe(report.summary);
    expect(report.executions[0]?.tasks[0]?.invocations[0]).not.toHaveProperty('Targets');
  });
});
