import {
  CustomErrorBase,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  InvalidInputError,
  NotFoundError as SsmNotFoundError,
  SsmInvocationsError,
  ThrottledError,
  TimeoutError,
} from '@ssm-invocations/core';

/**
 * SSM failed in a way the caller cannot fix (refused credentials, 5xx after retries, a broken
 * pagination): answered as 502 Bad Gateway, since the fault is upstream of this backend.
 *
 * @example
 * ```ts
 * throw new SsmUpstreamError('SSM refused the backend credentials');
 * ```
 *
 * @public
 */
export class SsmUpstreamError extends CustomErrorBase {
  /** Read by Backstage's error middleware as the response status. */
  readonly statusCode = 502;

  constructor(message: string) {
    super(message);
    this.name = 'SsmUpstreamError';
  }
}

/**
 * SSM did not answer within the request's deadline (`ssmInvocations.requestTimeout`): answered
 * as 504 Gateway Timeout. The next request starts a fresh fetch; nothing stays pending.
 *
 * @example
 * ```ts
 * throw new SsmGatewayTimeoutError('SSM did not answer within 30000 ms');
 * ```
 *
 * @public
 */
export class SsmGatewayTimeoutError extends CustomErrorBase {
  /** Read by Backstage's error middleware as the response status. */
  readonly statusCode = 504;

  constructor(message: string) {
    super(message);
    this.name = 'SsmGatewayTimeoutError';
  }
}

/** Default Retry-After when SSM throttled without saying for how long. */
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * An HTTP-ready error for a failure from the service, plus the `Retry-After` seconds to send
 * with it (throttling only).
 *
 * @example
 * ```ts
 * const { error, retryAfterSeconds } = toHttpError(caught);
 * ```
 */
export interface HttpErrorMapping {
  error: Error;
  retryAfterSeconds?: number;
}

/**
 * Maps core errors to `@backstage/errors` types, so Backstage's error middleware answers 400,
 * 404, 503, 504 or 502 instead of 500. The core error is not attached as `cause`: the middleware
 * serialises the whole cause chain into the response, and the chain ends in SDK internals; the
 * message (which carries the AWS request id) is kept. Anything else passes through unchanged.
 *
 * @example
 * ```ts
 * toHttpError(new ThrottledError('slow down')).error.name; // 'ServiceUnavailableError'
 * ```
 */
export function toHttpError(error: unknown): HttpErrorMapping {
  if (!(error instanceof SsmInvocationsError)) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
  if (error instanceof InvalidInputError) return { error: new InputError(error.message) };
  if (error instanceof SsmNotFoundError) return { error: new NotFoundError(error.message) };
  if (error instanceof ThrottledError) {
    const retryAfterSeconds =
      error.retryAfterMs === undefined
        ? DEFAULT_RETRY_AFTER_SECONDS
        : Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return { error: new ServiceUnavailableError(error.message), retryAfterSeconds };
  }
  if (error instanceof TimeoutError) {
    return { error: new SsmGatewayTimeoutError(error.message), retryAfterSeconds: 1 };
  }
  return { error: new SsmUpstreamError(error.message) };
}
