/**
 * A map that keeps only the most recently set `capacity` keys: an in-process memo whose memory
 * stays bounded however many entities and windows are viewed.
 *
 * @example
 * ```ts
 * const recent = new RecentValues<string, number>(2);
 * recent.set('a', 1).set('b', 2).set('c', 3);
 * recent.get('a'); // undefined: evicted
 * ```
 */
export class RecentValues<K, V> {
  readonly #values = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.#values.get(key);
  }

  set(key: K, value: V): this {
    // Re-inserting moves the key to the end: Maps iterate in insertion order, oldest first.
    this.#values.delete(key);
    this.#values.set(key, value);
    if (this.#values.size > this.capacity) {
      const [oldest] = this.#values.keys();
      if (oldest !== undefined) this.#values.delete(oldest);
    }
    return this;
  }
}
