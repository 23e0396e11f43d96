import { createColors } from 'picocolors';
import { isFailedStatus, isRunningStatus } from '@ssm-invocations/core/model';
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

/**
 * A status coloured by what it means (core decides which statuses are failed or running): green
 * success, red failed, yellow still running, dim for the rest (SKIPPED_OVERLAPPING, unknown).
 *
 * @example
 * ```ts
 * colourStatus(createPalette(true), 'FAILED'); // '\u001b[31mFAILED\u001b[39m'
 * ```
 */
export function colourStatus(palette: Palette, status: string | undefined): string {
  // A status is server text like any other: inert before it is coloured.
  const text = status === undefined ? 'UNKNOWN' : toTerminalText(status);
  if (text === 'SUCCESS') return palette.green(text);
  if (isFailedStatus(text)) return palette.red(palette.bold(text));
  if (isRunningStatus(text)) return palette.yellow(text);
  return palette.dim(text);
}
