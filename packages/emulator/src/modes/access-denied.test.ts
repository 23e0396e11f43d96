import {
  DescribeMaintenanceWindowsCommand,
  GetMaintenanceWindowCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { DEMO_WINDOW_IDS } from '../data/demo-windows';
import { startEmulator, type Emulator } from '../http/server';
import { FaultInjector } from './faults';

const WINDOW_ID = DEMO_WINDOW_IDS.paymentsApiNightlyPatching;

describe('access denied (an action the caller may not call)', () => {
  let emulator: Emulator;

  beforeEach(async () => {
    emulator = await startEmulator({
      seed: 'demo',
      faults: { operations: { GetMaintenanceWindow: { accessDenied: true } } },
    });
  });
  afterEach(async () => {
    await emulator.stop();
  });

  it('answers 400 AccessDeniedException naming the ssm: action; the SDK does not retry it', async () => {
    const response = await fetch(emulator.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonSSM.GetMaintenanceWindow',
      },
      body: JSON.stringify({ WindowId: WINDOW_ID }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as { __type: string; message: string };
    expect(body.__type).toBe('com.amazon.coral.service#AccessDeniedException');
    expect(body.message).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/ssm-emulator-caller/session is not authorized ' +
        'to perform: ssm:GetMaintenanceWindow on resource: arn:aws:ssm:us-east-1:123456789012:* ' +
        'because no identity-based policy allows the ssm:GetMaintenanceWindow action',
    );

    const ssm = new SSMClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
      maxAttempts: 3,
    });
    emulator.resetStats();
    const error = await ssm.send(new GetMaintenanceWindowCommand({ WindowId: WINDOW_ID })).then(
      () => undefined,
      (caught: unknown) => caught as Error & { $metadata: { httpStatusCode?: number } },
    );
    expect(error).toMatchObject({ name: 'AccessDeniedException' });
    expect(error?.$metadata.httpStatusCode).toBe(400);
    expect(error?.message).toContain('ssm:GetMaintenanceWindow');
    // Other actions stay allowed.
    const windows = await ssm.send(new DescribeMaintenanceWindowsCommand({}));
    expect(windows.WindowIdentities?.length).toBeGreaterThan(0);
    const stats = emulator.stats();
    expect(stats.byOperation).toEqual({ GetMaintenanceWindow: 1, DescribeMaintenanceWindows: 1 });
    expect(stats.errors).toEqual({ AccessDeniedException: 1 });
    expect(stats.faults.accessDenied).toBe(1);
  });

  it('names the region SigV4 verifies for', async () => {
    await emulator.stop();
    const credential = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' };
    emulator = await startEmulator({
      seed: 'demo',
      sigv4: { credentials: [credential], region: 'eu-west-1' },
      faults: { accessDenied: true },
    });
    const ssm = new SSMClient({
      endpoint: emulator.url,
      region: 'eu-west-1',
      credentials: credential,
    });
    await expect(ssm.send(new DescribeMaintenanceWindowsCommand({}))).rejects.toThrow(
      'on resource: arn:aws:ssm:eu-west-1:123456789012:*',
    );
  });

  it('is decided before throttling, so a denied request takes no token', () => {
    const injector = new FaultInjector(
      {
        throttle: { requestsPerSecond: 1, burst: 1 },
        operations: { GetMaintenanceWindow: { accessDenied: true } },
      },
      () => 0,
    );
    expect(injector.decide('GetMaintenanceWindow').kind).toBe('denied');
    expect(injector.decide('GetMaintenanceWindow').kind).toBe('denied');
    expect(injector.decide('DescribeMaintenanceWindows').kind).toBe('none');
    expect(injector.decide('DescribeMaintenanceWindows').kind).toBe('throttle');
  });
});
