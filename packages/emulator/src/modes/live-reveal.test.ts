import {
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  ListCommandInvocationsCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { DEMO_WINDOW_IDS } from '../data/demo-windows';
import { startEmulator, type Emulator } from '../http/server';
import type { ExecutionStatus } from '../protocol/service-model';
import type { Timed } from './live-reveal';

const START = '2026-11-28T12:00:00.000Z';
const CANCELLING_WINDOW = DEMO_WINDOW_IDS.legacyReportsMonthlyCleanup;
const ORDER: ExecutionStatus[] = ['PENDING', 'IN_PROGRESS', 'CANCELLING'];
/** PENDING 0, IN_PROGRESS 1, CANCELLING 2, any final status 3. */
const stage = (status: ExecutionStatus) => (ORDER.includes(status) ? ORDER.indexOf(status) : 3);

describe('live reveal', () => {
  let emulator: Emulator;
  afterEach(() => emulator.stop());

  it('moves a CANCELLING execution, task and invocation only forward, to CANCELLED', async () => {
    emulator = await startEmulator({
      seed: 'demo',
      live: { tickMs: 1000, autoTick: false, startTime: START, windowIds: [CANCELLING_WINDOW] },
    });
    const { store } = emulator;
    const execution = store.executionsOf(CANCELLING_WINDOW)[0];
    if (!execution) throw new Error('no execution');
    const tasks = store.tasksOf(execution.WindowExecutionId);
    const invocations = tasks.flatMap((t) =>
      store.invocationsOf(execution.WindowExecutionId, t.TaskExecutionId),
    );
    const records: Timed[] = [execution, ...tasks, ...invocations];
    const cancelling = records.filter((r) => r.Status === 'CANCELLING');
    // The seed's newest run of this window is being cancelled: the execution, a task, invocations.
    expect(cancelling).toContain(execution);
    expect(tasks.some((t) => t.Status === 'CANCELLING')).toBe(true);
    expect(invocations.some((i) => i.Status === 'CANCELLING')).toBe(true);
    const seen = cancelling.map((record) => [record.Status]);
    for (let tick = 0; tick < 8; tick += 1) {
      emulator.tick();
      cancelling.forEach((record, i) => seen[i]?.push(record.Status));
    }
    for (const statuses of seen) {
      expect(statuses.at(-1)).toBe('CANCELLED');
      const stages = statuses.map(stage);
      expect(stages).toEqual([...stages].sort((a, b) => a - b));
      expect(statuses).not.toContain('IN_PROGRESS');
    }
  });

  it('lists a live invocation that has not started without an ExecutionId', async () => {
    const windowId = DEMO_WINDOW_IDS.paymentsApiNightlyPatching;
    emulator = await startEmulator({
      live: { tickMs: 1000, autoTick: false, startTime: START, windowIds: [windowId] },
    });
    const ssm = new SSMClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
    try {
      const [created] = emulator.tick().created;
      if (!created) throw new Error('no live run');
      const task = emulator.store.tasksOf(created).find((t) => t.TaskType === 'RUN_COMMAND');
      if (!task) throw new Error('no Run Command task');
      const list = () =>
        ssm.send(
          new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
            WindowExecutionId: created,
            TaskId: task.TaskExecutionId,
          }),
        );
      const pending = (await list()).WindowExecutionTaskInvocationIdentities ?? [];
      expect(pending.length).toBeGreaterThan(0);
      for (const invocation of pending) {
        expect(invocation.Status).toBe('PENDING');
        expect(invocation.StartTime).toBeUndefined();
        expect(invocation.ExecutionId).toBeUndefined();
      }
      // Nothing was sent yet, so Run Command knows no command of this run.
      const { CommandInvocations: rows = [] } = await ssm.send(
        new ListCommandInvocationsCommand({ MaxResults: 50 }),
      );
      const ids = new Set(emulator.store.invocationsOf(created, task.TaskExecutionId));
      expect(rows.filter((row) => [...ids].some((i) => i.ExecutionId === row.CommandId))).toEqual(
        [],
      );
      for (const row of rows) expect(row.RequestedDateTime).toBeInstanceOf(Date);

      // Once started, each invocation names its command, and the command is listed.
      emulator.tick(4);
      const done = (await list()).WindowExecutionTaskInvocationIdentities ?? [];
      expect(done.some((invocation) => invocation.StartTime !== undefined)).toBe(true);
      for (const invocation of done) {
        if (invocation.StartTime === undefined) continue;
        expect(invocation.ExecutionId).toMatch(/^[0-9a-f-]{36}$/);
        const listed = await ssm.send(
          new ListCommandInvocationsCommand({ CommandId: invocation.ExecutionId }),
        );
        expect(listed.CommandInvocations?.length).toBeGreaterThan(0);
        for (const row of listed.CommandInvocations ?? []) {
          expect(row.RequestedDateTime).toBeInstanceOf(Date);
        }
      }
    } finally {
      ssm.destroy();
    }
  });

  it('gives an invocation that starts while settling its ExecutionId then', async () => {
    emulator = await startEmulator({
      seed: 'demo',
      live: { tickMs: 1000, autoTick: false, startTime: START },
    });
    const waiting = emulator.store.invocations.filter((i) => i.Status === 'PENDING');
    expect(waiting.some((i) => i.TaskType === 'RUN_COMMAND')).toBe(true);
    for (const invocation of waiting) expect(invocation.ExecutionId).toBeUndefined();
    emulator.tick(10);
    const ssm = new SSMClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
    try {
      for (const invocation of waiting) {
        expect(invocation.StartTime).toBeInstanceOf(Date);
        expect(invocation.ExecutionId).toEqual(expect.any(String));
        if (invocation.TaskType !== 'RUN_COMMAND') continue;
        const listed = await ssm.send(
          new ListCommandInvocationsCommand({ CommandId: invocation.ExecutionId }),
        );
        expect(listed.CommandInvocations?.[0]?.Status).toBe('Success');
      }
    } finally {
      ssm.destroy();
    }
  });
});
