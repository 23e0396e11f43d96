/**
 * core's diagnoseInvocation and the report's `diagnose: 'failed'` against the emulator's `demo`
 * seed over both transports: each task type's diagnosis compared with what the emulator answers
 * to the raw SDK (the ground truth), the request count (emulator stats), AccessDenied on a
 * follow-up call (the emulator's `accessDenied` fault) and output truncation.
 */
import {
  GetAutomationExecutionCommand,
  GetCommandInvocationCommand,
  ListCommandInvocationsCommand,
} from '@aws-sdk/client-ssm';
import type { InvocationDiagnosis, InvocationsClient } from '@ssm-invocations/core';
import type { EmulatorInvocation } from '@ssm-invocations/emulator';
import { useEmulatorClients } from '../support/core-clients';

const session = useEmulatorClients({ seed: 'demo' }, { consoleRegion: 'us-east-1' });

afterEach(() => session.emulator.setFaults({}));

const FAILED = new Set(['FAILED', 'TIMED_OUT']);

function invocationOf(
  taskType: string,
  status?: (s: string | undefined) => boolean,
): EmulatorInvocation {
  const found = session.emulator.store.invocations.find(
    (i) => i.TaskType === taskType && (status === undefined || status(i.Status)),
  );
  if (!found) throw new Error(`the demo seed has no such ${taskType} invocation`);
  return found;
}

const failedOf = (taskType: string): EmulatorInvocation =>
  invocationOf(taskType, (s) => s === 'FAILED');

const refOf = (i: EmulatorInvocation) => ({
  windowExecutionId: i.WindowExecutionId,
  taskId: i.TaskExecutionId,
  invocationId: i.InvocationId,
});

/** The diagnosis and the requests it cost, by operation. */
async function diagnosed(
  client: InvocationsClient,
  invocation: EmulatorInvocation,
): Promise<{ diagnosis: InvocationDiagnosis; requests: Record<string, number> }> {
  session.emulator.resetStats();
  const diagnosis = await client.diagnoseInvocation(refOf(invocation));
  return { diagnosis, requests: session.emulator.stats().byOperation };
}

