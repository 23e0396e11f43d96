/** Request, error and fault counters served at `GET /__emulator/stats` and by `stats()`. */

/**
 * Fault kinds counted in {@link EmulatorStats.faults}.
 *
 * @example
 * ```ts
 * for (const kind of FAULT_KINDS) console.log(kind, emulator.stats().faults[kind]);
 * ```
 */
export const FAULT_KINDS = [
  'latency',
  'throttle',
  'failure',
  'reset',
  'malformed',
  'repeatToken',
  'hang',
  'accessDenied',
] as const;

/**
 * A fault kind.
 *
 * @example
 * ```ts
 * const kind: FaultKind = 'throttle';
 * ```
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A snapshot of the emulator's counters.
 *
 * @example
 * ```ts
 * const { byOperation, throttled } = emulator.stats();
 * ```
 */
export interface EmulatorStats {
  /** API requests received (the `/__emulator/*` endpoints are not counted). */
  requests: number;
  /** Requests per operation name; requests naming no known operation count under `(unknown)`. */
  byOperation: Record<string, number>;
  /** Successful (200) answers per operation. */
  succeeded: Record<string, number>;
  /** Error answers per error code (ValidationException, ThrottlingException, …). */
  errors: Record<string, number>;
  /** Faults served, per kind (a delayed request counts under `latency`). */
  faults: Record<FaultKind, number>;
  /** Requests answered with ThrottlingException. */
  throttled: number;
  /** SigV4 outcomes (only when verification is on). */
  signatures: { verified: number; rejected: number };
  /** When the emulator started (ISO-8601). */
  startedAt: string;
}

/** Mutable counters behind {@link EmulatorStats}. */
export class StatsRecorder {
  #stats: EmulatorStats;

  constructor(now: Date = new Date()) {
    this.#stats = StatsRecorder.#empty(now);
  }

  static #empty(now: Date): EmulatorStats {
    return {
      requests: 0,
      byOperation: {},
      succeeded: {},
      errors: {},
      faults: {
        latency: 0,
        throttle: 0,
        failure: 0,
        reset: 0,
        malformed: 0,
        repeatToken: 0,
        hang: 0,
        accessDenied: 0,
      },
      throttled: 0,
      signatures: { verified: 0, rejected: 0 },
      startedAt: now.toISOString(),
    };
  }

  request(operation: string): void {
    this.#stats.requests += 1;
    this.#stats.byOperation[operation] = (this.#stats.byOperation[operation] ?? 0) + 1;
  }

  success(operation: string): void {
    this.#stats.succeeded[operation] = (this.#stats.succeeded[operation] ?? 0) + 1;
  }

  error(code: string): void {
    this.#stats.errors[code] = (this.#stats.errors[code] ?? 0) + 1;
    if (code === 'ThrottlingException') this.#stats.throttled += 1;
  }

  fault(kind: FaultKind): void {
    this.#stats.faults[kind] += 1;
  }

  signature(verified: boolean): void {
    if (verified) this.#stats.signatures.verified += 1;
    else this.#stats.signatures.rejected += 1;
  }

  /** A deep copy, safe to keep while the counters move on. */
  snapshot(): EmulatorStats {
    return structuredClone(this.#stats);
  }

  reset(): void {
    this.#stats = StatsRecorder.#empty(new Date());
  }
}
