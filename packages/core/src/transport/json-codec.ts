/**
 * The AWS JSON 1.1 body codec of the JSON transport: dates out as epoch seconds, epoch numbers in
 * timestamp members back in as `Date`s. SDK-free.
 */
import { TIMESTAMP_FIELDS } from '../model/constants';

const timestampFields = new Set<string>(TIMESTAMP_FIELDS);

/** `Date` inputs become epoch seconds, as the SDK's serializer writes them. */
export function serialize(input: Record<string, unknown>): string {
  return JSON.stringify(input, function (this: Record<string, unknown>, key, value: unknown) {
    const original = key === '' ? value : this[key];
    return original instanceof Date ? original.getTime() / 1000 : value;
  });
}

/** Epoch numbers in timestamp members become `Date`s; `null`s are dropped, as the SDK does. */
export function revive(value: unknown, key?: string): unknown {
  if (value === null) return undefined;
  if (key !== undefined && timestampFields.has(key)) {
    const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
      throw new TypeError(`timestamp member ${key} is not an epoch number`);
    }
    return new Date(Math.round(seconds * 1000));
  }
  if (Array.isArray(value)) return value.map((item) => revive(item)).filter((v) => v !== undefined);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const revived = revive(v, k);
      if (revived !== undefined) out[k] = revived;
    }
    return out;
  }
  return value;
}
