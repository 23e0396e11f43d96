/**
 * One rule for turning a failed SSM call into a core error, shared by both transports so that they
 * throw identical error classes for identical server responses. SDK-free.
 */
import {
  AccessDeniedError,
  CredentialsError,
  NotFoundError,
  ServiceError,
  type SsmInvocationsError,
  ThrottledError,
  TimeoutError,
} from '../model/errors';
import { credentialFault } from '../model/credential-fault';
import { redactSecrets } from '../model/redact';

/**
 * What is known about a failed call.
 *
 * @example
 * ```ts
 * const f: ServiceFailure = { operation: 'GetMaintenanceWindow', code: 'DoesNotExistException', statusCode: 400 };
 * ```
 */
export interface ServiceFailure {
  operation: string;
  /** The AWS error type (`DoesNotExistException`, …) or a network error code (`ECONNRESET`). */
  code?: string;
  message?: string;
  statusCode?: number;
  requestId?: string;
  retryAfterMs?: number;
  cause?: unknown;
  /** Set when the call was never sent because no credentials or no region could be found. */
  missing?: 'credentials' | 'region';
  /** Exact values to redact from the message (the credentials the transport signs with). */
  secrets?: readonly (string | undefined)[];
}

/**
 * Error codes SSM (and AWS in general) uses for throttling; the SDK's standard retry mode
 * retries these.
 *
 * @example
 * ```ts
 * THROTTLING_CODES.has('ThrottlingException'); // true
 * ```
 */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'TransactionInProgressException',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
]);

/**
 * Error codes that mean the credentials or the signature were refused.
 *
 * @example
 * ```ts
 * ACCESS_DENIED_CODES.has('ExpiredTokenException'); // true
 * ```
 */
export const ACCESS_DENIED_CODES: ReadonlySet<string> = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidClientTokenId',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'NotAuthorized',
  'RequestExpired',
  'UnauthorizedOperation',
]);

/**
 * Error codes of an attempt that got no answer in time (set by the transports and the HTTP
 * stacks under them). Only without an HTTP status: a service's own `RequestTimeout` answer is a
 * service error.
 */
const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'TimeoutError',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Whether a failure is a connection or request timeout (no answer in time).
 *
 * @example
 * ```ts
 * isTimeout({ operation: 'X', code: 'TimeoutError' }); // true
 * ```
 */
export function isTimeout(failure: ServiceFailure): boolean {
  return (
    failure.statusCode === undefined &&
    failure.code !== undefined &&
    TIMEOUT_CODES.has(failure.code)
  );
}

/**
 * Redacts secrets from the message and stack of the error a core error wraps, so printing the
 * whole chain (`util.inspect`, `console.error`) shows no more than the core error's own message.
 */
function redactCause(cause: unknown, secrets: ServiceFailure['secrets']): void {
  if (!(cause instanceof Error)) return;
  try {
    cause.message = redactSecrets(cause.message, secrets);
    if (cause.stack !== undefined) cause.stack = redactSecrets(cause.stack, secrets);
  } catch {
    // A frozen error keeps its text; core's own message is redacted regardless.
  }
}

/**
 * Whether a failure is throttling (by code or HTTP 429).
 *
 * @example
 * ```ts
 * isThrottling({ operation: 'X', statusCode: 429 }); // true
 * ```
 */
export function isThrottling(failure: ServiceFailure): boolean {
  return (
    failure.statusCode === 429 || (failure.code !== undefined && THROTTLING_CODES.has(failure.code))
  );
}

/**
 * Maps a failure to the core error class: CredentialsError, TimeoutError, NotFoundError,
 * ThrottledError, AccessDeniedError or ServiceError. The message names the operation, the AWS
 * error type and the request id; secrets in it (and in the wrapped cause) are redacted with
 * {@link redactSecrets}.
 *
 * @example
 * ```ts
 * errorFromFailure({ operation: 'GetMaintenanceWindow', code: 'DoesNotExistException', message: 'gone' });
 * // NotFoundError: GetMaintenanceWindow failed: DoesNotExistException: gone
 * ```
 */
export function errorFromFailure(failure: ServiceFailure): SsmInvocationsError {
  const { operation, code, statusCode, requestId, cause, secrets } = failure;
  const what = code ?? (statusCode === undefined ? 'Error' : `HTTP ${statusCode}`);
  const detail = failure.message ? `${what}: ${failure.message}` : what;
  // The one place every message of both transports is built: server text may quote the signed
  // request (with its session token), so it is redacted here, once.
  const message = redactSecrets(`${operation} failed: ${detail}`, secrets);
  redactCause(cause, secrets);
  // Only codes the service itself sent: not network error codes, not our own MalformedResponse.
  const serviceCode = statusCode !== undefined && code !== 'MalformedResponse' ? code : undefined;
  const options = { operation, requestId, cause, serviceCode };
  if (failure.missing !== undefined) {
    return new CredentialsError(
      redactSecrets(
        `${operation} was not sent: ${failure.message ?? `no ${failure.missing}`}`,
        secrets,
      ),
      { operation, cause, missing: failure.missing },
    );
  }
  if (isTimeout(failure)) return new TimeoutError(message, options);
  if (code === 'DoesNotExistException') return new NotFoundError(message, options);
  if (isThrottling(failure)) {
    return new ThrottledError(message, { ...options, retryAfterMs: failure.retryAfterMs });
  }
  if ((code !== undefined && ACCESS_DENIED_CODES.has(code)) || statusCode === 403) {
    const fault = serviceCode === undefined ? undefined : credentialFault(failure);
    return new AccessDeniedError(message, {
      ...options,
      ...(fault === undefined ? {} : { credentialFault: fault }),
    });
  }
  return new ServiceError(message, { ...options, statusCode });
}
