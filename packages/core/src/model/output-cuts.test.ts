/**
 * Which end of a command output was cut: SSM keeps the *start* of what it stores (its cap cuts
 * the end), the parsers keep the *end* within the byte bound (they cut the start). Only a cut
 * start leaves a partial first line; only a cut end can hide the stderr of a combined Output.
 */
import {
  parseGetCommandInvocationOutput,
  parseListCommandInvocationsOutput,
} from './command-diagnosis';
import type { InstanceCommandDiagnosis, InvocationDiagnosis } from './diagnosis';
import { firstReasonLine } from './failure-reason';

const STATUS_DETAILS = 'Command failed with exit code 1';

function diagnosisOf(node: InstanceCommandDiagnosis): InvocationDiagnosis {
  return {
    invocation: { Status: 'FAILED', StatusDetails: STATUS_DETAILS },
    targets: [],
    links: [],
    notes: [],
    taskType: 'RUN_COMMAND',
    instances: [node],
  };
}

/** A failed node whose one plugin has this combined Output, as ListCommandInvocations sends it. */
function nodeWithOutput(output: string): InstanceCommandDiagnosis {
  const [node] = parseListCommandInvocationsOutput({
    CommandInvocations: [
      {
        InstanceId: 'i-0abc1234def567890',
        Status: 'Failed',
        CommandPlugins: [{ Name: 'aws:runShellScript', Status: 'Failed', Output: output }],
      },
    ],
  }).invocations;
  if (node === undefined) throw new Error('no node');
  return node;
}

describe('the two ends a command output can be cut at', () => {
  it('tells an end cut by SSM from a start cut to the byte bound', () => {
    const endOnly = parseGetCommandInvocationOutput(
      { StandardErrorContent: 'e'.repeat(8000) },
      { maxBytes: 10_000 },
    ).standardError;
    expect(endOnly).toEqual({ text: 'e'.repeat(8000), truncated: true, serviceCut: true });
    const startOnly = parseGetCommandInvocationOutput(
      { StandardOutputContent: 'o'.repeat(5000) },
      { maxBytes: 4096 },
    ).standardOutput;
    expect(startOnly).toEqual({ text: 'o'.repeat(4096), truncated: true, startCut: true });
    const both = parseGetCommandInvocationOutput({ StandardErrorContent: 'e'.repeat(8000) });
    expect(both.standardError).toMatchObject({ truncated: true, startCut: true, serviceCut: true });
    const whole = parseGetCommandInvocationOutput({ StandardErrorContent: 'e\n' });
    expect(whole.standardError).toEqual({ text: 'e\n', truncated: false });
  });

  it('keeps the first stderr line when only SSM cut the end', () => {
    const stderr = `E: disk full on /var\n${'noise\n'.repeat(2000)}`.slice(0, 8000);
    const output = parseGetCommandInvocationOutput(
      { StandardErrorContent: stderr, ResponseCode: 1 },
      { maxBytes: 10_000 },
    );
    const node: InstanceCommandDiagnosis = { status: 'Failed', plugins: [], output };
    expect(firstReasonLine(diagnosisOf(node))).toBe('E: disk full on /var');
  });

  it('takes no reason from a capped combined Output whose stderr part was cut away', () => {
    // 2500 characters of stdout: SSM's cap dropped whatever followed, the stderr included.
    const stdoutOnly = `Reading package lists...\n${'Get: mirror\n'.repeat(300)}`.slice(0, 2500);
    expect(firstReasonLine(diagnosisOf(nodeWithOutput(stdoutOnly)))).toBe(STATUS_DETAILS);
  });

  it('still reads the stderr part of a capped combined Output when its start survived', () => {
    const capped =
      `Reading package lists...\n----------ERROR-------\nE: Unable to locate package nginx-full\n${'E: more\n'.repeat(400)}`.slice(
        0,
        2500,
      );
    expect(firstReasonLine(diagnosisOf(nodeWithOutput(capped)))).toBe(
      'E: Unable to locate package nginx-full',
    );
  });

  it('an uncut combined Output without stderr still gives its first line', () => {
    expect(firstReasonLine(diagnosisOf(nodeWithOutput('exit status 3\n')))).toBe('exit status 3');
  });
});
