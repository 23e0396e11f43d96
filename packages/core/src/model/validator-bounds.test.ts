import { InvalidInputError } from './errors';
import { validateLimit, validateTime } from './validators';

describe('validateTime', () => {
  it.each([
    '2026-02-31',
    '2026-02-29T00:00:00Z',
    '2026-04-31T12:00:00Z',
    '2026-06-31',
    '2026-00-10',
    '2026-13-01',
    '2026-01-00',
    '2026-01-32T00:00:00+02:00',
    '2100-02-29',
  ])('rejects the impossible date %s instead of rolling it over', (value) => {
    expect(() => validateTime(value, 'after')).toThrow(
      expect.objectContaining({ name: 'InvalidInputError', field: 'after', rule: 'format' }),
    );
  });

  it.each([
    ['2026-02-28', '2026-02-28T00:00:00.000Z'],
    ['2024-02-29T10:00:00Z', '2024-02-29T10:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['2026-12-31T23:59:59Z', '2026-12-31T23:59:59.000Z'],
    ['2026-03-01T01:00:00+02:00', '2026-02-28T23:00:00.000Z'],
  ])('accepts the real date %s', (value, iso) => {
    expect(validateTime(value, 'after')?.toISOString()).toBe(iso);
  });
});

describe('validateLimit', () => {
  it.each([2 ** 53, 2 ** 53 + 2, 1e20, Number.MAX_VALUE])(
    'names the upper bound for %p, not "at least 1"',
    (value) => {
      const error = (() => {
        try {
          validateLimit(value);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).rule).toBe('range');
      expect((error as InvalidInputError).message).toMatch(/9007199254740991/);
      expect((error as InvalidInputError).message).not.toMatch(/at least 1,/);
    },
  );

  it('still says "at least 1" below the bound', () => {
    expect(() => validateLimit(0)).toThrow(/must be at least 1, got 0/);
    expect(validateLimit(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
