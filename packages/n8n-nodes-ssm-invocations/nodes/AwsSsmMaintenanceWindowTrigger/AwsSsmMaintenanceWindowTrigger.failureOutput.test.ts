/**
 * The trigger's "Include Failure Output" against the emulator: each emitted failure carries its
 * instance, exit code and stderr (as the emulator's Run Command answers them), within a per-poll
 * bound, and a refused follow-up call degrades to a note instead of failing the poll.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { Emulator } from '@ssm-invocations/emulator';
import { AwsSsmMaintenanceWindowTrigger } from './AwsSsmMaintenanceWindowTrigger.node';
import { MAX_DIAGNOSES_PER_POLL } from '../../shared/failureOutput';
import { demoFixture, instanceId, WINDOW_ID } from '../../test-support/ssmFixture';
import {
  callAsAnotherClient,
  fakePoll,
  sentCalls,
  startSsmEmulator,
} from '../../test-support/fakeN8n';

const trigger = new AwsSsmMaintenanceWindowTrigger();
const parameters = {
  windowId: WINDOW_ID,
  statuses: ['FAILED', 'TIMED_OUT'],
  lookbackMinutes: 60,
};

let emulator: Emulator;
afterEach(async () => {
  await emulator.stop();
});

/** One execution that started minutes ago with `invocations` targets (see ssmFixture). */
async function start(invocations: number): Promise<void> {
  emulator = await startSsmEmulator(
    demoFixture(invocations, 1, Math.floor(Date.now() / 1000) - 30 * 60),
  );
}

async function poll(extra: IDataObject = {}, staticData: IDataObject = {}) {
  const { context, requests } = fakePoll(emulator, { ...parameters, ...extra }, { staticData });
  const result = await trigger.poll.call(context);
  const operations = sentCalls(requests).map((call) => call.operation);
  const count = (operation: string) => operations.filter((one) => one === operation).length;
  return { emitted: result?.[0] ?? [], count, staticData };
}

/** The emulator's own answer for the failed step of a command on one node. */
async function stderrOf(commandId: string, instance: string): Promise<string> {
  const listed = await callAsAnotherClient(emulator, 'ListCommandInvocations', {
    CommandId: commandId,
    Details: true,
  });
  const [row] = listed.body.CommandInvocations as IDataObject[];
  const plugins = (row?.CommandPlugins ?? []) as IDataObject[];
  const step = plugins.find((plugin) => plugin.Status !== 'Success');
  const { body } = await callAsAnotherClient(emulator, 'GetCommandInvocation', {
    CommandId: commandId,
    InstanceId: instance,
    ...(plugins.length > 1 ? { PluginName: step?.Name } : {}),
  });
  return String(body.StandardErrorContent);
}

const diagnosisOf = (item: INodeExecutionData | undefined) =>
  (item?.json.Diagnosis ?? {}) as IDataObject;

describe('AWS SSM Maintenance Window Trigger: Include Failure Output', () => {
  it('each failed item names its instance and carries exit code, stderr tail and Reason', async () => {
    await start(10); // 5 and 10 failed, 7 timed out
    const { emitted, count } = await poll();
    expect(emitted).toHaveLength(3);
    expect(count('GetMaintenanceWindowExecutionTaskInvocation')).toBe(3);
    expect(count('ListCommandInvocations')).toBe(3);
    expect(count('GetCommandInvocation')).toBe(3);
    for (const item of emitted) {
      const { json } = item;
      const [instance] = json.Targets as string[];
      expect(instance).toMatch(/^i-[0-9a-f]{17}$/);
      const diagnosis = diagnosisOf(item);
      expect(diagnosis).toMatchObject({ TaskType: 'RUN_COMMAND', CommandId: json.ExecutionId });
      const [failed] = diagnosis.FailedInstances as IDataObject[];
      const stderr = await stderrOf(String(json.ExecutionId), instance ?? '');
      expect(failed).toMatchObject({ InstanceId: instance, Stderr: stderr });
      expect(failed?.ExitCode).toEqual(expect.any(Number));
      expect(json.Reason).toEqual(expect.any(String));
      // A timed-out node may have written nothing to stderr; a failed one says why there.
      if (json.Status === 'FAILED') expect(stderr).toContain(String(json.Reason).replace(/…$/, ''));
    }
    expect(emitted.map((item) => item.json.Targets).sort()).toEqual([
      [instanceId(5)],
      [instanceId(7)],
      [instanceId(10)],
    ]);
  });

  it('when off, items carry Targets but no diagnosis, and no follow-up call is sent', async () => {
    await start(10);
    const { emitted, count } = await poll({ includeFailureOutput: false, simplify: false });
    expect(emitted).toHaveLength(3);
    expect(emitted[0]?.json).toHaveProperty('Parameters');
    expect(emitted.map((item) => item.json.Targets).sort()).toEqual([
      [instanceId(5)],
      [instanceId(7)],
      [instanceId(10)],
    ]);
    expect(emitted[0]?.json).not.toHaveProperty('Diagnosis');
    expect(emitted[0]?.json).not.toHaveProperty('Reason');
    expect(count('GetMaintenanceWindowExecutionTaskInvocation')).toBe(0);
    expect(count('ListCommandInvocations')).toBe(0);
  });

  it.each(['GetCommandInvocation', 'GetMaintenanceWindowExecutionTaskInvocation'])(
    'AccessDenied on %s is a note on each item; the poll succeeds and moves on',
    async (operation) => {
      await start(10);
      emulator.setFaults({ operations: { [operation]: { accessDenied: true } } });
      const { emitted, staticData } = await poll();
      expect(emitted).toHaveLength(3);
      for (const item of emitted) {
        expect(item.json.Targets).toHaveLength(1);
        expect(diagnosisOf(item).Notes).toEqual([
          {
            Code: 'ACCESS_DENIED',
            Operation: operation,
            Message: `${operation} was refused: the caller needs ssm:${operation}`,
          },
        ]);
      }
      expect(emulator.stats().faults.accessDenied).toBe(3);
      expect(staticData.cursor).toEqual(expect.any(String));
      emulator.setFaults({});
      expect((await poll({}, staticData)).emitted).toHaveLength(0);
    },
  );

  it(`diagnoses at most ${MAX_DIAGNOSES_PER_POLL} invocations per poll; the rest say so`, async () => {
    await start(150); // 30 failed, 21 timed out (every 35th both: counted once)
    const { emitted, count } = await poll();
    expect(emitted.length).toBeGreaterThan(MAX_DIAGNOSES_PER_POLL);
    expect(count('GetMaintenanceWindowExecutionTaskInvocation')).toBe(MAX_DIAGNOSES_PER_POLL);
    const limited = emitted.filter((item) =>
      ((diagnosisOf(item).Notes ?? []) as IDataObject[]).some((note) => note.Code === 'LIMITED'),
    );
    expect(limited).toHaveLength(emitted.length - MAX_DIAGNOSES_PER_POLL);
    expect(limited.every((item) => Array.isArray(item.json.Targets))).toBe(true);
    expect(emitted.slice(0, MAX_DIAGNOSES_PER_POLL).every((item) => 'Reason' in item.json)).toBe(
      true,
    );
  });

  it('the manual sample carries its diagnosis too', async () => {
    await start(10);
    const { context } = fakePoll(emulator, parameters, { mode: 'manual' });
    const [[sample] = []] = (await trigger.poll.call(context)) ?? [];
    expect(diagnosisOf(sample).TaskType).toBe('RUN_COMMAND');
    expect(sample?.json.Reason).toEqual(expect.any(String));
  });
});
