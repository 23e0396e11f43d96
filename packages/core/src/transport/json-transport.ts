/**
 * An SSM transport that speaks AWS JSON 1.1 itself over a caller-supplied `request` function
 * (which adds the endpoint and the SigV4 signature). For hosts that cannot bundle the AWS SDK,
 * such as the n8n node. SDK-free.
 */
import { SSM_TARGET_PREFIX, type SsmOperation } from '../model/constants';
import { InvalidInputError } from '../model/errors';
import {
  abortableSleep,
  checkRetryOptions,
  isRetryable,
  retryDelayMs,
  type RetryOptions,
} from './retry-policy';
import { revive, serialize } from './json-codec';
import { errorFromFailure, type ServiceFailure } from './service-failure';
import { globalTimer, resolveTimeouts, type RequestTimer, type TimeoutOptions } from './timeouts';
import type { SendOptions, SsmTransport } from './types';

/**
 * Response headers: a plain object (any key case) or a fetch `Headers`.
 *
 * @example
 * ```ts
 * const headers: JsonResponseHeaders = { 'x-amzn-requestid': 'req-1' };
 * ```
 */
export type JsonResponseHeaders =
  Record<string, string | string[] | undefined> | { get(name: string): string | null };

/**
 * What the JSON transport asks the caller's `request` function to send: a POST of `body` with
 * headers `X-Amz-Target: target` and `Content-Type: application/x-amz-json-1.1`.
 *
 * @example
 * ```ts
 * const req: JsonRequest = { target: 'AmazonSSM.GetMaintenanceWindow', body: '{"WindowId":"mw-…"}' };
 * ```
 */
export interface JsonRequest {
  /** The `X-Amz-Target` header value, e.g. `AmazonSSM.DescribeMaintenanceWindows`. */
  target: string;
  /** The JSON request body. */
  body: string;
  /**
   * Aborted when the caller cancels or the attempt exceeds `requestTimeoutMs`; pass it on to the
   * HTTP call so the socket is released. (The transport stops waiting either way.)
   */
  signal?: AbortSignal;
  /** The transport's connection timeout, for HTTP clients that can apply it to the socket. */
  connectTimeoutMs?: number;
  /** The transport's per-attempt timeout (enforced by the transport through `signal`). */
  requestTimeoutMs?: number;
}

/**
 * The raw HTTP response handed back by the caller's `request` function.
 *
 * @example
 * ```ts
 * const res: JsonResponse = { status: 200, headers: {}, body: '{}' };
 * ```
 */
export interface JsonResponse {
  status: number;
  headers: JsonResponseHeaders;
  body: string;
}

/**
 * Sends one signed AWS JSON 1.1 request; network failures should reject (their `code`, e.g.
 * `ECONNRESET`, decides whether to retry).
 *
 * @example
 * ```ts
 * const request: JsonRequestFunction = async ({ target, body, signal }) => {
 *   const res = await fetch(endpoint, {
 *     method: 'POST',
 *     headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
 *     body,
 *     signal,
 *   });
 *   return { status: res.status, headers: res.headers, body: await res.text() };
 * };
 * ```
 */
export type JsonRequestFunction = (request: JsonRequest) => Promise<JsonResponse>;

/**
 * Options of {@link jsonTransport}: the retry policy (defaults match the SDK's standard mode),
 * the timeouts (3 s connect, 20 s per attempt), how to wait, and the secret values never to show
 * in an error.
 *
 * @example
 * ```ts
 * const options: JsonTransportOptions = { maxAttempts: 5, requestTimeoutMs: 10_000, secrets: [sessionToken] };
 * ```
 */
export interface JsonTransportOptions extends RetryOptions, TimeoutOptions {
  /**
   * Exact values to redact from every error message, e.g. the credentials the request function
   * signs with (token-, key- and signature-shaped text is redacted regardless).
   */
  secrets?: readonly (string | undefined)[];
  /** Abandons an attempt after `requestTimeoutMs` (default: the runtime's `setTimeout`). */
  requestTimer?: RequestTimer;
}

/**
 * Options of {@link jsonTransportWithoutTimers}: `sleep` is required, and without a
 * `requestTimer` the per-attempt timeout is left to the request function (it receives
 * `requestTimeoutMs`).
 *
 * @example
 * ```ts
 * const options: TimerFreeJsonTransportOptions = { sleep: hostSleep, requestTimeoutMs: 10_000 };
 * ```
 */
