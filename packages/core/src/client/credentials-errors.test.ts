/**
 * Missing credentials, an unknown profile or no region: a CredentialsError naming what to set,
 * before any request and without retries — not a "malformed response" from a healthy server.
 */
import { CredentialsError } from '../model/errors';
import { startLoopbackServer, type LoopbackServer } from '../test-support/loopback-server';
import { createInvocationsClient } from './create-invocations-client';

const WINDOW_ID = 'mw-0123456789abcdef0';
const originalEnv = process.env;

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end('{}');
  });
});
afterAll(() => server.close());

// Nothing from this machine's AWS setup, and never the instance metadata service.
beforeEach(() => {
  process.env = {
    AWS_CONFIG_FILE: '/nonexistent/ssm-invocations/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ssm-invocations/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  server.requests.length = 0;
});
afterEach(() => {
  process.env = originalEnv;
});

async function failure(options: Parameters<typeof createInvocationsClient>[0]): Promise<unknown> {
  return createInvocationsClient(options)
    .getWindow({ windowId: WINDOW_ID })
    .then(
      () => new Error('expected a rejection'),
      (error: unknown) => error,
    );
}

it('no credentials anywhere → CredentialsError naming AWS_PROFILE / AWS_ACCESS_KEY_ID, no request', async () => {
  const error = await failure({ endpoint: server.url, region: 'us-east-1' });
  expect(error).toBeInstanceOf(CredentialsError);
  expect(error).toMatchObject({ code: 'CREDENTIALS', missing: 'credentials' });
  expect((error as Error).message).toMatch(
    /set AWS_PROFILE .* or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
  );
  expect(server.requests).toHaveLength(0);
});

it('an unknown profile → CredentialsError, no request', async () => {
  process.env.AWS_PROFILE = 'no-such-profile';
  const error = await failure({ endpoint: server.url, region: 'us-east-1' });
  expect(error).toMatchObject({ code: 'CREDENTIALS', missing: 'credentials' });
  expect(server.requests).toHaveLength(0);
});

it('no region → CredentialsError naming AWS_REGION, no request', async () => {
  const error = await failure({
    endpoint: server.url,
    credentials: { accessKeyId: 'AKIDREGIONTEST', secretAccessKey: 'region-test-secret' },
  });
  expect(error).toBeInstanceOf(CredentialsError);
  expect(error).toMatchObject({ code: 'CREDENTIALS', missing: 'region' });
  expect((error as Error).message).toMatch(/set AWS_REGION/);
  expect(server.requests).toHaveLength(0);
});

it('a credential provider that cannot load is asked once: no retries', async () => {
  let calls = 0;
  const error = await failure({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: () => {
      calls += 1;
      return Promise.reject(
        Object.assign(new Error('Could not resolve credentials using profile: [ops]'), {
          name: 'CredentialsProviderError',
        }),
      );
    },
  });
  expect(error).toMatchObject({ code: 'CREDENTIALS', missing: 'credentials' });
  expect((error as Error).message).toContain('profile: [ops]');
  expect(calls).toBe(1);
  expect(server.requests).toHaveLength(0);
});
