import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { DescribeMaintenanceWindowsCommand, SSMClient } from '@aws-sdk/client-ssm';
import { EmulatorOptionsError } from './emulator-options';
import { startEmulator, type Emulator } from './server';

const KEY = { accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: 'emulator/secret+key=1' };
const ROLE = 'arn:aws:iam::444455556666:role/ReportReader';

describe('STS AssumeRole through the real SDK', () => {
  let emulator: Emulator;
  const clients: Array<{ destroy(): void }> = [];

  beforeAll(async () => {
    emulator = await startEmulator({
      sigv4: { credentials: [KEY], region: 'eu-west-1' },
      sts: { roleArns: [ROLE], externalId: 'x-7f3c' },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await emulator.stop();
  });

  type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  function client<T extends { destroy(): void }>(
    Client: new (config: object) => T,
    credentials: Keys,
  ): T {
    const made = new Client({
      endpoint: emulator.url,
      region: 'eu-west-1',
      maxAttempts: 1,
      credentials,
    });
    clients.push(made);
    return made;
  }
  const sts = (credentials: Keys = KEY) => client(STSClient, credentials);
  const ssm = (credentials: Keys) => client(SSMClient, credentials);
  async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
    try {
      await promise;
    } catch (error) {
      return { name: (error as Error).name, message: (error as Error).message };
    }
    throw new Error('expected a rejection');
  }

  it('issues ASIA keys and a token that SSM then requires', async () => {
    const { Credentials, AssumedRoleUser } = await sts().send(
      new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'mw-report', ExternalId: 'x-7f3c' }),
    );
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::444455556666:assumed-role/ReportReader/mw-report',
    );
    const temporary = {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    };
    const listed = await ssm(temporary).send(new DescribeMaintenanceWindowsCommand({}));
    expect(listed.WindowIdentities?.length).toBeGreaterThan(0);
    const withoutToken = await rejection(
      ssm({ ...temporary, sessionToken: undefined }).send(
        new DescribeMaintenanceWindowsCommand({}),
      ),
    );
    expect(withoutToken.name).toBe('UnrecognizedClientException');
  });

  it('denies roles off the allow-list and a wrong ExternalId with AccessDenied', async () => {
    const offList = await rejection(
      sts().send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::444455556666:role/Other',
          RoleSessionName: 's1',
          ExternalId: 'x-7f3c',
        }),
      ),
    );
    expect(offList.name).toBe('AccessDenied');
    const wrongId = await rejection(
      sts().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's1', ExternalId: 'no' })),
    );
    expect(wrongId).toEqual({
      name: 'AccessDenied',
      message: expect.stringContaining(`sts:AssumeRole on resource: ${ROLE}`) as string,
    });
  });

  it('rejects a malformed ARN, an unknown key and a bad secret the way STS does', async () => {
    const malformed = await rejection(
      sts().send(
        new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::role/x-y-z-1234', RoleSessionName: 's1' }),
      ),
    );
    expect(malformed.name).toBe('ValidationError');
    const unknown = await rejection(
      sts({ accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' }).send(
        new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's1', ExternalId: 'x-7f3c' }),
      ),
    );
    expect(unknown.name).toBe('InvalidClientTokenId');
    const badSecret = await rejection(
      sts({ ...KEY, secretAccessKey: 'wrong' }).send(
        new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's1', ExternalId: 'x-7f3c' }),
      ),
    );
    expect(badSecret.name).toBe('SignatureDoesNotMatch');
  });

  it('refuses temporary keys once they expired', async () => {
    let now = Date.now();
    const clock = await startEmulator({
      sigv4: { credentials: [KEY], now: () => now },
    });
    try {
      const client = new STSClient({
        endpoint: clock.url,
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: KEY,
      });
      clients.push(client);
      const issued = await client.send(
        new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's1', DurationSeconds: 900 }),
      );
      const temporary = {
        accessKeyId: issued.Credentials?.AccessKeyId ?? '',
        secretAccessKey: issued.Credentials?.SecretAccessKey ?? '',
        sessionToken: issued.Credentials?.SessionToken ?? '',
      };
      now += 901_000;
      const late = new SSMClient({
        endpoint: clock.url,
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: temporary,
        systemClockOffset: 901_000,
      });
      clients.push(late);
      const expired = await rejection(late.send(new DescribeMaintenanceWindowsCommand({})));
      expect(expired.name).toBe('ExpiredTokenException');
    } finally {
      await clock.stop();
    }
  });
});

