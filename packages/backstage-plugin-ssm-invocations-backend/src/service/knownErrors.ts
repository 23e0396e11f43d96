import type { LoggerService } from '@backstage/backend-plugin-api';
import { SsmInvocationsError, TimeoutError } from '@ssm-invocations/core';
import { toReportError } from '@ssm-invocations/core/model';
import type { WindowReportError } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { WindowRefusedError } from './WindowRefusedError';

/** An error the service reports as it is: a core error or the backend's own refusal. */
export type KnownError = SsmInvocationsError | WindowRefusedError;

/**
 * Turns what a service call threw into a {@link KnownError}: the request deadline's abort reason
 * becomes a core `TimeoutError` naming the setting; anything unexpected is logged and answered
 * with a generic message (its text may hold internals).
 *
 * @example
 * ```ts
 * const known = asKnownError(caught, logger, 30_000);
 * ```
 */
export function asKnownError(
  error: unknown,
  logger: LoggerService,
  requestTimeoutMs: number,
): KnownError {
  if (error instanceof SsmInvocationsError || error instanceof WindowRefusedError) return error;
  // The request's deadline (AbortSignal.timeout) rejects the core call with its reason.
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new TimeoutError(
      `SSM did not answer within ${requestTimeoutMs} ms (ssmInvocations.requestTimeout)`,
    );
  }
  logger.error(`ssm-invocations: unexpected error: ${String(error)}`);
  return new SsmInvocationsError('SERVICE_ERROR', 'Unexpected error; see the backend logs');
}

/**
 * A window's error as the report carries it; failures worth an operator's look are logged.
 *
 * @example
 * ```ts
 * entry.error = toWindowReportError(known, logger);
 * ```
 */
export function toWindowReportError(known: KnownError, logger: LoggerService): WindowReportError {
  if (!['INVALID_INPUT', 'NOT_FOUND', 'NOT_ALLOWED'].includes(known.code)) {
    logger.warn(`ssm-invocations: window report failed: ${known.name}: ${known.message}`);
  }
  if (known instanceof WindowRefusedError) {
    return { name: known.name, message: known.message, code: known.code };
  }
  return toReportError(known);
}
