/**
 * The `hang` fault: a request is read and never answered, the connection stays open — what a
 * wedged proxy or an overloaded endpoint does. Clients have to end it with their own timeout.
 */
import { CliUsageError, parseCliArgs } from '../cli-options';
import { FaultConfigError, FaultInjector } from './faults';
import { startEmulator, type Emulator } from '../http/server';

function call(emulator: Emulator, signal?: AbortSignal): Promise<Response> {
  return fetch(emulator.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows',
    },
    body: '{}',
    signal,
  });
}

describe('hang fault', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo' });
  });
  afterAll(() => emulator.stop());

  it('decides hang at hangRate and validates the rate', () => {
    const injector = new FaultInjector({ hangRate: 1 });
    expect(injector.decide('GetMaintenanceWindow').kind).toBe('hang');
    expect(() => new FaultInjector({ hangRate: 1.5 })).toThrow(FaultConfigError);
    expect(
      () => new FaultInjector({ operations: { GetMaintenanceWindow: { hangRate: -1 } } }),
    ).toThrow(/operations\.GetMaintenanceWindow\.hangRate must be between 0 and 1/);
  });

  it('never answers a hung request, counts it, and answers again once the fault is lifted', async () => {
    const control = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'PUT',
      body: JSON.stringify({ hangRate: 1 }),
    });
    expect(control.status).toBe(200);
    const started = Date.now();
    await expect(call(emulator, AbortSignal.timeout(300))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(emulator.stats().faults.hang).toBe(1);
    emulator.setFaults({});
    expect((await call(emulator)).status).toBe(200);
  });

  it('is set from the command line with --hang-rate', () => {
    const command = parseCliArgs(['--hang-rate', '0.25']);
    expect(command).toMatchObject({ help: false, options: { faults: { hangRate: 0.25 } } });
    expect(() => parseCliArgs(['--hang-rate', '2'])).toThrow(CliUsageError);
  });
});
