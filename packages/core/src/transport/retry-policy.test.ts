import { abortableSleep, isRetryable, retryDelayMs } from './retry-policy';

const op = 'GetMaintenanceWindow';

describe('isRetryable', () => {
  it.each([
    [{ operation: op, code: 'ThrottlingException', statusCode: 400 }, true],
    [{ operation: op, code: 'TooManyRequestsException' }, true],
    [{ operation: op, statusCode: 429 }, true],
    [{ operation: op, statusCode: 500 }, true],
    [{ operation: op, statusCode: 503 }, true],
    [{ operation: op, statusCode: 501 }, false],
    [{ operation: op, code: 'ECONNRESET' }, true],
    [{ operation: op, code: 'TimeoutError' }, true],
    [{ operation: op, code: 'MalformedResponse', statusCode: 200 }, true],
    [{ operation: op, code: 'DoesNotExistException', statusCode: 400 }, false],
    [{ operation: op, code: 'ValidationException', statusCode: 400 }, false],
    [{ operation: op, code: 'AccessDeniedException', statusCode: 400 }, false],
  ])('%j → %p', (failure, expected) => {
    expect(isRetryable(failure)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it('is full-jitter exponential with the SDK bases and cap', () => {
    const max = { random: () => 0.999999 };
    expect(retryDelayMs(1, { operation: op, statusCode: 500 }, max)).toBeCloseTo(50, 3);
    expect(retryDelayMs(3, { operation: op, statusCode: 500 }, max)).toBeCloseTo(200, 3);
    expect(retryDelayMs(1, { operation: op, code: 'ThrottlingException' }, max)).toBeCloseTo(
      1000,
      2,
    );
    expect(retryDelayMs(10, { operation: op, code: 'ThrottlingException' }, max)).toBeCloseTo(
      20_000,
      1,
    );
    expect(retryDelayMs(2, { operation: op, statusCode: 500 }, { random: () => 0 })).toBe(0);
  });

  it('treats the server hint as a floor, at most 5 s beyond the backoff and within the cap', () => {
    const half = { random: () => 0.5 };
    const throttled = (retryAfterMs: number) => ({ operation: op, statusCode: 429, retryAfterMs });
    expect(retryDelayMs(1, throttled(700), half)).toBe(700);
    expect(retryDelayMs(1, throttled(20), half)).toBe(500);
    expect(retryDelayMs(1, throttled(10 ** 9), half)).toBe(5500);
    expect(retryDelayMs(1, throttled(10 ** 9), { ...half, maxDelayMs: 3000 })).toBe(3000);
  });
});

describe('abortableSleep', () => {
  it('resolves after the delay and rejects on abort', async () => {
    await expect(abortableSleep(1)).resolves.toBeUndefined();
    const controller = new AbortController();
    const pending = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('cancel'));
    await expect(pending).rejects.toThrow('cancel');
  });
});
