import { isSsmInvocationsError } from './errors';
import type { ReportError } from './report';

/**
 * The {@link ReportError} kept in a report (or an HTTP body) for an error: a core error's code,
 * name, message and request id. Anything else becomes a `SERVICE_ERROR` saying only that something
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
  };
}
