import { InvalidArgumentError } from 'commander';
import { InvalidInputError, validateTime } from '@ssm-invocations/core/model';

/**
 * Parses a whole-number flag value (`--limit 50`). Only the syntax is checked here; the ranges
 * (MaxResults 10–100, limit ≥ 1, …) are SSM rules that core validates.
 *
 * @example
 * ```ts
 * new Option('--limit <n>').argParser(parseWholeNumber);
 * ```
 */
export function parseWholeNumber(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) {
    throw new InvalidArgumentError(`must be a whole number, got "${value}".`);
  }
  return Number.parseInt(value, 10);
}

/**
 * Collects a repeatable flag (`--status FAILED --status TIMED_OUT`), also splitting commas
 * (`--status FAILED,TIMED_OUT`). An empty item (`--status ""`, `--status ,,`, `FAILED,`) is
 * refused: read as "no filter" it would silently list everything.
 *
 * @example
 * ```ts
 * new Option('--status <status>').argParser(collectList).default([]);
 * ```
 */
export function collectList(value: string, previous: string[] | undefined): string[] {
  const items = value.split(',').map((item) => item.trim());
  if (items.includes('')) {
    throw new InvalidArgumentError(
      `must be one or more comma-separated values, none of them empty, got "${value}".`,
    );
  }
  return [...(previous ?? []), ...items];
}

/**
 * Parses an ISO-8601 date-time flag (`--after 2026-11-01T00:00:00Z`) with core's rule for times
 * (which refuses impossible days such as `2026-02-31`), so the CLI accepts exactly what core does.
 *
 * @example
 * ```ts
 * new Option('--after <iso>').argParser(parseDateTime);
 * ```
 */
export function parseDateTime(value: string): Date {
  try {
    return validateTime(value, 'value');
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw new InvalidArgumentError(`${error.reason}, such as 2026-11-01T00:00:00Z.`);
    }
    throw error;
  }
}

/**
 * Parses `true` / `false`.
 *
 * @example
 * ```ts
 * new Option('--enabled <bool>').argParser(parseBoolean);
 * ```
 */
export function parseBoolean(value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidArgumentError(`must be true or false, got "${value}".`);
}
