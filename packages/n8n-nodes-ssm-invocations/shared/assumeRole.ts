/**
 * STS `AssumeRole` over the AWS query protocol, without the SDK: the settings read from the
 * credential, the signed form-encoded request, and its XML answer read into temporary
 * credentials or a typed STS error.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { ssmEndpointForRegion } from '@ssm-invocations/core/model';
import { signRequest, uriEncode, type AwsCredentials } from './signatureV4';
import { childText, readXml } from './xmlReader';

/** The default `RoleSessionName` (shows in CloudTrail as the assumed role's session). */
export const DEFAULT_ROLE_SESSION_NAME = 'n8n-ssm-invocations';

/** What the credential says about the role to assume. */
export interface AssumeRoleSettings {
  roleArn: string;
  externalId?: string;
  roleSessionName: string;
  /** Base URL of STS: the custom one, or the regional endpoint of the credential's region. */
  stsEndpoint: string;
  /** The region STS requests are signed for. */
  signingRegion: string;
}

/** Temporary credentials from STS and when they expire. */
export interface TemporaryCredentials extends AwsCredentials {
  sessionToken: string;
  expiration: Date;
}

/** An error answer of STS: its code (e.g. `AccessDenied`), message and HTTP status. */
export class StsError extends Error {
  override name = 'StsError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** An assume-role field the user has to fix; `field` is the credential property's name. */
export interface AssumeRoleFieldProblem {
  field: 'roleArn' | 'externalId' | 'roleSessionName' | 'stsEndpoint';
  message: string;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/**
 * The regional STS endpoint of a region, in its partition.
 *
 * @example
 * ```ts
 * stsEndpointForRegion('cn-north-1'); // 'https://sts.cn-north-1.amazonaws.com.cn'
 * ```
 */
export function stsEndpointForRegion(region: string): string {
  // Same host layout as SSM's regional endpoint, service label swapped.
  const url = new URL(ssmEndpointForRegion(region));
  url.hostname = `sts${url.hostname.slice('ssm'.length)}`;
  return url.origin;
}

function text(data: ICredentialDataDecryptedObject, field: string): string {
  const value = data[field];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The assume-role settings of a credential: `undefined` without a Role ARN, a field problem
 * when one is malformed (checked before anything is sent).
 *
 * @example
 * ```ts
 * readAssumeRoleSettings({ roleArn: 'arn:aws:iam::444455556666:role/Reader' }, 'eu-west-1');
 * ```
 */
export function readAssumeRoleSettings(
  data: ICredentialDataDecryptedObject,
  region: string,
): AssumeRoleSettings | AssumeRoleFieldProblem | undefined {
  const roleArn = text(data, 'roleArn');
  if (!roleArn) return undefined;
  const externalId = text(data, 'externalId');
  const roleSessionName = text(data, 'roleSessionName') || DEFAULT_ROLE_SESSION_NAME;
  const customEndpoint = text(data, 'stsEndpoint');
  if (!ROLE_ARN.test(roleArn)) {
    return {
      field: 'roleArn',
      message: 'is not an IAM role ARN (expected arn:aws:iam::123456789012:role/RoleName)',
    };
  }
  if (externalId && !EXTERNAL_ID.test(externalId)) {
    return {
      field: 'externalId',
      message: 'must be 2-1224 characters of letters, digits and _+=,.@:/-',
    };
  }
  if (!SESSION_NAME.test(roleSessionName)) {
    return {
      field: 'roleSessionName',
      message: 'must be 2-64 characters of letters, digits and _+=,.@- (no spaces)',
    };
  }
  let stsEndpoint = stsEndpointForRegion(region);
  let signingRegion = region;
  if (customEndpoint) {
    if (!URL.canParse(customEndpoint) || !/^https?:$/.test(new URL(customEndpoint).protocol)) {
      return { field: 'stsEndpoint', message: 'is not an http or https URL' };
    }
    stsEndpoint = customEndpoint.replace(/\/+$/, '');
    // The global endpoint is signed for us-east-1.
    if (new URL(customEndpoint).hostname === 'sts.amazonaws.com') signingRegion = 'us-east-1';
  }
  return {
    roleArn,
    ...(externalId ? { externalId } : {}),
    roleSessionName,
    stsEndpoint,
    signingRegion,
  };
}

/**
 * The form body of an `AssumeRole` call (query protocol, parameters in a fixed order).
 *
 * @example
 * ```ts
 * assumeRoleForm(settings); // 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws…'
 * ```
 */
export function assumeRoleForm(settings: AssumeRoleSettings): string {
  const fields: Array<[string, string]> = [
    ['Action', 'AssumeRole'],
    ['Version', '2011-06-15'],
    ['RoleArn', settings.roleArn],
    ['RoleSessionName', settings.roleSessionName],
  ];
  if (settings.externalId) fields.push(['ExternalId', settings.externalId]);
  return fields.map(([key, value]) => `${uriEncode(key)}=${uriEncode(value)}`).join('&');
}

/**
 * The signed `AssumeRole` request, ready for n8n's `httpRequest` helper (every status returned).
 *
 * @example
 * ```ts
 * const response = await this.helpers.httpRequest(assumeRoleRequest(credentials, settings));
 * ```
 */
export function assumeRoleRequest(
  credentials: AwsCredentials,
  settings: AssumeRoleSettings,
  date?: Date,
): IHttpRequestOptions {
  const url = new URL(`${settings.stsEndpoint}/`);
  const body = assumeRoleForm(settings);
  const signed = signRequest(
    {
      method: 'POST',
      host: url.host,
      path: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    },
    { credentials, region: settings.signingRegion, service: 'sts', date },
  );
  return {
    method: 'POST',
    url: url.toString(),
    headers: signed.headers,
    body,
    json: false,
    encoding: 'text',
    returnFullResponse: true,
    ignoreHttpStatusErrors: true,
  };
}

/**
 * Reads an STS answer: temporary credentials for a 2xx `AssumeRoleResponse`, else throws a
 * {@link StsError} with the `ErrorResponse` code and message (namespaces and escapes tolerated).
 *
 * @example
 * ```ts
 * const temporary = readAssumeRoleAnswer(200, xml); // { accessKeyId: 'ASIA…', expiration, … }
 * ```
 */
export function readAssumeRoleAnswer(status: number, body: string): TemporaryCredentials {
  const root = readXml(body);
  if (status >= 200 && status < 300) {
    const credentials = ['AssumeRoleResponse', 'AssumeRoleResult', 'Credentials'];
    const accessKeyId = childText(root, ...credentials, 'AccessKeyId');
    const secretAccessKey = childText(root, ...credentials, 'SecretAccessKey');
    const sessionToken = childText(root, ...credentials, 'SessionToken');
    const expiration = new Date(childText(root, ...credentials, 'Expiration') ?? '');
    if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(expiration.getTime())) {
      throw new StsError('MalformedResponse', 'STS answered without complete credentials', status);
    }
    return { accessKeyId, secretAccessKey, sessionToken, expiration };
  }
  const code = childText(root, 'ErrorResponse', 'Error', 'Code') || `HTTP ${status}`;
  const message = childText(root, 'ErrorResponse', 'Error', 'Message') ?? '';
  throw new StsError(code, message, status);
}
