/**
 * Error classes of `@ssm-invocations/core`. SDK-free (also exported from
 * `@ssm-invocations/core/model`, `/errors` and `/json`), so validators and the JSON transport can
 * throw them without pulling in the AWS SDK.
 */
import type { CredentialFault } from './credential-fault';

/**
 * Every code a core error can carry, for telling a core error by its shape.
 *
 * @example
 * ```ts
 * SSM_INVOCATIONS_ERROR_CODES.includes('NOT_FOUND'); // true
 * ```
 */
export const SSM_INVOCATIONS_ERROR_CODES = Object.freeze([
  'INVALID_INPUT',
  'NOT_FOUND',
  'THROTTLED',
  'ACCESS_DENIED',
  'SERVICE_ERROR',
  'PAGINATION_ERROR',
  'TIMEOUT',
  'CREDENTIALS',
] as const);

/**
 * Machine-readable code carried by every core error.
 *
 * @example
 * ```ts
 * const code: SsmInvocationsErrorCode = 'NOT_FOUND';
 * ```
 */
export type SsmInvocationsErrorCode = (typeof SSM_INVOCATIONS_ERROR_CODES)[number];

/**
 * Options shared by the core error constructors.
 *
 * @example
 * ```ts
 * new ServiceError('boom', { requestId: 'req-1', statusCode: 500, cause: original });
 * ```
 */
export interface SsmInvocationsErrorOptions {
  /** The error this one wraps (an SDK exception, a network error, …). */
  cause?: unknown;
  /** The AWS request id (`x-amzn-RequestId`), when the service answered. */
  requestId?: string;
  /** The SSM operation that failed. */
  operation?: string;
  /** The AWS error type the service answered with (e.g. `ExpiredTokenException`). */
  serviceCode?: string;
}

function withRequestId(message: string, requestId: string | undefined): string {
  return requestId === undefined ? message : `${message} (request id ${requestId})`;
}

/**
 * Base class of every error thrown by `@ssm-invocations/core`. Catch this to handle them all.
 * `toJSON()` omits `cause`, so serialising an error never leaks what it wraps.
 *
 * @example
 * ```ts
 * try {
 *   await client.getWindow({ windowId });
 * } catch (error) {
 *   if (error instanceof SsmInvocationsError) console.error(error.code, error.message);
 * }
 * ```
 */
export class SsmInvocationsError extends Error {
  /** Machine-readable error code. */
  readonly code: SsmInvocationsErrorCode;
  /** The AWS request id, when the service answered. */
  readonly requestId?: string;
  /**
   * What went wrong, without the ` (request id …)` that `message` ends with when the service
   * answered: for adapters that show {@link SsmInvocationsError.requestId} in their own words.
   */
  readonly detail: string;
  /** The SSM operation that failed, when known. */
  readonly operation?: string;
  /**
   * The AWS error type the service answered with, e.g. `ExpiredTokenException` inside an
   * {@link AccessDeniedError} — for telling apart failures that share a class.
   */
  readonly serviceCode?: string;

  constructor(
    code: SsmInvocationsErrorCode,
    message: string,
    options: SsmInvocationsErrorOptions = {},
  ) {
    super(
      withRequestId(message, options.requestId),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'SsmInvocationsError';
    this.code = code;
    this.detail = message;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.operation !== undefined) this.operation = options.operation;
    if (options.serviceCode !== undefined) this.serviceCode = options.serviceCode;
  }

