/**
 * Fault injection: latency, token-bucket throttling, 500s, connection resets, truncated bodies,
 * requests that are accepted and never answered, a NextToken that repeats forever and IAM
 * denial. Rules apply globally and per operation (an operation's
 * rule overrides the global fields it sets). Probabilistic faults draw from a seeded PRNG, so a
 * given seed and request sequence always fails the same requests.
 */
import type { SsmOperationName } from '../protocol/service-model';
import { createSeededRandom, type SeededRandom } from '../state/seeded-random';

/**
 * Throttling as a token bucket refilled at `requestsPerSecond`.
 *
 * @example
 * ```ts
 * emulator.setFaults({ throttle: { requestsPerSecond: 20, burst: 5, retryAfterMs: 500 } });
 * ```
 */
export interface ThrottleRule {
  /** Sustained rate allowed, > 0. */
  requestsPerSecond: number;
  /** Bucket size (requests allowed at once after an idle spell). Default: `requestsPerSecond`, at least 1. */
  burst?: number;
  /** When set, throttled responses carry `x-amz-retry-after` (milliseconds, as the SDK reads it). */
  retryAfterMs?: number;
}

/**
 * One set of faults, global or for one operation.
 *
 * @example
 * ```ts
 * const rule: FaultRule = { latencyMs: 50, jitterMs: 25, failureRate: 0.1 };
 * ```
 */
export interface FaultRule {
  /**
   * Time from a request's arrival to its answer, in ms. The emulator works the answer out within
   * it (as a service answers concurrent requests side by side) and waits only what is left.
   */
  latencyMs?: number;
  /** Extra random delay in [0, jitterMs). */
  jitterMs?: number;
  throttle?: ThrottleRule;
  /** Share of requests answered with 500 InternalServerError, 0–1. */
  failureRate?: number;
  /** Share of requests whose connection is destroyed without an answer, 0–1. */
  resetRate?: number;
  /** Share of requests answered 200 with a truncated JSON body, 0–1. */
  malformedRate?: number;
  /** Share of requests read and then never answered (the connection stays open), 0–1. */
  hangRate?: number;
  /** Paginated operations hand out the same NextToken forever. */
  repeatToken?: boolean;
  /**
   * Answer `AccessDeniedException`, as SSM does when the caller's policy does not allow the
   * operation's `ssm:` action. Checked first: a denied request takes no throttle token.
   */
  accessDenied?: boolean;
}

/**
 * Faults of an emulator: a global rule, per-operation rules and the PRNG seed.
 *
 * @example
 * ```ts
 * const faults: FaultConfig = { seed: 'ci', throttle: { requestsPerSecond: 20 },
 *   operations: { GetMaintenanceWindow: { failureRate: 0.5 } } };
 * ```
 */
export interface FaultConfig extends FaultRule {
  /** Seed of the PRNG behind failure/reset/malformed rates and jitter. Default `'faults'`. */
  seed?: string;
  operations?: Partial<Record<SsmOperationName, FaultRule>>;
}

/** What the injector decided for one request. */
export type FaultDecision =
  | { kind: 'none'; delayMs: number; repeatToken: boolean }
  | { kind: 'throttle'; delayMs: number; retryAfterMs?: number }
  | { kind: 'failure' | 'reset' | 'malformed' | 'hang' | 'denied'; delayMs: number };

/**
 * Thrown for fault settings outside their range; the message names the field.
 *
 * @example
 * ```ts
 * emulator.setFaults({ failureRate: 2 }); // FaultConfigError: faults failureRate must be between 0 and 1
 * ```
 */
export class FaultConfigError extends Error {
  override name = 'FaultConfigError';
}

class TokenBucket {
  readonly #rate: number;
  readonly #capacity: number;
  #tokens: number;
  #updatedAt: number;

  constructor(rule: ThrottleRule, now: number) {
    this.#rate = rule.requestsPerSecond;
    this.#capacity = rule.burst ?? Math.max(1, rule.requestsPerSecond);
    this.#tokens = this.#capacity;
    this.#updatedAt = now;
  }

