import { createColors } from 'picocolors';
import { statusTone, type StatusTone } from '@ssm-invocations/core/model';
import { toTerminalText } from './terminal-text';

/** The colour functions the table renderers use; all identity functions when colour is off. */
export type Palette = ReturnType<typeof createColors>;

/**
 * A palette with colours on or off (picocolors, so no escape codes at all when off).
 *
 * @example
 * ```ts
 * const palette = createPalette(false);
 * palette.red('x'); // 'x'
 * ```
 */
export function createPalette(enabled: boolean): Palette {
  return createColors(enabled);
}

/** The colour of each tone; core decides which tone a status has. */
const TONE_COLOURS: Record<StatusTone, (palette: Palette, text: string) => string> = {
  success: (palette, text) => palette.green(text),
  failure: (palette, text) => palette.red(palette.bold(text)),
  running: (palette, text) => palette.yellow(text),
  warning: (palette, text) => palette.dim(text),
  neutral: (palette, text) => palette.dim(text),
};

/**
 * A status coloured by its tone (core's `statusTone`): green success, bold red failure, yellow
 * still running, dim for the rest (SKIPPED_OVERLAPPING, unknown).
 *
 * @example
 * ```ts
 * colourStatus(createPalette(true), 'FAILED'); // '\u001b[31m\u001b[1mFAILED\u001b[22m\u001b[39m'
 * ```
 */
export function colourStatus(palette: Palette, status: string | undefined): string {
  // A status is server text like any other: inert before it is coloured.
  const text = status === undefined ? 'UNKNOWN' : toTerminalText(status);
  return TONE_COLOURS[statusTone(status)](palette, text);
}