describe.each(['sdk', 'json'] as const)('diagnoseInvocation over the %s transport', (name) => {
  const client = (): InvocationsClient => session.clients[name];

  it('RUN_COMMAND on one node: the node, exit code and stderr SSM reports, in 3 requests', async () => {
    const invocation = failedOf('RUN_COMMAND');
    const { diagnosis, requests } = await diagnosed(client(), invocation);
    expect(requests).toEqual({
      GetMaintenanceWindowExecutionTaskInvocation: 1,
      ListCommandInvocations: 1,
      GetCommandInvocation: 1,
    });
    const listed = await session.clients.ssmClient.send(
      new ListCommandInvocationsCommand({ CommandId: invocation.ExecutionId, Details: true }),
    );
    const row = listed.CommandInvocations?.[0];
    const plugins = row?.CommandPlugins ?? [];
    // A multi-step document needs the step: the diagnosis asks for the one that failed.
    const step = plugins.length > 1 ? plugins.find((p) => p.Status === 'Failed') : undefined;
    const truth = await session.clients.ssmClient.send(
      new GetCommandInvocationCommand({
        CommandId: invocation.ExecutionId,
        InstanceId: row?.InstanceId,
        ...(step === undefined ? {} : { PluginName: step.Name }),
      }),
    );
    if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(diagnosis.taskType);
    expect(diagnosis.commandId).toBe(invocation.ExecutionId);
    expect(diagnosis.targets.map((t) => t.id)).toEqual([row?.InstanceId]);
    expect(diagnosis.instances.map((n) => [n.instanceId, n.status])).toEqual([
      [row?.InstanceId, 'Failed'],
    ]);
    const output = diagnosis.instances[0]?.output;
    expect(output?.responseCode).toBe(truth.ResponseCode);
    expect(output?.responseCode).not.toBe(0);
    expect(output?.standardError.text).toBe(truth.StandardErrorContent);
    expect(output?.executionStartDateTime).toBe(truth.ExecutionStartDateTime);
    expect(diagnosis.notes).toEqual([]);
    expect(diagnosis.links.map((l) => l.url)).toContain(
      `https://us-east-1.console.aws.amazon.com/systems-manager/run-command/${invocation.ExecutionId}?region=us-east-1`,
    );
  });

  it('AUTOMATION: the failed step GetAutomationExecution names, in 2 requests', async () => {
    const invocation = failedOf('AUTOMATION');
    const { diagnosis, requests } = await diagnosed(client(), invocation);
    expect(requests).toEqual({
      GetMaintenanceWindowExecutionTaskInvocation: 1,
      GetAutomationExecution: 1,
    });
    const truth = await session.clients.ssmClient.send(
      new GetAutomationExecutionCommand({ AutomationExecutionId: invocation.ExecutionId }),
    );
    const failedStep = truth.AutomationExecution?.StepExecutions?.find(
      (s) => s.StepStatus === 'Failed',
    );
    if (diagnosis.taskType !== 'AUTOMATION') throw new Error(diagnosis.taskType);
    expect(diagnosis.automation?.status).toBe(truth.AutomationExecution?.AutomationExecutionStatus);
    expect(diagnosis.automation?.failedStep?.stepName).toBe(failedStep?.StepName);
    expect(diagnosis.automation?.failedStep?.action).toBe(failedStep?.Action);
    expect(diagnosis.automation?.failedStep?.failureMessage).toBe(failedStep?.FailureMessage);
    expect(diagnosis.links.map((l) => l.kind)).toEqual(['automation-execution']);
  });

  it.each(['LAMBDA', 'STEP_FUNCTIONS'])('%s: ids and links, no follow-up request', async (type) => {
    const invocation = invocationOf(type, (s) => s !== undefined && FAILED.has(s));
    const { diagnosis, requests } = await diagnosed(client(), invocation);
    expect(requests).toEqual({ GetMaintenanceWindowExecutionTaskInvocation: 1 });
    expect(diagnosis.taskType).toBe(type);
    expect(diagnosis.invocation.InvocationId).toBe(invocation.InvocationId);
    if (diagnosis.taskType === 'STEP_FUNCTIONS') {
      expect(diagnosis.executionArn).toBe(invocation.ExecutionId);
      expect(diagnosis.links.map((l) => l.kind)).toEqual(['step-functions-execution']);
    }
  });

  it.each(['GetCommandInvocation', 'ListCommandInvocations'] as const)(
    'a denied %s degrades to the invocation plus an ACCESS_DENIED note',
    async (denied) => {
      session.emulator.setFaults({ operations: { [denied]: { accessDenied: true } } });
      const invocation = failedOf('RUN_COMMAND');
      const { diagnosis } = await diagnosed(client(), invocation);
      if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(diagnosis.taskType);
      expect(diagnosis.invocation.InvocationId).toBe(invocation.InvocationId);
      expect(diagnosis.notes).toEqual([
        {
          code: 'ACCESS_DENIED',
          operation: denied,
          message: `${denied} was refused: the caller needs ssm:${denied}`,
        },
      ]);
      // The list stands when only the output was refused.
      expect(diagnosis.instances.length).toBe(denied === 'GetCommandInvocation' ? 1 : 0);
      expect(diagnosis.instances[0]?.output).toBeUndefined();
    },
  );

  it('a denied GetAutomationExecution degrades the same way', async () => {
    session.emulator.setFaults({ operations: { GetAutomationExecution: { accessDenied: true } } });
    const { diagnosis } = await diagnosed(client(), failedOf('AUTOMATION'));
    expect(diagnosis.notes.map((n) => [n.code, n.operation])).toEqual([
      ['ACCESS_DENIED', 'GetAutomationExecution'],
    ]);
  });

  it('flags the plugin output SSM cut at 2,500 characters as truncated', async () => {
    const { store } = session.emulator;
    const runCommand = store.invocations.filter(
      (i) => i.TaskType === 'RUN_COMMAND' && i.ExecutionId !== undefined,
    );
    let flagged = 0;
    for (const invocation of runCommand) {
      const diagnosis = await client().diagnoseInvocation(refOf(invocation));
      if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(diagnosis.taskType);
      for (const plugin of diagnosis.instances.flatMap((n) => n.plugins)) {
        // A plugin that has not written anything yet (pending, or skipped) carries no output.
        if (plugin.output === undefined) continue;
        const { text, truncated } = plugin.output;
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4096);
        expect(truncated).toBe(text.length >= 2500);
        if (truncated) flagged += 1;
      }
      if (flagged > 0) break;
    }
    expect(flagged).toBeGreaterThan(0);
  });

  it('rejects a malformed id before sending anything', async () => {
    session.emulator.resetStats();
    await expect(
      client().diagnoseInvocation({ ...refOf(failedOf('RUN_COMMAND')), taskId: 'task' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'taskId' });
    expect(session.emulator.stats().requests).toBe(0);
  });

  it("getWindowReport diagnose: 'failed' diagnoses every failed and timed-out invocation once", async () => {
    const window = session.emulator.store.windows.find((w) =>
      session.emulator.store
        .executionsOf(w.WindowId)
        .some((e) =>
          session.emulator.store.invocations.some(
            (i) =>
              i.WindowExecutionId === e.WindowExecutionId &&
              i.TaskType === 'RUN_COMMAND' &&
              FAILED.has(i.Status ?? ''),
          ),
        ),
    );
    if (!window) throw new Error('the demo seed has no window with a failed command');
    session.emulator.resetStats();
    const report = await client().getWindowReport({
      windowId: window.WindowId,
      executions: 10,
      diagnose: 'failed',
      maxDiagnoses: 500,
    });
    const tasks = report.executions.flatMap((e) => e.tasks);
    const failed = tasks.flatMap((t) => t.invocations.filter((i) => FAILED.has(i.Status ?? '')));
    expect(failed.length).toBeGreaterThan(0);
    for (const task of tasks) {
      const expected = task.invocations
        .filter((i) => FAILED.has(i.Status ?? ''))
        .map((i) => i.InvocationId)
        .sort();
      expect(Object.keys(task.diagnoses ?? {}).sort()).toEqual(expected);
    }
    expect(report.diagnosesOmitted).toBe(0);
    const requests = session.emulator.stats().byOperation;
    expect(requests.GetMaintenanceWindowExecutionTaskInvocation).toBeUndefined();
    const commands = failed.filter((i) => i.TaskType === 'RUN_COMMAND').length;
    expect(requests.ListCommandInvocations ?? 0).toBe(commands);
  });
});
