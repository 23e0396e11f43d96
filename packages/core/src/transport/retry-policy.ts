/**
 * The retry policy of the JSON transport, matching the AWS SDK's `standard` retry mode: which
 * failures are retried and how long to wait between attempts. SDK-free.
 */
import { InvalidInputError } from '../model/errors';
import { validateInteger } from '../model/validators';
import { isThrottling, type ServiceFailure } from './service-failure';

/**
 * Retry settings. All optional; defaults are the SDK's standard mode.
 *
 * @example
 * ```ts
 * const retry: RetryOptions = { maxAttempts: 5, baseDelayMs: 10 };
 * ```
 */
export interface RetryOptions {
  /** Total attempts including the first (default 3, as in the SDK). */
  maxAttempts?: number;
  /** Backoff base for transient errors (default 50 ms). */
  baseDelayMs?: number;
  /** Backoff base for throttling (default 1000 ms). */
  throttlingBaseDelayMs?: number;
  /** Upper bound of any single wait (default 20 s). */
  maxDelayMs?: number;
  /** Waits `ms` or rejects with `signal.reason` when aborted; injectable so tests need not wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter in [0, 1) (default `Math.random`). */
  random?: () => number;
}

/** Most attempts of one request the client factory's own SDK client accepts (`maxAttempts`). */
export const MAX_ATTEMPTS_LIMIT = 20;
/**
 * Most attempts of one request a transport accepts: a caller that brings its own transport may
 * ride out heavier faults than the factory's default client, but not without end.
 */
const TRANSPORT_MAX_ATTEMPTS = 100;

/**
 * Validates the retry options (a NaN delay would silently mean no backoff at all) and returns
 * `maxAttempts` with its default. Each failure is an InvalidInputError naming the option.
 */
export function checkRetryOptions(options: RetryOptions): number {
  const maxAttempts = validateInteger(
    options.maxAttempts,
    'maxAttempts',
    1,
    TRANSPORT_MAX_ATTEMPTS,
  );
  for (const field of ['baseDelayMs', 'throttlingBaseDelayMs', 'maxDelayMs'] as const) {
    const value: unknown = options[field];
    if (value !== undefined && (typeof value !== 'number' || !(value >= 0 && value < Infinity))) {
      throw new InvalidInputError(field, 'must be a finite number of milliseconds, at least 0');
    }
  }
  for (const field of ['sleep', 'random'] as const) {
    if (options[field] !== undefined && typeof options[field] !== 'function') {
      throw new InvalidInputError(field, 'must be a function');
    }
  }
  return maxAttempts ?? 3;
}

/** HTTP statuses the SDK retries as transient. 501 is deliberately not among them. */
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

/** Error codes of transient failures (timeouts and network errors). */
const TRANSIENT_CODES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalServerError',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'MalformedResponse',
]);

/**
 * Whether a failed attempt is worth retrying: throttling, 5xx (not 501), timeouts, network
 * errors and malformed responses.
 *
 * @example
 * ```ts
 * isRetryable({ operation: 'X', statusCode: 503 }); // true
 * ```
 */
export function isRetryable(failure: ServiceFailure): boolean {
  if (isThrottling(failure)) return true;
  if (failure.statusCode !== undefined && TRANSIENT_STATUSES.has(failure.statusCode)) return true;
  return failure.code !== undefined && TRANSIENT_CODES.has(failure.code);
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: full-jitter exponential backoff
 * (random × min(cap, base × 2^(attempt−1))). A server retry-after hint raises that wait to the
 * hint (never more than 5 s beyond the backoff), as the SDK's standard strategy does: a hint is a
 * floor, so many clients told "retry in 20 ms" still spread out instead of starving each other.
 *
 * @example
 * ```ts
 * retryDelayMs(1, { operation: 'X', statusCode: 500 }, {}); // 0–50
 * ```
 */
export function retryDelayMs(
  attempt: number,
  failure: ServiceFailure,
  options: RetryOptions,
): number {
  const cap = options.maxDelayMs ?? 20_000;
  const base = isThrottling(failure)
    ? (options.throttlingBaseDelayMs ?? 1000)
    : (options.baseDelayMs ?? 50);
  const random = options.random ?? Math.random;
  const backoff = random() * Math.min(cap, base * 2 ** (attempt - 1));
  if (failure.retryAfterMs === undefined) return backoff;
  const hinted = Math.max(backoff, Math.min(Math.max(0, failure.retryAfterMs), backoff + 5000));
  return Math.min(cap, hinted);
}

/**
 * Waits `ms` milliseconds; rejects with `signal.reason` as soon as the signal aborts.
 *
 * @example
 * ```ts
 * await abortableSleep(100, controller.signal);
 * ```
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
