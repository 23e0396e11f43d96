/**
 * Server-supplied text made inert for a terminal. StatusDetails, window names and error messages
 * come from SSM (and from whoever can write to it); printed raw, an escape sequence in them can
 * write the clipboard (OSC 52), clear the screen or rewrite what was printed before.
 */

// Escape sequences, removed whole so no parameter bytes are left behind: CSI (ESC [ or 8-bit
// 0x9b), OSC (ESC ] or 0x9d, up to BEL or ST, or to the end when unterminated), DCS/SOS/PM/APC
// strings, and the other two-byte ESC sequences.
/* eslint-disable no-control-regex */
const ESCAPE_SEQUENCES = new RegExp(
  [
    String.raw`(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?`,
    String.raw`(?:\u001b\]|\u009d)[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)`,
    String.raw`(?:\u001b[PX^_]|[\u0090\u0098\u009e\u009f])[\s\S]*?(?:\u001b\\|\u009c|$)`,
    String.raw`\u001b[\s\S]?`,
  ].join('|'),
  'g',
);
// C0 and C1 controls and DEL; tab is kept as a space, newline only where allowed. Bidirectional
// overrides go too: they reorder how the rest of the line reads.
const CONTROLS_KEEPING_NEWLINE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * Options of {@link toTerminalText}.
 *
 * @example
 * ```ts
 * const options: TerminalTextOptions = { keepNewlines: true };
 * ```
 */
export interface TerminalTextOptions {
  /** Keep `\n` (table cells wrap on it); otherwise every line break becomes a space. */
  keepNewlines?: boolean;
}

/**
 * Strips terminal escape sequences (CSI such as `ESC[2J`, OSC such as the OSC 52 clipboard write,
 * DCS/APC strings, 8-bit C1 forms) and every other C0/C1 control character from `text`; a tab,
 * and a line break where not allowed, become a space. Apply it to every server-supplied string
 * before it is printed, coloured or not.
 *
 * @example
 * ```ts
 * toTerminalText('ok\u001b]52;c;ZXZpbA==\u0007\u001b[2J done'); // 'ok done'
 * toTerminalText('line 1\r\nline 2', { keepNewlines: true }); // 'line 1\nline 2'
 * ```
 */
export function toTerminalText(text: string, options: TerminalTextOptions = {}): string {
  const withoutSequences = text.replace(ESCAPE_SEQUENCES, '').replace(/\r\n?/g, '\n');
  if (options.keepNewlines === true) {
    return withoutSequences.replace(/\t/g, ' ').replace(CONTROLS_KEEPING_NEWLINE, '');
  }
  return withoutSequences.replace(/[\t\n]/g, ' ').replace(CONTROLS, '');
}

// Characters JSON.stringify leaves raw although a terminal may act on them: DEL, the C1 range
// (0x9b is a one-byte CSI) and bidirectional overrides.
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes, as `\uXXXX`, the characters `JSON.stringify` leaves raw that a terminal may still act
 * on (DEL, C1 controls, bidirectional overrides). Lossless: parsing gives the same value back.
 * C0 controls, ESC included, are already escaped by `JSON.stringify`.
 *
 * @example
 * ```ts
 * escapeJsonForTerminal(JSON.stringify({ s: '\u009b2J' })); // '{"s":"\\u009b2J"}'
 * ```
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
