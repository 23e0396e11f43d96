import { readDurationFromConfig, type Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { HISTORY_LIMITS, REPORT_LIMITS } from '@ssm-invocations/core/model';

/**
 * The `ssmInvocations` config block, read and checked (see `config.d.ts`).
 *
 * @example
 * ```ts
 * const settings = readSsmInvocationsConfig(config);
 * settings.cacheTtlMs; // 60000 unless configured
 * ```
 *
 * @public
 */
export interface SsmInvocationsConfig {
  /** 0 turns caching off. */
  cacheTtlMs: number;
  /** How long finished executions stay in the cache (core's `historyTtlMs`); 0 keeps none. */
  historyTtlMs: number;
  /**
   * How long one replica's claim to fetch a key lives unless renewed; the fetching replica renews
   * it while it fetches, so this is how long a replica that died mid-fetch holds the others back.
   */
  leaseTtlMs: number;
  /** Whether `backend.cache.store` is shared by replicas (anything but `memory`). */
  sharedCacheStore: boolean;
  /** The Redis or Valkey server of `backend.cache` (not a cluster), where leases are atomic. */
  leaseServerUrl?: string;
  /** Executions per window a report shows unless the request asks for another number. */
  executionsPerWindow: number;
  /** The most executions per window a request may ask for. */
  maxExecutionsPerWindow: number;
  /** SSM endpoint URL (e.g. the emulator's); default: AWS's endpoint of the window's region. */
  endpoint?: string;
  /** Attempts per SSM request, retries included. */
  maxAttempts?: number;
  /** SSM requests in flight at once per account and region. */
  maxConcurrency?: number;
  /** SSM requests per second per account and region; unset = no client-side limit. */
  requestsPerSecond?: number;
  /** Region of windows annotated by id only. */
  region?: string;
  /** Account of windows annotated by id only. */
  accountId?: string;
  /** Deadline of one HTTP request's SSM work (every core call gets it as its signal). */
  requestTimeoutMs: number;
  /** Accounts whose windows may be read; unset = the accounts configured under `aws`. */
  allowedAccounts?: string[];
  /** Regions whose windows may be read; unset = any. */
  allowedRegions?: string[];
  /** When set, a window is shown only if this tag names the entity or its owner. */
  ownershipTag?: { key: string };
  /** Whether invocations keep `Parameters` and `OwnerInformation` (default false). */
  exposeParameters: boolean;
}

const DEFAULT_TTL_MS = 60_000;
const DEFAULT_LEASE_TTL_MS = 10_000;
/** Long enough for a report's few dozen calls with a retry, short enough for a card. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** setTimeout fires at once for longer delays. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** The card's own cap below core's maximum: a card showing more is hard to read. */
const DEFAULT_MAX_EXECUTIONS = 20;

function readPositiveInteger(
  config: Config,
  key: string,
  max: number,
  min = 1,
): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(
      `ssmInvocations.${key} must be an integer from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

/** A duration key given as seconds (a number) or a HumanDuration / ISO string. */
function readDurationMs(block: Config, key: string, fallback: number): number {
  if (!block.has(key)) return fallback;
  const raw = block.get(key);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) {
      throw new InputError(`ssmInvocations.${key} must be a number of seconds ≥ 0, got ${raw}`);
    }
    return raw * 1000;
  }
  return durationToMilliseconds(readDurationFromConfig(block, { key }));
}

function readRequestTimeoutMs(block: Config): number {
  const ms = readDurationMs(block, 'requestTimeout', DEFAULT_REQUEST_TIMEOUT_MS);
  if (ms < 1 || ms > MAX_TIMEOUT_MS) {
    throw new InputError(
      `ssmInvocations.requestTimeout must be from 1 ms to ${MAX_TIMEOUT_MS} ms, got ${ms} ms`,
    );
  }
  return ms;
}

/** `cache.historyTtl`: 0 (none), or within core's `HISTORY_LIMITS.ttlMs`. */
function readHistoryTtlMs(block: Config | undefined): number {
  const { min, max, default: fallback } = HISTORY_LIMITS.ttlMs;
  if (!block) return fallback;
  const ms = readDurationMs(block, 'cache.historyTtl', fallback);
  if (ms !== 0 && (ms < min || ms > max)) {
    throw new InputError(
      `ssmInvocations.cache.historyTtl must be 0 or from ${min / 1000} s to ${max / 86_400_000} days (SSM keeps execution history for 30 days), got ${ms} ms`,
    );
  }
  return ms;
}

function readLeaseTtlMs(block: Config | undefined): number {
  if (!block) return DEFAULT_LEASE_TTL_MS;
  const ms = readDurationMs(block, 'cache.leaseTtl', DEFAULT_LEASE_TTL_MS);
  if (ms < 100 || ms > 300_000) {
    throw new InputError(
      `ssmInvocations.cache.leaseTtl must be from 100 ms to 5 minutes, got ${ms} ms`,
    );
  }
  return ms;
}

/** The cache settings that live outside `ssmInvocations`: Backstage's cache store. */
function cacheStore(
  config: Config,
): Pick<SsmInvocationsConfig, 'sharedCacheStore' | 'leaseServerUrl'> {
  const store = config.getOptionalString('backend.cache.store') ?? 'memory';
  if (store !== 'redis' && store !== 'valkey') return { sharedCacheStore: store !== 'memory' };
  const connection = config.getOptional('backend.cache.connection');
  const url =
    typeof connection === 'string'
      ? connection
      : config.getOptionalString('backend.cache.connection.url');
  const cluster = config.has(`backend.cache.${store}.cluster`);
  return { sharedCacheStore: true, ...(url && !cluster ? { leaseServerUrl: url } : {}) };
}

function readList(block: Config, key: string, pattern: RegExp, what: string): string[] | undefined {
  const values = block.getOptionalStringArray(key);
  for (const value of values ?? []) {
    if (!pattern.test(value)) {
      throw new InputError(`ssmInvocations.${key} must list ${what}, got "${value.slice(0, 40)}"`);
    }
  }
  return values;
}

function readOwnershipTag(block: Config): { key: string } | undefined {
  const key = block.getOptionalString('ownershipTag.key');
  if (key === undefined) return undefined;
  // SSM's TagKey: 1–128 letters, spaces, digits or _.:/=+-@.
  if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u.test(key)) {
    throw new InputError(
      'ssmInvocations.ownershipTag.key must be an SSM tag key (1–128 characters)',
    );
  }
  return { key };
}

/**
 * Reads `ssmInvocations` from the app config, with defaults; throws an `InputError` naming the
 * key for a bad value (at startup, not at the first request).
 *
 * @example
 * ```ts
 * const { endpoint, region } = readSsmInvocationsConfig(config);
 * ```
 *
 * @public
 */
export function readSsmInvocationsConfig(config: Config): SsmInvocationsConfig {
  const block = config.getOptionalConfig('ssmInvocations');
  const cache = {
    historyTtlMs: readHistoryTtlMs(block),
    leaseTtlMs: readLeaseTtlMs(block),
    ...cacheStore(config),
  };
  if (!block) {
    return {
      ...cache,
      cacheTtlMs: DEFAULT_TTL_MS,
      executionsPerWindow: REPORT_LIMITS.executions.default,
      maxExecutionsPerWindow: DEFAULT_MAX_EXECUTIONS,
      requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
      exposeParameters: false,
    };
  }
  const maxExecutionsPerWindow =
    readPositiveInteger(
      block,
      'maxExecutionsPerWindow',
      REPORT_LIMITS.executions.max,
      REPORT_LIMITS.executions.min,
    ) ?? DEFAULT_MAX_EXECUTIONS;
  const executionsPerWindow =
    readPositiveInteger(
      block,
      'executionsPerWindow',
      maxExecutionsPerWindow,
      REPORT_LIMITS.executions.min,
    ) ?? Math.min(REPORT_LIMITS.executions.default, maxExecutionsPerWindow);
  return {
    ...cache,
    cacheTtlMs: readDurationMs(block, 'cache.ttl', DEFAULT_TTL_MS),
    executionsPerWindow,
    maxExecutionsPerWindow,
    endpoint: block.getOptionalString('endpoint'),
    maxAttempts: readPositiveInteger(block, 'maxAttempts', 20),
    maxConcurrency: readPositiveInteger(block, 'maxConcurrency', 64),
    requestsPerSecond: block.getOptionalNumber('requestsPerSecond'),
    region: block.getOptionalString('region'),
    accountId: block.getOptionalString('accountId'),
    requestTimeoutMs: readRequestTimeoutMs(block),
    allowedAccounts: readList(block, 'allowedAccounts', ACCOUNT_ID, '12-digit account ids'),
    allowedRegions: readList(block, 'allowedRegions', REGION, 'AWS regions such as eu-west-1'),
    ownershipTag: readOwnershipTag(block),
    exposeParameters: block.getOptionalBoolean('exposeParameters') ?? false,
  };
}
