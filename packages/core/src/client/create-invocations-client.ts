/**
 * `createInvocationsClient`: the SDK-backed way to build a client (the root entry only; the
 * SDK-free entries offer `createInvocationsClientWithTransport`).
 */
import { SSMClient, type SSMClientConfig } from '@aws-sdk/client-ssm';
import { InvalidInputError } from '../model/errors';
import { validateInteger } from '../model/validators';
import { sdkTransport } from '../transport/sdk-transport';
import { MAX_ATTEMPTS_LIMIT } from '../transport/retry-policy';
import { resolveTimeouts, type TimeoutOptions } from '../transport/timeouts';
import type { SsmTransport } from '../transport/types';
import {
  assembleClient,
  createInvocationsClientWithTransport,
  type ClientBehaviourOptions,
  type InvocationsClient,
} from './invocations-client';

/**
 * Connection settings for the SSMClient the core creates for you.
 *
 * @example
 * ```ts
 * const options: ConnectionOptions = { region: 'eu-west-1', maxAttempts: 5, requestTimeoutMs: 10_000 };
 * ```
 */
export interface ConnectionOptions extends TimeoutOptions {
  /** AWS region, e.g. `eu-west-1` (default: the SDK's region chain). */
  region?: string;
  /** Endpoint URL, e.g. the emulator's `http://127.0.0.1:4566` (default: the AWS endpoint). */
  endpoint?: string;
  /** Credentials or a credential provider (default: the SDK's credential chain). */
  credentials?: SSMClientConfig['credentials'];
  /** Total attempts per request including retries (default 3, the SDK's standard mode). */
  maxAttempts?: number;
  ssmClient?: never;
  transport?: never;
}

/**
 * Bring your own `SSMClient` (its region, credentials and retries are used as configured).
 *
 * @example
 * ```ts
 * const options: SsmClientOptions = { ssmClient: new SSMClient({ region: 'us-east-1' }) };
 * ```
 */
export interface SsmClientOptions {
  ssmClient: SSMClient;
  region?: never;
  endpoint?: never;
  credentials?: never;
  maxAttempts?: never;
  connectTimeoutMs?: never;
  requestTimeoutMs?: never;
  transport?: never;
}

/**
 * Bring your own transport (e.g. `jsonTransport(request)`).
 *
 * @example
 * ```ts
 * const options: TransportOptions = { transport: jsonTransport(request) };
 * ```
 */
export interface TransportOptions {
  transport: SsmTransport;
  region?: never;
  endpoint?: never;
  credentials?: never;
  maxAttempts?: never;
  connectTimeoutMs?: never;
  requestTimeoutMs?: never;
  ssmClient?: never;
}

/**
 * Options of {@link createInvocationsClient}: connection settings **or** your own `ssmClient`
 * **or** a `transport` — never two — plus the behaviour options.
 *
 * @example
 * ```ts
 * const options: InvocationsClientOptions = { region: 'eu-west-1', maxConcurrency: 8 };
 * ```
 */
export type InvocationsClientOptions = ClientBehaviourOptions &
  (ConnectionOptions | SsmClientOptions | TransportOptions);

const CONNECTION_KEYS = [
  'region',
  'endpoint',
  'credentials',
  'maxAttempts',
  'connectTimeoutMs',
  'requestTimeoutMs',
] as const;
const KNOWN_KEYS = new Set<string>([
  ...CONNECTION_KEYS,
  'ssmClient',
  'transport',
  'maxConcurrency',
  'requestsPerSecond',
  'maxPages',
  'consoleRegion',
]);

/** The SDK client's configured region (a provider in its resolved config), if any. */
async function sdkClientRegion(client: SSMClient): Promise<string | undefined> {
  const provider: unknown = (client as { config?: { region?: unknown } }).config?.region;
  const region: unknown =
    typeof provider === 'function' ? await (provider as () => Promise<unknown>)() : provider;
  return typeof region === 'string' && region !== '' ? region : undefined;
}

