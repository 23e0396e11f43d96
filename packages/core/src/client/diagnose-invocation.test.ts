import { AccessDeniedError, InvalidInputError, ServiceError } from '../model/errors';
import { recordingTransport } from '../test-support/recording-transport';
import { createInvocationsClientWithTransport } from './invocations-client';

const WINDOW_EXECUTION_ID = '11111111-1111-4111-8111-111111111111';
const TASK_ID = '22222222-2222-4222-8222-222222222222';
const INVOCATION_ID = '33333333-3333-4333-8333-333333333333';
const COMMAND_ID = '0b1f5c9e-2d7a-4c1e-9a55-3f6e8d2a7b10';
const REF = {
  windowExecutionId: WINDOW_EXECUTION_ID,
  taskId: TASK_ID,
  invocationId: INVOCATION_ID,
};

function runCommandInvocation(instanceIds: string[]): Record<string, unknown> {
  return {
    WindowExecutionId: WINDOW_EXECUTION_ID,
    TaskExecutionId: TASK_ID,
    InvocationId: INVOCATION_ID,
    ExecutionId: COMMAND_ID,
    TaskType: 'RUN_COMMAND',
    Status: 'FAILED',
    Parameters: JSON.stringify({ documentName: 'AWS-RunShellScript', instanceIds }),
  };
}

function node(instanceId: string, status: string): Record<string, unknown> {
  return {
    CommandId: COMMAND_ID,
    InstanceId: instanceId,
    Status: status,
    StatusDetails: status,
    CommandPlugins: [{ Name: 'aws:runShellScript', Status: status, ResponseCode: 1, Output: 'x' }],
  };
}

const INSTANCE = 'i-0abc1234def567890';

