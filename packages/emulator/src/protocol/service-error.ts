/**
 * Errors the emulator answers with, in the AWS JSON 1.1 shape the SDK parses:
 * `{"__type":"<namespace>#<Code>","message":"…"}` plus an HTTP status. SSM's own exceptions use
 * the `com.amazonaws.ssm` namespace; failures of the request framework (unknown operation, bad
 * JSON, signatures) use Coral's `com.amazon.coral.service`, as AWS does.
 */

/**
 * Error codes the emulator sends, with their namespace and HTTP status.
 *
 * @example
 * ```ts
 * SERVICE_ERROR_CODES.RequestEntityTooLargeException.status; // 413
 * ```
 */
export const SERVICE_ERROR_CODES = {
  ValidationException: { namespace: 'com.amazonaws.ssm', status: 400 },
  DoesNotExistException: { namespace: 'com.amazonaws.ssm', status: 400 },
  InternalServerError: { namespace: 'com.amazonaws.ssm', status: 500 },
  ThrottlingException: { namespace: 'com.amazonaws.ssm', status: 400 },
  InvalidCommandId: { namespace: 'com.amazonaws.ssm', status: 400 },
  InvalidFilterKey: { namespace: 'com.amazonaws.ssm', status: 400 },
  InvalidNextToken: { namespace: 'com.amazonaws.ssm', status: 400 },
  InvalidPluginName: { namespace: 'com.amazonaws.ssm', status: 400 },
  InvocationDoesNotExist: { namespace: 'com.amazonaws.ssm', status: 400 },
  AutomationExecutionNotFoundException: { namespace: 'com.amazonaws.ssm', status: 400 },
  InvalidResourceType: { namespace: 'com.amazonaws.ssm', status: 400 },
  InvalidResourceId: { namespace: 'com.amazonaws.ssm', status: 400 },
  UnknownOperationException: { namespace: 'com.amazon.coral.service', status: 400 },
  SerializationException: { namespace: 'com.amazon.coral.service', status: 400 },
  RequestEntityTooLargeException: { namespace: 'com.amazon.coral.service', status: 413 },
  MissingAuthenticationTokenException: { namespace: 'com.amazon.coral.service', status: 400 },
  IncompleteSignatureException: { namespace: 'com.amazon.coral.service', status: 400 },
  InvalidSignatureException: { namespace: 'com.amazon.coral.service', status: 400 },
  UnrecognizedClientException: { namespace: 'com.amazon.coral.service', status: 400 },
  AccessDeniedException: { namespace: 'com.amazon.coral.service', status: 400 },
  ExpiredTokenException: { namespace: 'com.amazon.coral.service', status: 400 },
} as const;

/**
 * An error code the emulator can answer with.
 *
 * @example
 * ```ts
 * const code: ServiceErrorCode = 'DoesNotExistException';
 * ```
 */
export type ServiceErrorCode = keyof typeof SERVICE_ERROR_CODES;

/**
 * An AWS-shaped error response. Thrown by the operations and the request pipeline; the server
 * turns it into the HTTP response.
 *
 * @example
 * ```ts
 * throw new ServiceError('DoesNotExistException', 'Maintenance window mw-0123456789abcdef0 does not exist');
 * ```
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  readonly code: ServiceErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    code: ServiceErrorCode,
    message: string,
    options: { headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = SERVICE_ERROR_CODES[code].status;
    this.headers = options.headers ?? {};
  }

  /**
   * The JSON body AWS sends for this error. Error shapes without members (InvalidCommandId,
   * InvocationDoesNotExist, InvalidPluginName, InvalidFilterKey, InvalidResourceId,
   * InvalidResourceType) are sent with no message, as AWS does; give them the message `''`.
   */
  toBody(): { __type: string; message?: string } {
    const __type = `${SERVICE_ERROR_CODES[this.code].namespace}#${this.code}`;
    return this.message === '' ? { __type } : { __type, message: this.message };
  }
}
