/**
 * Connection and per-attempt timeouts shared by both transports: nothing waits forever for a
 * server that accepts and never answers. SDK-free.
 */
import { InvalidInputError } from '../model/errors';

/**
 * How long a transport waits, in milliseconds. A timed-out attempt is retried like any transient
 * failure; when every attempt timed out the call rejects with a `TimeoutError`.
 *
 * @example
 * ```ts
 * const timeouts: TimeoutOptions = { connectTimeoutMs: 1000, requestTimeoutMs: 5000 };
 * ```
 */
export interface TimeoutOptions {
  /** Longest wait for the TCP/TLS connection (default 3000 ms). */
  connectTimeoutMs?: number;
  /** Longest wait for one attempt, connection included (default 20000 ms). */
  requestTimeoutMs?: number;
}

/**
 * The timeouts used when none are given.
 *
 * @example
 * ```ts
 * DEFAULT_TIMEOUTS.requestTimeoutMs; // 20000
 * ```
 */
export const DEFAULT_TIMEOUTS: Readonly<Required<TimeoutOptions>> = Object.freeze({
  connectTimeoutMs: 3000,
  requestTimeoutMs: 20_000,
});

/** setTimeout fires at once for longer delays, so they cannot be honoured. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function checked(value: unknown, field: keyof TimeoutOptions): number {
  if (value === undefined) return DEFAULT_TIMEOUTS[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMER_MS) {
    throw new InvalidInputError(field, `must be a whole number of ms from 1 to ${MAX_TIMER_MS}`);
  }
  return value;
}

/**
 * Validates timeout options and fills in the defaults.
 *
 * @example
 * ```ts
 * resolveTimeouts({ requestTimeoutMs: 5000 }); // { connectTimeoutMs: 3000, requestTimeoutMs: 5000 }
 * ```
 */
export function resolveTimeouts(options: TimeoutOptions): Required<TimeoutOptions> {
  return {
    connectTimeoutMs: checked(options.connectTimeoutMs, 'connectTimeoutMs'),
    requestTimeoutMs: checked(options.requestTimeoutMs, 'requestTimeoutMs'),
  };
}

/**
 * Starts a timer that calls `onTimeout` after `ms` milliseconds and returns the function that
 * cancels it. Injectable so hosts that forbid timer globals (n8n community nodes) can supply their
 * own, or none.
 *
 * @example
 * ```ts
 * const timer: RequestTimer = (ms, onTimeout) => {
 *   const id = setTimeout(onTimeout, ms);
 *   return () => clearTimeout(id);
 * };
 * ```
 */
export type RequestTimer = (ms: number, onTimeout: () => void) => () => void;

/**
 * The default {@link RequestTimer}: the runtime's `setTimeout`.
 *
 * @example
 * ```ts
 * const cancel = globalTimer(5000, () => controller.abort());
 * cancel();
 * ```
 */
export const globalTimer: RequestTimer = (ms, onTimeout) => {
  const timer = setTimeout(onTimeout, ms);
  return () => clearTimeout(timer);
};