  /** A plain-object form for logs and HTTP bodies; never includes `cause`. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {
      name: this.name,
      code: this.code,
      message: this.message,
    };
    for (const key of [
      'requestId',
      'operation',
      'serviceCode',
      'field',
      'rule',
      'reason',
      'statusCode',
      'retryAfterMs',
      'missing',
      'credentialFault',
    ] as const) {
      const value = (this as Record<string, unknown>)[key];
      if (value !== undefined) json[key] = value;
    }
    return json;
  }
}

/**
 * Which rule an input broke, for adapters that word or route the failure themselves (the CLI
 * names a flag, n8n a parameter) without reading the message:
 * - `required`: the value is missing;
 * - `type`: wrong kind of value (not a string, not a whole number, not an object, …);
 * - `pattern`: a string of the wrong shape (a window id, a UUID, a region);
 * - `format`: a value that does not parse (a date, a URL);
 * - `range`: a number outside its bounds;
 * - `length`: a string or list too short or too long;
 * - `order`: two values in the wrong order (`after` later than `before`);
 * - `unknown-key`: a key that is not known here (a typo such as `windowExecutionID`);
 * - `unknown-status`: a status that is not one of the SSM execution statuses;
 * - `conflict`: options that cannot be combined;
 * - `invalid`: any other rule.
 *
 * @example
 * ```ts
 * if (error instanceof InvalidInputError && error.rule === 'unknown-status') showStatusList();
 * ```
 */
export type InvalidInputRule =
  | 'required'
  | 'type'
  | 'pattern'
  | 'format'
  | 'range'
  | 'length'
  | 'order'
  | 'unknown-key'
  | 'unknown-status'
  | 'conflict'
  | 'invalid';

/**
 * Bad input: thrown before any network call. `field` names the offending input field, `rule` the
 * rule it broke and `reason` says how, in words (the message is `Invalid input: <field> <reason>`).
 *
 * @example
 * ```ts
 * try {
 *   await client.listInvocations({ windowExecutionId: 'bad', taskId });
 * } catch (error) {
 *   if (error instanceof InvalidInputError) {
 *     console.error(error.field, error.rule, error.reason); // 'windowExecutionId' 'pattern' 'must be a …'
 *   }
 * }
 * ```
 */
export class InvalidInputError extends SsmInvocationsError {
  /** The input field that broke a rule, e.g. `windowExecutionId` or `statuses[2]`. */
  readonly field: string;
  /** The rule the field broke, for telling failures apart without reading the message. */
  readonly rule: InvalidInputRule;
  /** What is wrong with the field, without the field name, e.g. `must be a 36-character UUID …`. */
  readonly reason: string;

  constructor(
    field: string,
    reason: string,
    options: SsmInvocationsErrorOptions = {},
    rule: InvalidInputRule = 'invalid',
  ) {
    super('INVALID_INPUT', `Invalid input: ${field} ${reason}`, options);
    this.name = 'InvalidInputError';
    this.field = field;
    this.rule = rule;
    this.reason = reason;
  }
}

/**
 * The window, execution, task or invocation does not exist (SSM `DoesNotExistException`).
 *
 * @example
 * ```ts
 * await client.getWindow({ windowId }).catch((e) => {
 *   if (e instanceof NotFoundError) return undefined;
 *   throw e;
 * });
 * ```
 */
export class NotFoundError extends SsmInvocationsError {
  constructor(message: string, options: SsmInvocationsErrorOptions = {}) {
    super('NOT_FOUND', message, options);
    this.name = 'NotFoundError';
  }
}

/**
 * SSM kept throttling after every retry was spent. `retryAfterMs` is set when the service said
 * how long to wait.
 *
 * @example
 * ```ts
 * if (error instanceof ThrottledError) setTimeout(retry, error.retryAfterMs ?? 5000);
 * ```
 */
export class ThrottledError extends SsmInvocationsError {
  /** The service's `Retry-After` hint in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    options: SsmInvocationsErrorOptions & { retryAfterMs?: number } = {},
  ) {
    super('THROTTLED', message, options);
    this.name = 'ThrottledError';
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * The credentials were refused (AccessDeniedException, UnrecognizedClientException,
 * InvalidSignatureException, ExpiredTokenException, …). Check IAM permissions and credentials.
 *
 * @example
 * ```ts
 * if (error instanceof AccessDeniedError) console.error('grant ssm:Describe* permissions');
 * ```
 */
export class AccessDeniedError extends SsmInvocationsError {
  /** Set when AWS refused the credentials themselves (not a missing permission): what to fix. */
  readonly credentialFault?: CredentialFault;

  constructor(
    message: string,
    options: SsmInvocationsErrorOptions & { credentialFault?: CredentialFault } = {},
  ) {
    super('ACCESS_DENIED', message, options);
    this.name = 'AccessDeniedError';
    if (options.credentialFault !== undefined) this.credentialFault = options.credentialFault;
  }
}

/**
 * Any other failure: 5xx after retries, a network error after retries, a malformed response, a
 * server-side ValidationException or an unknown error type. `statusCode` is the HTTP status, when
 * one was received.
 *
 * @example
 * ```ts
 * if (error instanceof ServiceError && error.statusCode === 500) console.error('SSM is unwell');
 * ```
 */
export class ServiceError extends SsmInvocationsError {
  /** The HTTP status of the last attempt, when a response was received. */
  readonly statusCode?: number;

