/**
 * One rule for turning a failed SSM call into a core error, shared by both transports so that they
 * throw identical error classes for identical server responses. SDK-free.
 */
import {
  AccessDeniedError,
  NotFoundError,
  ServiceError,
  type SsmInvocationsError,
  ThrottledError,
} from '../model/errors';

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
 * Maps a failure to the core error class: NotFoundError, ThrottledError, AccessDeniedError or
 * ServiceError. The message names the operation, the AWS error type and the request id.
 *
 * @example
 * ```ts
 * errorFromFailure({ operation: 'GetMaintenanceWindow', code: 'DoesNotExistException', message: 'gone' });
 * // NotFoundError: GetMaintenanceWindow failed: DoesNotExistException: gone
 * ```
 */
export function errorFromFailure(failure: ServiceFailure): SsmInvocationsError {
  const { operation, code, statusCode, requestId, cause } = failure;
  const what = code ?? (statusCode === undefined ? 'Error' : `HTTP ${statusCode}`);
  const detail = failure.message ? `${what}: ${failure.message}` : what;
  const message = `${operation} failed: ${detail}`;
  // Only codes the service itself sent: not network error codes, not our own MalformedResponse.
  const serviceCode = statusCode !== undefined && code !== 'MalformedResponse' ? code : undefined;
  const options = { operation, requestId, cause, serviceCode };
  if (code === 'DoesNotExistException') return new NotFoundError(message, options);
  if (isThrottling(failure)) {
    return new ThrottledError(message, { ...options, retryAfterMs: failure.retryAfterMs });
  }
  if ((code !== undefined && ACCESS_DENIED_CODES.has(code)) || statusCode === 403) {
    return new AccessDeniedError(message, options);
  }
  return new ServiceError(message, { ...options, statusCode });
}
