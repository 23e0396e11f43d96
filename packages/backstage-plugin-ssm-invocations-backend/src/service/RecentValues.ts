/** A bound on the total size of what a {@link RecentValues} keeps, besides its count of keys. */
export interface RecentValuesWeightBound<V> {
  /** The most total weight kept; a value heavier than this alone is not kept at all. */
  maxWeight: number;
  /** A value's weight, e.g. the approximate bytes it holds. */
  weigh: (value: V) => number;
}

/**
 * A map that keeps only the most recently set `capacity` keys, and with a weight bound only as
 * many of the most recent as fit in its `maxWeight`: an in-process memo whose memory stays bounded
 * however many entities and windows are viewed, and however large their values are.
 *
 * @example
 * ```ts
 * const recent = new RecentValues<string, number>(2);
 * recent.set('a', 1).set('b', 2).set('c', 3);
 * recent.get('a'); // undefined: evicted
 * const texts = new RecentValues<string, string>(100, { maxWeight: 1_000, weigh: (s) => s.length });
 * ```
 */
export class RecentValues<K, V> {
  readonly #values = new Map<K, { value: V; weight: number }>();
  #weight = 0;

  constructor(
    private readonly capacity: number,
    private readonly bound?: RecentValuesWeightBound<V>,
  ) {}

  /** Total weight of the values kept (0 without a weight bound). */
  get weight(): number {
    return this.#weight;
  }

  get(key: K): V | undefined {
    return this.#values.get(key)?.value;
  }

  set(key: K, value: V): this {
    // Re-inserting moves the key to the end: Maps iterate in insertion order, oldest first.
    this.#delete(key);
    const weight = this.bound?.weigh(value) ?? 0;
    const maxWeight = this.bound?.maxWeight ?? Infinity;
    // Keeping it would evict everything else and still exceed the bound.
    if (weight > maxWeight) return this;
    this.#values.set(key, { value, weight });
    this.#weight += weight;
    for (const oldest of this.#values.keys()) {
      if (this.#values.size <= this.capacity && this.#weight <= maxWeight) break;
      this.#delete(oldest);
    }
    return this;
  }

  #delete(key: K): void {
    const entry = this.#values.get(key);
    if (!entry) return;
    this.#values.delete(key);
    this.#weight -= entry.weight;
  }
}
