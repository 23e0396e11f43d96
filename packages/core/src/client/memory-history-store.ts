/**
 * A bounded in-memory {@link ReportHistoryStore} for one process (the CLI in watch mode, an n8n
 * worker): the least recently used entry goes first once `maxEntries` is reached, and each entry
 * expires after the TTL it was stored with.
 */
import { InvalidInputError } from '../model/errors';
import { assertInputObject, validateInteger } from '../model/validators';
import type { ReportHistoryStore, ReportHistoryValue } from './report-history';

/**
 * Options of {@link createMemoryHistoryStore}.
 *
 * @example
 * ```ts
 * const options: MemoryHistoryStoreOptions = { maxEntries: 500 };
 * ```
 */
export interface MemoryHistoryStoreOptions {
  /** Entries kept at most (one per finished execution and filter); default 1000. */
  maxEntries?: number;
  /** The clock, in milliseconds (tests pass their own); default `Date.now`. */
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES = 1000;
const MAX_ENTRIES_BOUND = 1_000_000;

interface Entry {
  value: ReportHistoryValue;
  expiresAt: number;
}

/**
 * An in-memory history store for `getWindowReport`, bounded by entry count.
 *
 * @example
 * ```ts
 * const history = createMemoryHistoryStore({ maxEntries: 500 });
 * const first = await client.getWindowReport({ windowId }, { history });
 * const again = await client.getWindowReport({ windowId }, { history }); // finished executions from memory
 * ```
 */
export function createMemoryHistoryStore(
  options: MemoryHistoryStoreOptions = {},
): ReportHistoryStore {
  assertInputObject(options, 'options', ['maxEntries', 'now']);
  const maxEntries =
    validateInteger(options.maxEntries, 'maxEntries', 1, MAX_ENTRIES_BOUND) ?? DEFAULT_MAX_ENTRIES;
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new InvalidInputError('now', 'must be a function returning milliseconds', {}, 'type');
  }
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on read keeps the oldest-used entry first.
  const entries = new Map<string, Entry>();
  return {
    get: async (key) => {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set: async (key, value, { ttl }) => {
      entries.delete(key);
      entries.set(key, { value, expiresAt: now() + ttl });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
  };
}
