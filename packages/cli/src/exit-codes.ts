/**
 * Exit codes of `ssm-invocations`, stable for scripts.
 *
 * @example
 * ```ts
 * process.exitCode = ExitCode.BadInput;
 * ```
 */
export const ExitCode = {
  /** The command did what was asked. */
  Success: 0,
  /** A remote failure: not found, access denied, throttled after retries, unreachable endpoint. */
  RemoteFailure: 1,
  /** Bad input: an unknown or malformed flag, a value breaking an SSM rule. Nothing was sent. */
  BadInput: 2,
} as const;

/**
 * One of the {@link ExitCode} values.
 *
 * @example
 * ```ts
 * const code: ExitCodeValue = ExitCode.Success;
 * ```
 */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A usage error found by the CLI itself (before core saw the input), e.g. a non-numeric `--limit`.
 *
 * @example
 * ```ts
 * throw new UsageError('--limit', 'must be a whole number, got "ten"');
 * ```
 */
export class UsageError extends Error {
  /** The flag that broke a rule, e.g. `--limit`. */
  readonly flag: string;

  constructor(flag: string, rule: string, options?: { cause?: unknown }) {
    super(`${flag} ${rule}`, options);
    this.name = 'UsageError';
    this.flag = flag;
  }
}
