/**
 * Server-side input validation with the messages AWS's Coral framework writes, e.g.
 * `1 validation error detected: Value 'x' at 'windowExecutionId' failed to satisfy constraint:
 * Member must satisfy regular expression pattern: …`. The limits come from
 * `@ssm-invocations/core/model`; only the message format lives here.
 *
 * Wrong JSON types (a string where a number belongs) are a `SerializationException`, as Coral
 * answers before validation runs.
 */
import {
  EXECUTION_STATUSES,
  SSM_LIMITS,
  SSM_OPERATIONS,
  type SsmOperation,
} from '@ssm-invocations/core/model';
import { ServiceError } from './service-error';

/** A filter as sent on the wire. */
export interface WireFilter {
  Key: string;
  Values: string[];
}

/** Collects constraint violations in member order and throws them as one ValidationException. */
export class ValidationErrors {
  readonly #messages: string[] = [];

  /** Records a violation of `constraint` by `value` at `path` (the camelCase member path). */
  add(path: string, value: unknown, constraint: string): void {
    this.#messages.push(
      `Value ${describeValue(value)} at '${path}' failed to satisfy constraint: ${constraint}`,
    );
  }

  /** Throws a ValidationException when anything was recorded. */
  throwIfAny(): void {
    const count = this.#messages.length;
    if (count === 0) return;
    throw new ServiceError(
      'ValidationException',
      `${count} validation error${count === 1 ? '' : 's'} detected: ${this.#messages.join('; ')}`,
    );
  }
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `'[${value.map((item) => describeScalar(item)).join(', ')}]'`;
  return `'${describeScalar(value)}'`;
}

function describeScalar(value: unknown): string {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** Throws a SerializationException naming the member whose JSON type is wrong. */
function wrongType(member: string, expected: string): never {
  throw new ServiceError(
    'SerializationException',
    `Unable to parse the request: ${member} must be ${expected}`,
  );
}

/** Reads an optional string member, rejecting other JSON types. */
export function readString(input: Record<string, unknown>, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') wrongType(member, 'a string');
  return value;
}

/** Reads an optional integer member, rejecting other JSON types. */
export function readInteger(input: Record<string, unknown>, member: string): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) wrongType(member, 'an integer');
  return value;
}

/** Reads the optional `Filters` list, rejecting wrong JSON shapes. */
export function readFilters(input: Record<string, unknown>): WireFilter[] | undefined {
  const value = input.Filters;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) wrongType('Filters', 'a list');
  return value.map((filter: unknown, index) => {
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
      wrongType(`Filters[${index}]`, 'an object');
    }
    const record = filter as Record<string, unknown>;
    const key = record.Key ?? '';
    const values = record.Values ?? [];
    if (typeof key !== 'string') wrongType(`Filters[${index}].Key`, 'a string');
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
      wrongType(`Filters[${index}].Values`, 'a list of strings');
    }
    return { Key: key, Values: values as string[] };
  });
}

/** Checks a required `mw-…` window id. */
export function checkWindowId(errors: ValidationErrors, path: string, value: string | undefined) {
  checkId(errors, path, value, SSM_LIMITS.windowId.pattern, SSM_LIMITS.windowId.length);
}

/** Checks a required 36-character UUID id (execution, task, invocation, target). */
export function checkUuid(errors: ValidationErrors, path: string, value: string | undefined) {
  checkId(errors, path, value, SSM_LIMITS.executionId.pattern, SSM_LIMITS.executionId.length);
}

function checkId(
  errors: ValidationErrors,
  path: string,
  value: string | undefined,
  pattern: RegExp,
  length: number,
): void {
  if (value === undefined) {
    errors.add(path, value, 'Member must not be null');
    return;
  }
  if (!pattern.test(value)) {
    errors.add(path, value, `Member must satisfy regular expression pattern: ${pattern.source}`);
  }
  if (value.length < length) {
    errors.add(path, value, `Member must have length greater than or equal to ${length}`);
  } else if (value.length > length) {
    errors.add(path, value, `Member must have length less than or equal to ${length}`);
  }
}

