/**
 * Test support for the follow-up operations (not exported by the package): an SDK client for an
 * emulator, error capture, a raw AWS JSON call, and the command invocations and automation
 * executions a store's RUN_COMMAND and AUTOMATION invocations name — the ground truth the
 * operations must answer for.
 */
import { SSMClient } from '@aws-sdk/client-ssm';
import { startEmulator, type Emulator } from '../http/server';
import type { EmulatorInvocation, EmulatorStore } from '../state/store';

/** EC2 instance or hybrid managed node ids, as the SSM model's InstanceId pattern allows. */
export const NODE_ID = /^(i-[0-9a-f]{17}|mi-[0-9a-f]{17})$/;

/** An SDK client for the emulator (`maxAttempts` 1 unless given). */
export function followUpClient(emulator: Emulator, maxAttempts = 1): SSMClient {
  return new SSMClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    maxAttempts,
  });
}

/** A `demo` emulator and a client for it, for a suite's beforeAll. */
export async function startDemoSession(): Promise<{ emulator: Emulator; ssm: SSMClient }> {
  const emulator = await startEmulator({ port: 0, seed: 'demo' });
  return { emulator, ssm: followUpClient(emulator) };
}

/** Ends a {@link startDemoSession} session. */
export async function stopSession(session: { emulator: Emulator; ssm: SSMClient }) {
  session.ssm.destroy();
  await session.emulator.stop();
}

/** The error a call rejects with (name, message, HTTP status); fails when it resolves. */
export async function errorOf(
  call: Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  try {
    await call;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to be rejected');
}

/** One unsigned AWS JSON 1.1 call: status, headers and body text. */
export async function rawCall(
  emulator: Emulator,
  operation: string,
  body: unknown,
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AmazonSSM.${operation}`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** {@link rawCall} with the body parsed. */
export async function rawJsonCall(
  emulator: Emulator,
  operation: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { status, text } = await rawCall(emulator, operation, body);
  return { status, body: JSON.parse(text) as Record<string, unknown> };
}

/** The node ids an invocation's `Parameters` name (RUN_COMMAND `instanceIds`). */
export function instanceIdsOf(invocation: EmulatorInvocation): string[] {
  const parameters = JSON.parse(invocation.Parameters ?? '{}') as { instanceIds?: string[] };
  return parameters.instanceIds ?? [];
}

/** The node an AUTOMATION invocation's `Parameters` name as its `InstanceId` target. */
export function automationTargetOf(invocation: EmulatorInvocation): string | undefined {
  const parameters = JSON.parse(invocation.Parameters ?? '{}') as {
    parameters?: { InstanceId?: string[] };
  };
  return parameters.parameters?.InstanceId?.[0];
}

/** The store's started invocations of one task type (those with an ExecutionId). */
export function startedInvocations(
  store: EmulatorStore,
  taskType: 'RUN_COMMAND' | 'AUTOMATION',
): EmulatorInvocation[] {
  return store.invocations.filter((i) => i.TaskType === taskType && i.ExecutionId !== undefined);
}

/** `commandId/instanceId` of every command invocation the store's RUN_COMMAND invocations name. */
export function expectedCommandRows(store: EmulatorStore): string[] {
  return startedInvocations(store, 'RUN_COMMAND').flatMap((invocation) =>
    instanceIdsOf(invocation).map((node) => `${invocation.ExecutionId ?? ''}/${node}`),
  );
}
