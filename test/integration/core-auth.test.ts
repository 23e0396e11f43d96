/**
 * @ssm-invocations/core against the emulator with SigV4 verification on: refused credentials
 * become AccessDeniedError (with the AWS error type as serviceCode) on both transports, and no
 * secret ever appears in an error, however it is printed.
 */
import { inspect } from 'node:util';
import { SSMClient } from '@aws-sdk/client-ssm';
import {
  AccessDeniedError,
  createInvocationsClient,
  jsonTransport,
  type InvocationsClient,
} from '@ssm-invocations/core';
import type { Emulator } from '@ssm-invocations/emulator';
import { fetchRequest, startTestEmulator } from '../support/core-clients';

const GOOD = { accessKeyId: 'AKIDGOODKEY', secretAccessKey: 'good-secret-0123456789abcdef' };
const WRONG_SECRET = 'wrong-secret-must-never-be-printed-42';

let emulator: Emulator;
const ssmClients: SSMClient[] = [];

function sdkClient(credentials: {
  accessKeyId: string;
  secretAccessKey: string;
}): InvocationsClient {
  const ssmClient = new SSMClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
  ssmClients.push(ssmClient);
  return createInvocationsClient({ ssmClient });
}

beforeAll(async () => {
  emulator = await startTestEmulator({
    seed: 'demo',
    sigv4: { credentials: [GOOD], region: 'us-east-1' },
  });
});
afterAll(async () => {
  ssmClients.forEach((c) => c.destroy());
  await emulator.stop();
});

function windowId(): string {
  return emulator.store.windows[0]?.WindowId ?? '';
}

async function failure(run: Promise<unknown>): Promise<AccessDeniedError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AccessDeniedError);
  return error as AccessDeniedError;
}

function everyRendering(error: Error): string {
  return [
    error.message,
    error.stack,
    JSON.stringify(error),
    inspect(error, { depth: 20 }),
    String(error),
  ].join('\n');
}

it('accepts correctly signed requests', async () => {
  const window = await sdkClient(GOOD).getWindow({ windowId: windowId() });
  expect(window.WindowId).toBe(windowId());
});

it('a wrong secret → AccessDeniedError (InvalidSignatureException), secret never printed', async () => {
  const error = await failure(
    sdkClient({ accessKeyId: GOOD.accessKeyId, secretAccessKey: WRONG_SECRET }).getWindow({
      windowId: windowId(),
    }),
  );
  expect(error.code).toBe('ACCESS_DENIED');
  expect(error.serviceCode).toBe('InvalidSignatureException');
  expect(error.requestId).toEqual(expect.any(String));
  expect(everyRendering(error)).not.toContain(WRONG_SECRET);
});

it('an unknown key → AccessDeniedError (UnrecognizedClientException)', async () => {
  const error = await failure(
    sdkClient({ accessKeyId: 'AKIDUNKNOWN', secretAccessKey: WRONG_SECRET }).listWindows(),
  );
  expect(error.serviceCode).toBe('UnrecognizedClientException');
  expect(everyRendering(error)).not.toContain(WRONG_SECRET);
});

it('an unsigned jsonTransport request → AccessDeniedError, the report fails as a whole', async () => {
  const client = createInvocationsClient({ transport: jsonTransport(fetchRequest(emulator.url)) });
  const error = await failure(client.getWindowReport({ windowId: windowId() }));
  expect(error.serviceCode).toBe('MissingAuthenticationTokenException');
});
