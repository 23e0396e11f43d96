/**
 * Minimal stand-ins for n8n's IExecuteFunctions / IPollFunctions: parameters per item, and an
 * HTTP helper that applies the credential's real `authenticate()` to every request and sends it
 * to an `@ssm-invocations/emulator` on 127.0.0.1, which verifies the SigV4 signature.
 */
import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type Fixture,
} from '@ssm-invocations/emulator';
import type {
  ICredentialDataDecryptedObject,
  IDataObject,
  IExecuteFunctions,
  IHttpRequestOptions,
  INode,
  IPollFunctions,
  IWebhookFunctions,
} from 'n8n-workflow';
import { AwsSsmMaintenanceWindowsApi } from '../credentials/AwsSsmMaintenanceWindowsApi.credentials';

export const TEST_CREDENTIALS: ICredentialDataDecryptedObject = {
  region: 'eu-west-1',
  accessKeyId: 'AKIDUNITTEST',
  secretAccessKey: 'unit-test-secret-do-not-print',
  sessionToken: '',
  endpoint: '',
};

const NODE: INode = {
  id: 'node-1',
  name: 'AWS SSM Maintenance Window',
  type: 'n8n-nodes-ssm-invocations.awsSsmMaintenanceWindow',
  typeVersion: 1,
  position: [0, 0],
  parameters: {},
};

function lookup(parameters: IDataObject, path: string): unknown {
  let value: unknown = parameters;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as IDataObject)[key];
  }
  return value;
}

/**
 * Starts an emulator serving `fixture` (or started with `options`) that accepts only requests
 * signed with {@link TEST_CREDENTIALS} for their region.
 */
export function startSsmEmulator(
  source: Fixture | { options: Omit<EmulatorOptions, 'sigv4'> },
): Promise<Emulator> {
  return startEmulator({
    port: 0,
    ...('options' in source ? source.options : { fixture: source }),
    sigv4: {
      credentials: [
        {
          accessKeyId: String(TEST_CREDENTIALS.accessKeyId),
          secretAccessKey: String(TEST_CREDENTIALS.secretAccessKey),
        },
      ],
      region: String(TEST_CREDENTIALS.region),
    },
  });
}

/** One SSM call as sent: the operation and its JSON input. */
export interface SentCall {
  operation: string;
  input: IDataObject;
}

/** The SSM calls among signed requests, in order. */
export function sentCalls(requests: IHttpRequestOptions[]): SentCall[] {
  return requests.map((request) => ({
    operation: String((request.headers as IDataObject)['x-amz-target']).replace(/^AmazonSSM\./, ''),
    input: JSON.parse(String(request.body)) as IDataObject,
  }));
}

