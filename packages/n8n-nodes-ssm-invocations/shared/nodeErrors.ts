import { isSsmInvocationsError } from '@ssm-invocations/core/json';
import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { SsmCredentialError } from './awsRequestSigning';
import { credentialFaultError } from './credentialProbe';

// Core names input fields after its own options; users know them by the node's parameter labels.
const PARAMETER_LABELS: Record<string, string> = {
  windowId: 'Window ID',
  // The trigger watches one window through core's `windowIds`.
  'windowIds[0]': 'Window ID',
  windowExecutionId: 'Window Execution ID',
  taskId: 'Task ID',
  invocationId: 'Invocation ID',
  statuses: 'Status',
  limit: 'Limit',
  executions: 'Executions',
  after: 'Executed After',
  before: 'Executed Before',
  name: 'Name',
  enabled: 'Enabled Only',
};

/**
 * A wrong credential field, wherever it surfaced: thrown by the credential itself, or wrapped by
 * n8n's request helper and then by the core's transport (as the cause of a cause).
 */
function findCredentialError(error: unknown): Error | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof SsmCredentialError || current.name === 'SsmCredentialError')
      return current;
    current = current.cause;
  }
  return undefined;
}

/**
 * Turns whatever a core call threw into the n8n error for item `itemIndex`: bad input (the
 * core's InvalidInputError, a credential field) becomes a NodeOperationError naming the parameter;
 * an AWS failure becomes a NodeApiError carrying AWS's message and request id.
 *
 * @example
 * ```ts
 * catch (error) { throw toNodeError(this.getNode(), error, i); }
 * ```
 */
export function toNodeError(
  node: INode,
  error: unknown,
  itemIndex: number,
): NodeApiError | NodeOperationError {
  const credentialError = findCredentialError(error);
  if (credentialError) {
    return new NodeOperationError(node, credentialError.message, {
      itemIndex,
      description: 'Fix the AWS SSM (Maintenance Windows) credential.',
    });
  }
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  // AWS refused the credential's keys (core's field says which): the same words as its test.
  if (isSsmInvocationsError(error) && error.credentialFault !== undefined) {
    const said = `AWS said: ${error.detail ?? error.message}`;
    return new NodeOperationError(node, credentialFaultError(error.credentialFault, said).message, {
      itemIndex,
      description: error.requestId
        ? `Fix the AWS SSM (Maintenance Windows) credential. AWS request id ${error.requestId}`
        : 'Fix the AWS SSM (Maintenance Windows) credential.',
    });
  }
  if (isSsmInvocationsError(error) && error.code === 'INVALID_INPUT') {
    // Core names the field and says what is wrong with it; n8n users know the field by its label.
    const field = (error.field ?? '').replace(/[[.].*$/, '');
    const label = PARAMETER_LABELS[field] ?? field;
    return new NodeOperationError(node, `${label}: ${error.reason ?? error.message}`, {
      itemIndex,
    });
  }
  if (isSsmInvocationsError(error)) {
    const details: JsonObject = { code: error.code, name: error.name, message: error.message };
    if (error.requestId) details.requestId = error.requestId;
    if (error.operation) details.operation = error.operation;
    return new NodeApiError(node, details, {
      itemIndex,
      message: error.message,
      description: error.requestId
        ? `AWS ${error.operation ?? 'SSM'} failed (${error.name}); AWS request id ${error.requestId}`
        : `AWS ${error.operation ?? 'SSM'} failed (${error.name})`,
      httpCode: error.statusCode ? String(error.statusCode) : undefined,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NodeApiError(node, { message } as JsonObject, { itemIndex, message });
}
