import { createHash, createHmac } from 'crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { signRequest, uriEncode, type SignableRequest } from './signatureV4';

// The aws-sig-v4-test-suite's fixed inputs (published with the suite).
const SUITE = {
  credentials: {
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  },
  region: 'us-east-1',
  service: 'service',
  date: new Date('2015-08-30T12:36:00Z'),
  addContentSha256Header: false,
};
const HOST = 'example.amazonaws.com';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const STS_TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';

interface Vector {
  name: string;
  request: Omit<SignableRequest, 'host'>;
  sessionToken?: string;
  signedHeaders: string;
  signature: string;
  canonicalRequest?: string;
}

// Expected signatures as published in the suite's `.authz` files.
const VECTORS: Vector[] = [
  {
    name: 'get-vanilla',
    request: { method: 'GET', path: '/' },
    signedHeaders: 'host;x-amz-date',
    signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    canonicalRequest: `GET\n/\n\nhost:${HOST}\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n${EMPTY_SHA256}`,
  },
  {
    name: 'post-vanilla',
    request: { method: 'POST', path: '/' },
    signedHeaders: 'host;x-amz-date',
    signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
  },
  {
    name: 'get-vanilla-query-order-key-case',
    request: { method: 'GET', path: '/', query: { Param2: 'value2', Param1: 'value1' } },
    signedHeaders: 'host;x-amz-date',
    signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
  },
  {
    name: 'get-vanilla-query-order-value',
    request: { method: 'GET', path: '/', query: { Param1: ['value2', 'value1'] } },
    signedHeaders: 'host;x-amz-date',
    signature: '5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694',
  },
  {
    name: 'get-vanilla-utf8-query',
    request: { method: 'GET', path: '/', query: { '\u1234': 'bar' } },
    signedHeaders: 'host;x-amz-date',
    signature: '2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04',
  },
  {
    name: 'post-vanilla-query',
    request: { method: 'POST', path: '/', query: { Param1: 'value1' } },
    signedHeaders: 'host;x-amz-date',
    signature: '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11',
  },
  {
    name: 'get-unreserved',
    request: {
      method: 'GET',
      path: '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    },
    signedHeaders: 'host;x-amz-date',
    signature: '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
  },
  {
    name: 'get-utf8',
    request: { method: 'GET', path: '/\u1234' },
    signedHeaders: 'host;x-amz-date',
    signature: '8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85',
  },
  {
    name: 'get-space (normalized)',
    request: { method: 'GET', path: '/example space/' },
    signedHeaders: 'host;x-amz-date',
    signature: '652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741',
  },
  {
    name: 'get-slashes (normalized)',
    request: { method: 'GET', path: '//example//' },
    signedHeaders: 'host;x-amz-date',
    signature: '9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84',
  },
  {
    name: 'get-slash-pointless-dot (normalized)',
    request: { method: 'GET', path: '/./example' },
    signedHeaders: 'host;x-amz-date',
    signature: 'ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5',
  },
  {
    name: 'get-header-value-order',
    request: {
      method: 'GET',
      path: '/',
      headers: { 'My-Header1': ['value4', 'value1', 'value3', 'value2'] },
    },
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: '08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01',
  },
  {
    name: 'get-header-key-duplicate',
    request: {
      method: 'GET',
      path: '/',
      headers: { 'My-Header1': ['value2', 'value2', 'value1'] },
    },
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: 'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea',
  },
  {
    name: 'get-header-value-trim',
    request: {
      method: 'GET',
      path: '/',
      headers: { 'My-Header1': ' value1', 'My-Header2': '"a   b   c"' },
    },
    signedHeaders: 'host;my-header1;my-header2;x-amz-date',
    signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
    canonicalRequest: `GET\n/\n\nhost:${HOST}\nmy-header1:value1\nmy-header2:"a b c"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n${EMPTY_SHA256}`,
  },
  {
    name: 'post-x-www-form-urlencoded',
    request: {
      method: 'POST',
      path: '/',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Param1=value1',
    },
    signedHeaders: 'content-type;host;x-amz-date',
    signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
  },
  {
    name: 'post-sts-header-before',
    request: { method: 'POST', path: '/' },
    sessionToken: STS_TOKEN,
    signedHeaders: 'host;x-amz-date;x-amz-security-token',
    signature: '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead',
  },
];

describe('signRequest against the aws-sig-v4-test-suite vectors', () => {
  it.each(VECTORS)('$name', (vector) => {
    const signed = signRequest(
      { ...vector.request, host: HOST },
      {
        ...SUITE,
        credentials: { ...SUITE.credentials, sessionToken: vector.sessionToken },
      },
    );
    expect(signed.headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${vector.signedHeaders}, Signature=${vector.signature}`,
    );
    expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
    if (vector.canonicalRequest) expect(signed.canonicalRequest).toBe(vector.canonicalRequest);
    if (vector.sessionToken) expect(signed.headers['x-amz-security-token']).toBe(STS_TOKEN);
  });

  it('adds and signs x-amz-content-sha256 by default, as the AWS SDK does', () => {
    const signed = signRequest(
      { method: 'POST', host: HOST, path: '/', body: 'Param1=value1' },
      { ...SUITE, addContentSha256Header: undefined },
    );
    const bodyHash = createHash('sha256').update('Param1=value1').digest('hex');
    expect(signed.headers['x-amz-content-sha256']).toBe(bodyHash);
    expect(signed.headers.authorization).toContain(
      'SignedHeaders=host;x-amz-content-sha256;x-amz-date,',
    );
  });

  it('leaves proxy-rewritable headers such as user-agent unsigned but keeps sending them', () => {
    const signed = signRequest(
      { method: 'GET', host: HOST, path: '/', headers: { 'User-Agent': 'n8n' } },
      SUITE,
    );
    expect(signed.headers['user-agent']).toBe('n8n');
    expect(signed.headers.authorization).toContain('SignedHeaders=host;x-amz-date,');
  });

  it('percent-encodes with RFC 3986, upper-case hex and unreserved characters kept', () => {
    expect(uriEncode("a b*c(d)!'~-_.")).toBe('a%20b%2Ac%28d%29%21%27~-_.');
    expect(uriEncode('ü/+=')).toBe('%C3%BC%2F%2B%3D');
  });
});

function toBytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

// @smithy/signature-v4 wants a hash constructor; node's crypto serves.
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret ? createHmac('sha256', toBytes(secret)) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const token = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[a-zA-Z0-9]{${min},${max}}$`));
const headerName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,15}$/)
  .filter((name) => !['host', 'authorization', 'x-amz-date', 'user-agent', 'expect'].includes(name))
  .filter((name) => !name.startsWith('x-amz-security') && !name.startsWith('x-amz-content'));
// Header values as sent on the wire: visible ASCII plus inner spaces.
const headerValue = fc.stringMatching(/^[!-~]([ !-~]{0,30}[!-~])?$/);
const pathSegment = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
  .filter((segment) => !segment.includes('/') && segment !== '.' && segment !== '..');

describe('signRequest agrees with @smithy/signature-v4 on random requests', () => {
  it('produces the same authorization header and signed headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
          host: fc.constantFrom(
            'ssm.eu-west-1.amazonaws.com',
            '127.0.0.1:4566',
            'ssm.cn-north-1.amazonaws.com.cn',
          ),
          segments: fc.array(pathSegment, { maxLength: 3 }),
          query: fc.dictionary(token(1, 8), fc.string({ maxLength: 12 }), { maxKeys: 4 }),
          headers: fc.dictionary(headerName, headerValue, { maxKeys: 5 }),
          body: fc.string({ maxLength: 200 }),
          region: fc.constantFrom('us-east-1', 'eu-central-2', 'il-central-1', 'cn-northwest-1'),
          accessKeyId: token(16, 20),
          secretAccessKey: token(30, 40),
          sessionToken: fc.option(token(20, 60), { nil: undefined }),
          date: fc.date({
            min: new Date('2000-01-01T00:00:00Z'),
            max: new Date('2099-12-31T23:59:59Z'),
            noInvalidDate: true,
          }),
        }),
        async (input) => {
          const path = `/${input.segments.join('/')}`;
          const credentials = {
            accessKeyId: input.accessKeyId,
            secretAccessKey: input.secretAccessKey,
            sessionToken: input.sessionToken,
          };
          const ours = signRequest(
            {
              method: input.method,
              host: input.host,
              path,
              query: input.query,
              headers: input.headers,
              body: input.body,
            },
            { credentials, region: input.region, service: 'ssm', date: input.date },
          );

          const smithy = new SignatureV4({
            credentials,
            region: input.region,
            service: 'ssm',
            sha256: NodeSha256,
            uriEscapePath: true,
            applyChecksum: true,
          });
          const [hostname = '', port] = input.host.split(':');
          const theirs = await smithy.sign(
            {
              method: input.method,
              protocol: 'https:',
              hostname,
              port: port ? Number(port) : undefined,
              path,
              query: input.query,
              headers: { ...input.headers, host: input.host },
              body: input.body,
            },
            { signingDate: input.date },
          );
          const theirHeaders = Object.fromEntries(
            Object.entries(theirs.headers).map(([name, value]) => [name.toLowerCase(), value]),
          );
          expect(ours.headers.authorization).toBe(theirHeaders.authorization);
          expect(ours.headers['x-amz-date']).toBe(theirHeaders['x-amz-date']);
          expect(ours.headers['x-amz-security-token']).toBe(theirHeaders['x-amz-security-token']);
          expect(ours.headers['x-amz-content-sha256']).toBe(theirHeaders['x-amz-content-sha256']);
        },
      ),
      { numRuns: 300 },
    );
  });
});
