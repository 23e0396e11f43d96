import type { IDataObject } from 'n8n-workflow';
import { AwsSsmMaintenanceWindowTrigger } from './AwsSsmMaintenanceWindowTrigger.node';
import { advance, markSeen, MAX_SEEN, rememberFinished, type PollState } from './pollState';
import type { Emulator, Fixture } from '@ssm-invocations/emulator';
import { demoFixture, uuid, WINDOW_ID } from '../../test-support/ssmFixture';
import { fakePoll, sentCalls, startSsmEmulator } from '../../test-support/fakeN8n';

const trigger = new AwsSsmMaintenanceWindowTrigger();
const parameters = {
  windowId: WINDOW_ID,
  statuses: ['FAILED', 'TIMED_OUT'],
  lookbackMinutes: 60,
  simplify: true,
};

/** Executions that started minutes ago (the trigger looks back from the real clock). */
function recentFixture(invocationsPerTask: number, executions: number): Fixture {
  return demoFixture(invocationsPerTask, executions, Math.floor(Date.now() / 1000) - 30 * 60);
}

const emulators: Emulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emulator) => emulator.stop()));
});

async function emulatorWith(fixture: Fixture): Promise<Emulator> {
  const emulator = await startSsmEmulator(fixture);
  emulators.push(emulator);
  return emulator;
}

async function poll(
  emulator: Emulator,
  staticData: IDataObject,
  mode: 'trigger' | 'manual' = 'trigger',
) {
  const { context, requests } = fakePoll(emulator, parameters, { staticData, mode });
  const result = await trigger.poll.call(context);
  return { emitted: result?.[0] ?? [], calls: sentCalls(requests) };
}

