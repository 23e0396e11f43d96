import { startEmulator, type Emulator } from '@ssm-invocations/emulator';
import { sleep, type IHttpRequestHelper, type IHttpRequestOptions } from 'n8n-workflow';
import { AwsSsmMaintenanceWindowsApi } from './AwsSsmMaintenanceWindowsApi.credentials';
import { AwsSsmMaintenanceWindow } from '../nodes/AwsSsmMaintenanceWindow/AwsSsmMaintenanceWindow.node';
import { fakeExecute, recordingHttpRequest, TEST_CREDENTIALS } from '../test-support/fakeN8n';
import { demoFixture } from '../test-support/ssmFixture';
import { readSsmConnection } from '../shared/awsRequestSigning';
import { createSsmClient } from '../shared/ssmClient';
import {
  ensureTemporaryCredentials,
  forgetTemporaryCredentials,
  RENEW_BEFORE_EXPIRY_MS,
  ssmSigningCredentials,
} from '../shared/temporaryCredentials';

const ROLE = 'arn:aws:iam::444455556666:role/MaintenanceWindowReader';
const EXTERNAL_ID = 'x-7f3c-report';
const credential = new AwsSsmMaintenanceWindowsApi();

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    fixture: demoFixture(),
    sigv4: {
      credentials: [
        {
          accessKeyId: String(TEST_CREDENTIALS.accessKeyId),
          secretAccessKey: String(TEST_CREDENTIALS.secretAccessKey),
        },
      ],
      region: String(TEST_CREDENTIALS.region),
    },
    sts: { roleArns: [ROLE], externalId: EXTERNAL_ID },
  });
});
afterAll(() => emulator.stop());
beforeEach(() => forgetTemporaryCredentials());

function roleData(override: Record<string, string> = {}) {
  return {
    ...TEST_CREDENTIALS,
    endpoint: emulator.url,
    stsEndpoint: emulator.url,
    roleArn: ROLE,
    externalId: EXTERNAL_ID,
    roleSessionName: '',
    ...override,
  };
}

const stsCalls = (sent: IHttpRequestOptions[]) =>
  sent.filter((options) => String(options.body).startsWith('Action=AssumeRole'));

