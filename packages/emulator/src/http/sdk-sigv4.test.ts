import {
  DescribeMaintenanceWindowsCommand,
  SSMClient,
  type SSMClientConfig,
} from '@aws-sdk/client-ssm';
import { startEmulator, type Emulator } from './server';

const KEY = { accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: 'emulator/secret+key=1' };
const SESSION = {
  accessKeyId: 'ASIAEMULATOR0002',
  secretAccessKey: 'session-secret',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token==',
};

describe('SigV4 verification through the real SDK', () => {
  let emulator: Emulator;
  const logged: string[] = [];
  const clients: SSMClient[] = [];

  function ssm(config: Partial<SSMClientConfig>): SSMClient {
    const client = new SSMClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      maxAttempts: 1,
      ...config,
    });
    clients.push(client);
    return client;
  }
  async function errorOf(
    client: SSMClient,
  ): Promise<{ name: string; message: string; status?: number }> {
    try {
      await client.send(new DescribeMaintenanceWindowsCommand({}));
    } catch (error) {
      const e = error as Error & { $metadata?: { httpStatusCode?: number } };
      return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
    }
    throw new Error('expected the request to be rejected');
  }

  beforeAll(async () => {
    emulator = await startEmulator({
      sigv4: { credentials: [KEY, SESSION], region: 'us-east-1' },
      logger: { info: (m) => logged.push(m), warn: (m) => logged.push(m) },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await emulator.stop();
  });

  it('accepts requests signed with a configured key', async () => {
    const out = await ssm({ credentials: KEY }).send(new DescribeMaintenanceWindowsCommand({}));
    expect(out.WindowIdentities).toHaveLength(5);
    expect(emulator.stats().signatures.verified).toBeGreaterThanOrEqual(1);
  });

  it('rejects a wrong secret with InvalidSignatureException quoting the canonical request', async () => {
    const error = await errorOf(ssm({ credentials: { ...KEY, secretAccessKey: 'wrong' } }));
    expect(error).toMatchObject({ name: 'InvalidSignatureException', status: 400 });
    expect(error.message).toMatch(
      /^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.\n\nThe Canonical String for this request should have been\n'POST\n\/\n\n/,
    );
    expect(error.message).toContain('x-amz-target:AmazonSSM.DescribeMaintenanceWindows\n');
    expect(error.message).toContain("The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n");
  });

  it('rejects an unknown access key with UnrecognizedClientException', async () => {
    const error = await errorOf(
      ssm({ credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' } }),
    );
    expect(error).toEqual({
      name: 'UnrecognizedClientException',
      status: 400,
      message: 'The security token included in the request is invalid.',
    });
  });

  it('checks the session token of temporary credentials', async () => {
    const ok = await ssm({ credentials: SESSION }).send(new DescribeMaintenanceWindowsCommand({}));
    expect(ok.WindowIdentities).toHaveLength(5);
    const wrongToken = await errorOf(ssm({ credentials: { ...SESSION, sessionToken: 'other' } }));
    expect(wrongToken.name).toBe('UnrecognizedClientException');
    const noToken = await errorOf(
      ssm({
        credentials: { accessKeyId: SESSION.accessKeyId, secretAccessKey: SESSION.secretAccessKey },
      }),
    );
    expect(noToken.name).toBe('UnrecognizedClientException');
  });

  it('rejects a credential scoped to another region', async () => {
    const error = await errorOf(ssm({ credentials: KEY, region: 'eu-west-1' }));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toBe("Credential should be scoped to a valid region, not 'eu-west-1'.");
  });

  it('rejects a signed header changed after signing', async () => {
    const client = ssm({ credentials: KEY });
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        request.headers['x-amz-user-agent'] = 'tampered';
        return next(args);
      },
      { step: 'deserialize', name: 'tamperAfterSigning' },
    );
    expect((await errorOf(client)).name).toBe('InvalidSignatureException');
  });

  it('rejects a stale X-Amz-Date; the SDK corrects its clock from the Date header and retries', async () => {
    const before = emulator.stats().signatures.rejected;
    const client = ssm({ credentials: KEY, systemClockOffset: -10 * 60_000, maxAttempts: 3 });
    const out = await client.send(new DescribeMaintenanceWindowsCommand({}));
    expect(out.$metadata.attempts).toBe(2);
    expect(emulator.stats().signatures.rejected).toBe(before + 1);
    expect(emulator.stats().errors.InvalidSignatureException).toBeGreaterThanOrEqual(1);
  });

  it('answers an unsigned request with MissingAuthenticationTokenException', async () => {
    const response = await fetch(emulator.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
  });

  it('never logs credentials, tokens or signatures', () => {
    const log = logged.join('\n');
    expect(logged.length).toBeGreaterThan(5);
    for (const secret of [
      KEY.secretAccessKey,
      SESSION.secretAccessKey,
      SESSION.sessionToken,
      'Signature=',
      KEY.accessKeyId,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