/** A response as the node's request helper returns it. */
export interface RawResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a signed request as it is (n8n's helper does this with axios). */
async function send(signed: IHttpRequestOptions): Promise<RawResponse> {
  const response = await fetch(signed.url, {
    method: signed.method,
    headers: signed.headers as Record<string, string>,
    body: String(signed.body),
    signal: signed.abortSignal as AbortSignal | undefined,
  });
  return {
    statusCode: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}

/**
 * n8n's unsigned `httpRequest` helper over fetch, recording what was sent. Like n8n's (axios), it
 * waits forever without `timeout`, and with one fails with ECONNABORTED once it passes.
 */
export function recordingHttpRequest(sent: IHttpRequestOptions[]) {
  return async (options: IHttpRequestOptions) => {
    sent.push(options);
    const response = await fetch(options.url, {
      method: options.method,
      headers: options.headers as Record<string, string>,
      body: String(options.body),
      ...(options.timeout === undefined ? {} : { signal: AbortSignal.timeout(options.timeout) }),
    }).catch((error: unknown) => {
      if ((error as Error).name !== 'TimeoutError') throw error;
      throw Object.assign(new Error(`timeout of ${options.timeout}ms exceeded`), {
        code: 'ECONNABORTED',
      });
    });
    return { statusCode: response.status, body: await response.text() };
  };
}

/** What the tests may hook: a call about to be sent (for faults timed to a given request). */
export type BeforeSend = (call: SentCall) => void;

function httpHelpers(
  emulator: Emulator,
  requests: IHttpRequestOptions[],
  responses: RawResponse[],
  credentials: ICredentialDataDecryptedObject = TEST_CREDENTIALS,
  beforeSend?: BeforeSend,
) {
  const credential = new AwsSsmMaintenanceWindowsApi();
  return {
    /** Unsigned requests the node sends itself (STS AssumeRole). */
    async httpRequest(options: IHttpRequestOptions) {
      return send(options);
    },
    async httpRequestWithAuthentication(type: string, options: IHttpRequestOptions) {
      if (type !== 'awsSsmMaintenanceWindowsApi') throw new Error(`unexpected credential ${type}`);
      const signed = await credential.authenticate(
        { ...credentials, endpoint: emulator.url },
        options,
      );
      requests.push(signed);
      beforeSend?.(sentCalls([signed])[0] as SentCall);
      const response = await send(signed);
      responses.push(response);
      return response;
    },
  };
}

/**
 * Sends one SSM call signed with {@link TEST_CREDENTIALS} outside any node: another client of
 * the same account. Answers the status code and the parsed body (the ground truth of a test).
 */
export async function callAsAnotherClient(
  emulator: Emulator,
  operation: string,
  input: IDataObject,
): Promise<{ statusCode: number; body: IDataObject }> {
  const signed = await new AwsSsmMaintenanceWindowsApi().authenticate(
    { ...TEST_CREDENTIALS, endpoint: emulator.url },
    {
      method: 'POST',
      url: '/',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AmazonSSM.${operation}`,
      },
      body: JSON.stringify(input),
    },
  );
  const response = await send(signed);
  return { statusCode: response.statusCode, body: JSON.parse(response.body) as IDataObject };
}

/** {@link callAsAnotherClient}, for its status code only. */
export async function sendAsAnotherClient(
  emulator: Emulator,
  operation: string,
  input: IDataObject,
): Promise<number> {
  return (await callAsAnotherClient(emulator, operation, input)).statusCode;
}

export interface FakeExecute {
  context: IExecuteFunctions;
  requests: IHttpRequestOptions[];
  responses: RawResponse[];
}

/** An IExecuteFunctions whose items have the given parameters (one object per input item). */
export function fakeExecute(
  emulator: Emulator,
  itemParameters: IDataObject[],
  options: {
    continueOnFail?: boolean;
    credentials?: ICredentialDataDecryptedObject;
    beforeSend?: BeforeSend;
  } = {},
): FakeExecute {
  const requests: IHttpRequestOptions[] = [];
  const responses: RawResponse[] = [];
  const context = {
    getInputData: () => itemParameters.map(() => ({ json: {} })),
    getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
      const value = lookup(itemParameters[itemIndex] ?? {}, name);
      if (value !== undefined) return value;
      if (fallback !== undefined) return fallback;
      throw new Error(`Could not get parameter "${name}"`);
    },
    getNode: () => NODE,
    continueOnFail: () => options.continueOnFail ?? false,
    getExecutionCancelSignal: () => undefined,
    getCredentials: async () => ({
      ...(options.credentials ?? TEST_CREDENTIALS),
      endpoint: emulator.url,
    }),
    helpers: httpHelpers(emulator, requests, responses, options.credentials, options.beforeSend),
  };
  return { context: context as unknown as IExecuteFunctions, requests, responses };
}

export interface FakePoll {
  context: IPollFunctions;
  staticData: IDataObject;
  requests: IHttpRequestOptions[];
}

/** An IPollFunctions with the given parameters, mode and persisted static data. */
export function fakePoll(
  emulator: Emulator,
  parameters: IDataObject,
  options: { mode?: 'trigger' | 'manual'; staticData?: IDataObject } = {},
): FakePoll {
  const staticData = options.staticData ?? {};
  const requests: IHttpRequestOptions[] = [];
  const context = {
    getNodeParameter: (name: string, fallback?: unknown) => lookup(parameters, name) ?? fallback,
    getNode: () => ({ ...NODE, name: 'AWS SSM Maintenance Window Trigger' }),
    getMode: () => options.mode ?? 'trigger',
    getWorkflowStaticData: () => staticData,
    getCredentials: async () => ({ ...TEST_CREDENTIALS, endpoint: emulator.url }),
    helpers: httpHelpers(emulator, requests, []),
  };
  return { context: context as unknown as IPollFunctions, staticData, requests };
}

export interface FakeWebhook {
  context: IWebhookFunctions;
  /** What the node answered through the response object (status and JSON body). */
  answered: { status?: number; body?: unknown };
  requests: IHttpRequestOptions[];
}

/** An IWebhookFunctions receiving `body` with `headers`, with the given parameters. */
export function fakeWebhook(
  emulator: Emulator,
  parameters: IDataObject,
  request: { headers: Record<string, string>; body: unknown },
  staticData: IDataObject = {},
): FakeWebhook {
  const answered: FakeWebhook['answered'] = {};
  const requests: IHttpRequestOptions[] = [];
  const response = {
    status(code: number) {
      answered.status = code;
      return response;
    },
    json(body: unknown) {
      answered.body = body;
      return response;
    },
  };
  const context = {
    getNodeParameter: (name: string, fallback?: unknown) => lookup(parameters, name) ?? fallback,
    getNode: () => ({ ...NODE, name: 'AWS SSM Maintenance Window Event Trigger' }),
    getHeaderData: () => request.headers,
    getBodyData: () => request.body,
    getResponseObject: () => response,
    getWorkflowStaticData: () => staticData,
    getCredentials: async () => ({ ...TEST_CREDENTIALS, endpoint: emulator.url }),
    helpers: httpHelpers(emulator, requests, []),
  };
  return { context: context as unknown as IWebhookFunctions, answered, requests };
}
