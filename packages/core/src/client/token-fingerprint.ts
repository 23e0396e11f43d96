/**
 * A short, fixed-size stand-in for a pagination token, so that remembering every token of a
 * listing costs a few dozen bytes per page even when the service hands out 1 MB tokens. Pure
 * JavaScript: the SDK-free entries run in browsers too, where `node:crypto` does not exist.
 */

/**
 * FNV-1a 64 over the string's UTF-16 code units (low byte, then high byte), as 16-hex-digit text,
 * prefixed with the string's length. Two different tokens get the same fingerprint only if they
 * have the same length and collide in 64 bits: about 3 in 10^12 over a 10,000-page listing.
 */
export function tokenFingerprint(token: string): string {
  // The 64-bit state in four 16-bit limbs, lowest first, so every product stays exact in a double.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const mix = (byte: number): void => {
    h0 ^= byte;
    // Multiply by the FNV-64 prime 2^40 + 0x1b3, modulo 2^64.
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  };
  for (let i = 0; i < token.length; i += 1) {
    const unit = token.charCodeAt(i);
    mix(unit & 0xff);
    mix(unit >>> 8);
  }
  const hex = [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
  return `${token.length}:${hex}`;
}
