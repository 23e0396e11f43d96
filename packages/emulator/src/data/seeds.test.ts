import {
  EXECUTION_STATUSES,
  SSM_SERVICE_MODEL,
  TASK_TYPES,
  shapePattern,
} from '../protocol/service-model';
import { DEMO_WINDOW_IDS, demoWindows } from './demo-windows';
import { REFERENCE_SEED_ANCHOR, SeedOptionsError, createSeededStore, seedAnchorAt } from './seeds';
import type { EmulatorStore } from '../state/store';

/** Checks that every record nests inside its parent and ids are well-formed. */
function expectConsistentGraph(store: EmulatorStore): void {
  for (const window of store.windows) {
    expect(window.WindowId).toMatch(shapePattern('MaintenanceWindowId'));
    expect(window.Name).toMatch(shapePattern('MaintenanceWindowName'));
    for (const execution of store.executionsOf(window.WindowId)) {
      expect(execution.WindowExecutionId).toMatch(shapePattern('MaintenanceWindowExecutionId'));
      for (const task of store.tasksOf(execution.WindowExecutionId)) {
        expect(task.TaskExecutionId).toMatch(shapePattern('MaintenanceWindowExecutionTaskId'));
        if (task.StartTime && execution.StartTime) {
          expect(task.StartTime.getTime()).toBeGreaterThanOrEqual(execution.StartTime.getTime());
        }
        if (task.EndTime && execution.EndTime) {
          expect(task.EndTime.getTime()).toBeLessThanOrEqual(execution.EndTime.getTime());
        }
        for (const invocation of store.invocationsOf(
          execution.WindowExecutionId,
          task.TaskExecutionId,
        )) {
          expect(invocation.TaskType).toBe(task.TaskType);
          expect(invocation.InvocationId).toMatch(
            shapePattern('MaintenanceWindowExecutionTaskInvocationId'),
          );
          expect((invocation.StatusDetails ?? '').length).toBeLessThanOrEqual(
            SSM_SERVICE_MODEL.shapes.MaintenanceWindowExecutionStatusDetails.max,
          );
          if (invocation.StartTime && task.StartTime) {
            expect(invocation.StartTime.getTime()).toBeGreaterThanOrEqual(task.StartTime.getTime());
          }
          if (invocation.EndTime && task.EndTime) {
            expect(invocation.EndTime.getTime()).toBeLessThanOrEqual(task.EndTime.getTime());
          }
          if (invocation.EndTime && invocation.StartTime) {
            expect(invocation.EndTime.getTime()).toBeGreaterThan(invocation.StartTime.getTime());
          }
        }
        if (task.Status === 'FAILED') {
          expect(
            store
              .invocationsOf(execution.WindowExecutionId, task.TaskExecutionId)
              .some((i) => i.Status === 'FAILED'),
          ).toBe(true);
        }
      }
      if (execution.Status === 'FAILED') {
        expect(store.tasksOf(execution.WindowExecutionId).some((t) => t.Status === 'FAILED')).toBe(
          true,
        );
      }
      if (execution.Status === 'SUCCESS') {
        expect(
          store.tasksOf(execution.WindowExecutionId).every((t) => t.Status === 'SUCCESS'),
        ).toBe(true);
      }
    }
  }
}

