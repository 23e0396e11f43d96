import { TimeoutError } from '../model/errors';
import {
  jsonTransport,
  jsonTransportWithoutTimers,
  type JsonRequest,
  type JsonResponse,
} from './json-transport';
import type { RequestTimer } from './timeouts';

const ok: JsonResponse = { status: 200, headers: {}, body: '{"WindowIdentities":[]}' };
const unavailable: JsonResponse = { status: 503, headers: {}, body: '{}' };

afterEach(() => jest.restoreAllMocks());

describe('jsonTransportWithoutTimers', () => {
  it('waits between attempts only through the injected sleep, never the runtime timers', async () => {
    const setTimeoutSpy = jest.spyOn(globalThis, 'setTimeout');
    const slept: number[] = [];
    const script = [unavailable, ok];
    const seen: JsonRequest[] = [];
    const transport = jsonTransportWithoutTimers(
      async (req) => {
        seen.push(req);
        return script.shift() ?? ok;
      },
      { sleep: async (ms) => void slept.push(ms), random: () => 0.5, requestTimeoutMs: 1234 },
    );
    await expect(transport.send('DescribeMaintenanceWindows', {})).resolves.toEqual({
      WindowIdentities: [],
    });
    expect(slept).toEqual([25]);
    expect(seen).toHaveLength(2);
    // Without a timer the request function is told the per-attempt timeout to apply itself.
    expect(seen[0]?.requestTimeoutMs).toBe(1234);
    expect(setTimeoutSpy).not.toHaveBeenCalled();
  });

  it('abandons an attempt when the injected timer fires, and cancels timers of finished ones', async () => {
    const cancelled: number[] = [];
    const fire: Array<() => void> = [];
    const requestTimer: RequestTimer = (ms, onTimeout) => {
      fire.push(onTimeout);
      const id = fire.length;
      return () => void cancelled.push(id);
    };
    const transport = jsonTransportWithoutTimers(
      (req) =>
        new Promise<JsonResponse>((_, reject) =>
          req.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      { sleep: async () => undefined, requestTimer, maxAttempts: 2, requestTimeoutMs: 50 },
    );
    const sent = transport.send('DescribeMaintenanceWindows', {});
    await Promise.resolve();
    fire[0]?.();
    await new Promise((resolve) => setImmediate(resolve));
    fire[1]?.();
    await expect(sent).rejects.toBeInstanceOf(TimeoutError);
    expect(cancelled).toEqual([1, 2]);
  });
});

describe('jsonTransport', () => {
  it('uses the runtime timer for the per-attempt timeout by default', async () => {
    const transport = jsonTransport(
      (req) =>
        new Promise<JsonResponse>((_, reject) =>
          req.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      { maxAttempts: 1, requestTimeoutMs: 5 },
    );
    await expect(transport.send('DescribeMaintenanceWindows', {})).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });
});
