/**
 * Small deterministic helpers over a bare random function (`() => number` in [0, 1)), so the
 * output generators can take any seeded source — `createSeededRandom(seed).next` in the emulator.
 */

/** A source of floats in [0, 1); the same sequence for the same seed. */
export type RandomSource = () => number;

/** An integer in [min, max] (inclusive). */
export function randomInt(random: RandomSource, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list. */
export function randomPick<T>(random: RandomSource, items: readonly T[]): T {
  const item = items[randomInt(random, 0, items.length - 1)];
  if (item === undefined) throw new RangeError('randomPick() needs a non-empty list');
  return item;
}

/** `count` lowercase hex digits. */
export function randomHex(random: RandomSource, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += randomInt(random, 0, 15).toString(16);
  return out;
}

/** A lowercase version-4-shaped UUID. */
export function randomUuid(random: RandomSource): string {
  const variant = '89ab'.charAt(randomInt(random, 0, 3));
  return `${randomHex(random, 8)}-${randomHex(random, 4)}-4${randomHex(random, 3)}-${variant}${randomHex(random, 3)}-${randomHex(random, 12)}`;
}

/**
 * A node id as SSM shows it: an EC2 instance `i-` + 17 hex digits, or, with probability
 * `managedNodeShare`, a hybrid managed node `mi-` + 17 hex digits.
 *
 * @example
 * ```ts
 * randomNodeId(createSeededRandom('x').next); // 'i-0f3c…' (the same for the same seed)
 * ```
 */
export function randomNodeId(random: RandomSource, managedNodeShare = 0.15): string {
  return random() < managedNodeShare
    ? `mi-${randomHex(random, 17)}`
    : `i-0${randomHex(random, 16)}`;
}

/**
 * The first `cap` UTF-16 units: SSM keeps the start of what it stores and drops the rest. A cut
 * that would split a surrogate pair (an emoji) drops the whole character instead.
 */
export function capToService(text: string, cap: number): string {
  if (text.length <= cap) return text;
  const last = text.charCodeAt(cap - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? cap - 1 : cap);
}
