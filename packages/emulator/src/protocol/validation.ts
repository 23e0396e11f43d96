/**
 * Server-side input validation with the messages AWS's Coral framework writes, e.g.
 * `1 validation error detected: Value 'x' at 'windowExecutionId' failed to satisfy constraint:
 * Member must satisfy regular expression pattern: …`. The limits, patterns, enums and filter keys
 * come from the recorded service model (`protocol/service-model.ts`); only the message format
 * lives here.
 *
 * Wrong JSON types (a string where a number belongs) are a `SerializationException`, as Coral
 * answers before validation runs.
 */
import {
  SSM_SERVICE_MODEL,
  operationModel,
  type MaintenanceWindowOperationName,
  type ServiceShape,
  type ShapeName,
  type SsmOperationName,
} from './service-model';
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
export function wrongType(member: string, expected: string): never {
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

/** Reads an optional boolean member, rejecting other JSON types. */
export function readBoolean(input: Record<string, unknown>, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') wrongType(member, 'a boolean');
  return value;
}

/**
 * Reads an optional list of objects (e.g. `Filters`), rejecting wrong JSON shapes, and maps each
 * object with `read(record, path)`.
 */
export function readObjectList<T>(
  input: Record<string, unknown>,
  member: string,
  read: (record: Record<string, unknown>, path: string) => T,
): T[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) wrongType(member, 'a list');
  return value.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      wrongType(`${member}[${index}]`, 'an object');
    }
    return read(item as Record<string, unknown>, `${member}[${index}]`);
  });
}

/** Reads the optional `Filters` list, rejecting wrong JSON shapes. */
export function readFilters(input: Record<string, unknown>): WireFilter[] | undefined {
  return readObjectList(input, 'Filters', (record, path) => {
    const key = record.Key ?? '';
    const values = record.Values ?? [];
    if (typeof key !== 'string') wrongType(`${path}.Key`, 'a string');
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
      wrongType(`${path}.Values`, 'a list of strings');
    }
    return { Key: key, Values: values as string[] };
  });
}

