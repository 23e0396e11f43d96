/**
 * A small seeded PRNG (mulberry32 over an FNV-1a hash of the seed string). Every piece of
 * generated data and every probabilistic fault goes through it, so the same seed always yields
 * the same graph and the same fault sequence; `Math.random` is never used for data.
 */

/** A deterministic source of random numbers and derived values. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `count` lowercase hex digits. */
  hex(count: number): string;
  /** A lowercase RFC 4122-shaped (version 4) UUID. */
  uuid(): string;
}

/** FNV-1a, 32-bit: turns any seed string into a PRNG state. */
export function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Creates a deterministic random source from a seed string.
 *
 * @example
 * ```ts
 * const random = createSeededRandom('demo');
 * random.uuid(); // the same value on every run
 * ```
 */
export function createSeededRandom(seed: string): SeededRandom {
  let state = hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const hex = (count: number): string => {
    let out = '';
    for (let i = 0; i < count; i += 1) out += int(0, 15).toString(16);
    return out;
  };
  return {
    next,
    int,
    hex,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new RangeError('pick() needs a non-empty list');
      return item;
    },
    uuid(): string {
      const variant = '89ab'.charAt(int(0, 3));
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
  };
}
