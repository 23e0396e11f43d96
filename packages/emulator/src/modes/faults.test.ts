import { FaultConfigError, FaultInjector } from './faults';

describe('FaultInjector', () => {
  it('throttles as a token bucket: burst first, then requestsPerSecond', () => {
    let now = 0;
    const injector = new FaultInjector(
      { throttle: { requestsPerSecond: 20, burst: 5 } },
      () => now,
    );
    const burst = Array.from({ length: 8 }, () => injector.decide('GetMaintenanceWindow').kind);
    expect(burst).toEqual([
      'none',
      'none',
      'none',
      'none',
      'none',
      'throttle',
      'throttle',
      'throttle',
    ]);
    // One token per 50 ms at 20/s.
    now = 49;
    expect(injector.decide('GetMaintenanceWindow').kind).toBe('throttle');
    now = 100;
    expect(injector.decide('GetMaintenanceWindow').kind).toBe('none');
    // Over 10 simulated seconds of requests every 10 ms, exactly 20/s get through.
    let allowed = 0;
    for (let t = 110; t <= 10_100; t += 10) {
      now = t;
      if (injector.decide('GetMaintenanceWindow').kind === 'none') allowed += 1;
    }
    expect(allowed).toBeGreaterThanOrEqual(199);
    expect(allowed).toBeLessThanOrEqual(201);
  });

  it('keeps a separate bucket for an operation with its own throttle', () => {
    const now = 0;
    const injector = new FaultInjector(
      {
        throttle: { requestsPerSecond: 1, burst: 1 },
        operations: { GetMaintenanceWindow: { throttle: { requestsPerSecond: 1, burst: 2 } } },
      },
      () => now,
    );
    expect(injector.decide('DescribeMaintenanceWindows').kind).toBe('none');
    expect(injector.decide('DescribeMaintenanceWindows').kind).toBe('throttle');
    expect(injector.decide('GetMaintenanceWindow').kind).toBe('none');
    expect(injector.decide('GetMaintenanceWindow').kind).toBe('none');
    expect(injector.decide('GetMaintenanceWindow').kind).toBe('throttle');
  });

  it('draws rates from the seeded PRNG: same seed, same sequence', () => {
    const run = (seed: string) => {
      const injector = new FaultInjector({
        seed,
        failureRate: 0.3,
        resetRate: 0.1,
        malformedRate: 0.1,
      });
      return Array.from({ length: 200 }, () => injector.decide('GetMaintenanceWindow').kind);
    };
    const a = run('s1');
    expect(run('s1')).toEqual(a);
    expect(run('s2')).not.toEqual(a);
    const failures = a.filter((kind) => kind === 'failure').length;
    expect(failures).toBeGreaterThan(30);
    expect(failures).toBeLessThan(90);
    expect(a).toContain('reset');
    expect(a).toContain('malformed');
  });

  it('lets an operation rule override the global one', () => {
    const injector = new FaultInjector({
      failureRate: 1,
      latencyMs: 10,
      operations: { GetMaintenanceWindow: { failureRate: 0, repeatToken: true } },
    });
    expect(injector.decide('DescribeMaintenanceWindows')).toEqual({ kind: 'failure', delayMs: 10 });
    expect(injector.decide('GetMaintenanceWindow')).toEqual({
      kind: 'none',
      delayMs: 10,
      repeatToken: true,
    });
  });

  it('adds jitter within [latency, latency + jitter)', () => {
    const injector = new FaultInjector({ latencyMs: 100, jitterMs: 50 });
    const delays = Array.from({ length: 50 }, () => injector.decide(undefined).delayMs);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThan(150);
    expect(new Set(delays).size).toBeGreaterThan(1);
  });

  it.each([
    [{ failureRate: 1.5 }, 'faults failureRate must be between 0 and 1'],
    [{ throttle: { requestsPerSecond: 0 } }, 'faults throttle.requestsPerSecond must be > 0'],
    [{ latencyMs: -1 }, 'faults latencyMs must be a number ≥ 0'],
    [
      { operations: { GetMaintenanceWindow: { resetRate: -0.1 } } },
      'faults operations.GetMaintenanceWindow.resetRate',
    ],
  ])('rejects %j naming the field', (config, message) => {
    expect(() => new FaultInjector(config)).toThrow(FaultConfigError);
    expect(() => new FaultInjector(config)).toThrow(message);
  });
});
