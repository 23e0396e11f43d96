import type {
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  ICredentialType,
  IHttpRequestOptions,
  Icon,
  INodeProperties,
} from 'n8n-workflow';
import { readSsmConnection, signSsmHttpRequest } from '../shared/awsRequestSigning';

/**
 * AWS access keys for Systems Manager, signed with SigV4 by `authenticate()` (no AWS SDK).
 * The region is free text so new regions and expressions work; `cn-*` regions use the China
 * partition's endpoint; a custom endpoint covers VPC endpoints and local emulators.
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
  ];

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    requestOptions: IHttpRequestOptions,
  ): Promise<IHttpRequestOptions> {
    return signSsmHttpRequest(readSsmConnection(credentials), requestOptions);
  }

  // The cheapest signed SSM call. How each mistake shows up:
  // - a region that is not a region name: authenticate() refuses it, naming the Region field;
  // - a region that does not exist: the endpoint's host name does not resolve (ENOTFOUND);
  // - a wrong key, secret or token: AWS answers HTTP 400 (UnrecognizedClientException or
  //   InvalidSignatureException), reported by the rule below.
  test: ICredentialTestRequest = {
    request: {
      method: 'POST',
      url: '/',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AmazonSSM.DescribeMaintenanceWindows',
      },
      body: { MaxResults: 10 },
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
