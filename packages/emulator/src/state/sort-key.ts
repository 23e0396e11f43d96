/**
 * Sort keys: every list the emulator serves is ordered by a key compared element by element, so
 * the store's order and the NextToken cursor (which resumes *after* a key) can never disagree.
 */

/** A position in a list ordering: compared element by element (numbers before strings). */
export type SortKey = readonly (string | number)[];

/** Compares two sort keys lexicographically. */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
