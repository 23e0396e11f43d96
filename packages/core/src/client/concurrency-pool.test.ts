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
