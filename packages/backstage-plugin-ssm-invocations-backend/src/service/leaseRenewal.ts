import type { LeaseStore } from './leases';

/** Renewals per TTL: two may fail (a slow or briefly unreachable store) before the lease lapses. */
const RENEWALS_PER_TTL = 3;

/**
 * Keeps a held lease alive while its holder works: extends it to `ttlMs` every third of `ttlMs`,
 * for as long as the token still holds it. A fetch slower than the TTL then keeps the others
 * waiting for its value, while a holder that dies stops renewing and its lease expires after the
 * TTL. Failed renewals are reported to `onError` and retried at the next tick; a lease found lost
 * (expired, or taken by another token) is not renewed again. Returns the function that stops it.
 *
 * @example
 * ```ts
 * const stop = keepLeaseRenewed(leases, 'lease:report:…', token, 10_000, warn);
 * try { await fetchAndStore(); } finally { stop(); }
 * ```
 */
export function keepLeaseRenewed(
  leases: LeaseStore,
  key: string,
  token: string,
  ttlMs: number,
  onError: (error: unknown) => void,
): () => void {
  let renewing = false;
  const timer = setInterval(() => {
    // A renewal still unanswered (the store is slow) is not stacked upon.
    if (renewing) return;
    renewing = true;
    leases
      .renew(key, token, ttlMs)
      .then((held) => {
        if (!held) clearInterval(timer);
      }, onError)
      .finally(() => {
        renewing = false;
      });
  }, ttlMs / RENEWALS_PER_TTL);
  // A pending renewal must not keep the process alive on shutdown.
  timer.unref();
  return () => clearInterval(timer);
}
