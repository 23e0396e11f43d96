import {
  DescribeMaintenanceWindowsCommand,
  GetMaintenanceWindowCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { DEMO_WINDOW_IDS, demoWindows } from '../data/demo-windows';
import { startEmulator, type Emulator } from '../http/server';
import { createSeededRandom } from '../state/seeded-random';
import { liveCadenceMs, planRun } from './live-pacing';
import type { EmulatorExecution } from '../state/store';

const START = '2026-11-28T12:00:00.000Z';
const TICK_MS = 5000;
const LIVE_WINDOWS = demoWindows.filter((w) => w.Enabled).map((w) => w.WindowId);

async function liveDemo(seed?: string): Promise<Emulator> {
  return startEmulator({
    seed: 'demo',
    live: { tickMs: TICK_MS, autoTick: false, startTime: START, seed },
  });
}

const IN_FLIGHT = ['PENDING', 'IN_PROGRESS', 'CANCELLING'];

/** The finished executions live mode added (started after the clock's start), oldest first. */
function liveExecutions(emulator: Emulator, windowId: string): EmulatorExecution[] {
  return emulator.store
    .executionsOf(windowId)
    .filter((e) => (e.StartTime?.getTime() ?? 0) >= Date.parse(START))
    .filter((e) => !IN_FLIGHT.includes(e.Status))
    .reverse();
}

describe('live pacing', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await liveDemo();
    emulator.tick(1500); // ~2 virtual hours
  });
  afterAll(() => emulator.stop());

  it('starts a window run only after its previous run ended, unless it is skipped', () => {
    for (const windowId of LIVE_WINDOWS) {
      const runs = liveExecutions(emulator, windowId);
      expect(runs.length).toBeGreaterThan(10);
      let busyUntil = 0;
      for (const run of runs) {
        const start = run.StartTime?.getTime() ?? NaN;
        if (run.Status === 'SKIPPED_OVERLAPPING') {
          // SSM skips a run only while the previous one is still going.
          expect(start).toBeLessThan(busyUntil);
          expect(run.EndTime).toEqual(run.StartTime);
        } else {
          expect(start).toBeGreaterThan(busyUntil);
          busyUntil = run.EndTime?.getTime() ?? NaN;
          expect(busyUntil - start).toBeGreaterThanOrEqual(1.5 * TICK_MS - 1);
          expect(busyUntil - start).toBeLessThanOrEqual(3.5 * TICK_MS + 1);
        }
      }
    }
  });

  it('is mostly successful, with occasional failures and rare skips', () => {
    const all = LIVE_WINDOWS.flatMap((id) => liveExecutions(emulator, id));
    const share = (status: string) => all.filter((e) => e.Status === status).length / all.length;
    expect(all.length).toBeGreaterThan(100);
    expect(share('SUCCESS')).toBeGreaterThan(0.65);
    expect(share('FAILED')).toBeGreaterThan(0.03);
    expect(share('FAILED')).toBeLessThan(0.25);
    expect(share('SKIPPED_OVERLAPPING')).toBeGreaterThan(0);
    expect(share('SKIPPED_OVERLAPPING')).toBeLessThan(0.1);
  });

  it('runs frequent schedules more often than rare ones', () => {
    const count = (id: string) => liveExecutions(emulator, id).length;
    expect(count(DEMO_WINDOW_IDS.searchIndexerHourlyReindex)).toBeGreaterThan(
      count(DEMO_WINDOW_IDS.paymentsApiNightlyPatching),
    );
    expect(count(DEMO_WINDOW_IDS.paymentsApiNightlyPatching)).toBeGreaterThan(
      count(DEMO_WINDOW_IDS.checkoutWebWeeklyReboot),
    );
    expect(liveCadenceMs('rate(1 hour)', 3, 1000)).toBe(3000);
    expect(liveCadenceMs('cron(30 3 ? * SUN *)', 3, 1000)).toBeCloseTo(3000 * (1 + 7.39 / 2), -2);
    expect(liveCadenceMs('at(2030-01-01T00:00:00)', 3, 1000)).toBe(
      liveCadenceMs('rate(1 day)', 3, 1000),
    );
  });

  it('finishes the runs the seed left in flight', () => {
    const seeded = (id: string) =>
      emulator.store
        .executionsOf(id)
        .filter((e) => (e.StartTime?.getTime() ?? Infinity) < Date.parse(START));
    const checkout = seeded(DEMO_WINDOW_IDS.checkoutWebWeeklyReboot);
    expect(checkout.length).toBeGreaterThan(0);
    for (const execution of LIVE_WINDOWS.flatMap(seeded)) {
      expect(IN_FLIGHT).not.toContain(execution.Status);
      for (const task of emulator.store.tasksOf(execution.WindowExecutionId)) {
        expect(IN_FLIGHT).not.toContain(task.Status);
        if (task.EndTime && execution.EndTime) {
          expect(task.EndTime.getTime()).toBeLessThanOrEqual(execution.EndTime.getTime());
        }
        for (const invocation of emulator.store.invocationsOf(
          execution.WindowExecutionId,
          task.TaskExecutionId,
        )) {
          expect(IN_FLIGHT).not.toContain(invocation.Status);
        }
      }
    }
  });

  it('shows a seeded run in flight as running first, then finished', async () => {
    const fresh = await liveDemo();
    const [inFlight] = fresh.store.executionsOf(DEMO_WINDOW_IDS.checkoutWebWeeklyReboot);
    expect(inFlight?.Status).toBe('IN_PROGRESS');
    fresh.tick();
    expect(inFlight?.Status).toBe('IN_PROGRESS');
    const { completed } = fresh.tick(3);
    expect(completed).toContain(inFlight?.WindowExecutionId);
    expect(inFlight?.Status).toBe('SUCCESS');
    expect(inFlight?.EndTime?.getTime()).toBeLessThanOrEqual(fresh.tick(0).now.getTime());
    await fresh.stop();
  });
});

