/**
 * Reading one fixture field: type checks, ISO/epoch times, and the service model's patterns and
 * enums, each failure reported as a {@link FixtureError} naming the field's path.
 */
import {
  SSM_SERVICE_MODEL,
  TAG_TEXT_PATTERN,
  EXECUTION_STATUSES,
  TASK_TYPES,
  shapePattern,
  type ExecutionStatus,
  type PatternedShapeName,
  type TaskType,
} from '../protocol/service-model';

/**
 * A fixture that cannot be loaded; `path` names the offending field.
 *
 * @example
 * ```ts
 * try { loadFixture(data); } catch (e) { if (e instanceof FixtureError) console.error(e.path); }
 * ```
 */
export class FixtureError extends Error {
  override name = 'FixtureError';
  readonly path: string;

  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(`Invalid fixture at ${path}: ${message}`, options);
    this.path = path;
  }
}

/** A fixture object as parsed from JSON/YAML. */
export type Json = Record<string, unknown>;

export function objectAt(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FixtureError(path, 'expected an object');
  }
  return value as Json;
}

export function listAt(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new FixtureError(path, 'expected a list');
  return value;
}

export function stringAt(record: Json, key: string, path: string, required: true): string;
export function stringAt(
  record: Json,
  key: string,
  path: string,
  required?: false,
): string | undefined;
export function stringAt(
  record: Json,
  key: string,
  path: string,
  required = false,
): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) {
    if (required) throw new FixtureError(`${path}.${key}`, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') throw new FixtureError(`${path}.${key}`, 'expected a string');
  return value;
}

export function numberAt(record: Json, key: string, path: string): number | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FixtureError(`${path}.${key}`, 'expected a number');
  }
  return value;
}

export function booleanAt(record: Json, key: string, path: string): boolean | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean')
    throw new FixtureError(`${path}.${key}`, 'expected true or false');
  return value;
}

export function timeAt(record: Json, key: string, path: string): Date | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  const date =
    typeof value === 'number'
      ? new Date(Math.round(value * 1000))
      : typeof value === 'string'
        ? new Date(value)
        : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new FixtureError(`${path}.${key}`, 'expected an ISO-8601 string or epoch seconds');
  }
  return date;
}

/** Reads a required string and checks it against a patterned shape of the service model. */
export function patternedAt(
  record: Json,
  key: string,
  path: string,
  shape: PatternedShapeName,
): string {
  const value = stringAt(record, key, path, true);
  const pattern = shapePattern(shape);
  if (!pattern.test(value))
    throw new FixtureError(`${path}.${key}`, `'${value}' does not match ${pattern.source}`);
  return value;
}

export function statusAt(record: Json, path: string): ExecutionStatus {
  const value = stringAt(record, 'Status', path, true);
  if (!(EXECUTION_STATUSES as readonly string[]).includes(value)) {
    throw new FixtureError(
      `${path}.Status`,
      `'${value}' is not one of ${EXECUTION_STATUSES.join(', ')}`,
    );
  }
  return value as ExecutionStatus;
}

export function taskTypeAt(record: Json, key: string, path: string, fallback?: TaskType): TaskType {
  const value =
    fallback === undefined
      ? stringAt(record, key, path, true)
      : (stringAt(record, key, path) ?? fallback);
  if (!(TASK_TYPES as readonly string[]).includes(value as string)) {
    throw new FixtureError(
      `${path}.${key}`,
      `'${String(value)}' is not one of ${TASK_TYPES.join(', ')}`,
    );
  }
  return value as TaskType;
}

/** Reads a window's `Tags`: a list of `{ Key, Value }` within the model's tag limits. */
export function tagsAt(record: Json, path: string): { Key: string; Value: string }[] | undefined {
  if (record.Tags === undefined) return undefined;
  const { TagKey, TagValue } = SSM_SERVICE_MODEL.shapes;
  const tags = listAt(record.Tags, `${path}.Tags`).map((raw, index) => {
    const at = `${path}.Tags[${index}]`;
    const tag = objectAt(raw, at);
    const Key = stringAt(tag, 'Key', at, true);
    const Value = stringAt(tag, 'Value', at) ?? '';
    for (const [name, value, shape] of [
      ['Key', Key, TagKey],
      ['Value', Value, TagValue],
    ] as const) {
      if (value.length < shape.min || value.length > shape.max || !TAG_TEXT_PATTERN.test(value)) {
        throw new FixtureError(
          `${at}.${name}`,
          `must be ${shape.min}–${shape.max} letters, digits, spaces or _.:/=+-@`,
        );
      }
    }
    return { Key, Value };
  });
  // SSM allows 50 tags per resource.
  if (tags.length > 50) throw new FixtureError(`${path}.Tags`, 'at most 50 tags per window');
  return tags;
}
