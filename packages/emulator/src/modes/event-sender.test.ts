import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../http/server';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  event: {
    id: string;
    source: string;
    'detail-type': string;
    region: string;
    resources: string[];
    detail: Record<string, string>;
  };
}

async function collector(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, event: JSON.parse(body) as Received['event'] });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/webhook/ssm`, received };
}

/** Waits until deliveries stop arriving (nothing new for 300 ms, at most 10 s). */
async function settle(received: Received[]): Promise<void> {
  let last = -1;
  for (let waited = 0; waited < 10_000 && (received.length !== last || last === 0); waited += 300) {
    last = received.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('live mode posts EventBridge events', () => {
  it('posts one event per status change, with the API key, consistent with the store', async () => {
    const sink = await collector();
    const emulator = await startEmulator({
      seed: 'demo',
      live: { autoTick: false, tickMs: 1000, seed: 'events' },
      events: { url: sink.url, secret: 'k-123', region: 'eu-west-1' },
    });
    try {
      const { created } = emulator.tick(30);
      expect(created.length).toBeGreaterThan(0);
      await settle(sink.received);
      expect(sink.received.length).toBeGreaterThan(0);
      for (const { headers, event } of sink.received) {
        expect(headers['x-api-key']).toBe('k-123');
        expect(event.source).toBe('aws.ssm');
        expect(event.region).toBe('eu-west-1');
        expect(event.resources[0]).toBe(
          `arn:aws:ssm:eu-west-1:123456789012:maintenancewindow/${event.detail['window-id']}`,
        );
      }
      const targetEvents = sink.received
        .map((one) => one.event)
        .filter((e) => e['detail-type'].startsWith('Maintenance Window Task Target Invocation'));
      const failed = targetEvents.filter((e) => e.detail.status === 'FAILED');
      expect(failed.length).toBeGreaterThan(0);
      for (const event of failed) {
        const invocations = emulator.store
          .invocationsOf(
            event.detail['window-execution-id'] ?? '',
            event.detail['task-execution-id'] ?? '',
          )
          .filter((one) => one.WindowTargetId === event.detail['window-target-id']);
        expect(invocations.map((one) => one.Status)).toContain('FAILED');
      }
      // Each execution goes PENDING → IN_PROGRESS → final, one event each.
      const executionEvents = sink.received
        .map((one) => one.event)
        .filter(
          (e) => e['detail-type'] === 'Maintenance Window Execution State-change Notification',
        );
      const first = executionEvents[0]?.detail['window-execution-id'];
      expect(
        executionEvents
          .filter((e) => e.detail['window-execution-id'] === first)
          .map((e) => e.detail.status)[0],
      ).toBe('PENDING');
      expect(new Set(sink.received.map((one) => one.event.id)).size).toBe(sink.received.length);
    } finally {
      await emulator.stop();
      sink.server.close();
    }
  });

  it('refuses events without live mode', async () => {
    await expect(startEmulator({ events: { url: 'http://127.0.0.1:1/' } })).rejects.toThrow(
      /events need live mode/,
    );
  });
});
