import { colourStatus, createPalette } from './palette';

describe('colourStatus', () => {
  const palette = createPalette(true);

  it.each([
    ['SUCCESS', palette.green('SUCCESS')],
    ['TIMED_OUT', palette.red(palette.bold('TIMED_OUT'))],
    ['CANCELLED', palette.red(palette.bold('CANCELLED'))],
    ['CANCELLING', palette.yellow('CANCELLING')],
    ['PENDING', palette.yellow('PENDING')],
    ['SKIPPED_OVERLAPPING', palette.dim('SKIPPED_OVERLAPPING')],
    ['SOME_NEW_STATUS', palette.dim('SOME_NEW_STATUS')],
  ])("colours %s by core's tone", (status, expected) => {
    expect(colourStatus(palette, status)).toBe(expected);
  });

  it('writes UNKNOWN for a missing status and no escape codes without colour', () => {
    expect(colourStatus(createPalette(false), undefined)).toBe('UNKNOWN');
  });
});
