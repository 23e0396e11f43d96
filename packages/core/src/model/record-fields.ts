/**
 * The record-field picker. The client keeps exactly the members the operation table lists
 * ({@link SSM_OPERATIONS}`[op].fields`) on every record, so both transports return identical
 * records: the SDK drops members it does not know and `$metadata` is not a record field.
 */
import { ServiceError } from './errors';
import { SSM_OPERATIONS, type SsmListOperation, type SsmOperation } from './operations';

const fieldSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function fieldSet(fields: readonly string[]): ReadonlySet<string> {
  let set = fieldSets.get(fields);
  if (set === undefined) {
    set = new Set(fields);
    fieldSets.set(fields, set);
  }
  return set;
}

/**
 * Keeps only the given members of `source` that are present (not `undefined`/`null`). When
 * `source` has no other members it is returned as is — the common case for SDK output, which
 * already drops unknown members — so that reading a page costs no copy.
 *
 * @example
 * ```ts
 * pickFields({ Status: 'FAILED', $metadata: {} }, INVOCATION_FIELDS); // { Status: 'FAILED' }
 * ```
 */
export function pickFields<T>(source: Record<string, unknown>, fields: readonly string[]): T {
  const known = fieldSet(fields);
  let clean = true;
  for (const key in source) {
    const value = source[key];
    if (!known.has(key) || value === undefined || value === null) {
      clean = false;
      break;
    }
  }
  if (clean) return source as T;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = source[field];
    if (value !== undefined && value !== null) out[field] = value;
  }
  return out as T;
}

/** The record of a single-record operation's output, with that operation's fields. */
export function recordOf<T>(operation: SsmOperation, output: Record<string, unknown>): T {
  return pickFields<T>(output, SSM_OPERATIONS[operation].fields);
}

/**
 * The records of one page of a listing, each with the operation's fields; a list member that is
 * not a list of objects is a malformed response.
 */
export function recordsOf<T>(operation: SsmListOperation, output: Record<string, unknown>): T[] {
  const { listKey: key, fields } = SSM_OPERATIONS[operation];
  const list = output[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    throw new ServiceError(`${operation} failed: MalformedResponse: ${key} is not a list`, {
      operation,
    });
  }
  return list.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) {
      throw new ServiceError(
        `${operation} failed: MalformedResponse: ${key} holds a non-object entry`,
        { operation },
      );
    }
    return pickFields<T>(item as Record<string, unknown>, fields);
  });
}
