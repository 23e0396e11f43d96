import fc from 'fast-check';
import { InvalidInputError } from './errors';
import { headText, tailText } from './text-bounds';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('tailText', () => {
  it('returns text that fits unchanged', () => {
    expect(tailText('short')).toEqual({ text: 'short', truncated: false });
    const exact = 'x'.repeat(4096);
    expect(tailText(exact)).toEqual({ text: exact, truncated: false });
  });

  it('keeps the end and flags the cut', () => {
    const text = `${'noise\n'.repeat(2000)}E: Unable to locate package nginx-full\n`;
    const tail = tailText(text);
    expect(tail.truncated).toBe(true);
    expect(bytes(tail.text)).toBeLessThanOrEqual(4096);
    expect(tail.text.endsWith('E: Unable to locate package nginx-full\n')).toBe(true);
  });

  it('never splits a multi-byte character', () => {
    // 'é' is 2 bytes, '€' 3, '😀' 4: an odd bound lands inside one of them.
    const text = 'é€😀'.repeat(50);
    for (const max of [1, 2, 3, 5, 7, 11, 101]) {
      const tail = tailText(text, max);
      expect(bytes(tail.text)).toBeLessThanOrEqual(max);
      expect(text.endsWith(tail.text)).toBe(true);
      expect(tail.text).not.toContain('\ufffd');
    }
  });

  it('is a suffix within the bound for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat({ max: 64 }), (text, max) => {
        const tail = tailText(text, max);
        expect(text.endsWith(tail.text)).toBe(true);
        expect(bytes(tail.text)).toBeLessThanOrEqual(
          Math.max(max, tail.truncated ? 0 : bytes(text)),
        );
        expect(tail.truncated).toBe(bytes(text) > max);
        // At most 3 bytes (one character) short of the bound.
        if (tail.truncated) expect(bytes(tail.text)).toBeGreaterThanOrEqual(max - 3);
      }),
    );
  });

  it.each([-1, 1.5, Number.NaN])('rejects maxBytes %p', (max) => {
    expect(() => tailText('x', max)).toThrow(InvalidInputError);
  });
});

describe('headText', () => {
  it('keeps the start on a character boundary', () => {
    expect(headText('Step fails when it is Executing. Fail to execute …', 32)).toEqual({
      text: 'Step fails when it is Executing.',
      truncated: true,
    });
    expect(headText('a€b', 3)).toEqual({ text: 'a', truncated: true });
    expect(headText('ok', 2)).toEqual({ text: 'ok', truncated: false });
  });

  it('is a prefix within the bound for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat({ max: 64 }), (text, max) => {
        const head = headText(text, max);
        expect(text.startsWith(head.text)).toBe(true);
        expect(head.truncated).toBe(bytes(text) > max);
        if (head.truncated) expect(bytes(head.text)).toBeLessThanOrEqual(max);
      }),
    );
  });
});
