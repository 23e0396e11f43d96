/**
 * The credential test against an SSM endpoint that accepts and never answers (the emulator's hang
 * fault): both of its requests (the STS AssumeRole of a Role ARN, and the SSM probe) carry core's
 * request timeout, so n8n's HTTP helper gives up instead of leaving the credential test hanging.
 * Core's default (20 s) is shortened here so the test stays fast; the credential reads it from
 * core. (The emulator's STS always answers, so for AssumeRole the test checks the option sent.)
 */
import { startEmulator, type Emulator } from '@ssm-invocations/emulator';
import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { DEFAULT_TIMEOUTS } from '@ssm-invocations/core/json';
import { AwsSsmMaintenanceWindowsApi } from './AwsSsmMaintenanceWindowsApi.credentials';
import { recordingHttpRequest, TEST_CREDENTIALS } from '../test-support/fakeN8n';
import { demoFixture } from '../test-support/ssmFixture';
import { forgetTemporaryCredentials } from '../shared/temporaryCredentials';

jest.mock('@ssm-invocations/core/json', () => ({
  ...jest.requireActual<Record<string, unknown>>('@ssm-invocations/core/json'),
  DEFAULT_TIMEOUTS: { connectTimeoutMs: 3000, requestTimeoutMs: 300 },
}));
// The shortened default, as the credential sees it.
const SHORT_TIMEOUT_MS = DEFAULT_TIMEOUTS.requestTimeoutMs;
const ROLE = 'arn:aws:iam::444455556666:role/MaintenanceWindowReader';

let silent: Emulator;
beforeAll(async () => {
  silent = await startEmulator({
    fixture: demoFixture(),
    sts: { roleArns: [ROLE] },
    faults: { hangRate: 1 },
  });
});
afterAll(() => silent.stop());
beforeEach(() => forgetTemporaryCredentials());

async function testCredential(data: Record<string, string>) {
  const sent: IHttpRequestOptions[] = [];
  const context = {
    helpers: { httpRequest: recordingHttpRequest(sent) },
  } as unknown as IHttpRequestHelper;
  const error = await new AwsSsmMaintenanceWindowsApi().preAuthentication.call(context, data).then(
    () => undefined,
    (thrown: unknown) => thrown as Error,
  );
  return { error, sent };
}

describe('credential test against an SSM endpoint that never answers', () => {
  it('runs with the shortened timeout', () => {
    expect(SHORT_TIMEOUT_MS).toBe(300);
  });

  it('gives up on the SSM probe after the request timeout', async () => {
    const { error, sent } = await testCredential({
      ...(TEST_CREDENTIALS as Record<string, string>),
      endpoint: silent.url,
    });
    expect(sent.map((options) => options.timeout)).toEqual([SHORT_TIMEOUT_MS]);
    expect(error?.message).toContain(silent.url);
    expect(error?.message).toContain('ECONNABORTED');
    expect(silent.stats().faults.hang).toBeGreaterThan(0);
  });

  it('sends the STS AssumeRole with the request timeout too', async () => {
    const { error, sent } = await testCredential({
      ...(TEST_CREDENTIALS as Record<string, string>),
      endpoint: silent.url,
      stsEndpoint: silent.url,
      roleArn: ROLE,
    });
    expect(String(sent[0]?.body)).toMatch(/^Action=AssumeRole/);
    expect(sent.map((options) => options.timeout)).toEqual([SHORT_TIMEOUT_MS, SHORT_TIMEOUT_MS]);
    expect(error?.message).toContain('ECONNABORTED');
  });
});
