import { escapeJsonForTerminal } from './render/terminal-text';

/**
 * Where the CLI writes: stdout for results, stderr for errors and progress. `process.stdout`
 * is one; so is any object with `write`.
 *
 * @example
 * ```ts
 * let text = '';
 * const captured: OutputStream = { write: (chunk) => (text += chunk), isTTY: false };
 * ```
 */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** A terminal's width; the compact report cuts its rows to it. */
  columns?: number;
}

/**
 * `table` for people, `json` for scripts.
 *
 * @example
 * ```ts
 * const format: OutputFormat = process.stdout.isTTY ? 'table' : 'json';
 * ```
 */
export type OutputFormat = 'table' | 'json';

/**
 * The output format when `--output` is not given: a table on a terminal, JSON when piped.
 *
 * @example
 * ```ts
 * resolveOutputFormat(undefined, process.stdout); // 'json' under `| jq`
 * ```
 */
export function resolveOutputFormat(
  requested: OutputFormat | undefined,
  stdout: OutputStream,
): OutputFormat {
  return requested ?? (stdout.isTTY === true ? 'table' : 'json');
}

/**
 * Whether table output is coloured: never with `--no-color` or `NO_COLOR`; always with
 * `FORCE_COLOR` (other than `0`); otherwise only on a terminal.
 *
 * @example
 * ```ts
 * resolveColour({ color: true }, process.env, process.stdout);
 * ```
 */
export function resolveColour(
  flags: { color?: boolean },
  env: Record<string, string | undefined>,
  stdout: OutputStream,
): boolean {
  if (flags.color === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stdout.isTTY === true;
}

/**
 * Writes one JSON document (records as core returns them; `Date`s become ISO strings).
 *
 * @example
 * ```ts
 * writeJson(process.stdout, { invocations });
 * ```
 */
export function writeJson(stdout: OutputStream, document: unknown): void {
  // JSON.stringify escapes C0 controls (ESC included) but not DEL, C1 or bidi overrides.
  stdout.write(`${escapeJsonForTerminal(JSON.stringify(document, null, 2))}\n`);
}
