import {
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowExecutionsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  GetMaintenanceWindowExecutionCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { LiveOptionsError } from './live-mode';
import { DEMO_WINDOW_IDS } from '../data/demo-windows';
import { EmulatorOptionsError } from '../http/emulator-options';
import { startEmulator, type Emulator } from '../http/server';

/** Statuses of work that has not finished (SSM's documented in-flight states). */
const RUNNING_STATUSES = ['PENDING', 'IN_PROGRESS', 'CANCELLING'];

const START = '2026-11-28T12:00:00.000Z';
const WINDOW_ID = DEMO_WINDOW_IDS.paymentsApiNightlyPatching;

describe('live mode', () => {
  let emulator: Emulator;
  let ssm: SSMClient;

  beforeEach(async () => {
    emulator = await startEmulator({
      live: { tickMs: 1000, autoTick: false, startTime: START, windowIds: [WINDOW_ID] },
    });
    ssm = new SSMClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
  });
  afterEach(async () => {
    ssm.destroy();
    await emulator.stop();
  });

  async function newest() {
    const out = await ssm.send(
      new DescribeMaintenanceWindowExecutionsCommand({ WindowId: WINDOW_ID, MaxResults: 10 }),
    );
    const execution = out.WindowExecutions?.[0];
    if (!execution?.WindowExecutionId) throw new Error('no executions');
    return execution;
  }

  it('adds an execution that goes PENDING → IN_PROGRESS → terminal over ticks', async () => {
    const before = emulator.store.executionsOf(WINDOW_ID).length;
    const first = emulator.tick();
    expect(first.tick).toBe(1);
    expect(first.now.toISOString()).toBe('2026-11-28T12:00:01.000Z');
    expect(first.created).toHaveLength(1);
    expect(emulator.store.executionsOf(WINDOW_ID)).toHaveLength(before + 1);

    const pending = await newest();
    expect(pending.WindowExecutionId).toBe(first.created[0]);
    expect(pending.Status).toBe('PENDING');
    expect(pending.StartTime).toBeUndefined();

    emulator.tick();
    const running = await newest();
    expect(running.Status).toBe('IN_PROGRESS');
    expect(running.StartTime?.toISOString()).toBe('2026-11-28T12:00:01.500Z');
    const tasks = await ssm.send(
      new DescribeMaintenanceWindowExecutionTasksCommand({
        WindowExecutionId: running.WindowExecutionId,
      }),
    );
    expect(tasks.WindowExecutionTaskIdentities?.some((t) => t.Status === 'IN_PROGRESS')).toBe(true);

    // A run takes at most 3.5 ticks.
    const third = emulator.tick(3);
    expect(third.completed).toContain(first.created[0]);
    // A later execution may be listed by now, so look the first one up by id.
    const done = await ssm.send(
      new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: first.created[0] }),
    );
    expect(RUNNING_STATUSES).not.toContain(done.Status);
    expect(done.EndTime?.getTime()).toBeLessThanOrEqual(third.now.getTime());
    for (const task of emulator.store.tasksOf(done.WindowExecutionId ?? '')) {
      expect(RUNNING_STATUSES).not.toContain(task.Status);
      const invocations = await ssm.send(
        new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
          WindowExecutionId: done.WindowExecutionId,
          TaskId: task.TaskExecutionId,
        }),
      );
      for (const invocation of invocations.WindowExecutionTaskInvocationIdentities ?? []) {
        expect(RUNNING_STATUSES).not.toContain(invocation.Status);
      }
    }
  });

  it('lists new executions newest first, each starting after the previous one ended', async () => {
    const created = emulator.tick(60).created;
    expect(created.length).toBeGreaterThanOrEqual(3);
    const executions = emulator.store.executionsOf(WINDOW_ID);
    const newest = executions.slice(0, created.length);
    expect(newest.map((e) => e.WindowExecutionId)).toEqual([...created].reverse());
    const runs = [...newest]
      .reverse()
      .filter((e) => e.EndTime && e.Status !== 'SKIPPED_OVERLAPPING');
    runs.slice(1).forEach((run, i) => {
      const previousEnd = runs[i]?.EndTime?.getTime() ?? Infinity;
      expect(run.StartTime?.getTime()).toBeGreaterThan(previousEnd);
    });
  });

  it('is deterministic for a seed and start time', async () => {
    emulator.tick(12);
    const statuses = emulator.store
      .executionsOf(WINDOW_ID)
      .slice(0, 4)
      .map((e) => [e.WindowExecutionId, e.Status]);
    const twin = await startEmulator({
      live: { tickMs: 1000, autoTick: false, startTime: START, windowIds: [WINDOW_ID] },
    });
    twin.tick(12);
    expect(
      twin.store
        .executionsOf(WINDOW_ID)
        .slice(0, 4)
        .map((e) => [e.WindowExecutionId, e.Status]),
    ).toEqual(statuses);
    await twin.stop();
  });

  it('keeps paging stable while new executions arrive', async () => {
    emulator.tick(30);
    const page1 = await ssm.send(
      new DescribeMaintenanceWindowExecutionsCommand({ WindowId: WINDOW_ID, MaxResults: 10 }),
    );
    emulator.tick(6);
    const rest: string[] = [];
    let NextToken = page1.NextToken;
    while (NextToken) {
      const page = await ssm.send(
        new DescribeMaintenanceWindowExecutionsCommand({
          WindowId: WINDOW_ID,
          MaxResults: 10,
          NextToken,
        }),
      );
      rest.push(...(page.WindowExecutions ?? []).map((e) => e.WindowExecutionId ?? ''));
      NextToken = page.NextToken;
    }
    const firstIds = (page1.WindowExecutions ?? []).map((e) => e.WindowExecutionId ?? '');
    const all = [...firstIds, ...rest];
    expect(new Set(all).size).toBe(all.length);
    const oldIds = emulator.store
      .executionsOf(WINDOW_ID)
      .map((e) => e.WindowExecutionId)
      .filter((id) => !firstIds.includes(id));
    expect(rest).toEqual(oldIds.slice(oldIds.length - rest.length));
  });

  it('keeps each invocation in its place while it starts, so paging mid-run sees each once', async () => {
    const busy = await startEmulator({
      seed: 'live-paging',
      seedOptions: {
        windows: 1,
        executionsPerWindow: 1,
        tasksPerExecution: 1,
        invocationsPerTask: 60,
      },
      live: { tickMs: 1000, autoTick: false, startTime: START },
    });
    const client = new SSMClient({
      endpoint: busy.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
    const [windowExecutionId] = busy.tick().created;
    const task = busy.store.tasksOf(windowExecutionId ?? '')[0];
    if (!windowExecutionId || !task) throw new Error('live execution has no task');
    const seen: string[] = [];
    const statuses = new Set<string>();
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
          WindowExecutionId: windowExecutionId,
          TaskId: task.TaskExecutionId,
          MaxResults: 10,
          NextToken,
        }),
      );
      for (const invocation of page.WindowExecutionTaskInvocationIdentities ?? []) {
        seen.push(invocation.InvocationId ?? '');
        statuses.add(invocation.Status ?? '');
      }
      NextToken = page.NextToken;
      busy.tick(); // records start and finish between pages
    } while (NextToken);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(statuses.size).toBeGreaterThan(1);
    client.destroy();
    await busy.stop();
  });

  it('ticks on a timer by default', async () => {
    const timed = await startEmulator({
      live: { tickMs: 50, startTime: START, windowIds: [WINDOW_ID] },
    });
    const before = timed.store.executionsOf(WINDOW_ID).length;
    // Poll instead of sleeping a fixed time: timers run late on a busy machine.
    const deadline = Date.now() + 5000;
    while (timed.store.executionsOf(WINDOW_ID).length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(timed.store.executionsOf(WINDOW_ID).length).toBeGreaterThan(before);
    await timed.stop();
  });
});

describe('live mode options', () => {
  it('rejects unknown windows and bad ticks', async () => {
    await expect(startEmulator({ live: { windowIds: ['mw-0123456789abcdef0'] } })).rejects.toThrow(
      LiveOptionsError,
    );
    await expect(startEmulator({ live: { tickMs: 0 } })).rejects.toThrow('live.tickMs must be > 0');
    await expect(
      startEmulator({
        fixture: { windows: [{ WindowId: 'mw-0123456789abcdef0', Name: 'idle-window' }] },
        live: { windowIds: ['mw-0123456789abcdef0'] },
      }),
    ).rejects.toThrow('live.windowIds names mw-0123456789abcdef0, which has no tasks to run');
  });

  it('refuses tick() without live mode', async () => {
    const emulator = await startEmulator();
    expect(() => emulator.tick()).toThrow(EmulatorOptionsError);
    await emulator.stop();
  });

  it('stops once, however often stop() is called', async () => {
    const emulator = await startEmulator({ live: { tickMs: 10 } });
    await Promise.all([emulator.stop(), emulator.stop()]);
    await expect(emulator.stop()).resolves.toBeUndefined();
    await expect(fetch(`${emulator.url}/__emulator/stats`)).rejects.toThrow();
  });
});
