/**
 * Seeded stores. The `demo` seed is a hand-planned set of service windows with stable ids that
 * covers every status and task type; any other seed string generates a graph of a requested
 * size. Histories sit on each window's schedule before the anchor (the start-up time unless
 * given). Both are deterministic: the same seed, options and anchor give the same ids, times and
 * outcomes, because every choice goes through {@link createSeededRandom}; ids do not depend on
 * the anchor.
 */
import { createDemoStore } from './demo-seed';
import { createGeneratedStore, type GeneratedSeedSize } from './generated-seed';
import type { SeededStore } from './seed-history';

/**
 * A fixed anchor for stores that must be the same on every run (tests, benchmarks, docs). Without
 * an `anchor`, seeds are anchored at the time they are created (see {@link seedAnchorAt}).
 *
 * @example
 * ```ts
 * createSeededStore('demo', { anchor: REFERENCE_SEED_ANCHOR });
 * ```
 */
export const REFERENCE_SEED_ANCHOR = '2026-11-28T00:00:00.000Z';

/**
 * The former default anchor; seeds now default to the time they are created.
 *
 * @deprecated Pass {@link REFERENCE_SEED_ANCHOR} for a fixed anchor.
 * @example
 * ```ts
 * createSeededStore('demo', { anchor: DEFAULT_SEED_ANCHOR });
 * ```
 */
export const DEFAULT_SEED_ANCHOR = REFERENCE_SEED_ANCHOR;

/**
 * The anchor a seed gets when created at `now` without one: `now` rounded down to the whole
 * minute, the granularity of maintenance-window schedules.
 *
 * @example
 * ```ts
 * seedAnchorAt(new Date('2030-05-01T10:17:42.5Z')); // 2030-05-01T10:17:00.000Z
 * ```
 */
export function seedAnchorAt(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

/**
 * Options of {@link createSeededStore}.
 *
 * @example
 * ```ts
 * const options: SeedOptions = { windows: 2, anchor: '2026-01-01T00:00:00Z' };
 * ```
 */
export interface SeedOptions extends GeneratedSeedSize {
  /**
   * Where the seeded history ends (ISO string or Date): the newest executions start at or just
   * before it, and enabled windows' `NextExecutionTime` follows it. Default: the current time
   * ({@link seedAnchorAt}); pass {@link REFERENCE_SEED_ANCHOR} for the same store on every run.
   */
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
  const anchor = options.anchor === undefined ? seedAnchorAt(new Date()) : new Date(options.anchor);
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
