import {
  sleep,
  type ICredentialDataDecryptedObject,
  type IExecuteFunctions,
  type IHttpRequestOptions,
  type IPollFunctions,
  type IWebhookFunctions,
} from 'n8n-workflow';
import {
  AWS_JSON_CONTENT_TYPE,
  createInvocationsClientWithTransport,
  jsonTransportWithoutTimers,
  type InvocationsClient,
  type JsonRequestFunction,
} from '@ssm-invocations/core/json';
import { readSsmConnection } from './awsRequestSigning';
import { ensureTemporaryCredentials } from './temporaryCredentials';

/** The credential type both nodes use (defined in this package; n8n forbids reusing others'). */
export const SSM_CREDENTIAL_TYPE = 'awsSsmMaintenanceWindowsApi';

type RequestingContext = IExecuteFunctions | IPollFunctions | IWebhookFunctions;

interface FullResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * The core's AWS JSON 1.1 transport over n8n's own HTTP helper: the credential's
 * `authenticate()` adds the endpoint and the SigV4 signature (an assumed role's temporary keys
 * are obtained here first, since `authenticate()` cannot make requests), and every status comes
 * back to the core (which maps AWS errors and retries throttling) instead of being thrown by n8n.
 */
function n8nRequest(context: RequestingContext): JsonRequestFunction {
  let credentials: Promise<ICredentialDataDecryptedObject> | undefined;
  return async ({ target, body, signal, requestTimeoutMs }) => {
    // With a role, `authenticate()` signs with its cached temporary keys: renew them first (a
    // no-op while they are fresh, and without a role). The STS call may be shared with other
    // requests of this run: it gets the same timeout, and this request's signal ends only its
    // own wait, never the others'.
    credentials ??= context.getCredentials<ICredentialDataDecryptedObject>(SSM_CREDENTIAL_TYPE);
    await ensureTemporaryCredentials(
      async (options) => context.helpers.httpRequest({ ...options, timeout: requestTimeoutMs }),
      readSsmConnection(await credentials),
      Date.now(),
      signal,
    );
    const options: IHttpRequestOptions = {
      method: 'POST',
      url: '/',
      headers: { 'Content-Type': AWS_JSON_CONTENT_TYPE, 'X-Amz-Target': target },
      body,
      json: false,
      encoding: 'text',
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
      abortSignal: signal,
      // n8n offers no timer to community nodes: its HTTP client enforces the per-attempt timeout.
      timeout: requestTimeoutMs,
    };
    const response = (await context.helpers.httpRequestWithAuthentication.call(
      context,
      SSM_CREDENTIAL_TYPE,
      options,
    )) as FullResponse;
    const text =
      typeof response.body === 'string'
        ? response.body
        : Buffer.isBuffer(response.body)
          ? response.body.toString('utf8')
          : JSON.stringify(response.body ?? {});
    return { status: response.statusCode, headers: response.headers ?? {}, body: text };
  };
}

/**
 * An invocations client for one node run, talking to SSM through the node's credential.
 *
 * @example
 * ```ts
 * const client = createSsmClient(this);
 * const windows = await client.listWindows({ limit: 10 });
 * ```
 */
export function createSsmClient(context: RequestingContext): InvocationsClient {
  return createInvocationsClientWithTransport(
    jsonTransportWithoutTimers(n8nRequest(context), {
      // n8n's sleep between retries: community nodes may not use timer globals, and this build
      // of the core contains none.
      sleep: async (ms, signal) => {
        await sleep(ms);
        signal?.throwIfAborted();
      },
    }),
  );
}
