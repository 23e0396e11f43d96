import {
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowsCommand,
  GetMaintenanceWindowCommand,
  InternalServerError,
  SSMClient,
  ThrottlingException,
} from '@aws-sdk/client-ssm';
import { DEMO_WINDOW_IDS } from '../data/demo-windows';
import { startEmulator, type Emulator } from '../http/server';
import type { EmulatorStats } from './stats';
import { rawCall } from '../test-support/follow-up-client';

const WINDOW_ID = DEMO_WINDOW_IDS.paymentsApiNightlyPatching;

function client(emulator: Emulator, maxAttempts: number): SSMClient {
  return new SSMClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    maxAttempts,
  });
}

describe('fault injection through the real SDK', () => {
  let emulator: Emulator;

  beforeEach(async () => {
    emulator = await startEmulator({ seed: 'demo' });
  });
  afterEach(async () => {
    await emulator.stop();
  });

  it('throttles with 400 ThrottlingException "Rate exceeded" and x-amz-retry-after; the SDK retries', async () => {
    emulator.setFaults({ throttle: { requestsPerSecond: 1, burst: 1, retryAfterMs: 250 } });
    const first = await rawCall(emulator, 'GetMaintenanceWindow', { WindowId: WINDOW_ID });
    const second = await rawCall(emulator, 'GetMaintenanceWindow', { WindowId: WINDOW_ID });
    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(JSON.parse(second.text)).toEqual({
      __type: 'com.amazonaws.ssm#ThrottlingException',
      message: 'Rate exceeded',
    });
    expect(second.headers.get('x-amz-retry-after')).toBe('250');
    expect(second.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);

    const noRetry = client(emulator, 1);
    await expect(
      noRetry.send(new GetMaintenanceWindowCommand({ WindowId: WINDOW_ID })),
    ).rejects.toBeInstanceOf(ThrottlingException);
    noRetry.destroy();
    const withRetry = client(emulator, 5);
    // A slow bucket (one token per 4 s) whose retry hint covers the refill: emptying it leaves the
    // SDK's first attempt throttled even on a loaded machine, and the hinted retry finds a token.
    emulator.setFaults({ throttle: { requestsPerSecond: 0.25, burst: 1, retryAfterMs: 4100 } });
    await rawCall(emulator, 'GetMaintenanceWindow', { WindowId: WINDOW_ID });
    const out = await withRetry.send(new GetMaintenanceWindowCommand({ WindowId: WINDOW_ID }));
    expect(out.Name).toBe('payments-api-nightly-patching');
    expect(out.$metadata.attempts).toBeGreaterThan(1);
    withRetry.destroy();
    expect(emulator.stats().throttled).toBeGreaterThanOrEqual(2);
  });

  it('lets about requestsPerSecond through per second under a burst of requests', async () => {
    emulator.setFaults({ throttle: { requestsPerSecond: 10, burst: 2 } });
    const started = Date.now();
    let ok = 0;
    let sent = 0;
    while (Date.now() - started < 1000) {
      const { status } = await rawCall(emulator, 'DescribeMaintenanceWindows', {});
      sent += 1;
      if (status === 200) ok += 1;
    }
    const elapsed = (Date.now() - started) / 1000;
    // On a loaded machine fewer requests go out; then all of them may pass, but never more than the bucket.
    expect(ok).toBeGreaterThanOrEqual(Math.min(sent, Math.floor(2 + 10 * elapsed * 0.8)));
    expect(ok).toBeLessThanOrEqual(Math.ceil(2 + 10 * elapsed) + 1);
    expect(emulator.stats().faults.throttle).toBeGreaterThan(0);
  });

  it('answers 500 InternalServerError at failureRate 1; the SDK retries and gives up', async () => {
    emulator.setFaults({ operations: { GetMaintenanceWindow: { failureRate: 1 } } });
    const ssm = client(emulator, 2);
    const error: unknown = await ssm
      .send(new GetMaintenanceWindowCommand({ WindowId: WINDOW_ID }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).$fault).toBe('server');
    expect((error as InternalServerError).$metadata.httpStatusCode).toBe(500);
    expect((error as InternalServerError).$metadata.attempts).toBe(2);
    // Other operations are untouched.
    await expect(ssm.send(new DescribeMaintenanceWindowsCommand({}))).resolves.toBeDefined();
    ssm.destroy();
    expect(emulator.stats().faults.failure).toBe(2);
  });

  it('recovers from seeded 50% failures with retries, deterministically', async () => {
    const outcomes = async () => {
      emulator.setFaults({ seed: 'fixed', failureRate: 0.5 });
      const results: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        results.push((await rawCall(emulator, 'DescribeMaintenanceWindows', {})).status);
      }
      return results;
    };
    const first = await outcomes();
    expect(await outcomes()).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
    emulator.setFaults({ seed: 'fixed', failureRate: 0.5 });
    const ssm = client(emulator, 10);
    const out = await ssm.send(new DescribeMaintenanceWindowsCommand({}));
    expect(out.WindowIdentities).toHaveLength(5);
    ssm.destroy();
  });

  it('resets connections; the SDK sees a network error and retries', async () => {
    emulator.setFaults({ resetRate: 1 });
    const once = client(emulator, 1);
    const error: unknown = await once
      .send(new DescribeMaintenanceWindowsCommand({}))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as NodeJS.ErrnoException).code ?? (error as Error).message)).toMatch(
      /ECONNRESET|socket hang up/i,
    );
    once.destroy();
    emulator.setFaults({ seed: 'resets', resetRate: 0.5 });
    const retrying = client(emulator, 10);
    const out = await retrying.send(new DescribeMaintenanceWindowsCommand({}));
    expect(out.WindowIdentities).toHaveLength(5);
    retrying.destroy();
    expect(emulator.stats().faults.reset).toBeGreaterThanOrEqual(1);
    // The server is still up and answering.
    emulator.setFaults({});
    expect((await rawCall(emulator, 'DescribeMaintenanceWindows', {})).status).toBe(200);
  });

  it('sends a truncated JSON body with status 200 for the malformed fault', async () => {
    emulator.setFaults({ malformedRate: 1 });
    const raw = await rawCall(emulator, 'GetMaintenanceWindow', { WindowId: WINDOW_ID });
    expect(raw.status).toBe(200);
    expect(raw.text.startsWith('{"WindowId":')).toBe(true);
    expect(() => JSON.parse(raw.text) as unknown).toThrow(SyntaxError);
    const ssm = client(emulator, 1);
    await expect(
      ssm.send(new GetMaintenanceWindowCommand({ WindowId: WINDOW_ID })),
    ).rejects.toThrow();
    ssm.destroy();
    expect(emulator.stats().faults.malformed).toBe(2);
  });

  it('adds latency', async () => {
    emulator.setFaults({ latencyMs: 200, jitterMs: 20 });
    const started = Date.now();
    const { status } = await rawCall(emulator, 'DescribeMaintenanceWindows', {});
    expect(status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
    emulator.setFaults({});
    await rawCall(emulator, 'DescribeMaintenanceWindows', {});
    // Only the first request was delayed (no upper time bound: the machine may be busy).
    expect(emulator.stats().faults.latency).toBe(1);
  });

  it('repeats the same NextToken forever for the repeat-token fault', async () => {
    const execution = emulator.store.executionsOf(DEMO_WINDOW_IDS.checkoutWebWeeklyReboot)[1];
    const task = execution && emulator.store.tasksOf(execution.WindowExecutionId)[0];
    if (!execution || !task) throw new Error('demo data missing');
    emulator.setFaults({
      operations: { DescribeMaintenanceWindowExecutionTaskInvocations: { repeatToken: true } },
    });
    const ssm = client(emulator, 1);
    const input = {
      WindowExecutionId: execution.WindowExecutionId,
      TaskId: task.TaskExecutionId,
      MaxResults: 10,
    };
    const page1 = await ssm.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand(input),
    );
    // Six invocations fit one page, yet a token comes back, and then the same one again and again.
    expect(page1.WindowExecutionTaskInvocationIdentities).toHaveLength(6);
    expect(page1.NextToken).toEqual(expect.any(String));
    const tokens = [page1.NextToken];
    for (let i = 0; i < 3; i += 1) {
      const page = await ssm.send(
        new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
          ...input,
          NextToken: tokens[tokens.length - 1],
        }),
      );
      tokens.push(page.NextToken);
    }
    expect(new Set(tokens).size).toBe(1);
    ssm.destroy();
    expect(emulator.stats().faults.repeatToken).toBe(4);
  });

  it('serves stats at GET /__emulator/stats and takes faults at PUT /__emulator/faults', async () => {
    await rawCall(emulator, 'DescribeMaintenanceWindows', {});
    await rawCall(emulator, 'GetMaintenanceWindow', { WindowId: 'bad' });
    const put = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'PUT',
      body: JSON.stringify({ operations: { GetMaintenanceWindow: { failureRate: 1 } } }),
    });
    expect(put.status).toBe(200);
    expect((await rawCall(emulator, 'GetMaintenanceWindow', { WindowId: WINDOW_ID })).status).toBe(
      500,
    );
    const bad = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'PUT',
      body: '{"failureRate":7}',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('failureRate must be between 0 and 1');

    const response = await fetch(`${emulator.url}/__emulator/stats`);
    expect(response.headers.get('content-type')).toBe('application/json');
    const stats = (await response.json()) as EmulatorStats;
    expect(stats).toEqual(emulator.stats());
    expect(stats.requests).toBe(3);
    expect(stats.byOperation).toEqual({ DescribeMaintenanceWindows: 1, GetMaintenanceWindow: 2 });
    expect(stats.succeeded).toEqual({ DescribeMaintenanceWindows: 1 });
    expect(stats.errors).toEqual({ ValidationException: 1, InternalServerError: 1 });
    expect(stats.faults.failure).toBe(1);
    emulator.resetStats();
    expect(emulator.stats().requests).toBe(0);
  });
});