describe('live NextExecutionTime', () => {
  it('is when the next run starts, in GetMaintenanceWindow and DescribeMaintenanceWindows', async () => {
    const emulator = await liveDemo();
    const ssm = new SSMClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
    const windowId = DEMO_WINDOW_IDS.searchIndexerHourlyReindex;
    try {
      for (let round = 0; round < 8; round += 1) {
        const got = await ssm.send(new GetMaintenanceWindowCommand({ WindowId: windowId }));
        const listed = await ssm.send(new DescribeMaintenanceWindowsCommand({}));
        const announced = got.NextExecutionTime ?? '';
        expect(
          listed.WindowIdentities?.find((w) => w.WindowId === windowId)?.NextExecutionTime,
        ).toBe(announced);
        expect(Date.parse(announced)).toBeGreaterThan(emulator.tick(0).now.getTime());
        // Tick until the announced run is listed and started; it starts exactly then.
        let created: string | undefined;
        while (!created)
          created = emulator
            .tick()
            .created.find((id) => emulator.store.getExecution(id)?.WindowId === windowId);
        emulator.tick();
        expect(emulator.store.getExecution(created)?.StartTime?.toISOString()).toBe(announced);
      }
    } finally {
      ssm.destroy();
      await emulator.stop();
    }
  });
});

describe('live determinism', () => {
  it('gives the same runs for a seed and start time, and other runs for another seed', async () => {
    const summary = (emulator: Emulator) =>
      LIVE_WINDOWS.flatMap((id) =>
        liveExecutions(emulator, id).map((e) => [
          e.WindowExecutionId,
          e.Status,
          e.StartTime,
          e.EndTime,
        ]),
      );
    const [a, b, c] = await Promise.all([liveDemo('x'), liveDemo('x'), liveDemo('y')]);
    for (const emulator of [a, b, c]) emulator.tick(200);
    expect(summary(b)).toEqual(summary(a));
    expect(summary(c)).not.toEqual(summary(a));
    await Promise.all([a, b, c].map((emulator) => emulator.stop()));
  });

  it('draws runs only from the seeded PRNG', () => {
    const draw = () => planRun(createSeededRandom('runs'), 1000);
    expect(draw()).toEqual(draw());
  });
});
