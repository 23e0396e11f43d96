import { setMaxListeners } from 'node:events';

/**
 * Listeners one request's deadline may have at once: every SSM call in flight and every history
 * read of every execution of every window listens on it, well past Node's warning threshold of 10,
 * yet a leak would still pass this bound and be reported.
 */
const MAX_LISTENERS = 1000;

/**
 * The deadline shared by all SSM work of one HTTP request: aborts after `ms`.
 *
 * @example
 * ```ts
 * await client.getWindowReport({ windowId }, { signal: requestDeadline(30_000) });
 * ```
 */
export function requestDeadline(ms: number): AbortSignal {
  const signal = AbortSignal.timeout(ms);
  setMaxListeners(MAX_LISTENERS, signal);
  return signal;
}
