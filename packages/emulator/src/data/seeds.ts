/**
 * Seeded stores. The `demo` seed is a hand-planned set of service windows with stable ids that
 * covers every status and task type; any other seed string generates a graph of a requested
 * size. Both are deterministic: the same seed and options give the same ids, times and
 * outcomes, because every choice goes through {@link createSeededRandom}.
 */
import { createDemoStore } from './demo-seed';
import { createGeneratedStore, type GeneratedSeedSize } from './generated-seed';
import type { SeededStore } from './seed-history';

/**
 * The time seeded histories end at (their newest execution starts shortly before it).
 *
 * @example
 * ```ts
 * createSeededStore('demo', { anchor: DEFAULT_SEED_ANCHOR });
 * ```
 */
export const DEFAULT_SEED_ANCHOR = '2026-11-28T00:00:00.000Z';

/**
 * Options of {@link createSeededStore}.
 *
 * @example
 * ```ts
 * const options: SeedOptions = { windows: 2, anchor: '2026-01-01T00:00:00Z' };
 * ```
 */
export interface SeedOptions extends GeneratedSeedSize {
  /** Where the seeded history ends (ISO string or Date). Default {@link DEFAULT_SEED_ANCHOR}. */
  anchor?: string | Date;
}

/**
 * Thrown for seed options that cannot produce a store; the message names the option.
 *
 * @example
 * ```ts
 * createSeededStore('x', { invocationsPerTask: 0 }); // SeedOptionsError
 * ```
 */
export class SeedOptionsError extends Error {
  override name = 'SeedOptionsError';
}

function checkCount(
  name: keyof GeneratedSeedSize,
  value: number | undefined,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new SeedOptionsError(
      `seed option ${name} must be an integer from 1 to ${max}, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Creates the store for a named seed: `demo`, or any other string for a generated graph.
 *
 * @example
 * ```ts
 * const { store } = createSeededStore('bench', { windows: 1, executionsPerWindow: 1,
 *   tasksPerExecution: 8, invocationsPerTask: 120 });
 * store.invocations.length; // 960
 * ```
 */
export function createSeededStore(seed: string, options: SeedOptions = {}): SeededStore {
  const anchor = new Date(options.anchor ?? DEFAULT_SEED_ANCHOR);
  if (Number.isNaN(anchor.getTime())) {
    throw new SeedOptionsError(
      `seed option anchor must be an ISO-8601 date, got ${String(options.anchor)}`,
    );
  }
  if (seed === 'demo') return createDemoStore(anchor);
  return createGeneratedStore(
    seed,
    {
      windows: checkCount('windows', options.windows, 3, 50),
      executionsPerWindow: checkCount('executionsPerWindow', options.executionsPerWindow, 5, 1000),
      tasksPerExecution: checkCount('tasksPerExecution', options.tasksPerExecution, 2, 20),
      invocationsPerTask: checkCount('invocationsPerTask', options.invocationsPerTask, 10, 100_000),
    },
    anchor,
  );
}
