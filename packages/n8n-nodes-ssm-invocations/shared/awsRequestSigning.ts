import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { AWS_REGION_PATTERN, ssmEndpointForRegion } from '@ssm-invocations/core/model';
import { signRequest, type AwsCredentials } from './signatureV4';
import { readAssumeRoleSettings, type AssumeRoleSettings } from './assumeRole';

/** What the `AWS SSM (Maintenance Windows)` credential holds, checked and trimmed. */
export interface SsmConnection {
  region: string;
  /** Base URL requests go to: the custom endpoint, or the region's public SSM endpoint. */
  endpoint: string;
  /** The keys in the credential: they sign SSM calls, or the STS call when a role is assumed. */
  credentials: AwsCredentials;
  /** Set when the credential names a role: SSM calls are then signed with its temporary keys. */
  assumeRole?: AssumeRoleSettings;
}

/** The credential's fields as the user sees them in n8n. */
export const CREDENTIAL_FIELD_LABELS = {
  region: 'Region',
  accessKeyId: 'Access Key ID',
  secretAccessKey: 'Secret Access Key',
  sessionToken: 'Session Token',
  endpoint: 'Custom Endpoint',
  roleArn: 'Role ARN',
  externalId: 'External ID',
  roleSessionName: 'Role Session Name',
  stsEndpoint: 'STS Endpoint',
} as const;

/**
 * A credential field that is wrong; the message starts with the field's label, never its value.
 * No field: nothing in the credential is wrong (e.g. the host's clock is off).
 */
export class SsmCredentialError extends Error {
  override name = 'SsmCredentialError';
  constructor(
    readonly field: keyof typeof CREDENTIAL_FIELD_LABELS | undefined,
    message: string,
  ) {
    super(field === undefined ? message : `${CREDENTIAL_FIELD_LABELS[field]}: ${message}`);
  }
}

function text(data: ICredentialDataDecryptedObject, field: string): string {
  const value = data[field];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Reads the credential data n8n decrypted into a connection: region and keys are required; the
 * endpoint defaults to the region's public SSM endpoint (China partition included).
 *
 * @example
 * ```ts
 * const connection = readSsmConnection(await this.getCredentials('awsSsmMaintenanceWindowsApi'));
 * ```
 */
export function readSsmConnection(data: ICredentialDataDecryptedObject): SsmConnection {
  const region = text(data, 'region');
  const accessKeyId = text(data, 'accessKeyId');
  const secretAccessKey = text(data, 'secretAccessKey');
  const sessionToken = text(data, 'sessionToken');
  const customEndpoint = text(data, 'endpoint');
  if (!region) throw new SsmCredentialError('region', 'is required (for example us-east-1)');
  if (!accessKeyId) throw new SsmCredentialError('accessKeyId', 'is required');
  if (!secretAccessKey) throw new SsmCredentialError('secretAccessKey', 'is required');

  if (!AWS_REGION_PATTERN.test(region)) {
    throw new SsmCredentialError(
      'region',
      `'${region}' is not an AWS region name (expected something like us-east-1)`,
    );
  }
  let endpoint = ssmEndpointForRegion(region);
  if (customEndpoint) {
    if (!URL.canParse(customEndpoint)) {
      throw new SsmCredentialError('endpoint', 'is not a URL (expected https://host[:port])');
    }
    const { protocol } = new URL(customEndpoint);
    if (protocol !== 'https:' && protocol !== 'http:') {
      throw new SsmCredentialError('endpoint', 'must be an http or https URL');
    }
    endpoint = customEndpoint.replace(/\/+$/, '');
  }
  const assumeRole = readAssumeRoleSettings(data, region);
  if (assumeRole && 'field' in assumeRole) {
    throw new SsmCredentialError(assumeRole.field, assumeRole.message);
  }
  return {
    region,
    endpoint,
    credentials: { accessKeyId, secretAccessKey, sessionToken: sessionToken || undefined },
    ...(assumeRole ? { assumeRole } : {}),
  };
}

function serializeBody(body: IHttpRequestOptions['body']): string | Buffer {
  if (body === undefined || body === null || body === '') return '';
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  return JSON.stringify(body);
}

/**
 * Signs an n8n HTTP request for SSM with SigV4: resolves its URL against the connection's
 * endpoint, fixes the body to the exact bytes that get signed, and returns the options to send.
 * `credentials` defaults to the connection's keys (an assumed role passes its temporary ones).
 *
 * @example
 * ```ts
 * const signed = signSsmHttpRequest(connection, { url: '/', method: 'POST', body: '{}' });
 * ```
 */
export function signSsmHttpRequest(
  connection: SsmConnection,
  requestOptions: IHttpRequestOptions,
  date?: Date,
  credentials: AwsCredentials = connection.credentials,
): IHttpRequestOptions {
  const url = new URL(
    requestOptions.url || '/',
    `${requestOptions.baseURL || connection.endpoint}/`,
  );
  for (const [key, value] of Object.entries(requestOptions.qs ?? {})) {
    if (value !== undefined && value !== null) url.searchParams.append(key, String(value));
  }
  const query: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);

  const body = serializeBody(requestOptions.body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(requestOptions.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  const signed = signRequest(
    {
      method: requestOptions.method ?? 'GET',
      host: url.host,
      path: decodeURIComponent(url.pathname),
      query,
      headers,
      body,
    },
    { credentials, region: connection.region, service: 'ssm', date },
  );
  // The URL now carries the base and the query that were signed.
  const sent: IHttpRequestOptions = {
    ...requestOptions,
    url: url.toString(),
    headers: signed.headers,
    body,
  };
  delete sent.baseURL;
  delete sent.qs;
  return sent;
}
