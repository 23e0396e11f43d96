import type { MetricsService } from '@backstage/backend-plugin-api/alpha';

/** How a caller that did not fetch got its value. */
export type CoalescedScope = 'process' | 'replica';

/** How one SSM request (one HTTP attempt) ended. */
export type SsmOutcome =
  'success' | 'throttled' | 'client_error' | 'server_error' | 'network_error';

interface Counter {
  add(value: number, attributes?: Record<string, string>): void;
}

const NO_COUNTER: Counter = { add: () => undefined };

/**
 * The plugin's metrics, through Backstage's metrics service (OpenTelemetry underneath; meter
 * `backstage-plugin-ssm-invocations`). Without a metrics service every count is dropped.
 *
 * @example
 * ```ts
 * const metrics = new SsmInvocationsMetrics(metricsService);
 * metrics.ssmRequest('GetMaintenanceWindow', 'success');
 * ```
 */
export class SsmInvocationsMetrics {
  readonly #ssmRequests: Counter;
  readonly #throttles: Counter;
  readonly #cacheLookups: Counter;
  readonly #coalescedWaits: Counter;

  constructor(metrics?: MetricsService) {
    const counter = (name: string, description: string): Counter =>
      metrics ? metrics.createCounter(name, { description, unit: '{request}' }) : NO_COUNTER;
    this.#ssmRequests = counter(
      'ssm_invocations.ssm.requests',
      'SSM requests sent (each attempt), by operation and outcome',
    );
    this.#throttles = counter(
      'ssm_invocations.ssm.throttles',
      'SSM requests answered with a throttling error, by operation',
    );
    this.#cacheLookups = counter(
      'ssm_invocations.cache.lookups',
      'Cache lookups by cache (report, invocation, history …) and result (hit, miss)',
    );
    this.#coalescedWaits = counter(
      'ssm_invocations.coalesced_waits',
      'Requests answered by a fetch another request started: in this process or on another replica',
    );
  }

  /** One SSM request (an HTTP attempt; retries count again). */
  ssmRequest(operation: string, outcome: SsmOutcome): void {
    this.#ssmRequests.add(1, { operation, outcome });
    if (outcome === 'throttled') this.#throttles.add(1, { operation });
  }

  /** One lookup in the shared cache. */
  cacheLookup(cache: string, hit: boolean): void {
    this.#cacheLookups.add(1, { cache, result: hit ? 'hit' : 'miss' });
  }

  /** A request that waited for a fetch it did not start. */
  coalescedWait(scope: CoalescedScope): void {
    this.#coalescedWaits.add(1, { scope });
  }
}
