import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import fc from 'fast-check';
import {
  assumeRoleForm,
  readAssumeRoleAnswer,
  readAssumeRoleSettings,
  stsEndpointForRegion,
  StsError,
  type AssumeRoleSettings,
} from './assumeRole';
import { signRequest } from './signatureV4';

interface Captured {
  headers: Record<string, string>;
  body: string;
  hostname: string;
}

/** An STS client whose transport records the request and answers with `answer`. */
function sdkClient(
  region: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  answer: { status: number; body: string },
  captured: Captured[] = [],
): STSClient {
  return new STSClient({
    region,
    credentials,
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { headers: Record<string, string>; body: string; hostname: string }) {
        captured.push({ headers: request.headers, body: request.body, hostname: request.hostname });
        return {
          response: {
            statusCode: answer.status,
            headers: { 'content-type': 'text/xml' },
            body: new TextEncoder().encode(answer.body),
          },
        };
      },
    } as never,
  });
}

function amzDateToDate(value: string): Date {
  return new Date(
    value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
}

const token = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[a-zA-Z0-9]{${min},${max}}$`));
const roleArn = fc
  .tuple(
    fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
    fc.stringMatching(/^\d{12}$/),
    fc.stringMatching(/^[\w+=,.@-]{1,40}(\/[\w+=,.@-]{1,20})?$/),
  )
  .map(([partition, account, name]) => `arn:${partition}:iam::${account}:role/${name}`);
const settingsArb = fc.record({
  roleArn,
  roleSessionName: fc.stringMatching(/^[\w+=,.@-]{2,64}$/),
  externalId: fc.option(fc.stringMatching(/^[\w+=,.@:/-]{2,60}$/), { nil: undefined }),
  region: fc.constantFrom('us-east-1', 'eu-central-2', 'il-central-1', 'cn-north-1'),
  accessKeyId: token(16, 20),
  secretAccessKey: token(30, 40),
  sessionToken: fc.option(token(20, 60), { nil: undefined }),
});
// Text STS may put in an answer: anything XML can carry, escapes needed or not.
const xmlText = fc
  .string({ unit: 'binary-ascii', minLength: 1, maxLength: 60 })
  .map((text) =>
    // XML 1.0 cannot carry most C0 controls, and normalises a raw CR; AWS sends neither.
    [...text]
      .map((char) => {
        const code = char.charCodeAt(0);
        return (code < 0x20 && char !== '\t' && char !== '\n') || code === 0x7f ? 'x' : char;
      })
      .join(''),
  )
  // A blank key or token is a malformed answer (tested below), not a value to compare.
  .filter((text) => text.trim() !== '');
// Numeric character references for every special character, as some XML writers do.
function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

describe('AssumeRole request agrees with @aws-sdk/client-sts on random inputs', () => {
  it('sends the same form body, host and signature', async () => {
    await fc.assert(
      fc.asyncProperty(settingsArb, async (input) => {
        const captured: Captured[] = [];
        const credentials = {
          accessKeyId: input.accessKeyId,
          secretAccessKey: input.secretAccessKey,
          sessionToken: input.sessionToken,
        };
        const client = sdkClient(input.region, credentials, { status: 500, body: '' }, captured);
        await client
          .send(
            new AssumeRoleCommand({
              RoleArn: input.roleArn,
              RoleSessionName: input.roleSessionName,
              ExternalId: input.externalId,
            }),
          )
          .catch(() => undefined);
        const sent = captured[0];
        if (!sent) throw new Error('the SDK sent nothing');

        const settings = readAssumeRoleSettings(
          {
            roleArn: input.roleArn,
            roleSessionName: input.roleSessionName,
            externalId: input.externalId ?? '',
          },
          input.region,
        ) as AssumeRoleSettings;
        expect(settings.stsEndpoint).toBe(`https://${sent.hostname}`);
        expect(assumeRoleForm(settings)).toBe(sent.body);

        const { authorization, ...headers } = sent.headers;
        const ours = signRequest(
          {
            method: 'POST',
            host: sent.hostname,
            path: '/',
            headers: Object.fromEntries(
              Object.entries(headers).filter(
                ([name]) =>
                  !['x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'].includes(
                    name.toLowerCase(),
                  ),
              ),
            ),
            body: sent.body,
          },
          {
            credentials,
            region: input.region,
            service: 'sts',
            date: amzDateToDate(headers['x-amz-date'] ?? ''),
            addContentSha256Header: 'x-amz-content-sha256' in headers,
          },
        );
        expect(ours.headers.authorization).toBe(authorization);
      }),
      { numRuns: 40 },
    );
  });

  it('uses the regional endpoint of the partition by default', () => {
    expect(stsEndpointForRegion('cn-north-1')).toBe('https://sts.cn-north-1.amazonaws.com.cn');
    expect(stsEndpointForRegion('us-gov-west-1')).toBe('https://sts.us-gov-west-1.amazonaws.com');
  });
});

