/**
 * The real client against a loopback endpoint. No credentials, an unknown --profile or no
 * region: exit 2 with core's message saying what to set — not "cannot reach --endpoint", and no
 * request sent. A server quoting the signed request back: no secret on stderr.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCliClient } from './connection';
import { runCli } from './run-cli';

const originalEnv = process.env;

let server: Server;
let url: string;
let requests = 0;
/** What the endpoint answers (and any extra response headers); by default an empty success. */
let answer: (
  headers: Record<string, unknown>,
) => [status: number, body: string, extraHeaders?: Record<string, string>];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on('end', () => {
      const [status, body, extraHeaders] = answer(req.headers);
      res
        .writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...extraHeaders })
        .end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

// Nothing from this machine's AWS setup, and never the instance metadata service.
beforeEach(() => {
  process.env = {
    AWS_CONFIG_FILE: '/nonexistent/ssm-invocations/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ssm-invocations/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  requests = 0;
  answer = () => [200, '{}'];
});
afterEach(() => {
  process.env = originalEnv;
});

async function run(argv: string[]) {
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env: process.env,
    version: '0.0.0',
    createClient: (connection) => createCliClient(connection, process.env),
  });
  return { code, stderr };
}

it.each([
  ['no credentials', ['--endpoint', '<url>', 'windows'], /set AWS_PROFILE .*AWS_ACCESS_KEY_ID/],
  [
    'an unknown --profile',
    ['--endpoint', '<url>', '--profile', 'no-such-profile', 'windows'],
    /no-such-profile/,
  ],
])(
  '%s → exit 2 naming what to set, no endpoint hint, nothing sent',
  async (_name, argv, message) => {
    const { code, stderr } = await run(argv.map((arg) => (arg === '<url>' ? url : arg)));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: DescribeMaintenanceWindows was not sent: no AWS credentials/);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('--endpoint');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(requests).toBe(0);
  },
);

it('no region (and no --endpoint to default one) → exit 2 naming AWS_REGION', async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDCLITEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'cli-test-secret-value';
  const { code, stderr } = await run(['windows']);
  expect(code).toBe(2);
  expect(stderr).toMatch(/no AWS region is configured: set AWS_REGION/);
});

it('prints what the server said with the session token, keys and signature redacted', async () => {
  // Test values without an STS prefix: only the header and known-value rules can catch them.
  const identity = {
    AWS_ACCESS_KEY_ID: 'ASIACLIREDACTION1234',
    AWS_SECRET_ACCESS_KEY: 'cli-redaction-secret/0123456789abcdefgh',
    AWS_SESSION_TOKEN: 'cli-redaction-fixture-0123456789abcdef/+==',
  };
  Object.assign(process.env, identity);
  answer = (headers) => [
    400,
    JSON.stringify({
      __type: 'InvalidSignatureException',
      message: [
        'The request signature we calculated does not match the signature you provided.',
        `x-amz-security-token:${String(headers['x-amz-security-token'])}`,
        `authorization:${String(headers.authorization)}`,
        `token ${String(headers['x-amz-security-token'])} secret ${identity.AWS_SECRET_ACCESS_KEY}`,
      ].join('\n'),
    }),
  ];
  const { code, stderr } = await run(['--endpoint', url, 'windows']);
  expect(code).toBe(1);
  expect(stderr).toMatch(/^error: AccessDeniedError: .*does not match the signature you provided/);
  expect(stderr).toContain('[REDACTED]');
  for (const secret of Object.values(identity)) expect(stderr).not.toContain(secret);
});

it.each([
  [
    'InvalidSignatureException',
    "Credential should be scoped to a valid region, not 'eu-west-2'.",
    /— the request was signed for another region than the endpoint's: check --region$/,
  ],
  [
    'UnrecognizedClientException',
    'The security token included in the request is invalid.',
    /— AWS does not know this access key: check --profile or AWS_ACCESS_KEY_ID$/,
  ],
  [
    'ExpiredTokenException',
    'The security token included in the request is expired',
    /— the session token has expired: refresh the credentials \(e\.g\. aws sso login\)$/,
  ],
  [
    'InvalidSignatureException',
    'Signature expired: 20261130T010000Z is now earlier than 20261130T015500Z (20261130T020000Z - 5 min.)',
    /— this machine's clock is more than 5 minutes off AWS's: set it right$/,
  ],
])('credentials AWS refused (%s "%s") → exit 1 and what to fix', async (type, message, hint) => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDCLITEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'cli-test-secret-value';
  answer = () => [400, JSON.stringify({ __type: type, message })];
  const { code, stderr } = await run(['--endpoint', url, '--region', 'eu-west-1', 'windows']);
  expect(code).toBe(1);
  expect(stderr.trim()).toMatch(hint);
});

it('a refused permission gets no credential hint: the credentials were fine', async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDCLITEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'cli-test-secret-value';
  answer = () => [
    400,
    JSON.stringify({ __type: 'AccessDeniedException', message: 'not authorized' }),
  ];
  const { code, stderr } = await run(['--endpoint', url, '--region', 'eu-west-1', 'windows']);
  expect(code).toBe(1);
  expect(stderr).toMatch(/^error: AccessDeniedError: .*not authorized/);
  expect(stderr).not.toContain(' — ');
});

it('a request id header with C1 control bytes reaches the terminal inert', async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDCLITEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'cli-test-secret-value';
  // Header values are latin1 on the wire: 0x9b is an 8-bit CSI, 0x9d an OSC (clipboard write).
  const requestId = 'req-1\u009b2J\u009d52;c;ZXZpbA==\u009c-end';
  answer = () => [
    400,
    JSON.stringify({ __type: 'AccessDeniedException', message: 'not authorized' }),
    { 'x-amzn-requestid': requestId },
  ];
  const { code, stderr } = await run(['--endpoint', url, '--region', 'eu-west-1', 'windows']);
  expect(code).toBe(1);
  expect(stderr).toMatch(/^error: AccessDeniedError: .*not authorized \(request id req-1-end\)$/m);
  expect(stderr).not.toMatch(/[\u0080-\u009f]/);
});
