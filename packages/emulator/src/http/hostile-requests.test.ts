import { connect } from 'node:net';
import { startEmulator, type Emulator } from './server';

const API_HEADERS = {
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows',
};

async function post(
  url: string,
  body: string,
  headers: Record<string, string> = API_HEADERS,
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

describe('hostile requests', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it.each([
    [
      'an object nested 10,000 deep under an unknown member',
      `{"a":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_001)}`,
    ],
    [
      'an array nested 10,000 deep in WindowId',
      `{"WindowId":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    ],
    ['an object nested 40 deep', `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`],
  ])('answers %s with 400 SerializationException, not 500', async (_, body) => {
    const response = await post(emulator.url, body);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({
      __type: 'com.amazon.coral.service#SerializationException',
      message: expect.stringMatching(/nest/),
    });
  });

  it('still accepts ordinary nesting and brackets inside strings', async () => {
    const body = JSON.stringify({
      Filters: [{ Key: 'Name', Values: ['{'.repeat(100) + '['.repeat(100) + '"\\'] }],
    });
    expect((await post(emulator.url, body)).status).toBe(200);
  });

  it('answers an endless oversized body with 413 at the limit and closes the socket', async () => {
    const { port } = new URL(emulator.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\n' +
        'X-Amz-Target: AmazonSSM.DescribeMaintenanceWindows\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    // Keep sending, never ending the body, until the server answers and hangs up (or 16 MiB
    // went out without either: then the server waits for an end that never comes).
    const chunk = `4000\r\n${' '.repeat(0x4000)}\r\n`;
    let sent = 0;
    const pump = setInterval(() => {
      if (sent >= 16 * 1024 * 1024) clearInterval(pump);
      else if (!socket.destroyed && socket.writable) {
        socket.write(chunk);
        sent += 0x4000;
      }
    }, 1);
    const gaveUp = new Promise<void>((resolve) => setTimeout(resolve, 8000).unref());
    await Promise.race([closed, gaveUp]);
    clearInterval(pump);
    const wasClosed = socket.destroyed;
    socket.destroy();
    expect(wasClosed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('RequestEntityTooLargeException');
    // Closed at the limit, not after reading an arbitrary amount more.
    expect(sent).toBeLessThan(8 * 1024 * 1024);
  }, 20_000);
});

describe('control routes', () => {
  const statsOf = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/__emulator/stats`, { headers });

  it('are open on loopback without a token', async () => {
    const emulator = await startEmulator({ host: '127.0.0.1' });
    try {
      expect((await statsOf(emulator.url)).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });

  it('are refused when bound off loopback without a control token, the API still served', async () => {
    const emulator = await startEmulator({ host: '0.0.0.0' });
    const url = `http://127.0.0.1:${emulator.port}`;
    try {
      const refused = await statsOf(url);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toMatch(/--control-token/);
      const put = await fetch(`${url}/__emulator/faults`, {
        method: 'PUT',
        body: JSON.stringify({ failureRate: 1 }),
      });
      expect(put.status).toBe(403);
      expect(emulator.stats().requests).toBe(0);
      expect((await post(url, '{}')).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });

  it('require the control token as a header when one is given', async () => {
    const token = 'let-me-in-0123456789';
    const emulator = await startEmulator({ host: '0.0.0.0', controlToken: token });
    const url = `http://127.0.0.1:${emulator.port}`;
    try {
      expect((await statsOf(url)).status).toBe(403);
      const wrong = await statsOf(url, { 'x-emulator-control-token': 'let-me-in-0123456780' });
      expect(wrong.status).toBe(403);
      expect(await wrong.text()).not.toContain(token);
      expect((await statsOf(url, { 'x-emulator-control-token': token })).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });

  it('require the token on loopback too when one is given', async () => {
    const emulator = await startEmulator({ controlToken: 'tok-abcdefgh' });
    try {
      expect((await statsOf(emulator.url)).status).toBe(403);
      expect(
        (await statsOf(emulator.url, { 'x-emulator-control-token': 'tok-abcdefgh' })).status,
      ).toBe(200);
    } finally {
      await emulator.stop();
    }
  });
});

describe('latency bounds', () => {
  it.each([2 ** 31, 1e12])('refuses latencyMs %p, which a timer cannot wait', async (latencyMs) => {
    await expect(startEmulator({ faults: { latencyMs } })).rejects.toThrow(/latencyMs/);
  });

  it('refuses latency + jitter above 2^31−1 ms over the control route too', async () => {
    const emulator = await startEmulator();
    try {
      const response = await fetch(`${emulator.url}/__emulator/faults`, {
        method: 'PUT',
        body: JSON.stringify({ latencyMs: 2 ** 31 - 1, jitterMs: 10 }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/2147483647/);
    } finally {
      await emulator.stop();
    }
  });
});
