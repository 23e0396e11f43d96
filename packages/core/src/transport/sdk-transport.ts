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
  ListTagsForResourceCommand,
  GetAutomationExecutionCommand,
  GetCommandInvocationCommand,
  ListCommandInvocationsCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { InvalidInputError, SsmInvocationsError } from '../model/errors';
import { SSM_OPERATIONS, type SsmOperation } from '../model/operations';
import { redactSecrets } from '../model/redact';
import type { RetryOptions } from './retry-policy';
import { abortableSleep, checkRetryOptions, isRetryable, retryDelayMs } from './retry-policy';
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
  ListTagsForResourceCommand,
  ListCommandInvocationsCommand,
  GetCommandInvocationCommand,
  GetAutomationExecutionCommand,
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

const MISSING_CREDENTIALS =
  'no AWS credentials were found: set AWS_PROFILE to a configured profile, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass credentials';
const MISSING_REGION = 'no AWS region is configured: set AWS_REGION or pass a region';

/** True when the client cannot resolve its region (the SDK then fails before sending). */
async function regionMissing(client: SSMClient): Promise<boolean> {
  const provider: unknown = (client as { config?: { region?: unknown } }).config?.region;
  if (typeof provider !== 'function') return false;
  try {
    const region: unknown = await (provider as () => Promise<unknown>)();
    return typeof region !== 'string' || region === '';
  } catch {
    return true;
  }
}

/**
 * The credential values the client signed with, for redacting them from a server's answer. Only
 * asked for when the answer visibly quotes signing material: the request was then signed, so the
 * SDK's memoized provider answers without fetching anything.
 */
async function signingSecrets(client: SSMClient): Promise<string[]> {
  const provider: unknown = (client as { config?: { credentials?: unknown } }).config?.credentials;
  if (typeof provider !== 'function') return [];
  try {
    const identity = (await (provider as () => Promise<unknown>)()) as Record<string, unknown>;
    return [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken].filter(
      (value): value is string => typeof value === 'string',
    );
  } catch {
    return [];
  }
}

/**
 * Describes an SDK error for {@link errorFromFailure}: a modelled or unmodelled service exception
 * (it has `$fault`/`$metadata`), missing credentials or region (thrown before sending), a timeout
 * or network error (`code` such as ECONNRESET), an error status whose body is not AWS JSON (a
 * proxy's HTML page), or a deserialisation failure (a bare TypeError from a malformed body).
 */
async function failureFromSdkError(
  client: SSMClient,
  operation: string,
  error: unknown,
  secrets: readonly string[],
): Promise<ServiceFailure> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const isServiceException = e.$fault !== undefined;
  const name = typeof e.name === 'string' ? e.name : undefined;
  const statusCode = e.$metadata?.httpStatusCode;
  const networkCode = [e.code, e.cause?.code].find((c): c is string => typeof c === 'string');
  const base = { operation, statusCode, requestId: e.$metadata?.requestId, cause: error, secrets };
  // A timeout, also one that struck while the body streamed (then the status is known).
  if (!isServiceException && name === 'TimeoutError') {
    // "@smithy/node-http-handler - [ERROR] a request has exceeded …": keep what happened.
    const said =
      typeof e.message === 'string'
        ? `: ${e.message.replace(/^@smithy\/[\w-]+ - (\[\w+\] )?/, '')}`
        : '';
    return {
      ...base,
      statusCode: undefined,
      code: 'TimeoutError',
      message: `no answer in time${said}`,
    };
  }
  if (!isServiceException && statusCode === undefined) {
    if (name === 'CredentialsProviderError') {
      const said = typeof e.message === 'string' ? ` (${e.message})` : '';
      return { ...base, missing: 'credentials', message: `${MISSING_CREDENTIALS}${said}` };
    }
    if (networkCode === undefined && (await regionMissing(client))) {
      return { ...base, missing: 'region', message: MISSING_REGION };
    }
  }
  let code: string | undefined;
  if (isServiceException) code = name;
  else if (networkCode !== undefined) code = networkCode;
  // An error status with a body the SDK could not read: judged by its status alone.
  else if (statusCode !== undefined && statusCode >= 300) code = undefined;
  else code = 'MalformedResponse';
  const serverText = typeof e.message === 'string' && isServiceException ? e.message : undefined;
  const quotesSigning = serverText !== undefined && redactSecrets(serverText) !== serverText;
  return {
    ...base,
    code,
    message:
      serverText ??
      (code === 'MalformedResponse'
        ? 'the response could not be parsed'
        : code === undefined
          ? 'the response is not an AWS error document'
          : 'network error'),
    retryAfterMs: retryAfterMs(e.$response?.headers),
    secrets: quotesSigning ? [...secrets, ...(await signingSecrets(client))] : secrets,
  };
}

/**
 * Whether this transport retries a failure itself: the SDK already retried everything it knows
 * as transient, but not malformed bodies nor error statuses whose body it could not read.
 */
function retriedHere(failure: ServiceFailure, error: unknown): boolean {
  const isServiceException = (error as SdkErrorShape | undefined)?.$fault !== undefined;
  if (isServiceException || failure.missing !== undefined) return false;
  if (failure.code === 'MalformedResponse') return true;
  return failure.code === undefined && failure.statusCode !== undefined && isRetryable(failure);
}

/**
 * Options of {@link sdkTransport}: the retry policy for what the SDK does not retry, and secret
 * values to redact from error messages.
 *
 * @example
 * ```ts
 * const options: SdkTransportOptions = { maxAttempts: 3, secrets: [credentials.sessionToken] };
 * ```
 */
export interface SdkTransportOptions extends RetryOptions {
  /** Exact values never to show in an error (e.g. the static credentials of the client). */
  secrets?: readonly (string | undefined)[];
}

/**
 * Wraps an `SSMClient` (from `@aws-sdk/client-ssm`) as a transport. Retries are the client's own
 * (`maxAttempts` of its config), except for malformed response bodies and unreadable 5xx bodies,
 * which the SDK does not retry: those are retried here under the same policy as the JSON transport
 * (`retry.maxAttempts`, default 3). Failures become core errors with the SDK error as `cause`;
 * `$metadata` is stripped. Missing credentials or region become a `CredentialsError` (never
 * retried); timeouts (the client's `requestHandler` settings) a `TimeoutError`.
 *
 * @example
 * ```ts
 * import { SSMClient } from '@aws-sdk/client-ssm';
 * import { createInvocationsClient, sdkTransport } from '@ssm-invocations/core';
 * const client = createInvocationsClient({ transport: sdkTransport(new SSMClient({ region: 'eu-west-1' })) });
 * ```
 */
export function sdkTransport(client: SSMClient, retry: SdkTransportOptions = {}): SsmTransport {
  if (typeof client !== 'object' || client === null || typeof client.send !== 'function') {
    throw new InvalidInputError('ssmClient', 'must be an SSMClient from @aws-sdk/client-ssm');
  }
  const maxAttempts = checkRetryOptions(retry);
  const sleep = retry.sleep ?? abortableSleep;
  const secrets = (retry.secrets ?? []).filter((v): v is string => typeof v === 'string');
  return {
    sleep,
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
          const failure = await failureFromSdkError(client, operation, error, secrets);
          if (!retriedHere(failure, error) || attempt >= maxAttempts) {
            throw errorFromFailure(failure);
          }
          await sleep(retryDelayMs(attempt, failure, retry), signal);
        }
      }
    },
  };
}
