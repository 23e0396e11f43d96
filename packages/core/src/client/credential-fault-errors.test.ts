/**
 * AWS refusing the credentials themselves, against the emulator with SigV4 checking on and the
 * real SDK signing: the AccessDeniedError says which setting to fix (`credentialFault`); a
 * refused permission does not.
 */
import { startEmulator, type Emulator } from '@ssm-invocations/emulator';
import { AccessDeniedError } from '../model/errors';
import { createInvocationsClient } from './create-invocations-client';
import { WINDOW_ID } from '../test-support/emulator';

const KEY = { accessKeyId: 'AKIDFAULTTEST', secretAccessKey: 'fault-test-secret-0123456789' };
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 'demo',
    sigv4: { credentials: [KEY], region: 'eu-west-1' },
  });
});
afterAll(() => emulator.stop());

async function refusal(region: string, credentials: typeof KEY): Promise<AccessDeniedError> {
  const client = createInvocationsClient({
    endpoint: emulator.url,
    region,
    credentials,
    maxAttempts: 1,
  });
  const error: unknown = await client.getWindow({ windowId: WINDOW_ID }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AccessDeniedError);
  return error as AccessDeniedError;
}

it.each([
  [
    'a wrong secret',
    'eu-west-1',
    { ...KEY, secretAccessKey: 'not-the-secret' },
    { setting: 'secretAccessKey', rule: 'signature-mismatch' },
  ],
  ['a region outside the scope', 'eu-west-2', KEY, { setting: 'region', rule: 'wrong-region' }],
  [
    'an unknown key',
    'eu-west-1',
    { ...KEY, accessKeyId: 'AKIDNOBODYKNOWS' },
    { setting: 'accessKeyId', rule: 'unknown-key' },
  ],
])('%s → credentialFault %j, in toJSON too', async (_, region, credentials, fault) => {
  const error = await refusal(region, credentials);
  expect(error.credentialFault).toEqual(fault);
  expect(error.toJSON()).toMatchObject({ code: 'ACCESS_DENIED', credentialFault: fault });
  expect(JSON.stringify(error.toJSON())).not.toContain(KEY.secretAccessKey);
});

it('a refused permission is AccessDenied without a credentialFault: the credentials were fine', async () => {
  emulator.setFaults({ accessDenied: true });
  try {
    const error = await refusal('eu-west-1', KEY);
    expect(error.serviceCode).toBe('AccessDeniedException');
    expect(error.credentialFault).toBeUndefined();
  } finally {
    emulator.setFaults({});
  }
});
