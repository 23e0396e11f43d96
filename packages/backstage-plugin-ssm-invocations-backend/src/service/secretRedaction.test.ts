/**
 * A report's per-window `error` is sent to every viewer of the entity: when AWS answers a bad
 * signature with the canonical request (the signed session token in it), no secret may reach it,
 * nor the backend's logs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { ANNOTATION_SSM_WINDOW_ARN } from '@ssm-invocations/core/model';
import { component, demoWindowArn } from '../test-support/demoEntities';
import { DefaultSsmInvocationsService } from './DefaultSsmInvocationsService';

// Test values without an STS prefix: only the header and known-value rules can catch them.
const IDENTITY = {
  accessKeyId: 'ASIAREDACTIONTEST123',
  secretAccessKey: 'backend-redaction-secret/0123456789abcdef',
  sessionToken: 'backend-redaction-fixture-0123456789abcdef/+==',
};

let server: Server;
let url: string;
beforeAll(async () => {
  // Answers like AWS does to a signature it does not accept: quoting what it received.
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const message = [
        'The request signature we calculated does not match the signature you provided.',
        `x-amz-security-token:${String(req.headers['x-amz-security-token'])}`,
        `authorization:${String(req.headers.authorization)}`,
        `token ${String(req.headers['x-amz-security-token'])} secret ${IDENTITY.secretAccessKey}`,
      ].join('\n');
      res.writeHead(403, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'InvalidSignatureException', message }));
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

it('keeps the session token, keys and signature out of the per-window error and the logs', async () => {
  const logger = mockServices.logger.mock();
  const credentialsManager: AwsCredentialsManager = {
    getCredentialProvider: async () => ({
      sdkCredentialProvider: async () => IDENTITY,
    }),
  };
  const service = DefaultSsmInvocationsService.fromConfig(
    new ConfigReader({
      ssmInvocations: { endpoint: url, cache: { ttl: 0 }, maxAttempts: 1 },
    }),
    { logger, cache: mockServices.cache.mock(), credentialsManager },
  );
  const entity = component('svc', {
    [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn('mw-0123456789abcdef0'),
  });
  const response = await service.getEntityReport(entity, { executions: 1 });
  const error = response.windows[0]?.error;
  expect(error).toMatchObject({ code: 'ACCESS_DENIED' });
  expect(error?.message).toContain('does not match the signature you provided');
  const logged = JSON.stringify(
    [logger.warn, logger.error, logger.info].map((fn) => (fn as jest.Mock).mock.calls),
  );
  for (const text of [JSON.stringify(response), logged]) {
    for (const secret of Object.values(IDENTITY)) expect(text).not.toContain(secret);
  }
});
