/**
 * The client's workflows (`invocationsSince`, `findExecutionWindow`) against the emulator over
 * real HTTP, on both transports, checked against the emulator's store as ground truth.
 */
import type { ExecutionStatus, InvocationsClient } from '@ssm-invocations/core';
import type { EmulatorExecution, EmulatorStore } from '@ssm-invocations/emulator';
import { useEmulatorClients } from '../support/core-clients';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const env = useEmulatorClients(
  {
    seed: 'integration',
    seedOptions: {
      windows: 3,
      executionsPerWindow: 6,
      tasksPerExecution: 3,
      invocationsPerTask: 12,
    },
  },
  { maxConcurrency: 6 },
);
let store: EmulatorStore;
beforeAll(() => {
  store = env.emulator.store;
});

function windowIds(): string[] {
  return store.windows.map((window) => window.WindowId);
}

/** The executions of `windowId` that started at or after `after`. */
function executionsSince(windowId: string, after: Date): EmulatorExecution[] {
  return store
    .executionsOf(windowId)
    .filter((execution) => (execution.StartTime?.getTime() ?? Infinity) >= after.getTime());
}

/** Ground truth: the invocation ids `invocationsSince` must find, sorted. */
function expectedInvocations(ids: string[], after: Date, statuses: readonly string[]): string[] {
  return ids
    .flatMap((windowId) => executionsSince(windowId, after))
    .flatMap((execution) =>
      store.tasksOf(execution.WindowExecutionId).flatMap((task) =>
        store
          .invocationsOf(execution.WindowExecutionId, task.TaskExecutionId)
          .filter((invocation) => statuses.includes(invocation.Status))
          .map((invocation) => invocation.InvocationId),
      ),
    )
    .sort();
}

/** The middle start time of a window's executions, so some are before it and some after. */
function midpoint(windowId: string): Date {
  const starts = store.executionsOf(windowId).map((e) => e.StartTime?.getTime() ?? 0);
  return new Date(starts.sort((a, b) => a - b)[Math.floor(starts.length / 2)] ?? 0);
}

describe.each(['sdk', 'json'] as const)('%s transport: core workflows', (name) => {
  let client: InvocationsClient;
  beforeAll(() => {
    client = env.clients[name];
  });

  it('invocationsSince finds exactly the matching invocations of the given windows', async () => {
    const [first, second] = windowIds();
    if (!first || !second) throw new Error('seed has fewer than two windows');
    const after = midpoint(first);
    const statuses: ExecutionStatus[] = ['FAILED', 'TIMED_OUT', 'CANCELLED'];
    const result = await client.invocationsSince({ windowIds: [first, second], after, statuses });
    const found = result.matches.map((m) => m.invocation.InvocationId ?? '').sort();
    expect(found).toEqual(expectedInvocations([first, second], after, statuses));
    expect(found.length).toBeGreaterThan(0);
    for (const { window, execution, task, invocation } of result.matches) {
      expect(execution.WindowId).toBe(window.WindowId);
      expect(store.getWindow(window.WindowId)?.Name).toBe(window.Name);
      expect(task.WindowExecutionId).toBe(execution.WindowExecutionId);
      expect(invocation.TaskExecutionId).toBe(task.TaskExecutionId);
      expect(execution.StartTime?.getTime()).toBeGreaterThanOrEqual(after.getTime());
    }
    // Nothing runs in this seed: the cursor is the newest execution seen.
    const newest = Math.max(
      ...[first, second].flatMap((id) =>
        store.executionsOf(id).map((e) => e.StartTime?.getTime() ?? 0),
      ),
    );
    expect(result.cursor).toEqual(new Date(newest));
    expect(result.oldestRunningStart).toBeUndefined();
  });

  it('invocationsSince walks every window when none is named', async () => {
    const after = new Date(0);
    const result = await client.invocationsSince({ after, statuses: ['FAILED'] });
    expect(result.matches.map((m) => m.invocation.InvocationId ?? '').sort()).toEqual(
      expectedInvocations(windowIds(), after, ['FAILED']),
    );
    expect(new Set(result.matches.map((m) => m.window.WindowId)).size).toBeGreaterThan(1);
  });

  it('findExecutionWindow names the window that ran an execution, and only among the candidates', async () => {
    const ids = windowIds();
    const owner = ids[2];
    if (!owner) throw new Error('seed has fewer than three windows');
    const execution = store.executionsOf(owner)[1];
    if (!execution) throw new Error('window has no second execution');
    const windowExecutionId = execution.WindowExecutionId;
    expect(await client.findExecutionWindow({ windowExecutionId, windowIds: ids })).toBe(owner);
    const others = ids.filter((id) => id !== owner);
    expect(
      await client.findExecutionWindow({ windowExecutionId, windowIds: others }),
    ).toBeUndefined();
    expect(
      await client.findExecutionWindow({ windowExecutionId: MISSING_ID, windowIds: ids }),
    ).toBeUndefined();
  });
});

describe('invocationsSince while an execution is still running', () => {
  it('keeps the cursor at the start of the oldest execution still running', async () => {
    const [windowId] = windowIds();
    if (!windowId) throw new Error('seed has no window');
    // The newest-but-two execution gets a task that is still in progress.
    const executions = store.executionsOf(windowId);
    const busy = executions[2];
    const task = busy && store.tasksOf(busy.WindowExecutionId)[0];
    if (!busy?.StartTime || !task) throw new Error('seed has too few executions');
    const before = task.Status;
    task.Status = 'IN_PROGRESS';
    store.touch();
    try {
      for (const client of [env.clients.sdk, env.clients.json]) {
        const result = await client.invocationsSince({ windowIds: [windowId], after: new Date(0) });
        expect(result.oldestRunningStart).toEqual(busy.StartTime);
        expect(result.cursor).toEqual(busy.StartTime);
      }
    } finally {
      task.Status = before;
      store.touch();
    }
  });
});
