/**
 * Sending one request: through the client's shared concurrency pool and rate limit to its
 * transport, with SSM's filter rules checked first and whatever a custom transport throws
 * turned into a core error.
 */
import { InvalidInputError, ServiceError, SsmInvocationsError } from '../model/errors';
import { SSM_OPERATIONS, type SsmOperation } from '../model/operations';
import { validateFilters, validateLowercaseFilters } from '../model/validators';
import type { SsmTransport } from '../transport/types';
import { ConcurrencyPool } from './concurrency-pool';
import { RateLimiter } from './rate-limiter';

/** An SSM request's input or output member map. */
export type SsmMembers = Record<string, unknown>;

/** Sends one request of this client. */
export type SendRequest = (
  operation: SsmOperation,
  input: SsmMembers,
  signal?: AbortSignal,
) => Promise<SsmMembers>;

/**
 * What every part of a client shares: how to send, the page bound of its listings and the
 * region its windows run in (for console links; `undefined` when unknown).
 */
export interface ClientContext {
  send: SendRequest;
  maxPages: number;
  region: () => Promise<string | undefined>;
}

/** The client's rate limit, waiting through the transport's own sleep (no timer of its own). */
function rateLimiter(transport: SsmTransport, rps: number | undefined): RateLimiter | undefined {
  if (rps === undefined) return undefined;
  const { sleep } = transport;
  if (typeof sleep !== 'function') {
    throw new InvalidInputError('requestsPerSecond', 'needs a transport with a sleep function');
  }
  return new RateLimiter(rps, { now: () => performance.now(), sleep: sleep.bind(transport) });
}

/** Builds the send function of one client: one pool and one rate limiter for all its calls. */
export function createSendRequest(
  transport: SsmTransport,
  limits: { maxConcurrency: number; requestsPerSecond?: number },
): SendRequest {
  const pool = new ConcurrencyPool(limits.maxConcurrency);
  const limiter = rateLimiter(transport, limits.requestsPerSecond);
  return async (operation, input, signal) => {
    // Defence in depth: whatever built the input, SSM's filter rules hold before sending.
    const { filterKeys, filterMembers } = SSM_OPERATIONS[operation];
    if (filterMembers === 'key/value')
      validateLowercaseFilters(input.Filters, filterKeys, 'Filters');
    else validateFilters(input.Filters, filterKeys, 'Filters');
    return pool.run(async () => {
      await limiter?.acquire(signal);
      try {
        return await transport.send(operation, input, { signal });
      } catch (error) {
        if (signal?.aborted && error === signal.reason) throw error;
        if (error instanceof SsmInvocationsError) throw error;
        // A custom transport threw something else: keep it as the cause.
        throw new ServiceError(`${operation} failed: ${String((error as Error)?.name ?? error)}`, {
          operation,
          cause: error,
        });
      }
    }, signal);
  };
}
