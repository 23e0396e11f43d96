import type { InvocationDiagnosis, InvocationRecord } from '@ssm-invocations/core/model';
import { MAX_STDERR_LINES, MAX_STDOUT_LINES, renderDiagnosis } from './diagnosis-view';
import { createPalette } from './palette';

const plain = createPalette(false);
const NODE = 'i-0abc1234def567890';
const COMMAND_ID = 'af031661-4043-4d7d-b3ed-22f5901686b1';

const invocation: InvocationRecord = {
  InvocationId: '00000000-0000-4000-8000-000000000001',
  WindowExecutionId: '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90',
  TaskExecutionId: 'a1b2c3d4-1111-2222-3333-444455556666',
  WindowTargetId: '8a5b1b0f-43fa-4a30-a9e6-7dd3784a8289',
  ExecutionId: COMMAND_ID,
  TaskType: 'RUN_COMMAND',
  Parameters: JSON.stringify({ instanceIds: [NODE] }),
  Status: 'FAILED',
  StatusDetails: 'Command failed with exit code 1',
};

function runCommand(stderr: string, stdout = '', truncated = false): InvocationDiagnosis {
  return {
    taskType: 'RUN_COMMAND',
    invocation,
    targets: [{ kind: 'instance', id: NODE }],
    commandId: COMMAND_ID,
    links: [
      {
        kind: 'run-command-output',
        label: `Run Command output on ${NODE}`,
        url: `https://us-east-1.console.aws.amazon.com/systems-manager/run-command/${COMMAND_ID}/${NODE}`,
        targetId: NODE,
      },
    ],
    notes: [],
    instances: [
      {
        instanceId: NODE,
        status: 'Failed',
        statusDetails: 'Failed',
        plugins: [{ name: 'aws:runShellScript', status: 'Failed', responseCode: 100 }],
        output: {
          responseCode: 100,
          standardOutput: { text: stdout, truncated: false },
          standardError: { text: stderr, truncated },
          outputLocation: { cloudWatchLogGroupName: '/aws/ssm/AWS-RunShellScript' },
        },
      },
      { instanceId: 'i-0def5678abc123456', status: 'Success', plugins: [] },
    ],
  };
}

describe('renderDiagnosis', () => {
  it('shows the invocation, then per instance its status, exit code and stderr, then links', () => {
    const text = renderDiagnosis(
      runCommand('E: Unable to locate package nginx-full\n', 'Reading package lists...\n'),
      plain,
    );
    expect(text).toContain(`Invocation ${invocation.InvocationId} FAILED`);
    expect(text).toMatch(new RegExp(`^ {2}Targets +${NODE}$`, 'm'));
    expect(text).toContain(`Run Command ${COMMAND_ID} · 2 instances`);
    expect(text).toContain(`  ${NODE} Failed · exit code 100`);
    expect(text).toContain('    plugin aws:runShellScript Failed · exit code 100');
    expect(text).toContain('    stderr:\n      │ E: Unable to locate package nginx-full');
    expect(text).toContain('    stdout:\n      │ Reading package lists...');
    expect(text).toContain('    CloudWatch log group: /aws/ssm/AWS-RunShellScript');
    expect(text).toContain('  i-0def5678abc123456 Success');
    expect(text).toContain(`Links\n  Run Command output on ${NODE}: https://us-east-1.console`);
    expect(text).not.toContain('Notes');
  });

  it('bounds the stderr and stdout tails by lines, keeping their ends, and says so', () => {
    const lines = (name: string, n: number): string =>
      Array.from({ length: n }, (_, i) => `${name} ${i + 1}`).join('\n');
    const text = renderDiagnosis(runCommand(lines('err', 50), lines('out', 30), true), plain);
    expect(text).toContain(`stderr (truncated, last ${MAX_STDERR_LINES} of 50 lines):`);
    expect(text).toContain('│ err 50');
    expect(text).toContain(`│ err ${50 - MAX_STDERR_LINES + 1}\n`);
    expect(text).not.toContain(`│ err ${50 - MAX_STDERR_LINES}\n`);
    expect(text).toContain(`stdout (last ${MAX_STDOUT_LINES} of 30 lines):`);
    expect(text).not.toContain(`│ out ${30 - MAX_STDOUT_LINES}\n`);
  });

  it('makes escape sequences in stderr inert and keeps each line behind the gutter', () => {
    const text = renderDiagnosis(
      runCommand('ok\u001b]52;c;ZXZpbA==\u0007\u001b[2J\r\u001b[1Afaked\nnext'),
      plain,
    );
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('      │ ok\n      │ faked\n      │ next');
  });

  it('lists the notes of degraded parts', () => {
    const diagnosis: InvocationDiagnosis = {
      ...runCommand(''),
      notes: [
        {
          code: 'ACCESS_DENIED',
          operation: 'GetCommandInvocation',
          message: 'not allowed: grant ssm:GetCommandInvocation',
        },
      ],
    };
    const text = renderDiagnosis(diagnosis, plain);
    expect(text).toContain(
      'Notes\n  ACCESS_DENIED GetCommandInvocation: not allowed: grant ssm:GetCommandInvocation',
    );
    expect(text).not.toContain('stderr');
  });

  it('shows the failed Automation step with its message and details', () => {
    const diagnosis: InvocationDiagnosis = {
      taskType: 'AUTOMATION',
      invocation: { ...invocation, TaskType: 'AUTOMATION' },
      targets: [],
      links: [],
      notes: [],
      automation: {
        automationExecutionId: 'd9c33271-c079-4728-bfa7-2c4721618264',
        documentName: 'AWS-CreateImage',
        status: 'Failed',
        stepCount: 1,
        stepExecutionsTruncated: false,
        outputs: {},
        failedStep: {
          stepName: 'createImage',
          action: 'aws:createImage',
          stepStatus: 'Failed',
          failureMessage: 'InvalidAMIName.Duplicate',
          failureMessageTruncated: true,
          failureDetails: {
            failureStage: 'Invocation',
            failureType: 'Action',
            details: { ExceptionMessage: ['AMI name is already in use'] },
          },
          outputs: {},
        },
      },
    };
    const text = renderDiagnosis(diagnosis, plain);
    expect(text).toContain(
      'Automation d9c33271-c079-4728-bfa7-2c4721618264 Failed · AWS-CreateImage · 1 step',
    );
    expect(text).toContain('  failed step createImage (aws:createImage) Failed\n');
    expect(text).toContain(
      '    InvalidAMIName.Duplicate (truncated)\n    stage Invocation · type Action',
    );
    expect(text).toContain('    ExceptionMessage: AMI name is already in use');
  });

  it('names the Lambda function and the Step Functions execution', () => {
    const base = { invocation, targets: [], links: [], notes: [] };
    expect(
      renderDiagnosis(
        { ...base, taskType: 'LAMBDA', functionName: 'register-targets', qualifier: 'live' },
        plain,
      ),
    ).toContain('Lambda register-targets (live)');
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:drain:run-1';
    expect(
      renderDiagnosis({ ...base, taskType: 'STEP_FUNCTIONS', executionArn: arn }, plain),
    ).toContain(`Step Functions ${arn}`);
  });
});