describe('the demo seed', () => {
  const { store } = createSeededStore('demo', { anchor: REFERENCE_SEED_ANCHOR });

  it('has the documented windows with stable ids', () => {
    expect(store.windows.map((w) => w.WindowId).sort()).toEqual(
      Object.values(DEMO_WINDOW_IDS).sort(),
    );
    expect(store.getWindow(DEMO_WINDOW_IDS.paymentsApiNightlyPatching)?.Name).toBe(
      'payments-api-nightly-patching',
    );
    for (const demo of demoWindows) {
      expect(store.executionsOf(demo.WindowId).map((e) => e.Status)).toEqual(
        demo.executionStatuses,
      );
    }
  });

  it('covers every status on executions, tasks and invocations, and every task type', () => {
    expect(new Set(store.executions.map((e) => e.Status))).toEqual(new Set(EXECUTION_STATUSES));
    const taskStatuses = new Set(store.tasks.map((t) => t.Status));
    const invocationStatuses = new Set(store.invocations.map((i) => i.Status));
    for (const status of EXECUTION_STATUSES.filter((s) => s !== 'SKIPPED_OVERLAPPING')) {
      expect(taskStatuses).toContain(status);
      expect(invocationStatuses).toContain(status);
    }
    expect(new Set(store.tasks.map((t) => t.TaskType))).toEqual(new Set(TASK_TYPES));
  });

  it('has real-looking failure details, owner information and targets', () => {
    const details = store.invocations
      .filter((i) => i.Status === 'FAILED')
      .map((i) => i.StatusDetails ?? '');
    expect(
      details.some((d) => /^Command failed with exit code \d+ on i-0[0-9a-f]{16}/.test(d)),
    ).toBe(true);
    expect(store.invocations.some((i) => /timed out/i.test(i.StatusDetails ?? ''))).toBe(true);
    expect(store.invocations.every((i) => i.OwnerInformation?.startsWith('team-'))).toBe(true);
    expect(store.targetsOf(DEMO_WINDOW_IDS.paymentsApiNightlyPatching)).toHaveLength(2);
    const skipped = store.executions.filter((e) => e.Status === 'SKIPPED_OVERLAPPING');
    expect(skipped.length).toBeGreaterThan(0);
    for (const execution of skipped) expect(store.tasksOf(execution.WindowExecutionId)).toEqual([]);
  });

  it('is a consistent graph', () => {
    expectConsistentGraph(store);
  });

  it('is deterministic', () => {
    const again = createSeededStore('demo', { anchor: REFERENCE_SEED_ANCHOR }).store;
    expect(again.invocations).toEqual(store.invocations);
    expect(again.executions).toEqual(store.executions);
  });
});

describe('generated seeds', () => {
  it('have exactly the requested sizes', () => {
    const { store } = createSeededStore('bench', {
      windows: 1,
      executionsPerWindow: 1,
      tasksPerExecution: 8,
      invocationsPerTask: 120,
    });
    expect(store.windows).toHaveLength(1);
    expect(store.executions).toHaveLength(1);
    expect(store.tasks).toHaveLength(8);
    expect(store.invocations).toHaveLength(960);
    for (const task of store.tasks) {
      expect(store.invocationsOf(task.WindowExecutionId, task.TaskExecutionId)).toHaveLength(120);
    }
  });

  it('hold 10,000 invocations in one task, consistently', () => {
    const { store } = createSeededStore('big', {
      windows: 1,
      executionsPerWindow: 1,
      tasksPerExecution: 1,
      invocationsPerTask: 10_000,
    });
    expect(store.invocations).toHaveLength(10_000);
    expect(new Set(store.invocations.map((i) => i.InvocationId)).size).toBe(10_000);
    expectConsistentGraph(store);
  });

  it('are deterministic per seed and differ between seeds', () => {
    const anchor = REFERENCE_SEED_ANCHOR;
    const a = createSeededStore('alpha', { anchor }).store;
    const b = createSeededStore('alpha', { anchor }).store;
    const c = createSeededStore('beta', { anchor }).store;
    expect(b.windows).toEqual(a.windows);
    expect(b.invocations).toEqual(a.invocations);
    expect(c.windows.map((w) => w.WindowId)).not.toEqual(a.windows.map((w) => w.WindowId));
    expectConsistentGraph(a);
  });

  it('rejects sizes out of range, naming the option', () => {
    expect(() => createSeededStore('x', { invocationsPerTask: 0 })).toThrow(SeedOptionsError);
    expect(() => createSeededStore('x', { tasksPerExecution: 2.5 })).toThrow(/tasksPerExecution/);
    expect(() => createSeededStore('x', { anchor: 'soon' })).toThrow(/anchor/);
  });

  it('move with the anchor', () => {
    const early = createSeededStore('demo', { anchor: '2025-01-01T00:00:00Z' }).store;
    const newest = early.executionsOf(DEMO_WINDOW_IDS.paymentsApiNightlyPatching)[0];
    expect(newest?.StartTime?.getTime()).toBeLessThan(Date.parse('2025-01-01T00:00:00Z'));
    expect(newest?.StartTime?.getTime()).toBeGreaterThan(Date.parse('2024-12-31T00:00:00Z'));
  });
});

