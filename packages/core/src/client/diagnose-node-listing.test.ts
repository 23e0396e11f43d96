/**
 * How much of a command's node listing one diagnosis reads: at most `DIAGNOSIS_LIMITS.listedNodes`
 * nodes over at most `DIAGNOSIS_LIMITS.listedPages` pages, with a `LIMITED` note whenever the
 * service had more — decided from the listing's own `NextToken`, not from the invocation's
 * `Parameters` (which may not name the nodes at all).
 */
import { DIAGNOSIS_LIMITS } from '../model/constants';
import { recordingTransport } from '../test-support/recording-transport';
import { createInvocationsClientWithTransport } from './invocations-client';

const COMMAND_ID = '0b1f5c9e-2d7a-4c1e-9a55-3f6e8d2a7b10';
const REF = {
  windowExecutionId: '11111111-1111-4111-8111-111111111111',
  taskId: '22222222-2222-4222-8222-222222222222',
  invocationId: '33333333-3333-4333-8333-333333333333',
};
const instanceId = (n: number): string => `i-0abc1234def${String(n).padStart(6, '0')}`;

/** A RUN_COMMAND invocation whose Parameters name `instanceIds` (or none: targets by tag). */
function invocation(instanceIds?: string[]): Record<string, unknown> {
  return {
    WindowExecutionId: REF.windowExecutionId,
    TaskExecutionId: REF.taskId,
    InvocationId: REF.invocationId,
    ExecutionId: COMMAND_ID,
    TaskType: 'RUN_COMMAND',
    Status: 'FAILED',
    Parameters: JSON.stringify({
      documentName: 'AWS-RunShellScript',
      ...(instanceIds === undefined ? {} : { instanceIds }),
    }),
  };
}

const succeeded = (n: number) => ({
  CommandId: COMMAND_ID,
  InstanceId: instanceId(n),
  Status: 'Success',
});

/** ListCommandInvocations over `total` nodes, `perPage` a page (the service may give fewer than asked). */
function listing(total: number, perPage: (asked: number) => number) {
  return (input: Record<string, unknown>) => {
    const from = input.NextToken === undefined ? 0 : Number(input.NextToken);
    const to = Math.min(total, from + perPage(Number(input.MaxResults)));
    return {
      CommandInvocations: Array.from({ length: to - from }, (_, i) => succeeded(from + i)),
      ...(to < total ? { NextToken: String(to) } : {}),
    };
  };
}

async function diagnose(answers: Parameters<typeof recordingTransport>[0]) {
  const { transport, sent } = recordingTransport(answers);
  const diagnosis = await createInvocationsClientWithTransport(transport).diagnoseInvocation(REF);
  if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(diagnosis.taskType);
  const listed = sent.filter((r) => r.operation === 'ListCommandInvocations');
  return { diagnosis, listed };
}

describe('diagnoseInvocation: the node listing of a RUN_COMMAND', () => {
  it('notes the nodes it did not read when Parameters name none of them', async () => {
    const { diagnosis, listed } = await diagnose({
      GetMaintenanceWindowExecutionTaskInvocation: () => invocation(),
      ListCommandInvocations: listing(120, (asked) => asked),
    });
    expect(listed).toHaveLength(1);
    expect(diagnosis.instances).toHaveLength(DIAGNOSIS_LIMITS.listedNodes);
    expect(diagnosis.notes).toEqual([
      {
        code: 'LIMITED',
        operation: 'ListCommandInvocations',
        message: `only the first ${DIAGNOSIS_LIMITS.listedNodes} nodes were read; the command has more`,
      },
    ]);
  });

  it('notes the cut when Parameters name fewer nodes than the command ran on', async () => {
    const named = Array.from({ length: 3 }, (_, n) => instanceId(n));
    const { diagnosis } = await diagnose({
      GetMaintenanceWindowExecutionTaskInvocation: () => invocation(named),
      ListCommandInvocations: listing(120, (asked) => asked),
    });
    expect(diagnosis.notes.map((n) => n.code)).toEqual(['LIMITED']);
  });

  it('no note when the listing ended at exactly the bound', async () => {
    const { diagnosis } = await diagnose({
      GetMaintenanceWindowExecutionTaskInvocation: () => invocation(),
      ListCommandInvocations: listing(DIAGNOSIS_LIMITS.listedNodes, (asked) => asked),
    });
    expect(diagnosis.instances).toHaveLength(DIAGNOSIS_LIMITS.listedNodes);
    expect(diagnosis.notes).toEqual([]);
  });

  it('reads at most listedPages pages of a service that answers sparse pages, and notes it', async () => {
    const { diagnosis, listed } = await diagnose({
      GetMaintenanceWindowExecutionTaskInvocation: () => invocation(),
      ListCommandInvocations: listing(1000, () => 1),
    });
    expect(DIAGNOSIS_LIMITS.listedPages).toBe(3);
    expect(listed).toHaveLength(DIAGNOSIS_LIMITS.listedPages);
    expect(diagnosis.instances.map((n) => n.instanceId)).toEqual([0, 1, 2].map(instanceId));
    expect(diagnosis.notes).toEqual([
      {
        code: 'LIMITED',
        operation: 'ListCommandInvocations',
        message:
          'only 3 nodes were read, over 3 pages (the most one diagnosis reads); the command has more',
      },
    ]);
  });

  it('reads at most listedPages pages of a service that answers empty pages', async () => {
    let page = 0;
    const { diagnosis, listed } = await diagnose({
      GetMaintenanceWindowExecutionTaskInvocation: () => invocation(),
      ListCommandInvocations: () => ({ CommandInvocations: [], NextToken: `t${(page += 1)}` }),
    });
    expect(listed).toHaveLength(DIAGNOSIS_LIMITS.listedPages);
    expect(diagnosis.instances).toEqual([]);
    expect(diagnosis.notes.map((n) => n.code)).toEqual(['LIMITED']);
  });
});
