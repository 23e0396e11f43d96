/**
 * `--profile` with a role: the SDK's credential chain calls STS AssumeRole through its own client,
 * which waits forever by default. Against an STS endpoint that accepts and never answers, the CLI
 * still ends, within core's request timeout (shortened here so the test stays fast).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TIMEOUTS } from '@ssm-invocations/core/json';
import { createCliClient } from './connection';
import { runCli } from './run-cli';

jest.mock('@ssm-invocations/core/json', () => ({
  ...jest.requireActual<Record<string, unknown>>('@ssm-invocations/core/json'),
  DEFAULT_TIMEOUTS: { connectTimeoutMs: 1000, requestTimeoutMs: 300 },
}));

const originalEnv = process.env;
let silent: Server;
let stsUrl: string;
let stsRequests = 0;
let configDir: string;

beforeAll(async () => {
  // Reads each request and never answers it.
  silent = createServer((req) => {
    stsRequests += 1;
    req.resume();
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  stsUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  configDir = mkdtempSync(join(tmpdir(), 'ssm-invocations-cli-profile-'));
  writeFileSync(
    join(configDir, 'config'),
    [
      '[profile ops]',
      'role_arn = arn:aws:iam::444455556666:role/MaintenanceWindowReader',
      'source_profile = base',
      'region = eu-west-1',
      '[profile base]',
      'region = eu-west-1',
    ].join('\n'),
  );
  writeFileSync(
    join(configDir, 'credentials'),
    [
      '[base]',
      'aws_access_key_id = AKIDCLIPROFILE',
      'aws_secret_access_key = cli-profile-test',
    ].join('\n'),
  );
});
afterAll(async () => {
  rmSync(configDir, { recursive: true, force: true });
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});
afterEach(() => {
  process.env = originalEnv;
});

it('runs with the shortened timeout', () => {
  expect(DEFAULT_TIMEOUTS.requestTimeoutMs).toBe(300);
});

it('a role profile whose STS never answers ends with an error, not a hang', async () => {
  process.env = {
    AWS_CONFIG_FILE: join(configDir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(configDir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_STS: stsUrl,
  };
  let stderr = '';
  const code = await runCli(['--endpoint', 'http://127.0.0.1:9', '--profile', 'ops', 'windows'], {
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env: process.env,
    version: '0.0.0',
    createClient: (connection) => createCliClient(connection, process.env),
  });
  expect(stsRequests).toBeGreaterThan(0);
  expect(code).toBe(1);
  expect(stderr).toMatch(/^error: TimeoutError: .*300 ms requestTimeout/);
}, 15_000);
