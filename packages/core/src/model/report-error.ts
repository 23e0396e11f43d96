import type { CredentialFault } from './credential-fault';
import { isSsmInvocationsError } from './errors';
import { iamActionOf } from './operations';
import type { ReportError } from './report';

/**
 * The {@link ReportError} kept in a report (or an HTTP body) for an error: a core error's code,
 * name, message, request id, operation and credential fault. Anything else becomes a `SERVICE_ERROR` saying only that something
 * unexpected happened, because its message is not ours to show (it may carry server text or
 * secrets); log the original where it is caught.
 *
 * @example
 * ```ts
 * try {
 *   invocations = await client.listInvocations({ windowExecutionId, taskId });
 * } catch (error) {
 *   taskReport.error = toReportError(error); // { code: 'THROTTLED', name: 'ThrottledError', … }
 * }
 * ```
 */
export function toReportError(error: unknown): ReportError {
  if (!isSsmInvocationsError(error)) {
    return { code: 'SERVICE_ERROR', name: 'SsmInvocationsError', message: 'Unexpected error' };
  }
  return {
    code: error.code,
    name: error.name,
    message: error.message,
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    ...(error.operation === undefined ? {} : { operation: error.operation }),
    ...(error.credentialFault === undefined ? {} : { credentialFault: error.credentialFault }),
  };
}

/**
 * What to say of a failed SSM call in a diagnosis note: for `ACCESS_DENIED` on a known operation,
 * the IAM action the caller needs — or, when AWS refused the credentials themselves
 * (`credentialFault`), that; otherwise the error's own message.
 *
 * @example
 * ```ts
 * failureNoteMessage({ code: 'ACCESS_DENIED', message: '…', operation: 'GetCommandInvocation' });
 * // 'GetCommandInvocation was refused: the caller needs ssm:GetCommandInvocation'
 * ```
 */
export function failureNoteMessage(error: {
  code: string;
  message: string;
  operation?: string;
  credentialFault?: CredentialFault;
}): string {
  if (error.code !== 'ACCESS_DENIED') return error.message;
  const fault = error.credentialFault;
  if (fault !== undefined) {
    const what = fault.setting === undefined ? fault.rule : `${fault.setting}: ${fault.rule}`;
    return `${error.operation ?? 'The call'} was refused: AWS did not accept the credentials (${what})`;
  }
  const iamAction = iamActionOf(error.operation);
  return iamAction !== undefined
    ? `${error.operation} was refused: the caller needs ${iamAction}`
    : error.message;
}
