/**
 * Server text as the renderers print it: inert (`toTerminalText`), with `–` for nothing.
 */
import { toTerminalText } from './terminal-text';

/**
 * A table cell: server text made inert, line breaks kept (the table wraps on them); `–` when
 * empty or missing.
 *
 * @example
 * ```ts
 * cellText('line 1\nline 2\u001b[2J'); // 'line 1\nline 2'
 * ```
 */
export function cellText(value: string | number | boolean | undefined): string {
  return value === undefined || value === ''
    ? '–'
    : toTerminalText(String(value), { keepNewlines: true });
}

/**
 * A piece of a line: server text made inert on one line; `–` when empty or missing.
 *
 * @example
 * ```ts
 * inlineText('a\nb'); // 'a b'
 * ```
 */
export function inlineText(value: string | number | undefined): string {
  return value === undefined || value === '' ? '–' : toTerminalText(String(value));
}
