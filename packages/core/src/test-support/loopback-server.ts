/**
 * Test support (never exported from an entry): a loopback HTTP server with a scripted answer, for
 * transports meeting hostile or broken servers (hangs, HTML error pages, secrets echoed back).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonRequestFunction } from '../transport/json-transport';

export interface LoopbackServer {
  url: string;
  /** Requests received so far (their headers). */
  requests: IncomingMessage['headers'][];
  close(): Promise<void>;
}

/** `answer` gets each request after its body was read; an answer that never ends is a hang. */
export async function startLoopbackServer(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LoopbackServer> {
  const requests: IncomingMessage['headers'][] = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A `request` function for jsonTransport over Node's fetch, sending `headers` too. */
export function fetchRequestTo(
  url: string,
  headers: Record<string, string> = {},
): JsonRequestFunction {
  return async ({ target, body, signal }) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
      body,
      signal,
    });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
}