describe('readAssumeRoleAnswer agrees with @aws-sdk/client-sts on random answers', () => {
  it('reads the same temporary credentials, namespaces and escapes included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          accessKeyId: fc.stringMatching(/^ASIA[A-Z0-9]{16}$/),
          secretAccessKey: xmlText,
          sessionToken: xmlText,
          expiration: fc.date({
            min: new Date('2020-01-01T00:00:00Z'),
            max: new Date('2090-01-01T00:00:00Z'),
            noInvalidDate: true,
          }),
          prefix: fc.constantFrom('', 'sts:'),
          cdata: fc.boolean(),
        }),
        async (answer) => {
          const p = answer.prefix;
          const ns = p
            ? `xmlns:sts="https://sts.amazonaws.com/doc/2011-06-15/"`
            : `xmlns="https://sts.amazonaws.com/doc/2011-06-15/"`;
          const secret =
            answer.cdata && !answer.secretAccessKey.includes(']]>')
              ? `<![CDATA[${answer.secretAccessKey}]]>`
              : escapeXml(answer.secretAccessKey);
          const expiration = `${answer.expiration.toISOString().slice(0, 19)}Z`;
          const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${p}AssumeRoleResponse ${ns}>
  <!-- a comment with <Credentials> inside -->
  <${p}AssumeRoleResult>
    <${p}Credentials>
      <${p}AccessKeyId>${answer.accessKeyId}</${p}AccessKeyId>
      <${p}SecretAccessKey>${secret}</${p}SecretAccessKey>
      <${p}SessionToken>${escapeXml(answer.sessionToken)}</${p}SessionToken>
      <${p}Expiration>${expiration}</${p}Expiration>
    </${p}Credentials>
    <${p}AssumedRoleUser><${p}AssumedRoleId>AROA:s</${p}AssumedRoleId><${p}Arn>arn:aws:sts::111122223333:assumed-role/R/s</${p}Arn></${p}AssumedRoleUser>
  </${p}AssumeRoleResult>
  <${p}ResponseMetadata><${p}RequestId>r-1</${p}RequestId></${p}ResponseMetadata>
</${p}AssumeRoleResponse>`;
          const ours = readAssumeRoleAnswer(200, xml);
          if (p === '') {
            // The SDK reads unprefixed answers only (what STS sends); compare with it there.
            const theirs = await sdkClient(
              'us-east-1',
              { accessKeyId: 'A', secretAccessKey: 'B' },
              { status: 200, body: xml },
            ).send(
              new AssumeRoleCommand({
                RoleArn: 'arn:aws:iam::111122223333:role/R',
                RoleSessionName: 's1',
              }),
            );
            expect(ours.accessKeyId).toBe(theirs.Credentials?.AccessKeyId);
            expect(ours.secretAccessKey).toBe(theirs.Credentials?.SecretAccessKey?.trim());
            expect(ours.sessionToken).toBe(theirs.Credentials?.SessionToken?.trim());
            expect(ours.expiration.getTime()).toBe(theirs.Credentials?.Expiration?.getTime());
          }
          expect(ours.secretAccessKey).toBe(answer.secretAccessKey.trim());
          expect(ours.sessionToken).toBe(answer.sessionToken.trim());
          expect(ours.expiration.toISOString()).toBe(`${expiration.slice(0, 19)}.000Z`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads the same error code and message as the SDK', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'AccessDenied',
          'RegionDisabledException',
          'ValidationError',
          'ExpiredToken',
        ),
        fc.constantFrom(400, 403),
        xmlText,
        async (code, status, message) => {
          const xml = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>${code}</Code>\n    <Message>${escapeXml(message)}</Message>\n  </Error>\n  <RequestId>5e1d0c2b</RequestId>\n</ErrorResponse>`;
          let ours: unknown;
          try {
            readAssumeRoleAnswer(status, xml);
          } catch (error) {
            ours = error;
          }
          const theirs = (await sdkClient(
            'us-east-1',
            { accessKeyId: 'A', secretAccessKey: 'B' },
            { status, body: xml },
          )
            .send(
              new AssumeRoleCommand({
                RoleArn: 'arn:aws:iam::111122223333:role/R',
                RoleSessionName: 's1',
              }),
            )
            .catch((error: unknown) => error)) as Error;
          expect(ours).toBeInstanceOf(StsError);
          expect((ours as StsError).code).toBe(theirs.name);
          expect((ours as StsError).message).toBe(theirs.message.trim());
          expect((ours as StsError).status).toBe(status);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reports a 200 answer without credentials as malformed', () => {
    expect(() => readAssumeRoleAnswer(200, '<AssumeRoleResponse/>')).toThrow(
      expect.objectContaining({ code: 'MalformedResponse' }) as Error,
    );
  });
});

describe('readAssumeRoleSettings', () => {
  it.each([
    [{ roleArn: 'arn:aws:iam::role/x' }, 'roleArn'],
    [
      { roleArn: 'arn:aws:iam::444455556666:role/R', roleSessionName: 'has space' },
      'roleSessionName',
    ],
    [{ roleArn: 'arn:aws:iam::444455556666:role/R', externalId: 'x' }, 'externalId'],
    [{ roleArn: 'arn:aws:iam::444455556666:role/R', stsEndpoint: 'ftp://x' }, 'stsEndpoint'],
  ])('names the field of %j', (data, field) => {
    expect(readAssumeRoleSettings(data, 'eu-west-1')).toEqual({
      field,
      message: expect.any(String),
    });
  });

  it('signs the global endpoint for us-east-1 and defaults the session name', () => {
    expect(
      readAssumeRoleSettings(
        { roleArn: 'arn:aws:iam::444455556666:role/R', stsEndpoint: 'https://sts.amazonaws.com/' },
        'eu-west-1',
      ),
    ).toEqual({
      roleArn: 'arn:aws:iam::444455556666:role/R',
      roleSessionName: 'n8n-ssm-invocations',
      stsEndpoint: 'https://sts.amazonaws.com',
      signingRegion: 'us-east-1',
    });
  });
});
