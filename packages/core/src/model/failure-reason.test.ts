import type { InstanceCommandDiagnosis, InvocationDiagnosis } from './diagnosis';
import { firstReasonLine } from './failure-reason';

const base = {
  invocation: { Status: 'FAILED' as const, StatusDetails: 'Command failed with exit code 1' },
  targets: [],
  links: [],
  notes: [],
};

function runCommand(instances: InstanceCommandDiagnosis[]): InvocationDiagnosis {
  return { ...base, taskType: 'RUN_COMMAND', instances };
}

const empty = { text: '', truncated: false };

describe('firstReasonLine', () => {
  it('takes the first meaningful stderr line of the first failed node', () => {
    const diagnosis = runCommand([
      { instanceId: 'i-0aaaaaaaaaaaaaaaa', status: 'Success', plugins: [] },
      {
        instanceId: 'i-0bbbbbbbbbbbbbbbb',
        status: 'Failed',
        plugins: [],
        output: {
          responseCode: 100,
          standardOutput: empty,
          standardError: {
            text: '\n\u001b[31m\nE: Unable to locate package nginx-full\nE: second\n',
            truncated: false,
          },
        },
      },
    ]);
    expect(firstReasonLine(diagnosis)).toBe('E: Unable to locate package nginx-full');
  });

  it('skips the partial first line of a truncated tail', () => {
    const diagnosis = runCommand([
      {
        status: 'Failed',
        plugins: [],
        output: {
          standardOutput: empty,
          standardError: { text: 'ial line cut in half\nerror: exit status 2\n', truncated: true },
        },
      },
    ]);
    expect(firstReasonLine(diagnosis)).toBe('error: exit status 2');
  });

  it('falls back to the error part of a failed plugin’s Output', () => {
    const diagnosis = runCommand([
      {
        status: 'TimedOut',
        plugins: [
          {
            name: 'aws:runShellScript',
            status: 'Failed',
            output: {
              text: 'Loaded plugins: fastestmirror\n----------ERROR-------\nError: Nothing to do\n',
              truncated: false,
            },
          },
        ],
      },
    ]);
    expect(firstReasonLine(diagnosis)).toBe('Error: Nothing to do');
  });

  it('names the failed Automation step’s message, then its exception, then the run’s', () => {
    const step = { stepName: 'stopInstances', outputs: {} };
    const automation = (failedStep: object | undefined): InvocationDiagnosis => ({
      ...base,
      taskType: 'AUTOMATION',
      automation: {
        stepCount: 1,
        stepExecutionsTruncated: false,
        outputs: {},
        failureMessage: 'Execution failed',
        ...(failedStep === undefined ? {} : { failedStep: { ...step, ...failedStep } }),
      },
    });
    expect(
      firstReasonLine(automation({ failureMessage: 'Step fails when it is Verifying.' })),
    ).toBe('Step fails when it is Verifying.');
    expect(
      firstReasonLine(
        automation({ failureDetails: { details: { ExceptionMessage: ['Timed out waiting'] } } }),
      ),
    ).toBe('Timed out waiting');
    expect(firstReasonLine(automation(undefined))).toBe('Execution failed');
  });

  it('falls back to StatusDetails, bounded and without control characters', () => {
    expect(firstReasonLine(runCommand([]))).toBe('Command failed with exit code 1');
    const long = { ...base, invocation: { StatusDetails: `x\u0007${'y'.repeat(500)}` } };
    const line = firstReasonLine({ ...long, taskType: 'LAMBDA' });
    expect(line).toHaveLength(240);
    expect(line?.startsWith('xy')).toBe(true);
    expect(line?.endsWith('…')).toBe(true);
    expect(firstReasonLine({ ...base, invocation: {}, taskType: 'UNKNOWN' })).toBeUndefined();
  });

  it('never splits a character made of two UTF-16 units at the bound', () => {
    // The emoji's two units sit at 239 and 240: the cut at 239 would keep half of it.
    const details = `${'y'.repeat(238)}\u{1F600}${'z'.repeat(20)}`;
    const line = firstReasonLine({
      ...base,
      invocation: { StatusDetails: details },
      taskType: 'LAMBDA',
    });
    expect(line).toBe(`${'y'.repeat(238)}…`);
    // One unit earlier, the whole emoji fits.
    const fits = firstReasonLine({
      ...base,
      invocation: { StatusDetails: `${'y'.repeat(237)}\u{1F600}${'z'.repeat(20)}` },
      taskType: 'LAMBDA',
    });
    expect(fits).toBe(`${'y'.repeat(237)}\u{1F600}…`);
  });
});