/** The member path Coral reports: the member name with a lower-case first letter. */
export function pathOf(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

/** Records a measure (a length or a value) outside `bounds`; true when within. */
function checkBounds(
  errors: ValidationErrors,
  path: string,
  value: unknown,
  measure: number,
  bounds: { min?: number; max?: number },
  what: 'length' | 'value',
): boolean {
  const { min, max } = bounds;
  const broken =
    min !== undefined && measure < min
      ? `greater than or equal to ${min}`
      : max !== undefined && measure > max
        ? `less than or equal to ${max}`
        : undefined;
  if (broken !== undefined) errors.add(path, value, `Member must have ${what} ${broken}`);
  return broken === undefined;
}

/** Records a length outside the shape's `min`/`max` (strings: characters, lists: entries). */
export function checkLength(
  errors: ValidationErrors,
  path: string,
  value: string | readonly unknown[],
  shapeName: ShapeName,
): boolean {
  const shape: ServiceShape = SSM_SERVICE_MODEL.shapes[shapeName];
  const bounds = shape.type === 'boolean' ? {} : shape;
  return checkBounds(errors, path, value, value.length, bounds, 'length');
}

/** Records a string that breaks its shape's pattern or enum. */
export function checkStringValue(
  errors: ValidationErrors,
  path: string,
  value: string,
  shapeName: ShapeName,
): void {
  const shape: ServiceShape = SSM_SERVICE_MODEL.shapes[shapeName];
  if (shape.type !== 'string') return;
  if (shape.pattern !== undefined && !new RegExp(shape.pattern).test(value)) {
    errors.add(path, value, `Member must satisfy regular expression pattern: ${shape.pattern}`);
  }
  if (shape.enum && !shape.enum.includes(value)) {
    errors.add(path, value, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  }
}

/**
 * Reads the operation's required string members (ids such as `WindowId`, `TaskId`) in model
 * order and checks each against its shape: present, pattern, length.
 */
export function readRequiredMembers(
  operation: SsmOperationName,
  input: Record<string, unknown>,
  errors: ValidationErrors,
): Record<string, string> {
  const model = operationModel(operation);
  const members: Record<string, ShapeName> = model.input;
  const values: Record<string, string> = {};
  for (const member of model.required as readonly string[]) {
    const value = readString(input, member);
    const shapeName = members[member] as ShapeName;
    const path = pathOf(member);
    if (value === undefined) {
      errors.add(path, value, 'Member must not be null');
      continue;
    }
    checkStringValue(errors, path, value, shapeName);
    checkLength(errors, path, value, shapeName);
    values[member] = value;
  }
  return values;
}

/**
 * Reads the operation's optional string members named in `members` (e.g. ListCommandInvocations'
 * `CommandId`, `InstanceId`) and checks the ones present against their shapes.
 */
export function readOptionalMembers(
  operation: SsmOperationName,
  input: Record<string, unknown>,
  errors: ValidationErrors,
  members: readonly string[],
): Record<string, string | undefined> {
  const shapes: Record<string, ShapeName> = operationModel(operation).input;
  const values: Record<string, string | undefined> = {};
  for (const member of members) {
    const value = readString(input, member);
    const shapeName = shapes[member] as ShapeName;
    if (value !== undefined) {
      checkStringValue(errors, pathOf(member), value, shapeName);
      checkLength(errors, pathOf(member), value, shapeName);
    }
    values[member] = value;
  }
  return values;
}

/** Checks `MaxResults` against its shape's range (the MW operations' 10–100 by default). */
export function checkMaxResults(
  errors: ValidationErrors,
  value: number | undefined,
  shapeName: 'MaintenanceWindowMaxResults' | 'CommandMaxResults' = 'MaintenanceWindowMaxResults',
): void {
  if (value === undefined) return;
  checkBounds(errors, 'maxResults', value, value, SSM_SERVICE_MODEL.shapes[shapeName], 'value');
}

/**
 * Checks the filter list: count, key/value lengths, the operation's allowed keys and each key's
 * value rule (STATUS and Type enums, ISO dates for ExecutedBefore/After, True/False for Enabled).
 */
export function checkFilters(
  errors: ValidationErrors,
  operation: MaintenanceWindowOperationName,
  filters: WireFilter[] | undefined,
): void {
  if (filters === undefined) return;
  checkLength(errors, 'filters', filters, 'MaintenanceWindowFilterList');
  const allowedKeys: readonly string[] = SSM_SERVICE_MODEL.operations[operation].filterKeys;
  filters.forEach((filter, index) => {
    const at = `filters.${index + 1}.member`;
    if (
      checkLength(errors, `${at}.key`, filter.Key, 'MaintenanceWindowFilterKey') &&
      !allowedKeys.includes(filter.Key)
    ) {
      errors.add(
        `${at}.key`,
        filter.Key,
        `Member must satisfy enum value set: [${allowedKeys.join(', ')}]`,
      );
    }
    const rule = filterRule(filter.Key);
    if (rule && 'count' in rule) {
      // A time bound takes exactly one date.
      const { count } = rule;
      const bounds = { min: count, max: count };
      checkBounds(errors, `${at}.values`, filter.Values, filter.Values.length, bounds, 'length');
    }
    filter.Values.forEach((value, valueIndex) => {
      const valueAt = `${at}.values.${valueIndex + 1}.member`;
      if (checkLength(errors, valueAt, value, 'MaintenanceWindowFilterValue')) {
        checkFilterValue(errors, valueAt, filter.Key, value);
      }
    });
  });
}

type FilterRules = typeof SSM_SERVICE_MODEL.filterValues;

function filterRule(key: string): FilterRules[keyof FilterRules] | undefined {
  return Object.prototype.hasOwnProperty.call(SSM_SERVICE_MODEL.filterValues, key)
    ? SSM_SERVICE_MODEL.filterValues[key as keyof FilterRules]
    : undefined;
}

/** An ISO 8601 date or date-time as the filter documentation shows them. */
export const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function checkFilterValue(errors: ValidationErrors, path: string, key: string, value: string) {
  const rule = filterRule(key);
  if (rule === undefined) return;
  if ('shape' in rule) {
    checkStringValue(errors, path, value, rule.shape);
  } else if ('format' in rule) {
    if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
      errors.add(path, value, 'Member must be an ISO-8601 date-time such as 2024-11-04T05:00:00Z');
    }
  } else if (!rule.values.some((allowed) => allowed.toLowerCase() === value.toLowerCase())) {
    errors.add(path, value, `Member must satisfy enum value set: [${rule.values.join(', ')}]`);
  }
}
