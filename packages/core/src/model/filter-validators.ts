/** Validation of SSM `Filters`, in both spellings the operations use. */
import { SSM_LIMITS } from './constants';
import { assertInputObject, describe, reject, typeRule } from './rejections';

/**
 * An SSM `Filters` entry as sent on the wire.
 *
 * @example
 * ```ts
 * const f: SsmFilter = { Key: 'STATUS', Values: ['FAILED'] };
 * ```
 */
export interface SsmFilter {
  Key: string;
  Values: string[];
}

/**
 * Validates SSM `Filters`: at most 5 entries, keys 1–128 characters and among `allowedKeys`
 * (when given), each value 1–256 characters.
 *
 * @example
 * ```ts
 * validateFilters([{ Key: 'STATUS', Values: ['FAILED'] }], ['STATUS']);
 * ```
 */
export function validateFilters(
  value: unknown,
  allowedKeys?: readonly string[],
  field = 'filters',
): SsmFilter[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    throw reject(field, 'type', `must be an array, got ${describe(value)}`);
  }
  const limits = SSM_LIMITS.filters;
  if (value.length > limits.maxCount) {
    throw reject(
      field,
      'length',
      `must have at most ${limits.maxCount} entries, got ${value.length}`,
    );
  }
  return value.map((filter: unknown, index): SsmFilter => {
    const at = `${field}[${index}]`;
    assertInputObject(filter, at, ['Key', 'Values']);
    const key = filter.Key;
    if (
      typeof key !== 'string' ||
      key.length < limits.keyMinLength ||
      key.length > limits.keyMaxLength
    ) {
      throw reject(
        `${at}.Key`,
        typeof key === 'string' ? 'length' : typeRule(key),
        `must be a string of 1–128 characters`,
      );
    }
    if (allowedKeys !== undefined && !allowedKeys.includes(key)) {
      throw reject(`${at}.Key`, 'unknown-key', `must be one of ${allowedKeys.join(', ')}`);
    }
    if (!Array.isArray(filter.Values) || filter.Values.length === 0) {
      throw reject(
        `${at}.Values`,
        Array.isArray(filter.Values) ? 'length' : typeRule(filter.Values),
        'must be a non-empty array of strings',
      );
    }
    const values = filter.Values.map((v: unknown, i) => {
      if (
        typeof v !== 'string' ||
        v.length < limits.valueMinLength ||
        v.length > limits.valueMaxLength
      ) {
        throw reject(
          `${at}.Values[${i}]`,
          typeof v === 'string' ? 'length' : 'type',
          'must be a string of 1–256 characters',
        );
      }
      return v;
    });
    return { Key: key, Values: values };
  });
}

/**
 * Validates ListCommandInvocations' `Filters`, whose members are lowercase: 1–5 `{ key, value }`
 * with `key` one of `allowedKeys` and `value` 1–128 characters.
 *
 * @example
 * ```ts
 * validateLowercaseFilters([{ key: 'Status', value: 'Failed' }], ['Status']);
 * ```
 */
export function validateLowercaseFilters(
  value: unknown,
  allowedKeys: readonly string[],
  field = 'filters',
): { key: string; value: string }[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > 5) {
    throw reject(
      field,
      Array.isArray(value) ? 'length' : typeRule(value),
      'must be an array of 1–5 { key, value } filters',
    );
  }
  return value.map((filter: unknown, index) => {
    const at = `${field}[${index}]`;
    assertInputObject(filter, at, ['key', 'value']);
    if (typeof filter.key !== 'string' || !allowedKeys.includes(filter.key)) {
      throw reject(`${at}.key`, 'unknown-key', `must be one of ${allowedKeys.join(', ')}`);
    }
    const text = filter.value;
    if (typeof text !== 'string' || text.length < 1 || text.length > 128) {
      throw reject(
        `${at}.value`,
        typeof text === 'string' ? 'length' : 'type',
        'must be a string of 1–128 characters',
      );
    }
    return { key: filter.key, value: text };
  });
}
