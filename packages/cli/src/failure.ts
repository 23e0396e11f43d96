import { CommanderError } from 'commander';
import { ExitCode, UsageError, type ExitCodeValue } from './exit-codes';
import { flagForField } from './flag-names';

/** What the CLI prints and exits with for a failure. */
export interface Failure {
  exitCode: ExitCodeValue;
  /** One line for stderr; never a stack trace, never a credential. */
  message?: string;
}

/** The fields the CLI reads from a core error (`SsmInvocationsError` and its subclasses). */
interface CoreErrorShape {
  name: string;
  code: string;
  message: string;
  requestId?: string;
  field?: string;
}

// Matched by shape, not `instanceof`, so a core error still counts when it came from a second
// copy of the core package (a linked or bundled install).
const CORE_ERROR_CODES = new Set([
  'INVALID_INPUT',
  'NOT_FOUND',
  'THROTTLED',
  'ACCESS_DENIED',
  'SERVICE_ERROR',
  'PAGINATION_ERROR',
]);

function isCoreError(error: unknown): error is CoreErrorShape {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && CORE_ERROR_CODES.has(code);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Turns anything the CLI caught into an exit code and a one-line message: commander's usage
 * errors and core's InvalidInputError → 2 (naming the flag, not the core field), core's remote
 * errors → 1 with the AWS request id, help and version → 0 with nothing more to print.
 *
 * @example
 * ```ts
 * const { exitCode, message } = describeFailure(error);
 * if (message) process.stderr.write(`${message}\n`);
 * ```
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof CommanderError) {
    // Commander already printed its own message (or the help/version text).
    return { exitCode: error.exitCode === 0 ? ExitCode.Success : ExitCode.BadInput };
  }
  if (error instanceof UsageError) {
    return { exitCode: ExitCode.BadInput, message: `error: ${oneLine(error.message)}` };
  }
  if (isCoreError(error)) {
    if (error.code === 'INVALID_INPUT') {
      const field = error.field ?? '';
      const flag = flagForField(field);
      const prefix = `Invalid input: ${field} `;
      const rule = error.message.startsWith(prefix)
        ? error.message.slice(prefix.length)
        : error.message;
      return { exitCode: ExitCode.BadInput, message: `error: ${flag} ${oneLine(rule)}` };
    }
    const requestId =
      error.requestId !== undefined && !error.message.includes(error.requestId)
        ? ` (request id ${error.requestId})`
        : '';
    return {
      exitCode: ExitCode.RemoteFailure,
      message: `error: ${error.name}: ${oneLine(error.message)}${requestId}`,
    };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { exitCode: ExitCode.RemoteFailure, message: 'error: cancelled' };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { exitCode: ExitCode.RemoteFailure, message: `error: ${oneLine(text)}` };
}