describe('credential with a Role ARN (against the emulator with STS and SigV4 on)', () => {
  it('assumes the role once, then signs SSM with its temporary keys and token', async () => {
    const sent: IHttpRequestOptions[] = [];
    const context = {
      helpers: { httpRequest: recordingHttpRequest(sent) },
    } as unknown as IHttpRequestHelper;
    await credential.preAuthentication.call(context, roleData());
    await credential.preAuthentication.call(context, roleData());
    expect(stsCalls(sent)).toHaveLength(1);
    expect(String(stsCalls(sent)[0]?.body)).toContain('RoleSessionName=n8n-ssm-invocations');
    expect(String(stsCalls(sent)[0]?.body)).toContain(`ExternalId=${EXTERNAL_ID}`);

    const signed = await credential.authenticate(roleData(), {
      method: 'POST',
      url: '/',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AmazonSSM.DescribeMaintenanceWindows',
      },
      body: {},
    });
    const headers = signed.headers as Record<string, string>;
    expect(headers.authorization).toMatch(/Credential=ASIA[A-Z2-7]{16}\//);
    expect(headers['x-amz-security-token']).toMatch(/^IQoJ/);
    const answer = await fetch(signed.url, { method: 'POST', headers, body: String(signed.body) });
    expect(answer.status).toBe(200);
  });

  it('a caller that gives up leaves the shared STS call to the others, and its keys are cached', async () => {
    const sent: IHttpRequestOptions[] = [];
    const send = recordingHttpRequest(sent);
    const slow = async (options: IHttpRequestOptions) => {
      await sleep(40);
      return send(options);
    };
    const connection = readSsmConnection(roleData());
    const quitter = new AbortController();
    const first = ensureTemporaryCredentials(slow, connection, Date.now(), quitter.signal);
    const second = ensureTemporaryCredentials(slow, connection, Date.now());
    quitter.abort(new Error('gave up'));
    await expect(first).rejects.toThrow('gave up');
    await expect(second).resolves.toBeUndefined();
    expect(stsCalls(sent)).toHaveLength(1);
    expect(ssmSigningCredentials(connection).accessKeyId).toMatch(/^ASIA/);

    // Every caller gone: the call still finishes and its keys are kept for the next one.
    forgetTemporaryCredentials();
    const alone = new AbortController();
    const gone = ensureTemporaryCredentials(slow, connection, Date.now(), alone.signal);
    alone.abort(new Error('gone'));
    await expect(gone).rejects.toThrow('gone');
    await sleep(100);
    expect(stsCalls(sent)).toHaveLength(2);
    await ensureTemporaryCredentials(slow, connection, Date.now());
    expect(stsCalls(sent)).toHaveLength(2);
  });

  it('one SSM call aborted while the role is assumed does not fail the others of the run', async () => {
    const { context, requests } = fakeExecute(emulator, [{}], { credentials: roleData() });
    const sts = context.helpers.httpRequest.bind(context.helpers);
    const stsSent: IHttpRequestOptions[] = [];
    context.helpers.httpRequest = (async (options: IHttpRequestOptions) => {
      stsSent.push(options);
      await sleep(40);
      return sts(options);
    }) as typeof context.helpers.httpRequest;
    const client = createSsmClient(context);
    const quitter = new AbortController();
    const aborted = client.listWindows({}, { signal: quitter.signal });
    const other = client.listWindows({});
    void sleep(5).then(() => quitter.abort(new Error('user stopped the run')));
    await expect(aborted).rejects.toThrow('user stopped the run');
    expect((await other).length).toBeGreaterThan(0);
    expect(stsSent).toHaveLength(1);
    expect(
      requests.every((r) =>
        String((r.headers as Record<string, string>).authorization).includes('Credential=ASIA'),
      ),
    ).toBe(true);
  });

  it('renews the keys 5 minutes before they expire, not earlier', async () => {
    const sent: IHttpRequestOptions[] = [];
    const connection = readSsmConnection(roleData());
    await ensureTemporaryCredentials(recordingHttpRequest(sent), connection);
    const firstKey = ssmSigningCredentials(connection).accessKeyId;
    const expiresAt = Date.now() + 3600_000;
    await ensureTemporaryCredentials(
      recordingHttpRequest(sent),
      connection,
      expiresAt - RENEW_BEFORE_EXPIRY_MS - 60_000,
    );
    expect(stsCalls(sent)).toHaveLength(1);
    await ensureTemporaryCredentials(
      recordingHttpRequest(sent),
      connection,
      expiresAt - RENEW_BEFORE_EXPIRY_MS + 60_000,
    );
    expect(stsCalls(sent)).toHaveLength(2);
    expect(ssmSigningCredentials(connection).accessKeyId).not.toBe(firstKey);
  });

  it('runs the action node with the assumed role', async () => {
    const { context, requests } = fakeExecute(
      emulator,
      [{ resource: 'window', operation: 'getAll', returnAll: true }],
      {
        credentials: roleData(),
      },
    );
    const [items = []] = await new AwsSsmMaintenanceWindow().execute.call(context);
    expect(items.length).toBeGreaterThan(0);
    expect(String((requests[0]?.headers as Record<string, string>).authorization)).toContain(
      'Credential=ASIA',
    );
  });

  it.each([
    [{ roleArn: 'arn:aws:iam::444455556666:role/Other' }, /^Role ARN: STS denied AssumeRole/],
    [{ externalId: 'wrong-id' }, /^Role ARN: STS denied AssumeRole: .*External ID/],
    [{ roleArn: 'arn:aws:iam:444455556666:role/R' }, /^Role ARN: is not an IAM role ARN/],
    [{ roleSessionName: 'has space' }, /^Role Session Name: /],
    [{ secretAccessKey: 'wrong-secret-value' }, /^Secret Access Key: /],
    [{ accessKeyId: 'AKIDNOBODYKNOWS' }, /^Access Key ID: STS does not recognise this key/],
    [{ region: 'eu-west-2' }, /^STS Endpoint: the key was signed for another region/],
    [
      { stsEndpoint: 'http://127.0.0.1:1' },
      /^STS Endpoint: http:\/\/127\.0\.0\.1:1 could not be reached/,
    ],
  ])('a credential test with %j names the field to fix', async (override, message) => {
    const context = {
      helpers: { httpRequest: recordingHttpRequest([]) },
    } as unknown as IHttpRequestHelper;
    const attempt = credential.preAuthentication.call(context, roleData(override));
    await expect(attempt).rejects.toThrow(message);
    await attempt.catch((error: Error) => {
      expect(error.message).not.toContain(TEST_CREDENTIALS.secretAccessKey);
      expect(error.message).not.toContain('wrong-secret-value');
    });
  });

  it("says when STS refuses the request's time: the host's clock, not a credential field", async () => {
    const context = {
      helpers: {
        httpRequest: async () => ({
          statusCode: 403,
          body: '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>Signature expired: 20261130T010000Z is now earlier than 20261130T015500Z (20261130T020000Z - 5 min.)</Message></Error><RequestId>r</RequestId></ErrorResponse>',
        }),
      },
    } as unknown as IHttpRequestHelper;
    await expect(credential.preAuthentication.call(context, roleData())).rejects.toThrow(
      /^STS refused the request's time: the clock of the n8n host is more than 5 minutes off\. STS said: Signature expired/,
    );
  });

  it('turns RegionDisabledException into an STS Endpoint message and redacts echoed secrets', async () => {
    const sessionToken = 'FwoGZXIvYXdzEXAMPLEsessiontoken';
    const data = roleData({ stsEndpoint: '', sessionToken });
    const echoed = `${String(TEST_CREDENTIALS.secretAccessKey)} ${sessionToken}`;
    const context = {
      helpers: {
        httpRequest: async () => ({
          statusCode: 403,
          body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>RegionDisabledException</Code><Message>STS is not activated in this region &amp; account: ${echoed}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
        }),
      },
    } as unknown as IHttpRequestHelper;
    const attempt = credential.preAuthentication.call(context, data);
    await expect(attempt).rejects.toThrow(
      /^STS Endpoint: STS is not activated for this account in region 'eu-west-1'.* & account/,
    );
    await attempt.catch((error: Error) => {
      expect(error.message).not.toContain(String(TEST_CREDENTIALS.secretAccessKey));
      expect(error.message).not.toContain(sessionToken);
    });
  });
});
