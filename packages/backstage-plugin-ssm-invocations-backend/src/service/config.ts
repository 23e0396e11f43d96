import { readDurationFromConfig, type Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { REPORT_LIMITS } from '@ssm-invocations/core/model';

/**
 * The `ssmInvocations` config block, read and checked (see `config.d.ts`).
 *
 * @example
 * ```ts
 * const settings = readSsmInvocationsConfig(config);
 * settings.cacheTtlMs; // 60000 unless configured
 * ```
 */
export interface SsmInvocationsConfig {
  /** 0 turns caching off. */
  cacheTtlMs: number;
  executionsPerWindow: number;
  maxExecutionsPerWindow: number;
  endpoint?: string;
  maxAttempts?: number;
  maxConcurrency?: number;
  requestsPerSecond?: number;
  region?: string;
  accountId?: string;
}

const DEFAULT_TTL_MS = 60_000;
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

function readTtlMs(block: Config): number {
  if (!block.has('cache.ttl')) return DEFAULT_TTL_MS;
  const raw = block.get('cache.ttl');
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) {
      throw new InputError(`ssmInvocations.cache.ttl must be a number of seconds ≥ 0, got ${raw}`);
    }
    return raw * 1000;
  }
  return durationToMilliseconds(readDurationFromConfig(block, { key: 'cache.ttl' }));
}

/**
 * Reads `ssmInvocations` from the app config, with defaults; throws an `InputError` naming the
 * key for a bad value (at startup, not at the first request).
 *
 * @example
 * ```ts
 * const { endpoint, region } = readSsmInvocationsConfig(config);
 * ```
 */
export function readSsmInvocationsConfig(config: Config): SsmInvocationsConfig {
  const block = config.getOptionalConfig('ssmInvocations');
  if (!block) {
    return {
      cacheTtlMs: DEFAULT_TTL_MS,
      executionsPerWindow: REPORT_LIMITS.executions.default,
      maxExecutionsPerWindow: DEFAULT_MAX_EXECUTIONS,
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
    cacheTtlMs: readTtlMs(block),
    executionsPerWindow,
    maxExecutionsPerWindow,
    endpoint: block.getOptionalString('endpoint'),
    maxAttempts: readPositiveInteger(block, 'maxAttempts', 20),
    maxConcurrency: readPositiveInteger(block, 'maxConcurrency', 64),
    requestsPerSecond: block.getOptionalNumber('requestsPerSecond'),
    region: block.getOptionalString('region'),
    accountId: block.getOptionalString('accountId'),
  };
}
