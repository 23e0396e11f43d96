import { startEmulator, type Emulator } from './server';

const LATENCY_MS = 60;

async function timedPost(url: string, target: string, body: object) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AmazonSSM.${target}`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, elapsed: performance.now() - started };
}

describe('latency', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'demo', faults: { latencyMs: LATENCY_MS } });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it('answers concurrent requests no sooner than the latency after each arrived', async () => {
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, () =>
        timedPost(emulator.url, 'DescribeMaintenanceWindows', { MaxResults: 50 }),
      ),
      // Errors of the operation and of the body wait just as long.
      timedPost(emulator.url, 'DescribeMaintenanceWindows', { MaxResults: 1 }),
      timedPost(emulator.url, 'GetMaintenanceWindow', {}),
    ]);
    expect(answers.map((a) => a.status)).toEqual([...Array(8).fill(200), 400, 400]);
    for (const answer of answers) expect(answer.elapsed).toBeGreaterThanOrEqual(LATENCY_MS);
    expect(emulator.stats().faults.latency).toBe(answers.length);
  });

  it('holds a fault back for the latency too', async () => {
    emulator.setFaults({ latencyMs: LATENCY_MS, failureRate: 1 });
    try {
      const answer = await timedPost(emulator.url, 'DescribeMaintenanceWindows', {});
      expect(answer.status).toBe(500);
      expect(answer.elapsed).toBeGreaterThanOrEqual(LATENCY_MS);
    } finally {
      emulator.setFaults({ latencyMs: LATENCY_MS });
    }
  });
});
