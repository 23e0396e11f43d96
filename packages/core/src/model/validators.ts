/**
 * Client-side input validation. SSM (and the SDK) check little before sending, so every rule of
 * the SSM model that applies to our inputs is checked here, before any network call. Each
 * validator is pure and throws {@link InvalidInputError} naming the field and the rule.
 */
import { EXECUTION_STATUSES, SSM_LIMITS, type ExecutionStatus } from './constants';
import { describe, reject, typeRule } from './rejections';

export { assertInputObject } from './rejections';

const knownStatuses = new Set<string>(EXECUTION_STATUSES);

/**
 * Validates a maintenance window id: `mw-` followed by 17 lowercase hex digits.
 *
 * @example
 * ```ts
 * validateWindowId('mw-0123456789abcdef0'); // returns it
 * validateWindowId('mw-1'); // throws InvalidInputError (field 'windowId')
 * ```
 */
export function validateWindowId(value: unknown, field = 'windowId'): string {
  if (typeof value !== 'string') {
    throw reject(field, typeRule(value), `must be a string, got ${describe(value)}`);
  }
  if (!SSM_LIMITS.windowId.pattern.test(value)) {
    throw reject(
      field,
      'pattern',
      `must be "mw-" followed by 17 lowercase hex digits (20 characters), got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Validates a 36-character UUID id: window execution, task execution, invocation or window
 * target id.
 *
 * @example
 * ```ts
 * validateUuidId('6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90', 'taskId');
 * ```
 */
export function validateUuidId(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw reject(field, typeRule(value), `must be a string, got ${describe(value)}`);
  }
  if (!SSM_LIMITS.executionId.pattern.test(value)) {
    throw reject(
      field,
      'pattern',
      `must be a 36-character UUID (8-4-4-4-12 hex digits), got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Validates a list of statuses: an array of the 8 known statuses. An empty array or `undefined`
 * means "no status filter" and returns `undefined`; duplicates are removed.
 *
 * @example
 * ```ts
 * validateStatuses(['FAILED', 'TIMED_OUT']); // ['FAILED', 'TIMED_OUT']
 * validateStatuses(['BROKEN']); // throws InvalidInputError (field 'statuses[0]')
 * ```
 */
export function validateStatuses(
  value: unknown,
  field = 'statuses',
): ExecutionStatus[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    throw reject(field, 'type', `must be an array of statuses, got ${describe(value)}`);
  }
  const out: ExecutionStatus[] = [];
  value.forEach((status: unknown, index) => {
    if (typeof status !== 'string' || !knownStatuses.has(status)) {
      throw reject(
        `${field}[${index}]`,
        'unknown-status',
        `must be one of ${EXECUTION_STATUSES.join(', ')}, got ${describe(status)}`,
      );
    }
    if (!out.includes(status as ExecutionStatus)) out.push(status as ExecutionStatus);
  });
  return out.length > 0 ? out : undefined;
}

/**
 * Validates a whole number within `[min, max]`; `undefined` passes through.
 *
 * @example
 * ```ts
 * validateInteger(50, 'maxResults', 10, 100); // 50
 * validateInteger(5, 'maxResults', 10, 100); // throws
 * ```
 */
export function validateInteger(
  value: unknown,
  field: string,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw reject(field, 'type', `must be a whole number, got ${describe(value)}`);
  }
  if (value < min || value > max) {
    // Above the default bound, "at least 1" would be no explanation: name the real bound.
    const range =
      value < min && max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    throw reject(field, 'range', `must be ${range}, got ${value}`);
  }
  return value;
}

/**
 * Validates `MaxResults`/page size: a whole number from 10 to 100 (the SSM limit).
 *
 * @example
 * ```ts
 * validateMaxResults(100); // 100
 * ```
 */
export function validateMaxResults(value: unknown, field = 'maxResults'): number | undefined {
  return validateInteger(value, field, SSM_LIMITS.maxResults.min, SSM_LIMITS.maxResults.max);
}

/**
 * Validates a `limit` (maximum number of records to return): a whole number ≥ 1.
 *
 * @example
 * ```ts
 * validateLimit(15); // 15
 * validateLimit(0); // throws
 * ```
 */
export function validateLimit(value: unknown, field = 'limit'): number | undefined {
  return validateInteger(value, field, 1);
}

/**
 * Validates an optional non-empty string of at most `maxLength` characters.
 *
 * @example
 * ```ts
 * validateOptionalString('tok-2', 'nextToken');
 * ```
 */
export function validateOptionalString(
  value: unknown,
  field: string,
  maxLength = Number.MAX_SAFE_INTEGER,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw reject(field, typeRule(value), `must be a string, got ${describe(value)}`);
  }
  if (value.length === 0) throw reject(field, 'length', 'must not be empty');
  if (value.length > maxLength) {
    throw reject(field, 'length', `must be at most ${maxLength} characters`);
  }
  return value;
}

/**
 * Validates an optional boolean.
 *
 * @example
 * ```ts
 * validateOptionalBoolean(true, 'enabled'); // true
 * ```
 */
export function validateOptionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    throw reject(field, 'type', `must be true or false, got ${describe(value)}`);
  }
  return value;
}

/**
 * Whether a string starts with a `YYYY-MM-DD` that names a real day: `Date` would roll
 * `2026-02-31` over to March 3rd instead of refusing it.
 */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

/** The times a four-digit ISO-8601 year can write, in whole seconds (SSM's filter format). */
const EARLIEST_TIME_MS = Date.parse('0000-01-01T00:00:00Z');
const LATEST_TIME_MS = Date.parse('9999-12-31T23:59:59Z');

/**
 * Validates a point in time given as a `Date` or an ISO-8601 string and returns it as a `Date`.
 * It must lie in years 0000–9999 (up to 9999-12-31T23:59:59Z): ISO-8601 writes any other year
 * as `+010000-…`, which no filter accepts.
 *
 * @example
 * ```ts
 * validateTime('2026-11-01T00:00:00Z', 'after'); // Date
 * ```
 */
export function validateTime(value: Date | string, field: string): Date;
export function validateTime(value: unknown, field: string): Date | undefined;
export function validateTime(value: unknown, field: string): Date | undefined {
  if (value === undefined) return undefined;
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === 'string' && isCalendarDate(value)) date = new Date(value);
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw reject(
      field,
      'format',
      `must be a valid Date or ISO-8601 date string, got ${describe(value)}`,
    );
  }
  const ms = date.getTime();
  if (ms < EARLIEST_TIME_MS || ms > LATEST_TIME_MS) {
    throw reject(
      field,
      'range',
      `must be from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, got ${date.toISOString()}`,
    );
  }
  return date;
}

/**
 * Validates a time range: `after` must not be later than `before`.
 *
 * @example
 * ```ts
 * validateTimeRange(new Date('2026-01-01'), new Date('2026-02-01'));
 * ```
 */
export function validateTimeRange(after: Date | undefined, before: Date | undefined): void {
  if (after !== undefined && before !== undefined && after.getTime() > before.getTime()) {
    throw reject('after', 'order', 'must not be later than before');
  }
}

export { validateFilters, validateLowercaseFilters, type SsmFilter } from './filter-validators';