export interface TimerFreeJsonTransportOptions extends JsonTransportOptions {
  sleep: NonNullable<RetryOptions['sleep']>;
}

/**
 * The content type of AWS JSON 1.1; callers' request functions send it.
 *
 * @example
 * ```ts
 * headers['content-type'] = AWS_JSON_CONTENT_TYPE; // 'application/x-amz-json-1.1'
 * ```
 */
export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

function header(headers: JsonResponseHeaders, name: string): string | undefined {
  if (typeof headers.get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== lower) continue;
    if (Array.isArray(value)) return value.map(String).join(', ');
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function parseJsonObject(body: string): Record<string, unknown> | undefined {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** AWS JSON error type: keep the text after the first `#` and before the first `:`. */
function errorType(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  const afterHash = raw.includes('#') ? raw.slice(raw.indexOf('#') + 1) : raw;
  const type = afterHash.split(':')[0]?.trim();
  return type === '' ? undefined : type;
}

function retryAfterMs(headers: JsonResponseHeaders): number | undefined {
  const amz = header(headers, 'x-amz-retry-after');
  if (amz !== undefined && /^\d+$/.test(amz.trim())) return Number(amz);
  const standard = header(headers, 'retry-after');
  if (standard === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(standard.trim())) return Number(standard) * 1000;
  const at = Date.parse(standard);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * What an AWS JSON 1.1 error response says, read the way the SDK reads it: the error type from
 * `__type`, then `code`, then the `x-amzn-errortype` header (keeping the text after `#` and
 * before `:`); the message from `message` or `Message`; the request id; the retry-after hint.
 *
 * @example
 * ```ts
 * parseAwsJsonError({ status: 400, headers: {}, body: '{"__type":"com.amazonaws.ssm#DoesNotExistException","message":"gone"}' });
 * // { code: 'DoesNotExistException', message: 'gone' }
 * ```
 */
export function parseAwsJsonError(response: JsonResponse): AwsJsonError {
  const body = parseJsonObject(response.body) ?? {};
  const code =
    errorType(body.__type) ??
    errorType(body.code) ??
    errorType(header(response.headers, 'x-amzn-errortype'));
  const rawMessage = body.message ?? body.Message;
  const requestId = header(response.headers, 'x-amzn-requestid');
  const hint = retryAfterMs(response.headers);
  return {
    ...(code === undefined ? {} : { code }),
    ...(typeof rawMessage === 'string' ? { message: rawMessage } : {}),
    ...(requestId === undefined ? {} : { requestId }),
    ...(hint === undefined ? {} : { retryAfterMs: hint }),
  };
}

/**
 * The parts of an AWS JSON 1.1 error response (see {@link parseAwsJsonError}).
 *
 * @example
 * ```ts
 * const { code }: AwsJsonError = parseAwsJsonError(response);
 * if (code === 'ExpiredTokenException') refreshCredentials();
 * ```
 */
export interface AwsJsonError {
  code?: string;
  message?: string;
  requestId?: string;
  retryAfterMs?: number;
}

function failureFromResponse(operation: string, response: JsonResponse): ServiceFailure {
  return { operation, statusCode: response.status, ...parseAwsJsonError(response) };
}

/** Rejects with the signal's reason once it aborts (for racing a request that ignores it). */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function networkFailure(operation: string, error: unknown): ServiceFailure {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    name?: unknown;
    cause?: { code?: unknown };
  };
  // fetch wraps socket errors: the code sits on `cause` ("fetch failed" → ECONNRESET).
  const code = [fields.code, fields.cause?.code, fields.name].find(
    (c): c is string => typeof c === 'string' && c !== 'Error' && c !== 'TypeError',
  );
  return { operation, code: code ?? 'NetworkError', message: 'network error', cause: error };
}

/**
 * Creates a transport that speaks AWS JSON 1.1 through `request`, with the SDK's standard retry
 * policy: up to 3 attempts; throttling, HTTP 429/500/502/503/504, timeouts, network errors and
 * malformed bodies retried with full-jitter exponential backoff (base 50 ms, 1000 ms for
 * throttling, cap 20 s), honouring `Retry-After`/`x-amz-retry-after`; abortable by signal. Each
 * attempt is abandoned after `requestTimeoutMs` (default 20 s); when every attempt timed out the
 * call rejects with a `TimeoutError`. Error messages are redacted (see `redactSecrets`).
 *
 * @example
 * ```ts
 * import { createInvocationsClientWithTransport, jsonTransport } from '@ssm-invocations/core/json';
 * const client = createInvocationsClientWithTransport(jsonTransport(signedFetchRequest));
 * const windows = await client.listWindows();
 * ```
 */
export function jsonTransport(
  request: JsonRequestFunction,
  options: JsonTransportOptions = {},
): SsmTransport {
  return jsonTransportWithoutTimers(request, {
    ...options,
    sleep: options.sleep ?? abortableSleep,
    requestTimer: options.requestTimer ?? globalTimer,
  });
}

/**
 * {@link jsonTransport} for hosts that forbid timer globals, such as n8n community nodes: it
 * waits only through `options.sleep` and times attempts out only through `options.requestTimer`
 * (without one, the request function must apply `requestTimeoutMs` itself). Bundlers leave the
 * runtime's timers out of a build that uses only this function.
 *
 * @example
 * ```ts
 * import { sleep } from 'n8n-workflow';
 * const transport = jsonTransportWithoutTimers(n8nRequest, { sleep: (ms) => sleep(ms) });
 * ```
 */
export function jsonTransportWithoutTimers(
  request: JsonRequestFunction,
  options: TimerFreeJsonTransportOptions,
): SsmTransport {
  if (typeof request !== 'function') {
    throw new InvalidInputError(
      'request',
      'must be a function ({ target, body, signal }) => response',
    );
  }
  const maxAttempts = checkRetryOptions(options);
  const { connectTimeoutMs, requestTimeoutMs } = resolveTimeouts(options);
  const { sleep, requestTimer } = options;
  const secrets = options.secrets ?? [];

  /** One request, abandoned when the caller aborts or it outlasts `requestTimeoutMs`. */
  async function requestWithin(
    operation: SsmOperation,
    outgoing: JsonRequest,
    signal: AbortSignal | undefined,
  ): Promise<JsonResponse | { failure: ServiceFailure }> {
    const attemptController = new AbortController();
    const timedOut = new Error(`no answer within ${requestTimeoutMs} ms`);
    const cancelTimer = requestTimer?.(requestTimeoutMs, () => attemptController.abort(timedOut));
    const onAbort = (): void => attemptController.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await Promise.race([
        request({
          ...outgoing,
          signal: attemptController.signal,
          connectTimeoutMs,
          requestTimeoutMs,
        }),
        whenAborted(attemptController.signal),
      ]);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (attemptController.signal.reason === timedOut) {
        return { failure: { operation, code: 'TimeoutError', message: timedOut.message } };
      }
      return { failure: networkFailure(operation, error) };
    } finally {
      cancelTimer?.();
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function attempt(
    operation: SsmOperation,
    target: string,
    body: string,
    signal: AbortSignal | undefined,
  ): Promise<{ output: Record<string, unknown> } | { failure: ServiceFailure }> {
    const response = await requestWithin(operation, { target, body }, signal);
    if ('failure' in response) return response;
    if (response.status < 200 || response.status >= 300) {
      return { failure: failureFromResponse(operation, response) };
    }
    const parsed = parseJsonObject(response.body);
    const requestId = header(response.headers, 'x-amzn-requestid');
    const malformed = (cause?: unknown): { failure: ServiceFailure } => ({
      failure: {
        operation,
        code: 'MalformedResponse',
        message: 'the response body is not a valid AWS JSON 1.1 document',
        statusCode: response.status,
        requestId,
        cause,
      },
    });
    if (parsed === undefined) return malformed();
    try {
      return { output: revive(parsed) as Record<string, unknown> };
    } catch (error) {
      return malformed(error);
    }
  }

  return {
    sleep,
    async send(
      operation: SsmOperation,
      input: Record<string, unknown>,
      sendOptions: SendOptions = {},
    ) {
      const { signal } = sendOptions;
      const target = `${SSM_TARGET_PREFIX}.${operation}`;
      const body = serialize(input);
      for (let n = 1; ; n += 1) {
        if (signal?.aborted) throw signal.reason;
        const result = await attempt(operation, target, body, signal);
        if ('output' in result) return result.output;
        const { failure } = result;
        if (n >= maxAttempts || !isRetryable(failure)) {
          throw errorFromFailure({ ...failure, secrets });
        }
        await sleep(retryDelayMs(n, failure, options), signal);
      }
    },
  };
}
