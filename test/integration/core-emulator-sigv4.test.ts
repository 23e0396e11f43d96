import {
  AccessDeniedError,
  NotFoundError,
  ThrottledError,
  createInvocationsClient,
  type InvocationsClient,
} from '@ssm-invocations/core';
import { DEMO_WINDOW_IDS, startEmulator, type Emulator } from '@ssm-invocations/emulator';

const CREDENTIALS = { accessKeyId: 'AKIDINTEGRATION', secretAccessKey: 'integration-secret' };

describe('@ssm-invocations/core against a SigV4-checking emulator (real SDK signing, real HTTP)', () => {
  let emulator: Emulator;
  let client: InvocationsClient;

  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'demo', sigv4: { credentials: [CREDENTIALS] } });
    client = createInvocationsClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: CREDENTIALS,
    });
  });
  afterAll(async () => {
    await emulator.stop();
  });
  afterEach(() => emulator.setFaults({}));

  it('is accepted with the configured key and maps refusals onto the core error classes', async () => {
    const windows = await client.listWindows();
    expect(windows).toHaveLength(5);
    expect(emulator.stats().signatures.verified).toBeGreaterThan(0);
    await expect(client.getWindow({ windowId: 'mw-0123456789abcdef0' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const stranger = createInvocationsClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDSTRANGER', secretAccessKey: 'nope' },
    });
    await expect(stranger.listWindows()).rejects.toBeInstanceOf(AccessDeniedError);
    emulator.setFaults({ throttle: { requestsPerSecond: 0.001, burst: 1 } });
    const impatient = createInvocationsClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    await impatient.listWindows();
    await expect(impatient.listWindows()).rejects.toBeInstanceOf(ThrottledError);
  });

  it('recovers from seeded 500s and resets with the SDK retries', async () => {
    emulator.setFaults({ seed: 'integration', failureRate: 0.2, resetRate: 0.1 });
    const patient = createInvocationsClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      maxAttempts: 10,
    });
    const report = await patient.getWindowReport({
      windowId: DEMO_WINDOW_IDS.inventoryDbBackups,
      executions: 2,
    });
    expect(report.executions).toHaveLength(2);
    expect(report.executions.flatMap((e) => e.tasks).every((t) => t.error === undefined)).toBe(
      true,
    );
    const stats = emulator.stats();
    expect(stats.faults.failure + stats.faults.reset).toBeGreaterThan(0);
  });
});