describe('AWS SSM Maintenance Window Trigger', () => {
  it('emits each failed or timed-out invocation once across polls and restarts', async () => {
    const fixture = recentFixture(20, 1);
    const [started] = fixture.windows[0]?.executions ?? [];
    if (started) started.Status = 'IN_PROGRESS'; // still running: its targets may fail later
    const emulator = await emulatorWith(fixture);
    const { store } = emulator;
    const staticData: IDataObject = {};
    const first = await poll(emulator, staticData);
    // 20 invocations: 5,10,15,20 failed; 7,14 timed out.
    expect(first.emitted).toHaveLength(6);
    expect(first.emitted[0]?.json).toMatchObject({
      WindowId: WINDOW_ID,
      WindowName: 'patch-web',
      TaskArn: 'AWS-RunPatchBaseline',
    });
    // Core also lists the running statuses, to know whether an execution has settled.
    expect(
      first.calls.find(
        (call) => call.operation === 'DescribeMaintenanceWindowExecutionTaskInvocations',
      )?.input.Filters,
    ).toEqual([
      { Key: 'STATUS', Values: ['FAILED', 'TIMED_OUT', 'PENDING', 'IN_PROGRESS', 'CANCELLING'] },
    ]);

    const second = await poll(emulator, staticData);
    expect(second.emitted).toHaveLength(0);

    // A restart: n8n hands the persisted static data (JSON) to a fresh node instance.
    const restored = JSON.parse(JSON.stringify(staticData)) as IDataObject;
    const afterRestart = await poll(emulator, restored);
    expect(afterRestart.emitted).toHaveLength(0);

    // A target of the running execution fails later: emitted, alone.
    const [execution] = store.executionsOf(WINDOW_ID);
    const [task] = store.tasksOf(execution?.WindowExecutionId ?? '');
    const [invocation] = store.invocationsOf(
      execution?.WindowExecutionId ?? '',
      task?.TaskExecutionId ?? '',
    );
    if (!execution || !invocation) throw new Error('the fixture has no invocation');
    store.addInvocation({ ...invocation, InvocationId: uuid(3, 777), Status: 'FAILED' });
    const later = await poll(emulator, restored);
    expect(later.emitted.map((item) => item.json.InvocationId)).toEqual([uuid(3, 777)]);

    // Once the execution has finished and the cursor has moved past it, it is not read again.
    execution.Status = 'FAILED';
    store.touch();
    expect((await poll(emulator, restored)).emitted).toHaveLength(0);
    const settled = await poll(emulator, restored);
    expect(settled.emitted).toHaveLength(0);
    expect(settled.calls.map((call) => call.operation)).not.toContain(
      'DescribeMaintenanceWindowExecutionTasks',
    );
  });

  it.each([[[]], [['IN_PROGRESS', 'FAILED']]])(
    'with statuses %j, emits an invocation again when it moves on to another chosen status',
    async (statuses) => {
      const fixture = recentFixture(5, 1);
      const [running] = fixture.windows[0]?.executions ?? [];
      const fifth = running?.tasks?.[0]?.invocations?.[4];
      if (!running || !fifth) throw new Error('the fixture has no fifth invocation');
      running.Status = 'IN_PROGRESS';
      fifth.Status = 'IN_PROGRESS';
      const emulator = await emulatorWith(fixture);
      const staticData: IDataObject = {};
      const pollWith = async () => {
        const { context } = fakePoll(
          emulator,
          { ...parameters, statuses, includeFailureOutput: false },
          { staticData },
        );
        return (await trigger.poll.call(context))?.[0] ?? [];
      };
      const statusOf = (items: Array<{ json: IDataObject }>) =>
        items
          .filter((item) => item.json.InvocationId === uuid(3, 100_005))
          .map((item) => item.json.Status);
      expect(statusOf(await pollWith())).toEqual(['IN_PROGRESS']);

      const [execution] = emulator.store.executionsOf(WINDOW_ID);
      const [task] = emulator.store.tasksOf(execution?.WindowExecutionId ?? '');
      const stored = emulator.store
        .invocationsOf(execution?.WindowExecutionId ?? '', task?.TaskExecutionId ?? '')
        .find((one) => one.InvocationId === uuid(3, 100_005));
      if (!stored) throw new Error('the emulator lost the fifth invocation');
      stored.Status = 'FAILED';
      emulator.store.touch();
      const failed = await pollWith();
      expect(failed.map((item) => item.json.Status)).toEqual(['FAILED']);
      expect(statusOf(failed)).toEqual(['FAILED']);
      expect(await pollWith()).toHaveLength(0);
    },
  );

  it('does not read finished executions it has already read: a quiet poll costs the listings', async () => {
    // E1 started 3 h ago and still runs (it holds the cursor back); E2 and E3 finished since.
    const fixture = demoFixture(20, 3, Math.floor(Date.now() / 1000) - 3 * 3600);
    const [running] = fixture.windows[0]?.executions ?? [];
    if (running) running.Status = 'IN_PROGRESS';
    const emulator = await emulatorWith(fixture);
    const staticData: IDataObject = {};
    const pollOnce = async (data: IDataObject) => {
      const { context, requests } = fakePoll(
        emulator,
        // The walk's cost alone: failure output adds its reads per failed invocation emitted.
        { ...parameters, lookbackMinutes: 240, includeFailureOutput: false },
        { staticData: data },
      );
      const result = await trigger.poll.call(context);
      return { emitted: result?.[0] ?? [], calls: sentCalls(requests) };
    };
    const first = await pollOnce(staticData);
    expect(first.emitted).toHaveLength(18); // 6 per execution
    expect(first.calls).toHaveLength(2 + 3 * 2);
    expect(staticData.finished).toEqual([uuid(1, 3), uuid(1, 2)]);

    // Restarted from the persisted JSON: only the running execution is walked again.
    const restored = JSON.parse(JSON.stringify(staticData)) as IDataObject;
    const quiet = await pollOnce(restored);
    expect(quiet.emitted).toHaveLength(0);
    expect(quiet.calls.map((call) => call.operation)).toEqual([
      'GetMaintenanceWindow',
      'DescribeMaintenanceWindowExecutions',
      'DescribeMaintenanceWindowExecutionTasks',
      'DescribeMaintenanceWindowExecutionTaskInvocations',
    ]);
    expect(
      quiet.calls.find((call) => call.operation === 'DescribeMaintenanceWindowExecutionTasks')
        ?.input.WindowExecutionId,
    ).toBe(uuid(1, 1));

    // Without the remembered set (the behaviour before it existed) the same poll reads all three.
    delete restored.finished;
    expect((await pollOnce(restored)).calls).toHaveLength(2 + 3 * 2);
  });

  it('skips executions older than the first-poll look-back', async () => {
    const emulator = await emulatorWith(demoFixture(20, 1)); // started in 2025
    const { emitted, calls } = await poll(emulator, {});
    expect(calls.length).toBeGreaterThan(0);
    expect(emitted).toHaveLength(0);
  });

  it('in manual mode returns the newest matching invocation as a sample and keeps no state', async () => {
    const staticData: IDataObject = {};
    const emulator = await emulatorWith(demoFixture(20, 3));
    const { emitted } = await poll(emulator, staticData, 'manual');
    expect(emitted).toHaveLength(1);
    expect(emitted[0]?.json).toMatchObject({
      WindowExecutionId: uuid(1, 3),
      Status: expect.stringMatching(/FAILED|TIMED_OUT/),
    });
    expect(staticData).toEqual({});
  });

  it('watches every window when no Window ID is given', async () => {
    const emulator = await emulatorWith(recentFixture(5, 1));
    const { context, requests } = fakePoll(emulator, { ...parameters, windowId: '' });
    const result = await trigger.poll.call(context);
    expect(sentCalls(requests)[0]?.operation).toBe('DescribeMaintenanceWindows');
    expect(result?.[0]).toHaveLength(1);
  });

  it.each([NaN, -5, 1e12, Infinity, 'soon'])(
    'refuses a Look Back on First Poll of %p, naming that parameter, before any request',
    async (lookbackMinutes) => {
      const emulator = await emulatorWith(recentFixture(5, 1));
      const staticData: IDataObject = {};
      const { context, requests } = fakePoll(
        emulator,
        { ...parameters, lookbackMinutes },
        { staticData },
      );
      const error = await trigger.poll.call(context).then(
        () => undefined,
        (thrown: unknown) => thrown as Error,
      );
      expect(error?.message).toMatch(/^Look Back on First Poll \(Minutes\): must be /);
      expect(requests).toHaveLength(0);
      expect(staticData).toEqual({});
    },
  );

  it('leaves its state untouched when a poll fails, so nothing is lost', async () => {
    const emulator = await emulatorWith(recentFixture(20, 1));
    const staticData: IDataObject = {};
    emulator.setFaults({
      operations: { DescribeMaintenanceWindowExecutionTaskInvocations: { accessDenied: true } },
    });
    const { context } = fakePoll(emulator, parameters, { staticData });
    await expect(trigger.poll.call(context)).rejects.toThrow(
      /not authorized to perform: ssm:DescribeMaintenanceWindowExecutionTaskInvocations/,
    );
    expect(emulator.stats().faults.accessDenied).toBe(1);
    expect(emulator.stats().succeeded.DescribeMaintenanceWindowExecutions).toBe(1);
    expect(staticData).toEqual({});
    emulator.setFaults({});
    const retried = await poll(emulator, staticData);
    expect(retried.emitted).toHaveLength(6);
  });
});

