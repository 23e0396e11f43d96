import { ResponseError } from '@backstage/errors';

/** The longest the card waits between two attempts after failures (or as a Retry-After says). */
export const MAX_RETRY_DELAY_MS = 5 * 60_000;

/**
 * Whether trying the same request again later may succeed: the backend or AWS was busy or down
 * (5xx, 408, 429) or the network failed (fetch's TypeError). A 4xx answer needs a person to act.
 */
export function isTransientFailure(error: Error): boolean {
  if (error instanceof ResponseError) {
    const status = error.statusCode;
    return status >= 500 || status === 408 || status === 429;
  }
  return error.name === 'TypeError';
}

/** The `Retry-After` of a failed response in milliseconds (seconds or an HTTP date), if any. */
export function retryAfterMs(error: Error, now: number): number | undefined {
  if (!(error instanceof ResponseError)) return undefined;
  const header = error.response.headers.get('retry-after')?.trim();
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before attempt number `failures + 1` after `failures` failures in a row: the
 * refresh interval doubled per failure, never earlier than a Retry-After asks, and never longer
 * than {@link MAX_RETRY_DELAY_MS}.
 */
export function retryDelayMs(
  error: Error,
  failures: number,
  intervalMs: number,
  now: number,
): number {
  const backoff = intervalMs * 2 ** Math.max(0, Math.min(failures - 1, 20));
  const asked = retryAfterMs(error, now) ?? 0;
  return Math.min(Math.max(backoff, asked), MAX_RETRY_DELAY_MS);
}
