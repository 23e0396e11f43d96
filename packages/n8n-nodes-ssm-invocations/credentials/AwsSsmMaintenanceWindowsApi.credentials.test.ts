import { createHash } from 'crypto';
import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { AwsSsmMaintenanceWindowsApi } from './AwsSsmMaintenanceWindowsApi.credentials';
import { signRequest } from '../shared/signatureV4';

const credential = new AwsSsmMaintenanceWindowsApi();
const data = {
  region: 'eu-west-1',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: '',
  endpoint: '',
};
// The credential's own test request: the call every SSM request here looks like.
const request = credential.test.request as IHttpRequestOptions;

describe('AwsSsmMaintenanceWindowsApi credential', () => {
  it('sends to the public endpoint of the region, signed for ssm in that region', async () => {
    const signed = await credential.authenticate(data, request);
    expect(signed.url).toBe('https://ssm.eu-west-1.amazonaws.com/');
    expect(signed.body).toBe('{"MaxResults":10}');
    const headers = signed.headers as Record<string, string>;
    expect(headers.host).toBe('ssm.eu-west-1.amazonaws.com');
    expect(headers['x-amz-target']).toBe('AmazonSSM.DescribeMaintenanceWindows');
    expect(headers['x-amz-content-sha256']).toBe(
      createHash('sha256').update('{"MaxResults":10}').digest('hex'),
    );
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/ssm\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.stringify(signed)).not.toContain(data.secretAccessKey);
  });

  it('produces the signature the signer computes for the exact bytes and headers sent', async () => {
    const signed = await credential.authenticate(data, request);
    const headers = signed.headers as Record<string, string>;
    const date = new Date(
      (headers['x-amz-date'] ?? '').replace(
        /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
        '$1-$2-$3T$4:$5:$6Z',
      ),
    );
    const again = signRequest(
      {
        method: 'POST',
        host: 'ssm.eu-west-1.amazonaws.com',
        path: '/',
        headers: {
          'content-type': headers['content-type'] ?? '',
          'x-amz-target': headers['x-amz-target'] ?? '',
        },
        body: signed.body as string,
      },
      { credentials: data, region: 'eu-west-1', service: 'ssm', date },
    );
    expect(headers.authorization).toBe(again.headers.authorization);
  });

  it('uses the China partition for cn- regions', async () => {
    const signed = await credential.authenticate({ ...data, region: 'cn-north-1' }, request);
    expect(signed.url).toBe('https://ssm.cn-north-1.amazonaws.com.cn/');
    expect((signed.headers as Record<string, string>).authorization).toContain(
      '/cn-north-1/ssm/aws4_request',
    );
  });

  it('sends to a custom endpoint (port kept in the signed host) and signs the session token', async () => {
    const signed = await credential.authenticate(
      { ...data, endpoint: 'http://127.0.0.1:4566/', sessionToken: 'FwoGZXIvYXdzEXAMPLE' },
      request,
    );
    const headers = signed.headers as Record<string, string>;
    expect(signed.url).toBe('http://127.0.0.1:4566/');
    expect(headers.host).toBe('127.0.0.1:4566');
    expect(headers['x-amz-security-token']).toBe('FwoGZXIvYXdzEXAMPLE');
    expect(headers.authorization).toContain('x-amz-security-token');
  });

  it.each([
    [{ region: '' }, /^Region: is required/],
    [{ region: 'eu-west' }, /^Region: 'eu-west' is not an AWS region name/],
    [{ region: 'ssm.eu-west-1.amazonaws.com' }, /^Region: /],
    [{ accessKeyId: ' ' }, /^Access Key ID: is required/],
    [{ secretAccessKey: '' }, /^Secret Access Key: is required/],
    [{ endpoint: 'not a url' }, /^Custom Endpoint: is not a URL/],
    [{ endpoint: 'ftp://127.0.0.1' }, /^Custom Endpoint: must be an http or https URL/],
  ])('rejects %j naming the field, without the secret', async (override, message) => {
    const attempt = credential.authenticate({ ...data, ...override }, request);
    await expect(attempt).rejects.toThrow(message);
    await attempt.catch((error: Error) => {
      expect(error.name).toBe('SsmCredentialError');
      expect(error.message).not.toContain(data.secretAccessKey);
    });
  });

  it('tests the credential with one cheap signed SSM call', () => {
    expect(credential.test.request).toMatchObject({
      method: 'POST',
      headers: { 'X-Amz-Target': 'AmazonSSM.DescribeMaintenanceWindows' },
      body: { MaxResults: 10 },
    });
  });

  describe('preAuthentication probe', () => {
    const helpers = (answer: () => Promise<unknown>) =>
      ({ helpers: { httpRequest: jest.fn(answer) } }) as unknown as IHttpRequestHelper;

    it('sends one signed DescribeMaintenanceWindows and records when it passed', async () => {
      const context = helpers(async () => ({ statusCode: 200, body: '{"WindowIdentities":[]}' }));
      const result = await credential.preAuthentication.call(context, data);
      expect(result.probedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
      const sent = (context.helpers.httpRequest as jest.Mock).mock
        .calls[0]?.[0] as IHttpRequestOptions;
      expect(sent.url).toBe('https://ssm.eu-west-1.amazonaws.com/');
      expect((sent.headers as Record<string, string>)['x-amz-target']).toBe(
        'AmazonSSM.DescribeMaintenanceWindows',
      );
      expect(sent.ignoreHttpStatusErrors).toBe(true);
    });

    it('names the wrong field, and never the secret', async () => {
      const rejected = (type: string, message: string) =>
        helpers(async () => ({ statusCode: 400, body: JSON.stringify({ __type: type, message }) }));
      await expect(
        credential.preAuthentication.call(
          rejected('UnrecognizedClientException', 'invalid token'),
          data,
        ),
      ).rejects.toThrow(/^Access Key ID: /);
      await expect(
        credential.preAuthentication.call(
          rejected('InvalidSignatureException', 'Credential should be scoped to a valid region.'),
          data,
        ),
      ).rejects.toThrow(
        /^Region: 'eu-west-1' is not the region of https:\/\/ssm\.eu-west-1\.amazonaws\.com/,
      );
      const dns = helpers(async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      });
      const error = await credential.preAuthentication
        .call(dns, data)
        .catch((caught: Error) => caught);
      expect(String(error)).toMatch(/Region: no SSM endpoint answers for 'eu-west-1'/);
      expect(String(error)).not.toContain(String(data.secretAccessKey));
    });

    it('quotes what AWS said with the session token, keys and signature redacted', async () => {
      // A test value without an STS prefix: only the header and known-value rules can catch it.
      const echoed = 'n8n-probe-fixture-0123456789abcdef/+==';
      const withToken = { ...data, sessionToken: echoed };
      // AWS answers a bad signature with the canonical request: the signed token header in it.
      const context = helpers(async (...args: unknown[]) => {
        const sent = args[0] as IHttpRequestOptions;
        const headers = sent.headers as Record<string, string>;
        const message = [
          'The request signature we calculated does not match the signature you provided.',
          `x-amz-security-token:${headers['x-amz-security-token'] ?? ''}`,
          `authorization:${headers.authorization ?? ''}`,
          `token ${withToken.sessionToken} key ${withToken.secretAccessKey}`,
        ].join('\n');
        return {
          statusCode: 403,
          body: JSON.stringify({ __type: 'InvalidSignatureException', message }),
        };
      });
      const error = await credential.preAuthentication
        .call(context, withToken)
        .catch((caught: Error) => caught);
      expect(String(error)).toMatch(
        /^SsmCredentialError: Secret Access Key: .*AWS said: The request/,
      );
      const text = [String(error), (error as Error).stack, JSON.stringify(error)].join('\n');
      expect(text).toContain('[REDACTED]');
      for (const secret of [
        withToken.sessionToken,
        withToken.secretAccessKey,
        withToken.accessKeyId,
      ]) {
        expect(text).not.toContain(secret);
      }
    });
  });
});
