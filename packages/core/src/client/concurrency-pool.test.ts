import { ConcurrencyPool } from './concurrency-pool';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('ConcurrencyPool', () => {
  it('runs at most `limit` tasks at once, first in first out', async () => {
    const pool = new ConcurrencyPool(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      pool.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(pool.inFlight).toBe(2);
    gates[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.resolve());
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3]);
    expect(pool.inFlight).toBe(0);
  });

  it('frees the slot when a task throws', async () => {
    const pool = new ConcurrencyPool(1);
    await expect(pool.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(pool.run(async () => 'next')).resolves.toBe('next');
  });

  it('drops a waiter whose signal aborts, without taking a slot', async () => {
    const pool = new ConcurrencyPool(1);
    const gate = deferred();
    const first = pool.run(() => gate.promise);
    const controller = new AbortController();
    const waiting = pool.run(async () => 'never', controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    gate.resolve();
    await first;
    expect(pool.inFlight).toBe(0);
    await expect(pool.run(async () => 'ok')).resolves.toBe('ok');
  });
});

describe('ConcurrencyPool abort listeners', () => {
  function countingSignal(controller: AbortController) {
    const counts = { added: 0, removed: 0 };
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      counts.added += 1;
      add(...args);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      counts.removed += 1;
      remove(...args);
    }) as typeof signal.removeEventListener;
    return { signal, counts };
  }

  it('adds one listener for many waiters of one signal and removes it once they are served', async () => {
    const pool = new ConcurrencyPool(1);
    const { signal, counts } = countingSignal(new AbortController());
    const gate = deferred();
    const runs = [pool.run(() => gate.promise, signal)];
    for (let i = 0; i < 20; i++) runs.push(pool.run(async () => undefined, signal));
    expect(counts.added).toBe(1);
    gate.resolve();
    await Promise.all(runs);
    expect(counts.removed).toBe(1);
  });

  it('rejects every waiter of an aborted signal and keeps the others queued', async () => {
    const pool = new ConcurrencyPool(1);
    const gate = deferred();
    const first = pool.run(() => gate.promise);
    const controller = new AbortController();
    const aborted = [1, 2, 3].map(() => pool.run(async () => 'never', controller.signal));
    const kept = pool.run(async () => 'kept');
    controller.abort(new Error('stop'));
    for (const run of aborted) await expect(run).rejects.toThrow('stop');
    gate.resolve();
    await first;
    await expect(kept).resolves.toBe('kept');
    expect(pool.inFlight).toBe(0);
  });
});
