/**
 * The transport seam: every SSM call of the client goes through an {@link SsmTransport}. SDK-free.
 */
import type { SsmOperation } from '../model/constants';

/**
 * Per-call options passed to a transport.
 *
 * @example
 * ```ts
 * await transport.send('GetMaintenanceWindow', { WindowId }, { signal: AbortSignal.timeout(5000) });
 * ```
 */
export interface SendOptions {
  /** Aborts the call (and any retry wait); the call then rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Sends one SSM operation and returns its parsed output (AWS member names, `Date` timestamps).
 * Implementations throw core errors (`NotFoundError`, `ThrottledError`, …) and reject with
 * `signal.reason` when aborted. Built-in: `sdkTransport(client)` and `jsonTransport(request)`.
 *
 * @example
 * ```ts
 * const transport: SsmTransport = jsonTransport(myRequest);
 * const out = await transport.send('GetMaintenanceWindow', { WindowId: 'mw-0123456789abcdef0' });
 * ```
 */
export interface SsmTransport {
  send(
    operation: SsmOperation,
    input: Record<string, unknown>,
    options?: SendOptions,
  ): Promise<Record<string, unknown>>;
  /**
   * How the transport waits (`ms`, rejecting with `signal.reason` on abort). A client's
   * `requestsPerSecond` limit waits through it, so a host's own sleep reaches every wait.
   * The built-in transports have one; a custom transport needs it only for `requestsPerSecond`.
   */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
}