describe('trigger poll state', () => {
  it('keeps the cursor before executions that are still running', () => {
    const state: PollState = {};
    const now = new Date('2026-01-01T12:00:00Z');
    advance(state, now, Date.parse('2026-01-01T10:00:00Z'));
    expect(state.cursor).toBe('2026-01-01T09:59:59.000Z');
    advance(state, new Date('2026-01-01T13:00:00Z'), undefined);
    expect(state.cursor).toBe('2026-01-01T12:55:00.000Z');
  });

  it('bounds the remembered finished executions', () => {
    const state: PollState = {};
    rememberFinished(
      state,
      Array.from({ length: MAX_SEEN + 5 }, (_, i) => `e-${i}`),
    );
    expect(state.finished).toHaveLength(MAX_SEEN);
    expect(state.finished?.[0]).toBe('e-0');
  });

  it('bounds the seen-set and forgets invocations of executions before the cursor', () => {
    const state: PollState = {};
    const base = Date.parse('2026-01-01T12:00:00Z');
    for (let i = 0; i < MAX_SEEN + 500; i++) expect(markSeen(state, `k${i}`, base + i)).toBe(true);
    expect(markSeen(state, 'k1', base + 1)).toBe(false);
    markSeen(state, 'old', base - 86_400_000);
    advance(state, new Date(base), undefined);
    const keys = Object.keys(state.seen ?? {});
    expect(keys).toHaveLength(MAX_SEEN);
    expect(keys).not.toContain('old');
    expect(keys).toContain(`k${MAX_SEEN + 499}`);
  });
});
