import { tokenFingerprint } from './token-fingerprint';

describe('tokenFingerprint', () => {
  it('is FNV-1a 64 (published test vectors, one byte per ASCII code unit plus a zero byte)', () => {
    // The reference against the published vector for "a", then ours over UTF-16LE bytes.
    expect(fnv1a64Reference([0x61])).toBe('af63dc4c8601ec8c');
    expect(tokenFingerprint('')).toBe('0:cbf29ce484222325');
    expect(tokenFingerprint('a')).toBe(`1:${fnv1a64Reference([0x61, 0x00])}`);
    expect(tokenFingerprint('\u0100')).toBe(`1:${fnv1a64Reference([0x00, 0x01])}`);
  });

  it('is short for a 1 MB token and differs with one character or the length', () => {
    const big = 'y'.repeat(1_000_000);
    expect(tokenFingerprint(big).length).toBeLessThanOrEqual(64);
    expect(tokenFingerprint(big)).toBe(tokenFingerprint('y'.repeat(1_000_000)));
    expect(tokenFingerprint(big)).not.toBe(tokenFingerprint(`${big.slice(1)}z`));
    expect(tokenFingerprint(big)).not.toBe(tokenFingerprint(`${big}y`));
  });
});

/** A BigInt FNV-1a 64 over bytes, the definition written plainly. */
function fnv1a64Reference(bytes: number[]): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
