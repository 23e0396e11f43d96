/**
 * What {@link startEmulator} accepts, and what it builds from that before it listens: the store
 * (a seed or a fixture) and live mode (with EventBridge event delivery when asked for).
 */
import { loadFixture, loadFixtureFile, type Fixture } from '../data/fixture';
import type { SeededStore } from '../data/seed-history';
import { createSeededStore, type SeedOptions } from '../data/seeds';
import { createEventSender, type EventDeliveryOptions } from '../modes/event-sender';
import type { FaultConfig } from '../modes/faults';
import { LiveMode, type LiveOptions } from '../modes/live-mode';
import type { StsOptions } from '../protocol/sts-assume-role';
import type { SigV4Options } from './sigv4';

/**
 * Where the emulator reports each request; it never receives credentials or signatures.
 *
 * @example
 * ```ts
 * await startEmulator({ logger: { info: console.log, warn: console.warn } });
 * ```
 */
export interface EmulatorLogger {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Options of {@link startEmulator}.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ port: 0, seed: 'demo', faults: { throttle: { requestsPerSecond: 20 } } });
 * ```
 */
export interface EmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** A named seed: `demo` (default) or any string for a generated graph. */
  seed?: string;
  /**
   * Sizes of a generated seed, and the time seeded histories end at (default: live mode's
   * `startTime` if set, else the start-up time).
   */
  seedOptions?: SeedOptions;
  /** A fixture file path (JSON or YAML) or a fixture object; replaces `seed`. */
  fixture?: string | Fixture;
  faults?: FaultConfig;
  /** `true` for the defaults, or settings. */
  live?: boolean | LiveOptions;
  /** Verify SigV4 signatures against these keys; off by default (any signature accepted). */
  sigv4?: SigV4Options;
  /**
   * The STS `AssumeRole` endpoint (form-encoded POSTs without `X-Amz-Target`, always served):
   * role allow-list and required ExternalId. Its `ASIA…` keys are accepted by the SigV4 check.
   */
  sts?: StsOptions;
  /** With live mode: POST each status change as an EventBridge event (API-destination style). */
  events?: EventDeliveryOptions;
  logger?: EmulatorLogger;
  /** Largest request body accepted. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Required in the `x-emulator-control-token` header by the `/__emulator/` routes. Without it
   * those routes answer only when bound to loopback (403 otherwise).
   */
  controlToken?: string;
}

/**
 * Thrown for emulator options that cannot work (before anything listens).
 *
 * @example
 * ```ts
 * await startEmulator({ seed: 'demo', fixture: 'x.yaml' }); // EmulatorOptionsError
 * ```
 */
export class EmulatorOptionsError extends Error {
  override name = 'EmulatorOptionsError';
}

/**
 * The store the options name: a fixture (file or object) or a seed, anchored at live mode's start.
 *
 * @example
 * ```ts
 * const { store, blueprints } = await loadStore({ seed: 'demo' });
 * ```
 */
export async function loadStore(options: EmulatorOptions): Promise<SeededStore> {
  if (options.fixture !== undefined && options.seed !== undefined) {
    throw new EmulatorOptionsError('Give either seed or fixture, not both');
  }
  if (typeof options.fixture === 'string') return loadFixtureFile(options.fixture);
  if (options.fixture !== undefined) return loadFixture(options.fixture);
  return createSeededStore(options.seed ?? 'demo', {
    ...options.seedOptions,
    anchor: options.seedOptions?.anchor ?? liveStartOf(options.live),
  });
}

/** Live mode's clock start, which also anchors a seed without its own anchor: history, then live. */
function liveStartOf(live: EmulatorOptions['live']): Date | undefined {
  if (typeof live !== 'object' || live.startTime === undefined) return undefined;
  const start = new Date(live.startTime);
  return Number.isNaN(start.getTime()) ? undefined : start;
}

/**
 * Live mode as the options ask for it (undefined when off); with `events`, each status change is
 * posted to their URL.
 *
 * @example
 * ```ts
 * const live = startLiveMode(options, await loadStore(options));
 * ```
 */
export function startLiveMode(
  options: EmulatorOptions,
  { store, blueprints }: SeededStore,
): LiveMode | undefined {
  const liveOptions: LiveOptions | undefined =
    options.live === undefined || options.live === false
      ? undefined
      : options.live === true
        ? {}
        : options.live;
  if (options.events && !liveOptions) {
    throw new EmulatorOptionsError('events need live mode (live: true or { ... })');
  }
  if (!liveOptions) return undefined;
  const { events, logger } = options;
  return new LiveMode(store, blueprints, {
    ...liveOptions,
    ...(events
      ? {
          onStateChange: createEventSender(
            { region: options.sigv4?.region, ...events },
            (message) => logger?.warn(message),
          ),
        }
      : {}),
  });
}