describe('STS requests AWS refuses', () => {
  let emulator: Emulator;
  let plain: Emulator;
  const clients: Array<{ destroy(): void }> = [];
  beforeAll(async () => {
    emulator = await startEmulator({
      sigv4: { credentials: [KEY], region: 'us-east-1' },
      sts: { maxSessionDurationSeconds: { [ROLE]: 43200 } },
    });
    plain = await startEmulator({});
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await emulator.stop();
    await plain.stop();
  });
  function sts(
    url: string,
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  ): STSClient {
    const made = new STSClient({ endpoint: url, region: 'us-east-1', maxAttempts: 1, credentials });
    clients.push(made);
    return made;
  }
  async function errorOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
    throw new Error('expected a rejection');
  }

  it('answers InvalidAction to AssumeRole without Version=2011-06-15', async () => {
    for (const version of [undefined, '2011-06-16']) {
      const body = new URLSearchParams({
        Action: 'AssumeRole',
        RoleArn: ROLE,
        RoleSessionName: 's1',
      });
      if (version) body.set('Version', version);
      const res = await fetch(plain.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: body.toString(),
      });
      expect(res.status).toBe(400);
      const xml = await res.text();
      expect(xml).toContain('<Code>InvalidAction</Code>');
      expect(xml).toContain(`for version ${version ?? ''}<`);
    }
  });

  it('caps DurationSeconds at MaxSessionDuration, and at one hour for chained roles', async () => {
    const other = 'arn:aws:iam::444455556666:role/Other';
    expect(
      await errorOf(
        sts(emulator.url, KEY).send(
          new AssumeRoleCommand({ RoleArn: other, RoleSessionName: 's1', DurationSeconds: 43200 }),
        ),
      ),
    ).toBe(
      'ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
    const issued = await sts(emulator.url, KEY).send(
      new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's1', DurationSeconds: 43200 }),
    );
    const temporary = {
      accessKeyId: issued.Credentials?.AccessKeyId ?? '',
      secretAccessKey: issued.Credentials?.SecretAccessKey ?? '',
      sessionToken: issued.Credentials?.SessionToken ?? '',
    };
    const chained = sts(emulator.url, temporary);
    const chain = (DurationSeconds: number) =>
      chained.send(
        new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's2', DurationSeconds }),
      );
    expect(await errorOf(chain(3601))).toMatch(
      /^ValidationError: .*1 hour session limit .*chaining/,
    );
    expect((await chain(3600)).Credentials?.AccessKeyId).toMatch(/^ASIA/);
    // Without SigV4 checks, the key in the Authorization header still tells chaining apart.
    const unverified = sts(plain.url, { ...temporary, accessKeyId: 'ASIAEXAMPLE0000000001' });
    expect(
      await errorOf(
        unverified.send(
          new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's3', DurationSeconds: 3601 }),
        ),
      ),
    ).toMatch(/chaining/);
  });

  it('refuses a MaxSessionDuration IAM would not take', async () => {
    await expect(startEmulator({ sts: { maxSessionDurationSeconds: 1800 } })).rejects.toThrow(
      'sts.maxSessionDurationSeconds must be an integer from 3600 to 43200, got 1800',
    );
    await expect(
      startEmulator({ sts: { maxSessionDurationSeconds: { [ROLE]: 50000 } } }),
    ).rejects.toThrow(EmulatorOptionsError);
  });
});
