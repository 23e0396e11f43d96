import type {
  IDataObject,
  IHttpRequestHelper,
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  ICredentialType,
  IHttpRequestOptions,
  Icon,
  INodeProperties,
} from 'n8n-workflow';
import { DEFAULT_TIMEOUTS } from '@ssm-invocations/core/json';
import { readSsmConnection, signSsmHttpRequest } from '../shared/awsRequestSigning';
import { diagnoseProbe, type ProbeOutcome } from '../shared/credentialProbe';
import { DEFAULT_ROLE_SESSION_NAME } from '../shared/assumeRole';
import { ensureTemporaryCredentials, ssmSigningCredentials } from '../shared/temporaryCredentials';

const PROBE: IHttpRequestOptions = {
  method: 'POST',
  url: '/',
  headers: {
    'Content-Type': 'application/x-amz-json-1.1',
    'X-Amz-Target': 'AmazonSSM.DescribeMaintenanceWindows',
  },
  body: { MaxResults: 10 },
};

/**
 * AWS access keys for Systems Manager, signed with SigV4 by `authenticate()` (no AWS SDK).
 * The region is free text so new regions and expressions work; `cn-*` regions use the China
 * partition's endpoint; a custom endpoint covers VPC endpoints and local emulators. With a Role
 * ARN, the keys only call STS `AssumeRole`, and SSM is signed with the role's temporary keys
 * (cached until 5 minutes before they expire).
 */
export class AwsSsmMaintenanceWindowsApi implements ICredentialType {
  name = 'awsSsmMaintenanceWindowsApi';

  displayName = 'AWS SSM (Maintenance Windows)';

  icon: Icon = { light: 'file:../icons/ssm.svg', dark: 'file:../icons/ssm.dark.svg' };

  documentationUrl =
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-maintenance-permissions.html';

  properties: INodeProperties[] = [
    {
      displayName: 'Region',
      name: 'region',
      type: 'string',
      default: 'us-east-1',
      required: true,
      placeholder: 'eu-west-1',
      description:
        'AWS region of the maintenance windows, for example eu-west-1. Regions starting with cn- use the China partition (amazonaws.com.cn).',
    },
    {
      displayName: 'Access Key ID',
      name: 'accessKeyId',
      type: 'string',
      default: '',
      required: true,
    },
    {
      displayName: 'Secret Access Key',
      name: 'secretAccessKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
    },
    {
      displayName: 'Session Token',
      name: 'sessionToken',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      description: 'Only for temporary credentials (from STS or an assumed role)',
    },
    {
      displayName: 'Custom Endpoint',
      name: 'endpoint',
      type: 'string',
      default: '',
      placeholder: 'https://vpce-0123-abcd.ssm.eu-west-1.vpce.amazonaws.com',
      description:
        'Leave empty for the public SSM endpoint of the region. Set it for a VPC endpoint or a local SSM emulator.',
    },
    {
      displayName: 'Role ARN',
      name: 'roleArn',
      type: 'string',
      default: '',
      placeholder: 'arn:aws:iam::123456789012:role/MaintenanceWindowReader',
      description:
        'Assume this IAM role (for example in another account) with the keys above; SSM is then called with its temporary credentials. Leave empty to use the keys directly.',
    },
    {
      displayName: 'External ID',
      name: 'externalId',
      type: 'string',
      default: '',
      displayOptions: { hide: { roleArn: [''] } },
      description: "Only if the role's trust policy requires an sts:ExternalId",
    },
    {
      displayName: 'Role Session Name',
      name: 'roleSessionName',
      type: 'string',
      default: DEFAULT_ROLE_SESSION_NAME,
      displayOptions: { hide: { roleArn: [''] } },
      description: 'Name of the assumed-role session, as CloudTrail shows it',
    },
    {
      displayName: 'STS Endpoint',
      name: 'stsEndpoint',
      type: 'string',
      default: '',
      placeholder: 'https://sts.eu-west-1.amazonaws.com',
      displayOptions: { hide: { roleArn: [''] } },
      description:
        'Leave empty for the regional STS endpoint of the region (China partition included). Set it for a VPC endpoint or a local emulator.',
    },
    {
      // Set by preAuthentication once the key, secret and region were accepted; n8n re-runs the
      // probe whenever this is empty and on every credential test.
      displayName: 'Probed At',
      name: 'probedAt',
      type: 'hidden',
      typeOptions: { expirable: true },
      default: '',
    },
  ];

  /**
   * One signed DescribeMaintenanceWindows call before first use (and on every credential test),
   * so a wrong key, a wrong secret and a wrong region each get their own message — AWS answers
   * all three with HTTP 400, which the declarative test alone cannot tell apart.
   */
  async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
    const connection = readSsmConnection(credentials);
    // Core's per-request timeout, as the nodes' calls get it: a server that accepts and never
    // answers must fail the credential test, not hang it (n8n's helper waits forever without).
    const timeout = DEFAULT_TIMEOUTS.requestTimeoutMs;
    await ensureTemporaryCredentials(
      async (options) => this.helpers.httpRequest({ ...options, timeout }),
      connection,
    );
    const signingCredentials = ssmSigningCredentials(connection);
    const outcome: ProbeOutcome = await this.helpers
      .httpRequest({
        ...signSsmHttpRequest(connection, PROBE, undefined, signingCredentials),
        json: false,
        encoding: 'text',
        returnFullResponse: true,
        ignoreHttpStatusErrors: true,
        timeout,
      })
      .then(
        (response: { statusCode: number; body: unknown }) => ({
          status: response.statusCode,
          body:
            typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? {}),
        }),
        (error: { code?: string; cause?: { code?: string }; message?: string }) => ({
          networkError: error.code ?? error.cause?.code,
          message: String(error.message),
        }),
      );
    const { accessKeyId, secretAccessKey, sessionToken } = connection.credentials;
    const problem = diagnoseProbe(outcome, connection.region, connection.endpoint, [
      accessKeyId,
      secretAccessKey,
      sessionToken,
      signingCredentials.accessKeyId,
      signingCredentials.secretAccessKey,
      signingCredentials.sessionToken,
    ]);
    if (problem) throw problem;
    return { probedAt: new Date().toISOString() } as IDataObject;
  }

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    requestOptions: IHttpRequestOptions,
  ): Promise<IHttpRequestOptions> {
    const connection = readSsmConnection(credentials);
    return signSsmHttpRequest(
      connection,
      requestOptions,
      undefined,
      ssmSigningCredentials(connection),
    );
  }

  // preAuthentication runs first and names the field behind a wrong key, secret, token or
  // region; the rules cover what gets past it (e.g. a key without ssm:DescribeMaintenanceWindows).
  test: ICredentialTestRequest = {
    request: {
      method: PROBE.method,
      url: PROBE.url,
      headers: PROBE.headers,
      body: PROBE.body as IDataObject,
    },
    rules: [
      {
        type: 'responseCode',
        properties: {
          value: 400,
          message:
            "AWS rejected the access key: check Access Key ID, Secret Access Key and Session Token (with a Custom Endpoint, also that Region is the endpoint's region), and that the key may call ssm:DescribeMaintenanceWindows",
        },
      },
      {
        type: 'responseCode',
        properties: {
          value: 403,
          message: 'AWS denied the request: the key may not call ssm:DescribeMaintenanceWindows',
        },
      },
    ],
  };
}
