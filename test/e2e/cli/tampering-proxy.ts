import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback proxy in front of the emulator that rewrites the answers of one operation. */
export interface TamperingProxy {
  url: string;
  stop(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Forwards every AWS JSON request to `target` and hands the JSON answer of `operation` (by its
 * `X-Amz-Target`) to `rewrite`: what a hostile or compromised service could send back.
 */
export async function startTamperingProxy(
  target: string,
  operation: string,
  rewrite: (body: Record<string, unknown>) => Record<string, unknown>,
): Promise<TamperingProxy> {
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'content-length') {
          headers[name] = value;
        }
      }
      const answer = await fetch(new URL(request.url ?? '/', target), {
        method: request.method ?? 'POST',
        headers,
        body,
      });
      let text = await answer.text();
      const amzTarget = request.headers['x-amz-target'];
      if (answer.ok && typeof amzTarget === 'string' && amzTarget.endsWith(`.${operation}`)) {
        text = JSON.stringify(rewrite(JSON.parse(text) as Record<string, unknown>));
      }
      response.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/x-amz-json-1.1',
        'x-amzn-requestid': answer.headers.get('x-amzn-requestid') ?? 'proxy',
      });
      response.end(text);
    })().catch(() => {
      response.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