describe('the demo seed on any date', () => {
  const HOUR = 3_600_000;
  // A Wednesday afternoon, a Sunday early morning inside the reboot window, a month's first day.
  const anchors = ['2031-03-12T15:42:00.000Z', '2027-06-06T04:10:00.000Z', '2028-02-01T05:00:00Z'];

  it.each(anchors)('has a recent history on its schedules and future next runs (%s)', (iso) => {
    const anchor = Date.parse(iso);
    const { store } = createSeededStore('demo', { anchor: iso });
    for (const demo of demoWindows) {
      const window = store.getWindow(demo.WindowId);
      const executions = store.executionsOf(demo.WindowId);
      const [newest, ...older] = executions;
      if (!window || !newest?.StartTime) throw new Error(`${demo.Name} has no history`);
      const inFlight = ['PENDING', 'IN_PROGRESS', 'CANCELLING'].includes(newest.Status);
      const age = anchor - newest.StartTime.getTime();
      // In flight: within the window's duration; finished: one schedule period back at most.
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThan(inFlight ? (window.Duration ?? 0) * HOUR : 33 * 24 * HOUR);
      // Nothing has happened after the anchor, not even inside a run still in flight.
      for (const execution of executions) {
        const records = [execution, ...store.tasksOf(execution.WindowExecutionId)].flatMap((r) => [
          r,
          ...('TaskExecutionId' in r
            ? store.invocationsOf(r.WindowExecutionId, r.TaskExecutionId)
            : []),
        ]);
        for (const record of records) {
          expect(record.StartTime?.getTime() ?? 0).toBeLessThan(anchor);
          expect(record.EndTime?.getTime() ?? 0).toBeLessThan(anchor);
        }
      }
      for (const execution of older) {
        const start = execution.StartTime ?? new Date(NaN);
        // On the schedule: the minute of the cron (or the hour) plus at most a second.
        const minute = Number(/^cron\((\d+) /.exec(demo.Schedule)?.[1] ?? 0);
        expect(start.getUTCMinutes()).toBe(minute);
        expect(start.getUTCSeconds()).toBe(0);
      }
      if (demo.Enabled) {
        const next = Date.parse(window.NextExecutionTime ?? '');
        expect(next).toBeGreaterThan(anchor);
        expect(next - anchor).toBeLessThanOrEqual(demo.intervalHours * HOUR);
      } else {
        expect(window.NextExecutionTime).toBeUndefined();
      }
      expect(Date.parse(window.StartDate ?? '')).toBeLessThan(anchor);
    }
  });

  it('keeps ids and statuses whatever the anchor', () => {
    const [a, b] = anchors.map((anchor) => createSeededStore('demo', { anchor }).store);
    for (const { WindowId } of demoWindows) {
      expect(b?.executionsOf(WindowId).map((e) => [e.WindowExecutionId, e.Status])).toEqual(
        a?.executionsOf(WindowId).map((e) => [e.WindowExecutionId, e.Status]),
      );
    }
  });

  it('is anchored at the current minute without an anchor', () => {
    const before = seedAnchorAt(new Date()).getTime();
    const { store } = createSeededStore('demo');
    const after = Date.now();
    const hourly = store.getWindow(DEMO_WINDOW_IDS.searchIndexerHourlyReindex);
    const next = Date.parse(hourly?.NextExecutionTime ?? '');
    expect(next).toBeGreaterThan(before);
    expect(next).toBeLessThanOrEqual(after + HOUR);
    expect(seedAnchorAt(new Date('2030-05-01T10:17:42.500Z')).toISOString()).toBe(
      '2030-05-01T10:17:00.000Z',
    );
  });
});
