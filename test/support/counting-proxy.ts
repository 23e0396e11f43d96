/**
 * An HTTP proxy in front of the SSM emulator that counts the requests passing through it, by
 * operation (`X-Amz-Target`): what the backends under test cost SSM, measured outside them.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface CountingProxy {
  url: string;
  /** Requests forwarded so far. */
  requests(): number;
  /** Requests forwarded so far, per operation. */
  byOperation(): Record<string, number>;
  stop(): Promise<void>;
}

/** Starts a proxy on a free loopback port that forwards everything to `target`. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const counts = new Map<string, number>();
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const operation = String(req.headers['x-amz-target'] ?? '(none)').replace(/^AmazonSSM\./, '');
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
    const outgoing = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    outgoing.once('error', () => res.destroy());
    req.pipe(outgoing);
  };
  const server = createServer(forward);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...counts.values()].reduce((a, b) => a + b, 0),
    byOperation: () => Object.fromEntries(counts),
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