  constructor(message: string, options: SsmInvocationsErrorOptions & { statusCode?: number } = {}) {
    super('SERVICE_ERROR', message, options);
    this.name = 'ServiceError';
    if (options.statusCode !== undefined) this.statusCode = options.statusCode;
  }
}

/**
 * Pagination went wrong: the service repeated a `NextToken`, or more pages came than the safety
 * bound allows. Thrown instead of looping forever or returning duplicates.
 *
 * @example
 * ```ts
 * if (error instanceof PaginationError) console.error('SSM sent a repeating NextToken');
 * ```
 */
export class PaginationError extends SsmInvocationsError {
  constructor(message: string, options: SsmInvocationsErrorOptions = {}) {
    super('PAGINATION_ERROR', message, options);
    this.name = 'PaginationError';
  }
}

/**
 * A call got no answer in time: connecting took longer than `connectTimeoutMs`, or an attempt
 * longer than `requestTimeoutMs`. Transports retry timed-out attempts like other transient
 * failures; this error means every attempt timed out. Not thrown for your own `signal`, which
 * rejects with its reason.
 *
 * @example
 * ```ts
 * if (error instanceof TimeoutError) console.error('SSM did not answer in time; try again later');
 * ```
 */
export class TimeoutError extends SsmInvocationsError {
  constructor(message: string, options: SsmInvocationsErrorOptions = {}) {
    super('TIMEOUT', message, options);
    this.name = 'TimeoutError';
  }
}

/**
 * No credentials or no region could be found (no environment keys, an unknown profile, no
 * region configured). Thrown before any request is sent and never retried; the message says
 * what to set.
 *
 * @example
 * ```ts
 * if (error instanceof CredentialsError) console.error(error.message); // … set AWS_PROFILE or …
 * ```
 */
export class CredentialsError extends SsmInvocationsError {
  /** What could not be found: `credentials` or `region`. */
  readonly missing: 'credentials' | 'region';

  constructor(
    message: string,
    options: SsmInvocationsErrorOptions & { missing?: 'credentials' | 'region' } = {},
  ) {
    super('CREDENTIALS', message, options);
    this.name = 'CredentialsError';
    this.missing = options.missing ?? 'credentials';
  }
}

/**
 * The fields a core error carries, as seen by code that cannot rely on `instanceof` (the error may
 * come from another copy of this package). `field`, `rule` and `reason` are set on `INVALID_INPUT`
 * (by copies of core that know them), `statusCode` on `SERVICE_ERROR`, `retryAfterMs` on
 * `THROTTLED`, `credentialFault` on `ACCESS_DENIED` when known.
 *
 * @example
 * ```ts
 * function describe(error: SsmInvocationsErrorShape): string {
 *   return `${error.code}: ${error.message}`;
 * }
 * ```
 */
export interface SsmInvocationsErrorShape extends Error {
  code: SsmInvocationsErrorCode;
  requestId?: string;
  /** `message` without its request id (set by copies of core that know it). */
  detail?: string;
  operation?: string;
  serviceCode?: string;
  field?: string;
  rule?: InvalidInputRule;
  reason?: string;
  statusCode?: number;
  retryAfterMs?: number;
  missing?: 'credentials' | 'region';
  credentialFault?: CredentialFault;
}

/**
 * True when `error` is an error thrown by `@ssm-invocations/core` — any copy of it. Checks the
 * shape (an `Error` whose `code` is one of {@link SSM_INVOCATIONS_ERROR_CODES} and whose `name` is
 * a string), not `instanceof`, because adapters may meet errors from a second copy of core (a
 * bundled n8n node, a linked install) whose classes are different objects.
 *
 * @example
 * ```ts
 * try {
 *   await client.getWindow({ windowId });
 * } catch (error) {
 *   if (isSsmInvocationsError(error) && error.code === 'INVALID_INPUT') console.error(error.field);
 *   else throw error;
 * }
 * ```
 */
export function isSsmInvocationsError(error: unknown): error is SsmInvocationsErrorShape {
  if (!(error instanceof Error) || typeof error.name !== 'string') return false;
  const code: unknown = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' && (SSM_INVOCATIONS_ERROR_CODES as readonly string[]).includes(code)
  );
}
