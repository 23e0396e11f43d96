/**
 * The default transport: the AWS SDK's own `SSMClient` (signing, endpoints, credentials chain and
 * the SDK's standard retries), with SDK errors wrapped into core errors.
 */
import {
  DescribeMaintenanceWindowExecutionsCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  DescribeMaintenanceWindowsCommand,
  DescribeMaintenanceWindowTargetsCommand,
  GetMaintenanceWindowCommand,
  GetMaintenanceWindowExecutionCommand,
  GetMaintenanceWindowExecutionTaskCommand,
  GetMaintenanceWindowExecutionTaskInvocationCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { InvalidInputError, SsmInvocationsError } from '../model/errors';
import { SSM_OPERATIONS, type SsmOperation } from '../model/operations';
import { validateInteger } from '../model/validators';
import { abortableSleep, retryDelayMs, type RetryOptions } from './retry-policy';
import { errorFromFailure, type ServiceFailure } from './service-failure';
import type { SendOptions, SsmTransport } from './types';

type CommandName = (typeof SSM_OPERATIONS)[SsmOperation]['command'];

/** The SDK's command class of each `command` the operation table names. */
const COMMANDS = {
  DescribeMaintenanceWindowsCommand,
  GetMaintenanceWindowCommand,
  DescribeMaintenanceWindowExecutionsCommand,
  GetMaintenanceWindowExecutionCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  GetMaintenanceWindowExecutionTaskCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  GetMaintenanceWindowExecutionTaskInvocationCommand,
  DescribeMaintenanceWindowTargetsCommand,
} satisfies Record<CommandName, unknown>;

// The command classes share no usable common type; inputs were validated by the client, so the
// cast only tells the SDK's types so.
type AnyCommand = new (input: unknown) => Parameters<SSMClient['send']>[0];

function sendCommand(
  client: SSMClient,
  operation: SsmOperation,
  input: unknown,
  options: { abortSignal: AbortSignal } | undefined,
): Promise<object> {
  const Command = COMMANDS[SSM_OPERATIONS[operation].command] as unknown as AnyCommand;
  return client.send(new Command(input), options);
}

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { headers?: Record<string, string | undefined> };
  cause?: { code?: unknown };
}

function retryAfterMs(headers: Record<string, string | undefined> | undefined): number | undefined {
  const value = headers?.['x-amz-retry-after'] ?? undefined;
  if (value !== undefined && /^\d+$/.test(value)) return Number(value);
  const standard = headers?.['retry-after'];
  if (standard !== undefined && /^\d+(\.\d+)?$/.test(standard)) return Number(standard) * 1000;
  return undefined;
}

/**
 * Describes an SDK error for {@link errorFromFailure}: a modelled or unmodelled service exception
 * (it has `$fault`/`$metadata`), a network error (`code` such as ECONNRESET) or a deserialisation
 * failure (a bare TypeError from a malformed body).
 */
function failureFromSdkError(operation: string, error: unknown): ServiceFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const isServiceException = e.$fault !== undefined;
  const name = typeof e.name === 'string' ? e.name : undefined;
  const networkCode = [e.code, e.cause?.code].find((c): c is string => typeof c === 'string');
  let code: string | undefined;
  if (isServiceException) code = name;
  else if (networkCode !== undefined) code = networkCode;
  else if (name === 'TimeoutError') code = name;
  else code = 'MalformedResponse';
  const message = typeof e.message === 'string' && isServiceException ? e.message : undefined;
  return {
    operation,
    code,
    message:
      message ??
      (code === 'MalformedResponse' ? 'the response could not be parsed' : 'network error'),
    statusCode: e.$metadata?.httpStatusCode,
    requestId: e.$metadata?.requestId,
    retryAfterMs: retryAfterMs(e.$response?.headers),
    cause: error,
  };
}

/**
 * Wraps an `SSMClient` (from `@aws-sdk/client-ssm`) as a transport. Retries are the client's own
 * (`maxAttempts` of its config), except for malformed response bodies, which the SDK does not
 * retry: those are retried here under the same policy as the JSON transport (`retry.maxAttempts`,
 * default 3). Failures become core errors with the SDK error as `cause`; `$metadata` is stripped.
 *
 * @example
 * ```ts
 * import { SSMClient } from '@aws-sdk/client-ssm';
 * import { createInvocationsClient, sdkTransport } from '@ssm-invocations/core';
 * const client = createInvocationsClient({ transport: sdkTransport(new SSMClient({ region: 'eu-west-1' })) });
 * ```
 */
export function sdkTransport(client: SSMClient, retry: RetryOptions = {}): SsmTransport {
  if (typeof client !== 'object' || client === null || typeof client.send !== 'function') {
    throw new InvalidInputError('ssmClient', 'must be an SSMClient from @aws-sdk/client-ssm');
  }
  const maxAttempts = validateInteger(retry.maxAttempts, 'maxAttempts', 1) ?? 3;
  const sleep = retry.sleep ?? abortableSleep;
  return {
    async send(
      operation: SsmOperation,
      input: Record<string, unknown>,
      options: SendOptions = {},
    ): Promise<Record<string, unknown>> {
      const { signal } = options;
      for (let attempt = 1; ; attempt += 1) {
        if (signal?.aborted) throw signal.reason;
        try {
          // No options object without a signal: the SDK's plain path, as a raw send takes.
          const sdkOptions = signal === undefined ? undefined : { abortSignal: signal };
          const output = (await sendCommand(client, operation, input, sdkOptions)) as Record<
            string,
            unknown
          >;
          const { $metadata: _metadata, ...rest } = output;
          return rest;
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          if (error instanceof SsmInvocationsError) throw error;
          const failure = failureFromSdkError(operation, error);
          // Everything else was already retried by the SDK's own strategy.
          if (failure.code !== 'MalformedResponse' || attempt >= maxAttempts) {
            throw errorFromFailure(failure);
          }
          await sleep(retryDelayMs(attempt, failure, retry), signal);
        }
      }
    },
  };
}
