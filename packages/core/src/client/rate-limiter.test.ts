import { jsonTransport } from '../transport/json-transport';
import {
  emulatorRequest,
  startTestEmulator,
  stopEmulators,
  windowFixture,
  WINDOW_ID,
} from '../test-support/emulator';
import { createInvocationsClientWithTransport } from './invocations-client';
import { RateLimiter, type RateLimiterClock } from './rate-limiter';

function fakeClock(): RateLimiterClock & { sleeps: number[]; time: number } {
  const clock = {
    time: 0,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
    },
  };
  return clock;
}

describe('RateLimiter', () => {
  it('spaces requests evenly at the configured rate', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(4, clock);
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(clock.sleeps).toEqual([250, 500, 750]);
  });

  it('does not wait once the interval has passed', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(10, clock);
    await limiter.acquire();
    clock.time = 150;
    await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
  });

  /** A clock whose sleeps with a signal last until it aborts; those without one end at once. */
  function abortableClock(): RateLimiterClock & { sleeps: number[]; time: number } {
    const clock = fakeClock();
    clock.sleep = async (ms, signal) => {
      clock.sleeps.push(ms);
      if (signal) {
        await new Promise<void>((_, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      }
    };
    return clock;
  }

  it('gives the slots of aborted waits back, so a later caller does not wait for them', async () => {
    const clock = abortableClock();
    const limiter = new RateLimiter(0.5, clock);
    await limiter.acquire();
    const controller = new AbortController();
    const waits = Array.from({ length: 5 }, () => limiter.acquire(controller.signal));
    clock.time = 100;
    controller.abort(new Error('gone'));
    for (const wait of waits) await expect(wait).rejects.toThrow('gone');
    clock.time = 2100;
    await limiter.acquire();
    // Its own slot is taken: the next caller waits one interval after it.
    await limiter.acquire();
    expect(clock.sleeps).toEqual([2000, 4000, 6000, 8000, 10000, 2000]);
  });

  it('keeps the place of a caller still waiting behind an aborted one', async () => {
    const clock = abortableClock();
    const limiter = new RateLimiter(1, clock);
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const kept = limiter.acquire();
    controller.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    await kept;
    await limiter.acquire();
    expect(clock.sleeps).toEqual([1000, 2000, 3000]);
  });

  it('rejects with the abort reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(new RateLimiter(1, fakeClock()).acquire(controller.signal)).rejects.toThrow(
      'stop',
    );
  });
});

describe('requestsPerSecond on a client', () => {
  afterAll(stopEmulators);

  it('is shared by concurrent calls: request i starts no sooner than i intervals after the call', async () => {
    const stamps: number[] = [];
    const emulator = await startTestEmulator(
      windowFixture({ executions: 1, tasks: 0, invocations: 0 }),
    );
    const request = emulatorRequest(emulator.url);
    const client = createInvocationsClientWithTransport(
      jsonTransport(async (req) => {
        stamps.push(performance.now());
        return request(req);
      }),
      { requestsPerSecond: 40, maxConcurrency: 8 },
    );
    const calledAt = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => client.getWindow({ windowId: WINDOW_ID })));
    expect(stamps).toHaveLength(6);
    expect(emulator.stats().succeeded.GetMaintenanceWindow).toBe(6);
    for (let i = 0; i < stamps.length; i += 1) {
      // Slots are 25 ms apart from the first call; timers may fire up to ~1 ms early.
      expect((stamps[i] ?? 0) - calledAt).toBeGreaterThanOrEqual(i * 25 - 2);
    }
  });
});

describe('requestsPerSecond waits through the transport', () => {
  const send = async (): Promise<Record<string, unknown>> => ({ WindowId: WINDOW_ID });

  it("waits only through the transport's sleep", async () => {
    const slept: number[] = [];
    const client = createInvocationsClientWithTransport(
      { send, sleep: async (ms: number) => void slept.push(ms) },
      { requestsPerSecond: 2, maxConcurrency: 4 },
    );
    await Promise.all([0, 1, 2].map(() => client.getWindow({ windowId: WINDOW_ID })));
    expect(slept).toHaveLength(2);
    expect(slept[1] ?? 0).toBeGreaterThan(slept[0] ?? 0);
  });

  it('is refused for a transport that cannot wait', () => {
    expect(() => createInvocationsClientWithTransport({ send }, { requestsPerSecond: 2 })).toThrow(
      /requestsPerSecond/,
    );
  });
});
