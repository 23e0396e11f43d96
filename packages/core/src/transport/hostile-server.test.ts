/**
 * Both transports against a loopback server that misbehaves the ways real networks do: it hangs,
 * answers a proxy's HTML 403, or echoes the signed request (with the session token) in its error.
 */
import { inspect } from 'node:util';
import { createInvocationsClient } from '../client/create-invocations-client';
import { createInvocationsClientWithTransport } from '../client/invocations-client';
import type { InvocationsClient } from '../client/invocations-client';
import { AccessDeniedError, InvalidInputError, TimeoutError } from '../model/errors';
import {
  fetchRequestTo,
  startLoopbackServer,
  type LoopbackServer,
} from '../test-support/loopback-server';
import { jsonTransport, type JsonRequest } from './json-transport';

const WINDOW_ID = 'mw-0123456789abcdef0';
const CREDENTIALS = {
  accessKeyId: 'ASIAHOSTILETEST12345',
  secretAccessKey: 'hostile/secret+access+key/0123456789abcd',
  // No STS prefix: only the header rule and the known-value rule can catch it.
  sessionToken: 'session-token-for-tests-0123456789abcdef/+==',
};
const SECRETS = Object.values(CREDENTIALS);

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Transport = 'sdk' | 'json';

function clientFor(
  kind: Transport,
  url: string,
  options: { requestTimeoutMs?: number; connectTimeoutMs?: number; maxAttempts?: number } = {},
): InvocationsClient {
  if (kind === 'sdk') {
    return createInvocationsClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      ...options,
    });
  }
  // The JSON transport's request function signs; here it sends the token header as a signer would.
  const request = fetchRequestTo(url, { 'x-amz-security-token': CREDENTIALS.sessionToken });
  return createInvocationsClientWithTransport(
    jsonTransport(request, { ...options, baseDelayMs: 1, secrets: SECRETS }),
  );
}

async function rejection(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** inspect prints the stack (with the message) and the whole cause chain. */
function everyRendering(error: Error): string {
  return `${inspect(error, { depth: 20 })}\n${JSON.stringify(error)}`;
}

describe.each<Transport>(['sdk', 'json'])('%s transport', (kind) => {
  it('redacts the session token, keys and signature a server echoes back', async () => {
    server = await startLoopbackServer((req, res) => {
      const token = String(req.headers['x-amz-security-token'] ?? '');
      const message = [
        "The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been 'POST",
        '/',
        '',
        `host:${String(req.headers.host)}`,
        `x-amz-security-token:${token}`,
        `authorization:${String(req.headers.authorization ?? 'none')}`,
        `'. The security token ${token} was used with ${CREDENTIALS.accessKeyId} and ${CREDENTIALS.secretAccessKey}`,
      ].join('\n');
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'InvalidSignatureException', message }));
    });
    const error = await rejection(
      clientFor(kind, server.url, { maxAttempts: 1 }).getWindow({ windowId: WINDOW_ID }),
    );
    expect(error).toBeInstanceOf(AccessDeniedError);
    const text = everyRendering(error as Error);
    expect(text).toContain('does not match the signature you provided');
    expect(text).toContain('[REDACTED]');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('an HTML 403 from a proxy is AccessDenied, not retried', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/html' });
      res.end('<html><body><h1>403 Forbidden</h1></body></html>');
    });
    const error = await rejection(clientFor(kind, server.url).getWindow({ windowId: WINDOW_ID }));
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error).toMatchObject({ code: 'ACCESS_DENIED', operation: 'GetMaintenanceWindow' });
    expect(server.requests).toHaveLength(1);
  });

  it('a hanging server ends in a retried TimeoutError within the configured bound', async () => {
    server = await startLoopbackServer(() => undefined);
    const started = Date.now();
    const error = await rejection(
      clientFor(kind, server.url, { requestTimeoutMs: 200, maxAttempts: 2 }).getWindow({
        windowId: WINDOW_ID,
      }),
    );
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', operation: 'GetMaintenanceWindow' });
    expect((error as Error).message).toMatch(
      /^GetMaintenanceWindow failed: TimeoutError: no answer (in time: a request has exceeded the configured 200 ms requestTimeout\.|within 200 ms)$/,
    );
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(2 * 200 + 1500);
  });

  it('a server that stops mid-body also ends in a TimeoutError', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.write('{"WindowId":');
    });
    const client = clientFor(kind, server.url, { requestTimeoutMs: 200, maxAttempts: 1 });
    const error = await rejection(client.getWindow({ windowId: WINDOW_ID }));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('aborts a call to a hanging server at once, with the default timeouts', async () => {
    server = await startLoopbackServer(() => undefined);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    setTimeout(() => controller.abort(reason), 100);
    const started = Date.now();
    const error = await rejection(
      clientFor(kind, server.url).getWindow({ windowId: WINDOW_ID }, { signal: controller.signal }),
    );
    expect(error).toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.each([0, -1, 1.5, 2 ** 31, Number.NaN, '100'])('rejects requestTimeoutMs %p', (value) => {
    for (const field of ['requestTimeoutMs', 'connectTimeoutMs']) {
      const build = () => clientFor(kind, 'http://127.0.0.1:9', { [field]: value as number });
      expect(build).toThrow(InvalidInputError);
      expect(build).toThrow(
        new RegExp(`^Invalid input: ${field} must be a whole number of ms from 1`),
      );
    }
  });
});

describe('jsonTransport timeouts', () => {
  it('hands the request function the default timeouts (3 s connect, 20 s per attempt)', async () => {
    const seen: JsonRequest[] = [];
    const transport = jsonTransport(async (request) => {
      seen.push(request);
      return { status: 200, headers: {}, body: '{}' };
    });
    await transport.send('GetMaintenanceWindow', { WindowId: WINDOW_ID });
    expect(seen[0]).toMatchObject({ connectTimeoutMs: 3000, requestTimeoutMs: 20_000 });
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('gives up on a request function that ignores its signal', async () => {
    const transport = jsonTransport(() => new Promise(() => undefined), {
      requestTimeoutMs: 50,
      maxAttempts: 2,
      baseDelayMs: 1,
    });
    await expect(
      transport.send('GetMaintenanceWindow', { WindowId: WINDOW_ID }),
    ).rejects.toBeInstanceOf(TimeoutError);
  });
});
