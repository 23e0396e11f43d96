/**
 * Integration and benchmark support: an emulator on a free loopback port and core clients on
 * both transports pointed at it (the real SDK for one, Node's fetch for the other).
 */
import { SSMClient } from '@aws-sdk/client-ssm';
import {
  createInvocationsClient,
  type ClientBehaviourOptions,
  type InvocationsClient,
  type JsonRequestFunction,
  type RetryOptions,
  jsonTransport,
  sdkTransport,
} from '@ssm-invocations/core';
import { startEmulator, type Emulator, type EmulatorOptions } from '@ssm-invocations/emulator';

/** Dummy credentials: the emulator accepts any signature unless SigV4 checking is on. */
export const DUMMY_CREDENTIALS = {
  accessKeyId: 'AKIDINTEGRATION',
  secretAccessKey: 'integration-secret-never-printed-0123456789',
};

/** A `request` for jsonTransport over Node's fetch (unsigned: the emulator does not check). */
export function fetchRequest(url: string): JsonRequestFunction {
  return async ({ target, body, signal }) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
      body,
      signal,
    });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
}

export function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, host: '127.0.0.1', ...options });
}

export interface ClientPair {
  sdk: InvocationsClient;
  json: InvocationsClient;
  ssmClient: SSMClient;
}

/** One client per transport against `url`, with the same behaviour options. */
export function clientsFor(
  url: string,
  options: ClientBehaviourOptions & { maxAttempts?: number; retry?: RetryOptions } = {},
): ClientPair {
  const { maxAttempts, retry, ...behaviour } = options;
  const ssmClient = new SSMClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: DUMMY_CREDENTIALS,
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
  return {
    ssmClient,
    sdk: createInvocationsClient({
      transport: sdkTransport(ssmClient, { maxAttempts, ...retry }),
      ...behaviour,
    }),
    json: createInvocationsClient({
      transport: jsonTransport(fetchRequest(url), { maxAttempts, ...retry }),
      ...behaviour,
    }),
  };
}

/** An emulator and a client pair on it, set up by {@link useEmulatorClients}. */
export interface EmulatorClients {
  emulator: Emulator;
  clients: ClientPair;
}

/**
 * Starts an emulator and a client pair on it before the enclosing suite and stops both after
 * it. Read the fields inside tests (they are set once `beforeAll` ran).
 */
export function useEmulatorClients(
  emulatorOptions: EmulatorOptions,
  clientOptions: Parameters<typeof clientsFor>[1] = {},
): EmulatorClients {
  const context = {} as EmulatorClients;
  beforeAll(async () => {
    context.emulator = await startTestEmulator(emulatorOptions);
    context.clients = clientsFor(context.emulator.url, clientOptions);
  });
  afterAll(async () => {
    context.clients?.ssmClient.destroy();
    await context.emulator?.stop();
  });
  return context;
}
