import { SSMClient, type SSMClientConfig } from '@aws-sdk/client-ssm';
import { DEFAULT_TIMEOUTS } from '@ssm-invocations/core';
import type { SsmInvocationsMetrics, SsmOutcome } from './SsmInvocationsMetrics';

/** Where and how to reach SSM for one account and region. */
export interface SsmClientSettings {
  region: string;
  credentials: SSMClientConfig['credentials'];
  endpoint?: string;
  maxAttempts?: number;
  requestTimeoutMs: number;
}

interface SdkErrorShape {
  name?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);

/** How a failed attempt ended, read from the SDK error's fields. */
function outcomeOf(error: unknown): SsmOutcome {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const status = e.$metadata?.httpStatusCode;
  if (
    e.$retryable?.throttling === true ||
    (typeof e.name === 'string' && THROTTLING.has(e.name)) ||
    status === 429
  ) {
    return 'throttled';
  }
  if (e.$fault === 'client' || (status !== undefined && status >= 400 && status < 500)) {
    return 'client_error';
  }
  if (e.$fault === 'server' || (status !== undefined && status >= 500)) return 'server_error';
  return 'network_error';
}

/**
 * An `SSMClient` that counts every HTTP attempt (retries included) by operation and outcome. The
 * middleware sits in the deserialize step, inside the SDK's retry loop, so a throttled attempt
 * that is retried counts once as `throttled` and once more for the retry.
 *
 * @example
 * ```ts
 * const ssm = meteredSsmClient({ region, credentials, requestTimeoutMs: 30_000 }, metrics);
 * createInvocationsClient({ ssmClient: ssm });
 * ```
 */
export function meteredSsmClient(
  settings: SsmClientSettings,
  metrics: SsmInvocationsMetrics,
): SSMClient {
  const { region, credentials, endpoint, maxAttempts, requestTimeoutMs } = settings;
  const perAttemptMs = Math.min(requestTimeoutMs, DEFAULT_TIMEOUTS.requestTimeoutMs);
  const client = new SSMClient({
    region,
    credentials,
    ...(endpoint ? { endpoint } : {}),
    ...(maxAttempts ? { maxAttempts } : {}),
    // As core sets them for the clients it builds: the SDK alone would wait forever.
    requestHandler: {
      connectionTimeout: DEFAULT_TIMEOUTS.connectTimeoutMs,
      requestTimeout: perAttemptMs,
      socketTimeout: perAttemptMs,
      throwOnRequestTimeout: true,
    },
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      try {
        const result = await next(args);
        metrics.ssmRequest(operation, 'success');
        return result;
      } catch (error) {
        metrics.ssmRequest(operation, outcomeOf(error));
        throw error;
      }
    },
    { step: 'deserialize', priority: 'high', name: 'ssmInvocationsMetrics' },
  );
  return client;
}
