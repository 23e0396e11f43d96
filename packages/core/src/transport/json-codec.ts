/**
 * The AWS JSON 1.1 body codec of the JSON transport: dates out as epoch seconds, epoch numbers in
 * timestamp members back in as `Date`s. SDK-free.
 */
import { TIMESTAMP_FIELDS } from '../model/constants';

const timestampFields = new Set<string>(TIMESTAMP_FIELDS);

// Members whose value is a free-form map (or a list of them) of caller-chosen keys: a key there
// named like a timestamp member (a step input `StartTime`) is data, never a timestamp. The SDK
// reads these maps as plain strings too.
const freeFormMapFields = new Set<string>([
  'Parameters',
  'Outputs',
  'Variables',
  'Inputs',
  'Details',
  'OverriddenParameters',
  'TargetMaps',
  'TaskParameters',
]);

/** `Date` inputs become epoch seconds, as the SDK's serializer writes them. */
export function serialize(input: Record<string, unknown>): string {
  return JSON.stringify(input, function (this: Record<string, unknown>, key, value: unknown) {
    const original = key === '' ? value : this[key];
    return original instanceof Date ? original.getTime() / 1000 : value;
  });
}

/** The value as sent, without its `null`s (as the SDK reads a non-sparse map). */
function withoutNulls(value: unknown): unknown {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(withoutNulls).filter((v) => v !== undefined);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = withoutNulls(v);
      if (kept !== undefined) out[k] = kept;
    }
    return out;
  }
  return value;
}

/**
 * Epoch numbers in timestamp members become `Date`s; `null`s are dropped, as the SDK does. The
 * contents of free-form maps are kept as sent.
 */
export function revive(value: unknown, key?: string): unknown {
  if (value === null) return undefined;
  if (key !== undefined && freeFormMapFields.has(key)) return withoutNulls(value);
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
