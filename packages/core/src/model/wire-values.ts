/**
 * Defensive readers for raw SSM outputs (the SDK's or the JSON transport's): a member of the wrong
 * type counts as missing, a container that is not one is a malformed response (ServiceError).
 * Internal to the diagnosis parsers; SDK-free.
 */
import { ServiceError } from './errors';

/** A raw output object as a transport hands it over. */
export type WireObject = Record<string, unknown>;

/** Limits that keep a hostile response from costing much. */
export const WIRE_BOUNDS = Object.freeze({ mapKeys: 200, mapValues: 50, listItems: 1000 });

function malformed(operation: string, what: string): ServiceError {
  return new ServiceError(`${operation} failed: MalformedResponse: ${what}`, { operation });
}

export function isWireObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The output itself, or a nested structure; missing → `undefined`, not an object → ServiceError. */
export function wireObject(
  value: unknown,
  operation: string,
  what: string,
): WireObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isWireObject(value)) throw malformed(operation, `${what} is not an object`);
  return value;
}

/** A list of structures; missing → `[]`, not a list or holding a non-object → ServiceError. */
export function wireObjectList(value: unknown, operation: string, what: string): WireObject[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw malformed(operation, `${what} is not a list`);
  return value.slice(0, WIRE_BOUNDS.listItems).map((item: unknown) => {
    if (!isWireObject(item)) throw malformed(operation, `${what} holds a non-object entry`);
    return item;
  });
}

/** A non-empty string member (`""` is how SSM says "none"). */
export function wireString(object: WireObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A string member kept even when empty (output content). */
export function wireText(object: WireObject, key: string): string {
  const value = object[key];
  return typeof value === 'string' ? value : '';
}

/** An integer member; numeric strings too (a step's ResponseCode is a string). */
export function wireInteger(object: WireObject, key: string): number | undefined {
  const value = object[key];
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

export function wireBoolean(object: WireObject, key: string): boolean | undefined {
  const value = object[key];
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * A `timestamp` member: a Date (SDK), epoch seconds as a number or numeric string (JSON wire),
 * or an ISO-8601 string.
 */
export function wireTime(object: WireObject, key: string): Date | undefined {
  const value = object[key];
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value * 1000);
  else if (typeof value === 'string' && value.trim() !== '') {
    date = /^\d+(\.\d+)?$/.test(value.trim()) ? new Date(Number(value) * 1000) : new Date(value);
  }
  return date !== undefined && Number.isFinite(date.getTime()) ? date : undefined;
}

/** A map of string lists (Automation `Outputs`, `FailureDetails.Details`), bounded. */
export function wireStringListMap(object: WireObject, key: string): Record<string, string[]> {
  const value = object[key];
  if (!isWireObject(value)) return {};
  // fromEntries defines own properties, so a `__proto__` key stays data.
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, WIRE_BOUNDS.mapKeys)
      .map(([name, list]) => [
        name,
        (Array.isArray(list) ? list : [list])
          .filter((item): item is string => typeof item === 'string')
          .slice(0, WIRE_BOUNDS.mapValues),
      ]),
  );
}

/** Copies the defined values only, so absent members stay absent (not `undefined`). */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