/** Checks `MaxResults` against SSM's 10–100. */
export function checkMaxResults(errors: ValidationErrors, value: number | undefined): void {
  if (value === undefined) return;
  const { min, max } = SSM_LIMITS.maxResults;
  if (value < min)
    errors.add('maxResults', value, `Member must have value greater than or equal to ${min}`);
  if (value > max)
    errors.add('maxResults', value, `Member must have value less than or equal to ${max}`);
}

/**
 * Checks the filter list: count, key/value lengths, the operation's allowed keys, STATUS values,
 * ISO dates for ExecutedBefore/After and `True`/`False` for Enabled.
 */
export function checkFilters(
  errors: ValidationErrors,
  operation: SsmOperation,
  filters: WireFilter[] | undefined,
): void {
  if (filters === undefined) return;
  const limits = SSM_LIMITS.filters;
  if (filters.length > limits.maxCount) {
    errors.add(
      'filters',
      filters,
      `Member must have length less than or equal to ${limits.maxCount}`,
    );
  }
  const allowedKeys: readonly string[] = SSM_OPERATIONS[operation].filterKeys;
  filters.forEach((filter, index) => {
    const at = `filters.${index + 1}.member`;
    if (filter.Key.length < limits.keyMinLength) {
      errors.add(
        `${at}.key`,
        filter.Key,
        `Member must have length greater than or equal to ${limits.keyMinLength}`,
      );
    } else if (filter.Key.length > limits.keyMaxLength) {
      errors.add(
        `${at}.key`,
        filter.Key,
        `Member must have length less than or equal to ${limits.keyMaxLength}`,
      );
    } else if (!allowedKeys.includes(filter.Key)) {
      errors.add(
        `${at}.key`,
        filter.Key,
        `Member must satisfy enum value set: [${allowedKeys.join(', ')}]`,
      );
    }
    if (filter.Key === 'ExecutedBefore' || filter.Key === 'ExecutedAfter') {
      // A time bound takes exactly one date.
      if (filter.Values.length === 0) {
        errors.add(
          `${at}.values`,
          filter.Values,
          'Member must have length greater than or equal to 1',
        );
      } else if (filter.Values.length > 1) {
        errors.add(
          `${at}.values`,
          filter.Values,
          'Member must have length less than or equal to 1',
        );
      }
    }
    filter.Values.forEach((value, valueIndex) => {
      const valueAt = `${at}.values.${valueIndex + 1}.member`;
      if (value.length < limits.valueMinLength) {
        errors.add(
          valueAt,
          value,
          `Member must have length greater than or equal to ${limits.valueMinLength}`,
        );
      } else if (value.length > limits.valueMaxLength) {
        errors.add(
          valueAt,
          value,
          `Member must have length less than or equal to ${limits.valueMaxLength}`,
        );
      } else {
        checkFilterValue(errors, valueAt, filter.Key, value);
      }
    });
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function checkFilterValue(errors: ValidationErrors, path: string, key: string, value: string) {
  if (key === 'STATUS' && !(EXECUTION_STATUSES as readonly string[]).includes(value)) {
    errors.add(
      path,
      value,
      `Member must satisfy enum value set: [${EXECUTION_STATUSES.join(', ')}]`,
    );
  } else if (
    (key === 'ExecutedBefore' || key === 'ExecutedAfter') &&
    (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))
  ) {
    errors.add(path, value, 'Member must be an ISO-8601 date-time such as 2024-11-04T05:00:00Z');
  } else if (key === 'Enabled' && !/^(true|false)$/i.test(value)) {
    errors.add(path, value, 'Member must satisfy enum value set: [True, False]');
  } else if (key === 'Type' && value !== 'INSTANCE' && value !== 'RESOURCE_GROUP') {
    errors.add(path, value, 'Member must satisfy enum value set: [INSTANCE, RESOURCE_GROUP]');
  }
}
