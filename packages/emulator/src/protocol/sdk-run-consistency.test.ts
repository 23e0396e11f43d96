import { join } from 'node:path';
import {
  GetAutomationExecutionCommand,
  GetCommandInvocationCommand,
  ListCommandInvocationsCommand,
  paginateListCommandInvocations,
  type CommandInvocation,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import type { EmulatorOptions } from '../http/emulator-options';
import { startEmulator, type Emulator } from '../http/server';
import type { EmulatorInvocation } from '../state/store';
import {
  NODE_ID,
  automationTargetOf,
  followUpClient,
  instanceIdsOf,
  startedInvocations,
} from '../test-support/follow-up-client';

const EXAMPLE_FIXTURE = join(__dirname, '..', '..', 'fixtures', 'example.yaml');

/** Checks that every started RUN_COMMAND invocation's command answers, node by node. */
async function checkRunCommand(ssm: SSMClient, invocation: EmulatorInvocation): Promise<void> {
  const nodes = instanceIdsOf(invocation);
  expect(nodes.length).toBeGreaterThan(0);
  for (const node of nodes) expect(node).toMatch(NODE_ID);
  const listed = await ssm.send(
    new ListCommandInvocationsCommand({ CommandId: invocation.ExecutionId, Details: true }),
  );
  const rows = listed.CommandInvocations ?? [];
  expect(rows.map((r) => r.InstanceId)).toEqual(nodes);
  for (const row of rows) {
    const plugin =
      row.CommandPlugins?.find((p) => p.Status !== 'Success') ?? row.CommandPlugins?.[0];
    const got = await ssm.send(
      new GetCommandInvocationCommand({
        CommandId: invocation.ExecutionId,
        InstanceId: row.InstanceId,
        PluginName: plugin?.Name,
      }),
    );
    expect(got).toMatchObject({ Status: plugin?.Status, ResponseCode: plugin?.ResponseCode });
  }
  const statuses = rows.map((r) => r.Status);
  switch (invocation.Status) {
    case 'SUCCESS':
      expect(statuses.every((s) => s === 'Success')).toBe(true);
      break;
    case 'FAILED':
    case 'TIMED_OUT': {
      const failing = rows.find((r) => r.Status !== 'Success') as CommandInvocation;
      expect(failing.Status).toBe(invocation.Status === 'FAILED' ? 'Failed' : 'TimedOut');
      expect(invocation.StatusDetails).toContain(failing.InstanceId);
      const plugin = failing.CommandPlugins?.find((p) => p.Status !== 'Success');
      if (failing.StatusDetails === 'Failed') {
        expect(plugin?.ResponseCode).toBeGreaterThan(0);
        expect(plugin?.Output).toContain('----------ERROR-------');
      } else {
        expect(plugin?.ResponseCode).toBe(-1);
      }
      break;
    }
    case 'IN_PROGRESS':
      expect(statuses.every((s) => s === 'InProgress')).toBe(true);
      break;
    default:
      expect(statuses.length).toBe(nodes.length);
  }
}

/** Checks that every started AUTOMATION invocation's execution answers with its target. */
async function checkAutomation(ssm: SSMClient, invocation: EmulatorInvocation): Promise<void> {
  const node = automationTargetOf(invocation);
  expect(node).toMatch(NODE_ID);
  const { AutomationExecution: run } = await ssm.send(
    new GetAutomationExecutionCommand({ AutomationExecutionId: invocation.ExecutionId }),
  );
  expect(run?.Parameters?.InstanceId).toEqual([node]);
  if (invocation.Status === 'FAILED' || invocation.Status === 'TIMED_OUT') {
    const step = run?.StepExecutions?.at(-1);
    expect(step?.StepStatus).toBe(invocation.Status === 'FAILED' ? 'Failed' : 'TimedOut');
    expect(step?.FailureDetails?.FailureType).toBeTruthy();
  }
}

async function checkEveryRun(emulator: Emulator): Promise<number> {
  const ssm = followUpClient(emulator);
  try {
    const commands = startedInvocations(emulator.store, 'RUN_COMMAND');
    const automations = startedInvocations(emulator.store, 'AUTOMATION');
    for (const invocation of commands) await checkRunCommand(ssm, invocation);
    for (const invocation of automations) await checkAutomation(ssm, invocation);
    return commands.length + automations.length;
  } finally {
    ssm.destroy();
  }
}

async function withEmulator<T>(options: EmulatorOptions, use: (e: Emulator) => Promise<T>) {
  const emulator = await startEmulator({ port: 0, ...options });
  try {
    return await use(emulator);
  } finally {
    await emulator.stop();
  }
}

describe('every RUN_COMMAND and AUTOMATION invocation names a run the follow-ups answer for', () => {
  it('in the demo seed', async () => {
    const checked = await withEmulator({ seed: 'demo' }, checkEveryRun);
    expect(checked).toBeGreaterThan(80);
  });

  it('in a generated seed', async () => {
    const checked = await withEmulator(
      {
        seed: 'consistency',
        seedOptions: {
          windows: 2,
          executionsPerWindow: 6,
          tasksPerExecution: 4,
          invocationsPerTask: 5,
        },
      },
      checkEveryRun,
    );
    expect(checked).toBeGreaterThan(20);
  });

  it('in the example fixture, whose invocations name no Parameters', async () => {
    await withEmulator({ fixture: EXAMPLE_FIXTURE }, async (emulator) => {
      expect(await checkEveryRun(emulator)).toBe(2);
      const failed = emulator.store.invocations.find((i) => i.Status === 'FAILED');
      // The node comes from the fixture's StatusDetails.
      expect(instanceIdsOf(failed as EmulatorInvocation)).toEqual(['i-0abc1234def567890']);
    });
  });

  it('in live mode, while runs progress and once they finish', async () => {
    await withEmulator(
      { seed: 'demo', live: { autoTick: false, tickMs: 1000, seed: 'live-consistency' } },
      async (emulator) => {
        const before = new Set(emulator.store.invocations.map((i) => i.InvocationId));
        emulator.tick(2);
        const fresh = () => emulator.store.invocations.filter((i) => !before.has(i.InvocationId));
        expect(fresh().some((i) => i.TaskType === 'RUN_COMMAND')).toBe(true);
        await checkEveryRun(emulator);
        emulator.tick(20);
        expect(fresh().filter((i) => i.Status === 'SUCCESS').length).toBeGreaterThan(0);
        await checkEveryRun(emulator);
      },
    );
  });
});

describe('determinism', () => {
  async function everything(emulator: Emulator) {
    const ssm = followUpClient(emulator);
    try {
      const rows: CommandInvocation[] = [];
      for await (const page of paginateListCommandInvocations(
        { client: ssm, pageSize: 50 },
        { Details: true },
      )) {
        rows.push(...(page.CommandInvocations ?? []));
      }
      const automations = [];
      for (const invocation of startedInvocations(emulator.store, 'AUTOMATION')) {
        const { $metadata: _m, ...out } = await ssm.send(
          new GetAutomationExecutionCommand({ AutomationExecutionId: invocation.ExecutionId }),
        );
        automations.push(out);
      }
      return { rows, automations };
    } finally {
      ssm.destroy();
    }
  }

  it('gives the same command output and automation runs for the same seed, others for another', async () => {
    const size = {
      windows: 1,
      executionsPerWindow: 4,
      tasksPerExecution: 2,
      invocationsPerTask: 6,
    };
    const first = await withEmulator({ seed: 'same', seedOptions: size }, everything);
    const second = await withEmulator({ seed: 'same', seedOptions: size }, everything);
    const other = await withEmulator({ seed: 'other', seedOptions: size }, everything);
    expect(first.rows.length).toBeGreaterThan(0);
    expect(first.automations.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
    expect(other.rows).not.toEqual(first.rows);
  });
});