  take(now: number): boolean {
    this.#tokens = Math.min(
      this.#capacity,
      this.#tokens + ((now - this.#updatedAt) / 1000) * this.#rate,
    );
    this.#updatedAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

/**
 * The longest delay a timer can wait (2^31−1 ms, about 24.8 days); Node fires a longer one after
 * 1 ms, which would silently turn a huge latency into none.
 */
export const MAX_DELAY_MS = 2 ** 31 - 1;

function checkRate(name: string, value: number | undefined): void {
  if (value !== undefined && !(value >= 0 && value <= 1)) {
    throw new FaultConfigError(`faults ${name} must be between 0 and 1, got ${String(value)}`);
  }
}

function checkRule(rule: FaultRule, where: string): void {
  checkRate(`${where}failureRate`, rule.failureRate);
  checkRate(`${where}resetRate`, rule.resetRate);
  checkRate(`${where}malformedRate`, rule.malformedRate);
  checkRate(`${where}hangRate`, rule.hangRate);
  for (const [name, value] of [
    ['latencyMs', rule.latencyMs],
    ['jitterMs', rule.jitterMs],
  ] as const) {
    if (value !== undefined && !(value >= 0 && value <= MAX_DELAY_MS)) {
      throw new FaultConfigError(
        `faults ${where}${name} must be a number ≥ 0 and at most ${MAX_DELAY_MS} (ms), got ${String(value)}`,
      );
    }
  }
  if ((rule.latencyMs ?? 0) + (rule.jitterMs ?? 0) > MAX_DELAY_MS) {
    throw new FaultConfigError(
      `faults ${where}latencyMs + jitterMs must be at most ${MAX_DELAY_MS} ms`,
    );
  }
  if (rule.throttle) {
    const { requestsPerSecond, burst, retryAfterMs } = rule.throttle;
    if (!(requestsPerSecond > 0 && Number.isFinite(requestsPerSecond))) {
      throw new FaultConfigError(
        `faults ${where}throttle.requestsPerSecond must be > 0, got ${String(requestsPerSecond)}`,
      );
    }
    if (burst !== undefined && !(burst >= 1)) {
      throw new FaultConfigError(`faults ${where}throttle.burst must be ≥ 1, got ${String(burst)}`);
    }
    if (retryAfterMs !== undefined && !(retryAfterMs >= 0)) {
      throw new FaultConfigError(
        `faults ${where}throttle.retryAfterMs must be ≥ 0, got ${String(retryAfterMs)}`,
      );
    }
  }
}

/** Decides, request by request, which fault (if any) to serve. */
export class FaultInjector {
  #config: FaultConfig = {};
  #random: SeededRandom = createSeededRandom('faults');
  #globalBucket: TokenBucket | undefined;
  readonly #operationBuckets = new Map<string, TokenBucket>();
  readonly #now: () => number;

  constructor(config: FaultConfig = {}, now: () => number = Date.now) {
    this.#now = now;
    this.set(config);
  }

  /** The current configuration. */
  get config(): FaultConfig {
    return this.#config;
  }

  /** Replaces the configuration; buckets start full and the PRNG restarts from the seed. */
  set(config: FaultConfig): void {
    checkRule(config, '');
    for (const [operation, rule] of Object.entries(config.operations ?? {})) {
      checkRule(rule, `operations.${operation}.`);
    }
    this.#config = config;
    this.#random = createSeededRandom(config.seed ?? 'faults');
    const now = this.#now();
    this.#globalBucket = config.throttle ? new TokenBucket(config.throttle, now) : undefined;
    this.#operationBuckets.clear();
    for (const [operation, rule] of Object.entries(config.operations ?? {})) {
      if (rule.throttle) this.#operationBuckets.set(operation, new TokenBucket(rule.throttle, now));
    }
  }

  /** The rule in force for an operation (global fields overridden by the operation's own). */
  ruleFor(operation: string | undefined): FaultRule {
    const { seed: _seed, operations, ...global } = this.#config;
    const own = operation === undefined ? undefined : operations?.[operation as SsmOperationName];
    return { ...global, ...own };
  }

  /** Decides the fault for one request of `operation`. */
  decide(operation: string | undefined): FaultDecision {
    const rule = this.ruleFor(operation);
    const delayMs =
      (rule.latencyMs ?? 0) + (rule.jitterMs ? this.#random.next() * rule.jitterMs : 0);
    if (rule.accessDenied === true) return { kind: 'denied', delayMs };
    const now = this.#now();
    const bucket = (operation && this.#operationBuckets.get(operation)) || this.#globalBucket;
    if (bucket && rule.throttle && !bucket.take(now)) {
      return { kind: 'throttle', delayMs, retryAfterMs: rule.throttle.retryAfterMs };
    }
    if (this.#roll(rule.hangRate)) return { kind: 'hang', delayMs };
    if (this.#roll(rule.resetRate)) return { kind: 'reset', delayMs };
    if (this.#roll(rule.failureRate)) return { kind: 'failure', delayMs };
    if (this.#roll(rule.malformedRate)) return { kind: 'malformed', delayMs };
    return { kind: 'none', delayMs, repeatToken: rule.repeatToken === true };
  }

  #roll(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.#random.next() < rate;
  }
}
