/**
 * Minimal stand-ins for n8n's IExecuteFunctions / IPollFunctions: parameters per item, the
 * credential's real `authenticate()` applied to every request, and a fake SSM answering it.
 */
import type {
  ICredentialDataDecryptedObject,
  IDataObject,
  IExecuteFunctions,
  IHttpRequestOptions,
  INode,
  IPollFunctions,
} from 'n8n-workflow';
import { AwsSsmMaintenanceWindowsApi } from '../credentials/AwsSsmMaintenanceWindowsApi.credentials';
import type { FakeSsm } from './fakeSsm';

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

function httpHelpers(
  ssm: FakeSsm,
  requests: IHttpRequestOptions[],
  credentials: ICredentialDataDecryptedObject = TEST_CREDENTIALS,
) {
  const credential = new AwsSsmMaintenanceWindowsApi();
  return {
    async httpRequestWithAuthentication(type: string, options: IHttpRequestOptions) {
      if (type !== 'awsSsmMaintenanceWindowsApi') throw new Error(`unexpected credential ${type}`);
      const signed = await credential.authenticate(credentials, options);
      requests.push(signed);
      const headers = signed.headers as Record<string, string>;
      if (!headers.authorization?.startsWith('AWS4-HMAC-SHA256 '))
        throw new Error('request not signed');
      const response = ssm.handle(headers['x-amz-target'] ?? '', String(signed.body));
      return { statusCode: response.status, headers: response.headers, body: response.body };
    },
  };
}

export interface FakeExecute {
  context: IExecuteFunctions;
  requests: IHttpRequestOptions[];
}

/** An IExecuteFunctions whose items have the given parameters (one object per input item). */
export function fakeExecute(
  ssm: FakeSsm,
  itemParameters: IDataObject[],
  options: { continueOnFail?: boolean; credentials?: ICredentialDataDecryptedObject } = {},
): FakeExecute {
  const requests: IHttpRequestOptions[] = [];
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
    helpers: httpHelpers(ssm, requests, options.credentials),
  };
  return { context: context as unknown as IExecuteFunctions, requests };
}

export interface FakePoll {
  context: IPollFunctions;
  staticData: IDataObject;
}

/** An IPollFunctions with the given parameters, mode and persisted static data. */
export function fakePoll(
  ssm: FakeSsm,
  parameters: IDataObject,
  options: { mode?: 'trigger' | 'manual'; staticData?: IDataObject } = {},
): FakePoll {
  const staticData = options.staticData ?? {};
  const context = {
    getNodeParameter: (name: string, fallback?: unknown) => lookup(parameters, name) ?? fallback,
    getNode: () => ({ ...NODE, name: 'AWS SSM Maintenance Window Trigger' }),
    getMode: () => options.mode ?? 'trigger',
    getWorkflowStaticData: () => staticData,
    helpers: httpHelpers(ssm, []),
  };
  return { context: context as unknown as IPollFunctions, staticData };
}
