/**
 * A report's per-window `error` is sent to every viewer of the entity: when AWS answers a bad
 * signature with the canonical request (the signed session token in it), no secret may reach it,
 * nor the backend's logs.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { ANNOTATION_SSM_WINDOW_ARN } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import {
  component,
  DEMO_ACCOUNT,
  demoWindowArn,
  type Emulator,
} from '../test-support/demoEntities';
import { DefaultSsmInvocationsService } from './DefaultSsmInvocationsService';

// Test values without an STS prefix: only the header and known-value rules can catch them.
const IDENTITY = {
  accessKeyId: 'ASIAREDACTIONTEST123',
  secretAccessKey: 'backend-redaction-secret/0123456789abcdef',
  sessionToken: 'backend-redaction-fixture-0123456789abcdef/+==',
};

let emulator: Emulator;
beforeAll(async () => {
  // The emulator knows the key and token but another secret: it answers as AWS does, with the
  // canonical request (the signed token header in it) quoted back.
  emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    seed: 'demo',
    sigv4: { credentials: [{ ...IDENTITY, secretAccessKey: 'the-secret-the-emulator-expects' }] },
  });
});
afterAll(() => emulator.stop());

it('keeps the session token, keys and signature out of the per-window error and the logs', async () => {
  const logger = mockServices.logger.mock();
  const credentialsManager: AwsCredentialsManager = {
    // The main account: the only one the backend reads windows in without aws.accounts.
    getCredentialProvider: async () => ({
      accountId: DEMO_ACCOUNT,
      sdkCredentialProvider: async () => IDENTITY,
    }),
  };
  const service = DefaultSsmInvocationsService.fromConfig(
    new ConfigReader({
      ssmInvocations: { endpoint: emulator.url, cache: { ttl: 0 }, maxAttempts: 1 },
    }),
    { logger, cache: mockServices.cache.mock(), credentialsManager },
  );
  const entity = component('svc', {
    [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.inventoryDbBackups),
  });
  const response = await service.getEntityReport(entity, { executions: 1 });
  const error = response.windows[0]?.error;
  expect(error).toMatchObject({
    code: 'ACCESS_DENIED',
    credentialFault: { setting: 'secretAccessKey', rule: 'signature-mismatch' },
  });
  expect(error?.message).toContain('does not match the signature you provided');
  expect(error?.message).toContain('x-amz-security-token:[REDACTED]');
  const logged = JSON.stringify(
    [logger.warn, logger.error, logger.info].map((fn) => (fn as jest.Mock).mock.calls),
  );
  for (const text of [JSON.stringify(response), logged]) {
    for (const secret of Object.values(IDENTITY)) expect(text).not.toContain(secret);
  }
});
