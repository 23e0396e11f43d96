/**
 * How the validators word and classify a rejected value, and the check of an input's shape
 * (`assertInputObject`, re-exported by `validators.ts`).
 */
import { InvalidInputError, type InvalidInputRule } from './errors';

/** The error for `field` breaking `rule`, in words `reason`. */
export function reject(field: string, rule: InvalidInputRule, reason: string): InvalidInputError {
  return new InvalidInputError(field, reason, {}, rule);
}

/** `type`, or `required` when the value is missing altogether. */
export function typeRule(value: unknown): InvalidInputRule {
  return value === undefined ? 'required' : 'type';
}

/** A short, safe rendering of a rejected value (never the whole of a long string). */
export function describe(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `"${shown}"`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}

/**
 * Checks that `value` is a plain object and has no keys besides `allowed` (a typo such as
 * `windowExecutionID` would otherwise be silently ignored).
 *
 * @example
 * ```ts
 * assertInputObject({ windowId: 'mw-0123456789abcdef0' }, 'input', ['windowId']);
 * ```
 */
export function assertInputObject(
  value: unknown,
  field: string,
  allowed: readonly string[],
): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw reject(field, typeRule(value), `must be an object, got ${describe(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw reject(
        key,
        'unknown-key',
        `is not a known field here (allowed: ${allowed.join(', ') || 'none'})`,
      );
    }
  }
}