describe('diagnoseInvocation', () => {
  it('RUN_COMMAND on one node: three requests, the stderr tail bounded and flagged, links', async () => {
    const stderr = `${'noise\n'.repeat(2000)}E: Unable to locate package nginx-full\n`;
    const { transport, sent } = recordingTransport({
      GetMaintenanceWindowExecutionTaskInvocation: () => runCommandInvocation([INSTANCE]),
      ListCommandInvocations: () => ({ CommandInvocations: [node(INSTANCE, 'Failed')] }),
      GetCommandInvocation: () => ({
        CommandId: COMMAND_ID,
        InstanceId: INSTANCE,
        ResponseCode: 100,
        Status: 'Failed',
        StandardErrorContent: stderr,
        StandardOutputContent: 'Reading package lists...',
        ExecutionStartDateTime: '2026-11-28T20:16:15.419Z',
        CloudWatchOutputConfig: {
          CloudWatchLogGroupName: '/aws/ssm/x',
          CloudWatchOutputEnabled: true,
        },
      }),
    });
    const client = createInvocationsClientWithTransport(transport, { consoleRegion: 'eu-west-1' });
    const diagnosis = await client.diagnoseInvocation(REF);
    expect(sent.map((r) => r.operation)).toEqual([
      'GetMaintenanceWindowExecutionTaskInvocation',
      'ListCommandInvocations',
      'GetCommandInvocation',
    ]);
    expect(sent[1]?.input).toEqual({ CommandId: COMMAND_ID, Details: true, MaxResults: 50 });
    expect(sent[2]?.input).toEqual({ CommandId: COMMAND_ID, InstanceId: INSTANCE });
    if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(diagnosis.taskType);
    expect(diagnosis.commandId).toBe(COMMAND_ID);
    expect(diagnosis.targets).toEqual([{ kind: 'instance', id: INSTANCE }]);
    const output = diagnosis.instances[0]?.output;
    expect(output?.responseCode).toBe(100);
    expect(output?.executionStartDateTime).toBe('2026-11-28T20:16:15.419Z');
    expect(output?.standardError.truncated).toBe(true);
    expect(Buffer.byteLength(output?.standardError.text ?? '')).toBeLessThanOrEqual(4096);
    expect(output?.standardError.text.endsWith('nginx-full\n')).toBe(true);
    expect(output?.standardOutput).toEqual({ text: 'Reading package lists...', truncated: false });
    expect(output?.outputLocation?.cloudWatchLogGroupName).toBe('/aws/ssm/x');
    expect(diagnosis.links.map((l) => l.kind)).toEqual(['run-command', 'run-command-output']);
    expect(diagnosis.notes).toEqual([]);
  });

  it('names the failed step of a multi-step document and skips nodes that succeeded', async () => {
    const failedNode = node(INSTANCE, 'Failed');
    failedNode.CommandPlugins = [
      { Name: 'update', Status: 'Success' },
      { Name: 'install', Status: 'Failed' },
    ];
    const { transport, sent } = recordingTransport({
      GetMaintenanceWindowExecutionTaskInvocation: () =>
        runCommandInvocation([INSTANCE, 'i-0abc1234def567891']),
      ListCommandInvocations: () => ({
        CommandInvocations: [failedNode, node('i-0abc1234def567891', 'Success')],
      }),
      GetCommandInvocation: () => ({ ResponseCode: 2 }),
    });
    const diagnosis = await createInvocationsClientWithTransport(transport).diagnoseInvocation(REF);
    expect(sent.filter((r) => r.operation === 'GetCommandInvocation').map((r) => r.input)).toEqual([
      { CommandId: COMMAND_ID, InstanceId: INSTANCE, PluginName: 'install' },
    ]);
    if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(diagnosis.taskType);
    expect(diagnosis.instances.map((n) => n.output?.responseCode)).toEqual([2, undefined]);
    // No region on a custom transport: no links.
    expect(diagnosis.links).toEqual([]);
  });

  it('fetches the output of at most 10 failed nodes and notes the rest', async () => {
    const ids = Array.from(
      { length: 12 },
      (_, i) => `i-0abc1234def5678${String(i).padStart(2, '0')}`,
    );
    const { transport, sent } = recordingTransport({
      GetMaintenanceWindowExecutionTaskInvocation: () => runCommandInvocation(ids),
      ListCommandInvocations: () => ({ CommandInvocations: ids.map((id) => node(id, 'TimedOut')) }),
      GetCommandInvocation: () => ({ ResponseCode: -1 }),
    });
    const diagnosis = await createInvocationsClientWithTransport(transport).diagnoseInvocation(REF);
    expect(sent.filter((r) => r.operation === 'GetCommandInvocation')).toHaveLength(10);
    expect(diagnosis.notes).toEqual([
      expect.objectContaining({ code: 'LIMITED', operation: 'GetCommandInvocation' }),
    ]);
  });

  it('a refused GetCommandInvocation degrades to the nodes plus one note', async () => {
    const ids = [INSTANCE, 'i-0abc1234def567891'];
    const { transport } = recordingTransport({
      GetMaintenanceWindowExecutionTaskInvocation: () => runCommandInvocation(ids),
      ListCommandInvocations: () => ({ CommandInvocations: ids.map((id) => node(id, 'Failed')) }),
      GetCommandInvocation: () => new AccessDeniedError('User: arn:… is not authorized'),
    });
    const diagnosis = await createInvocationsClientWithTransport(transport).diagnoseInvocation(REF);
    if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(diagnosis.taskType);
    expect(diagnosis.instances.map((n) => n.instanceId)).toEqual(ids);
    expect(diagnosis.notes).toEqual([
      {
        code: 'ACCESS_DENIED',
        operation: 'GetCommandInvocation',
        message: 'GetCommandInvocation was refused: the caller needs ssm:GetCommandInvocation',
      },
    ]);
  });

  it('a failed ListCommandInvocations degrades to the invocation plus a note', async () => {
    const { transport, sent } = recordingTransport({
      GetMaintenanceWindowExecutionTaskInvocation: () => runCommandInvocation([INSTANCE]),
      ListCommandInvocations: () => new ServiceError('ListCommandInvocations failed: 500'),
    });
    const diagnosis = await createInvocationsClientWithTransport(transport).diagnoseInvocation(REF);
    expect(sent).toHaveLength(2);
    if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(diagnosis.taskType);
    expect(diagnosis.instances).toEqual([]);
    expect(diagnosis.invocation.InvocationId).toBe(INVOCATION_ID);
    expect(diagnosis.notes[0]?.code).toBe('SERVICE_ERROR');
  });

  it('AUTOMATION: the failed step from GetAutomationExecution', async () => {
    const { transport, sent } = recordingTransport({
      GetMaintenanceWindowExecutionTaskInvocation: () => ({
        ...runCommandInvocation([]),
        TaskType: 'AUTOMATION',
        Parameters: '{"parameters":{"InstanceId":["i-0abc1234def567890"]}}',
      }),
      GetAutomationExecution: () => ({
        AutomationExecution: {
          AutomationExecutionId: COMMAND_ID,
          AutomationExecutionStatus: 'Failed',
          StepExecutions: [
            { StepName: 'ok', Action: 'aws:sleep', StepStatus: 'Success' },
            {
              StepName: 'stopInstances',
              Action: 'aws:changeInstanceState',
              StepStatus: 'Failed',
              FailureMessage: 'Timed out waiting for state stopped',
              FailureDetails: { FailureStage: 'PostVerification', FailureType: 'Verification' },
            },
          ],
        },
      }),
    });
    const client = createInvocationsClientWithTransport(transport, { consoleRegion: 'us-east-1' });
    const diagnosis = await client.diagnoseInvocation(REF);
    expect(sent[1]).toEqual({
      operation: 'GetAutomationExecution',
      input: { AutomationExecutionId: COMMAND_ID },
    });
    if (diagnosis.taskType !== 'AUTOMATION') throw new Error(diagnosis.taskType);
    expect(diagnosis.automation?.status).toBe('Failed');
    expect(diagnosis.automation?.failedStep?.stepName).toBe('stopInstances');
    expect(diagnosis.automation?.failedStep?.failureDetails?.failureStage).toBe('PostVerification');
    expect(diagnosis.links.map((l) => l.kind)).toEqual(['automation-execution']);
  });

  it('LAMBDA: ids and links, no follow-up request', async () => {
    const { transport, sent } = recordingTransport({
      GetMaintenanceWindowExecutionTaskInvocation: () => ({
        ...runCommandInvocation([]),
        TaskType: 'LAMBDA',
        ExecutionId: 'c0ffee00-1234-4abc-9def-000000000001',
        Parameters: JSON.stringify({
          functionName: 'arn:aws:lambda:eu-west-1:111122223333:function:mw-hook',
          qualifier: '$LATEST',
        }),
      }),
    });
    const client = createInvocationsClientWithTransport(transport, { consoleRegion: 'eu-west-1' });
    const diagnosis = await client.diagnoseInvocation(REF);
    expect(sent).toHaveLength(1);
    if (diagnosis.taskType !== 'LAMBDA') throw new Error(diagnosis.taskType);
    expect(diagnosis.functionName).toBe('mw-hook');
    expect(diagnosis.qualifier).toBe('$LATEST');
    expect(diagnosis.links.map((l) => l.kind)).toEqual(['lambda-log-group']);
  });

  it('validates the ids before any request; an abort rejects instead of becoming a note', async () => {
    const { transport, sent } = recordingTransport({});
    const client = createInvocationsClientWithTransport(transport);
    await expect(client.diagnoseInvocation({ ...REF, invocationId: 'nope' })).rejects.toMatchObject(
      {
        field: 'invocationId',
      },
    );
    await expect(client.diagnoseInvocation({ ...REF, extra: 1 } as never)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(sent).toEqual([]);

    const controller = new AbortController();
    const aborting = recordingTransport({
      GetMaintenanceWindowExecutionTaskInvocation: () => runCommandInvocation([INSTANCE]),
      ListCommandInvocations: () => {
        controller.abort(new Error('stop'));
        return new ServiceError('aborted underneath');
      },
    });
    await expect(
      createInvocationsClientWithTransport(aborting.transport).diagnoseInvocation(REF, {
        signal: controller.signal,
      }),
    ).rejects.toThrow('aborted underneath');
  });

  it('rejects a consoleRegion that is not a region', () => {
    expect(() =>
      createInvocationsClientWithTransport(recordingTransport({}).transport, {
        consoleRegion: 'Mars',
      }),
    ).toThrow(InvalidInputError);
  });
});
