import type { CredentialFaultRule } from '@ssm-invocations/core';
import { isSsmInvocationsError } from '@ssm-invocations/core/errors';
import { CommanderError } from 'commander';
import { ExitCode, UsageError, type ExitCodeValue } from './exit-codes';
import { flagForField } from './flag-names';
import { toTerminalText } from './render/terminal-text';

/** What the CLI prints and exits with for a failure. */
export interface Failure {
  exitCode: ExitCodeValue;
  /** One line for stderr; never a stack trace, never a credential. */
  message?: string;
}

// Messages quote server text: one line, with no escape sequence left to act on the terminal.
function oneLine(text: string): string {
  return toTerminalText(text.replace(/\s*\n\s*/g, ' ')).trim();
}

/** What to fix when AWS refused the credentials themselves (core's `credentialFault` rule). */
const CREDENTIAL_HINTS: Readonly<Record<CredentialFaultRule, string>> = {
  'unknown-key': 'AWS does not know this access key: check --profile or AWS_ACCESS_KEY_ID',
  'signature-mismatch':
    'the secret key does not match the access key: check --profile or AWS_SECRET_ACCESS_KEY',
  expired: 'the session token has expired: refresh the credentials (e.g. aws sso login)',
  'wrong-region': "the request was signed for another region than the endpoint's: check --region",
  'clock-skew': "this machine's clock is more than 5 minutes off AWS's: set it right",
};

/** What the CLI knew when the failure happened, for naming the flag a failure points at. */
export interface FailureContext {
  /** The `--endpoint` value, when one was given. */
  endpoint?: string;
}

/**
 * Turns anything the CLI caught into an exit code and a one-line message: commander's usage
 * errors and core's InvalidInputError → 2 (naming the flag, not the core field), core's
 * CredentialsError (no credentials, unknown profile, no region) → 2 as core words it, core's remote
 * errors → 1 with the AWS request id (a network error names `--endpoint` and its value, when one
 * was given; credentials AWS refused get what to fix), help and version → 0 with nothing more to
 * print.
 *
 * @example
 * ```ts
 * const { exitCode, message } = describeFailure(error);
 * if (message) process.stderr.write(`${message}\n`);
 * ```
 */
export function describeFailure(error: unknown, context: FailureContext = {}): Failure {
  if (error instanceof CommanderError) {
    // Commander already printed its own message (or the help/version text).
    return { exitCode: error.exitCode === 0 ? ExitCode.Success : ExitCode.BadInput };
  }
  if (error instanceof UsageError) {
    return { exitCode: ExitCode.BadInput, message: `error: ${oneLine(error.message)}` };
  }
  if (isSsmInvocationsError(error)) {
    if (error.code === 'INVALID_INPUT') {
      // Core names the field and says what is wrong; the user knows the field by its flag.
      const flag = flagForField(error.field ?? '');
      const reason = error.reason ?? error.message;
      return { exitCode: ExitCode.BadInput, message: `error: ${flag} ${oneLine(reason)}` };
    }
    // Nothing was sent: no credentials or no region. Fixable input, not an unreachable endpoint.
    if (error.code === 'CREDENTIALS') {
      return { exitCode: ExitCode.BadInput, message: `error: ${oneLine(error.message)}` };
    }
    // No HTTP status and no request id: the endpoint never answered (refused, unresolvable, timed
    // out), so point at the flag the user can fix.
    if (
      context.endpoint !== undefined &&
      error.code === 'SERVICE_ERROR' &&
      error.statusCode === undefined &&
      error.requestId === undefined
    ) {
      return {
        exitCode: ExitCode.RemoteFailure,
        message: `error: cannot reach --endpoint ${context.endpoint}: ${error.name}: ${oneLine(error.message)}`,
      };
    }
    // Core keeps the request id out of `detail`: the id is printed once, from its own field. It
    // is a response header, so server text too (latin1 on the wire: 0x9b arrives as a CSI).
    const requestId =
      error.requestId === undefined ? '' : ` (request id ${oneLine(error.requestId)})`;
    const fault = error.credentialFault?.rule;
    const hint = fault === undefined ? '' : ` — ${CREDENTIAL_HINTS[fault]}`;
    return {
      exitCode: ExitCode.RemoteFailure,
      message: `error: ${error.name}: ${oneLine(error.detail ?? error.message)}${requestId}${hint}`,
    };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { exitCode: ExitCode.RemoteFailure, message: 'error: cancelled' };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { exitCode: ExitCode.RemoteFailure, message: `error: ${oneLine(text)}` };
}
