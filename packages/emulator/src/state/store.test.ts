import { EmulatorStore, StoreIntegrityError, type EmulatorInvocation } from './store';

const WINDOW = {
  WindowId: 'mw-0123456789abcdef0',
  Name: 'ordering',
  Enabled: true,
  Duration: 1,
  Cutoff: 0,
  Schedule: 'rate(1 day)',
  AllowUnassociatedTargets: false,
  CreatedDate: new Date(0),
  ModifiedDate: new Date(0),
};
const EXECUTION_ID = '00000000-0000-4000-8000-00000000000e';
const TASK_ID = '00000000-0000-4000-8000-00000000000f';

function invocation(id: string, start?: string): EmulatorInvocation {
  return {
    WindowExecutionId: EXECUTION_ID,
    TaskExecutionId: TASK_ID,
    InvocationId: `00000000-0000-4000-8000-00000000000${id}`,
    TaskType: 'RUN_COMMAND',
    Status: start ? 'SUCCESS' : 'PENDING',
    StartTime: start ? new Date(start) : undefined,
  };
}

function storeWith(invocations: EmulatorInvocation[]): EmulatorStore {
  const store = new EmulatorStore();
  store.addWindow(WINDOW);
  store.addExecution({
    WindowId: WINDOW.WindowId,
    WindowExecutionId: EXECUTION_ID,
    Status: 'IN_PROGRESS',
    StartTime: new Date('2026-01-01T00:00:00Z'),
  });
  store.addTask({
    WindowExecutionId: EXECUTION_ID,
    TaskExecutionId: TASK_ID,
    TaskArn: 'AWS-RunShellScript',
    TaskType: 'RUN_COMMAND',
    Priority: 1,
    MaxConcurrency: '1',
    MaxErrors: '1',
    Status: 'IN_PROGRESS',
  });
  invocations.forEach((i) => store.addInvocation(i));
  return store;
}

describe('EmulatorStore', () => {
  it('orders newest StartTime first, no start time first of all, ties by id', () => {
    const store = storeWith([
      invocation('3', '2026-01-01T00:00:01.000Z'),
      invocation('1', '2026-01-01T00:00:02.000Z'),
      invocation('4', '2026-01-01T00:00:02.000Z'),
      invocation('2'),
      invocation('5', '2026-01-01T00:00:00.500Z'),
    ]);
    expect(store.invocationsOf(EXECUTION_ID, TASK_ID).map((i) => i.InvocationId.slice(-1))).toEqual(
      ['2', '1', '4', '3', '5'],
    );
  });

  it('sees in-place changes after touch()', () => {
    const store = storeWith([
      invocation('1', '2026-01-01T00:00:01.000Z'),
      invocation('2', '2026-01-01T00:00:02.000Z'),
    ]);
    expect(store.invocationsOf(EXECUTION_ID, TASK_ID).map((i) => i.InvocationId.slice(-1))).toEqual(
      ['2', '1'],
    );
    const first = store.getInvocation(
      EXECUTION_ID,
      TASK_ID,
      '00000000-0000-4000-8000-000000000001',
    );
    if (!first) throw new Error('missing invocation');
    first.StartTime = new Date('2026-01-01T00:00:03.000Z');
    store.touch();
    expect(store.invocationsOf(EXECUTION_ID, TASK_ID).map((i) => i.InvocationId.slice(-1))).toEqual(
      ['1', '2'],
    );
  });

  it('returns copies, so callers cannot reorder the store', () => {
    const store = storeWith([
      invocation('1', '2026-01-01T00:00:01.000Z'),
      invocation('2', '2026-01-01T00:00:02.000Z'),
    ]);
    store.invocationsOf(EXECUTION_ID, TASK_ID).reverse();
    expect(store.invocationsOf(EXECUTION_ID, TASK_ID).map((i) => i.InvocationId.slice(-1))).toEqual(
      ['2', '1'],
    );
  });

  it('refuses duplicates and records whose parent is missing', () => {
    const store = storeWith([]);
    expect(() => store.addWindow(WINDOW)).toThrow(StoreIntegrityError);
    expect(() =>
      store.addExecution({
        WindowId: 'mw-00000000000000000',
        WindowExecutionId: EXECUTION_ID,
        Status: 'PENDING',
      }),
    ).toThrow('Execution of unknown window mw-00000000000000000');
    expect(() =>
      store.addInvocation({ ...invocation('1'), TaskExecutionId: EXECUTION_ID }),
    ).toThrow(/Invocation of unknown task/);
  });
});