function buildSsmClient(options: ConnectionOptions): SSMClient {
  const { region, endpoint, credentials, maxAttempts } = options;
  if (region !== undefined && (typeof region !== 'string' || !/^[a-z0-9-]{1,64}$/.test(region))) {
    throw new InvalidInputError('region', 'must be an AWS region such as us-east-1');
  }
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = typeof endpoint === 'string' ? new URL(endpoint) : undefined;
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new InvalidInputError('endpoint', 'must be an http(s) URL');
    }
  }
  if (
    credentials !== undefined &&
    typeof credentials !== 'function' &&
    (typeof credentials !== 'object' ||
      credentials === null ||
      typeof credentials.accessKeyId !== 'string' ||
      typeof credentials.secretAccessKey !== 'string')
  ) {
    // Never echo the value: it may hold a secret.
    throw new InvalidInputError(
      'credentials',
      'must be { accessKeyId, secretAccessKey, sessionToken? } or a credential provider function',
    );
  }
  validateInteger(maxAttempts, 'maxAttempts', 1, MAX_ATTEMPTS_LIMIT);
  const { connectTimeoutMs, requestTimeoutMs } = resolveTimeouts(options);
  return new SSMClient({
    ...(region === undefined ? {} : { region }),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(credentials === undefined ? {} : { credentials }),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
    // The SDK waits forever by default. requestTimeout bounds each attempt until the response
    // headers; socketTimeout bounds silence while the body streams.
    requestHandler: {
      connectionTimeout: connectTimeoutMs,
      requestTimeout: requestTimeoutMs,
      socketTimeout: requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  });
}

/**
 * Creates a client backed by the AWS SDK (`@aws-sdk/client-ssm`), or by your own `SSMClient` or
 * transport. Validates options (an {@link InvalidInputError} names the field) before anything is
 * sent.
 *
 * @example
 * ```ts
 * import { createInvocationsClient } from '@ssm-invocations/core';
 *
 * const client = createInvocationsClient({ region: 'eu-west-1' });
 * const report = await client.getWindowReport({ windowId: 'mw-0123456789abcdef0', executions: 3 });
 * for (const execution of report.executions) {
 *   console.log(execution.execution.WindowExecutionId, execution.summary.failed, 'failed');
 * }
 * ```
 */
export function createInvocationsClient(options: InvocationsClientOptions = {}): InvocationsClient {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidInputError('options', 'must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_KEYS.has(key)) throw new InvalidInputError(key, 'is not a known client option');
  }
  const given = options as Record<string, unknown>;
  const usesConnection = CONNECTION_KEYS.filter((key) => given[key] !== undefined);
  const hasClient = given.ssmClient !== undefined;
  const hasTransport = given.transport !== undefined;
  if (hasClient && hasTransport) {
    throw new InvalidInputError('transport', 'cannot be combined with ssmClient: pass one of them');
  }
  if ((hasClient || hasTransport) && usesConnection.length > 0) {
    throw new InvalidInputError(
      usesConnection[0] ?? 'options',
      `cannot be combined with ${hasClient ? 'ssmClient' : 'transport'}: configure that instead`,
    );
  }
  const { maxConcurrency, requestsPerSecond, maxPages, consoleRegion } = options;
  const behaviour = { maxConcurrency, requestsPerSecond, maxPages, consoleRegion };
  if (hasTransport) {
    return createInvocationsClientWithTransport(given.transport as SsmTransport, behaviour);
  }
  const ssmClient = hasClient
    ? (given.ssmClient as SSMClient)
    : buildSsmClient(options as ConnectionOptions);
  const connection = hasClient ? {} : (options as ConnectionOptions);
  const { credentials } = connection;
  // Static credentials are known values to redact from every error message.
  const secrets =
    typeof credentials === 'object' && credentials !== null
      ? [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken]
      : [];
  return assembleClient(
    sdkTransport(ssmClient, { maxAttempts: connection.maxAttempts, secrets }),
    behaviour,
    () => sdkClientRegion(ssmClient),
  );
}
