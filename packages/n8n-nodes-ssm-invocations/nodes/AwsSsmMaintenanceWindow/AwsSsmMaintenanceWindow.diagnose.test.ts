/**
 * Task Invocation → Diagnose against the emulator: what the node says about a failed invocation
 * is held to what the emulator itself answers to Run Command's GetCommandInvocation.
 */
import { NodeApiError, type IDataObject } from 'n8n-workflow';
import type { Emulator } from '@ssm-invocations/emulator';
import { AwsSsmMaintenanceWindow } from './AwsSsmMaintenanceWindow.node';
import {
  demoFixture,
  EXECUTION_ID,
  instanceId,
  TASK_ID,
  uuid,
} from '../../test-support/ssmFixture';
import {
  callAsAnotherClient,
  fakeExecute,
  sentCalls,
  startSsmEmulator,
} from '../../test-support/fakeN8n';

const node = new AwsSsmMaintenanceWindow();
/** Invocation 5 of execution 1 failed, on instanceId(5); its Run Command id is uuid(4, 5). */
const FAILED_INVOCATION = uuid(3, 100_005);
const diagnoseOf = (invocationId: string): IDataObject => ({
  resource: 'invocation',
  operation: 'diagnose',
  windowExecutionId: EXECUTION_ID,
  taskId: TASK_ID,
  invocationId,
});

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startSsmEmulator(demoFixture(10, 1));
});
afterEach(async () => {
  await emulator.stop();
});

async function run(parameters: IDataObject[], options: { continueOnFail?: boolean } = {}) {
  const { context, requests } = fakeExecute(emulator, parameters, options);
  const [items = []] = await node.execute.call(context);
  return { items, operations: sentCalls(requests).map((call) => call.operation) };
}

/** What the emulator answers about the failed node and its failed step, asked directly. */
async function commandTruth(): Promise<IDataObject> {
  const listed = await callAsAnotherClient(emulator, 'ListCommandInvocations', {
    CommandId: uuid(4, 5),
    Details: true,
  });
  const [row] = listed.body.CommandInvocations as IDataObject[];
  const plugins = (row?.CommandPlugins ?? []) as IDataObject[];
  const step = plugins.find((plugin) => plugin.Status === 'Failed');
  const { statusCode, body } = await callAsAnotherClient(emulator, 'GetCommandInvocation', {
    CommandId: uuid(4, 5),
    InstanceId: instanceId(5),
    ...(plugins.length > 1 ? { PluginName: step?.Name } : {}),
  });
  expect(statusCode).toBe(200);
  return body;
}

/** The first line with words in it, cut to core's 240 characters. */
function firstLineOf(text: string): string {
  const line =
    text
      .split('\n')
      .find((candidate) => /\w/.test(candidate))
      ?.trim() ?? '';
  return line.length > 240 ? `${line.slice(0, 239)}…` : line;
}

describe('AWS SSM Maintenance Window node: Task Invocation → Diagnose', () => {
  it('names the instance, its exit code, stderr tail and first stderr line, in 3 requests', async () => {
    const { items, operations } = await run([diagnoseOf(FAILED_INVOCATION)]);
    expect(operations).toEqual([
      'GetMaintenanceWindowExecutionTaskInvocation',
      'ListCommandInvocations',
      'GetCommandInvocation',
    ]);
    const truth = await commandTruth();
    const stderr = String(truth.StandardErrorContent);
    expect(stderr).not.toBe('');
    expect(items).toHaveLength(1);
    const json = items[0]?.json ?? {};
    expect(json).toMatchObject({
      InvocationId: FAILED_INVOCATION,
      Status: 'FAILED',
      Targets: [instanceId(5)],
      Diagnosis: {
        TaskType: 'RUN_COMMAND',
        CommandId: uuid(4, 5),
        FailedInstances: [
          {
            InstanceId: instanceId(5),
            ExitCode: truth.ResponseCode,
            Stderr: stderr,
            StderrTruncated: false,
          },
        ],
        Notes: [],
      },
    });
    expect(json.Reason).toBe(firstLineOf(stderr));
    expect(json).not.toHaveProperty('Parameters');
    expect(items[0]?.pairedItem).toEqual({ item: 0 });
  });

  it('with Simplify off, carries the full invocation and everything core diagnosed', async () => {
    const { items } = await run([{ ...diagnoseOf(FAILED_INVOCATION), simplify: false }]);
    const json = items[0]?.json ?? {};
    expect(json).toHaveProperty('Parameters');
    expect(json.Targets).toEqual([instanceId(5)]);
    const diagnosis = json.Diagnosis as IDataObject;
    expect(diagnosis).not.toHaveProperty('invocation');
    expect(diagnosis.targets).toEqual([{ kind: 'instance', id: instanceId(5) }]);
    const [failed] = diagnosis.instances as IDataObject[];
    expect((failed?.output as IDataObject).standardError).toEqual({
      text: (await commandTruth()).StandardErrorContent,
      truncated: false,
    });
  });

  it('a refused follow-up call becomes a note naming the IAM action; the rest stands', async () => {
    emulator.setFaults({ operations: { GetCommandInvocation: { accessDenied: true } } });
    const { items } = await run([diagnoseOf(FAILED_INVOCATION)]);
    const diagnosis = items[0]?.json.Diagnosis as IDataObject;
    expect(diagnosis.Notes).toEqual([
      {
        Code: 'ACCESS_DENIED',
        Operation: 'GetCommandInvocation',
        Message: expect.stringContaining('ssm:GetCommandInvocation'),
      },
    ]);
    const [failed] = diagnosis.FailedInstances as IDataObject[];
    expect(failed).toMatchObject({ InstanceId: instanceId(5), Status: 'Failed' });
    expect(failed).not.toHaveProperty('Stderr');
  });

  it('fails only the bad item with Continue On Fail, as a NodeApiError from core fields', async () => {
    const missing = uuid(3, 999_999);
    const { items } = await run([diagnoseOf(missing), diagnoseOf(FAILED_INVOCATION)], {
      continueOnFail: true,
    });
    expect(items).toHaveLength(2);
    expect(items[0]?.pairedItem).toEqual({ item: 0 });
    expect(items[0]?.json.error).toEqual(expect.any(String));
    expect(items[0]?.json.description).toMatch(
      /^AWS GetMaintenanceWindowExecutionTaskInvocation failed \(\w+\)/,
    );
    expect(items[1]?.json).toMatchObject({
      InvocationId: FAILED_INVOCATION,
      Reason: expect.any(String),
    });

    const { context } = fakeExecute(emulator, [diagnoseOf(missing)]);
    const error = await node.execute.call(context).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(NodeApiError);
    expect((error as NodeApiError).description).toMatch(
      /^AWS GetMaintenanceWindowExecutionTaskInvocation failed \(\w+\); AWS request id \S+/,
    );
  });
});
