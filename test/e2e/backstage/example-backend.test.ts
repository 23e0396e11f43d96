/**
 * The example Backstage backend as the demo and the browser end-to-end tests start it: its start
 * script, guest sign-in, the catalog file and the plugin against the embedded emulator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const STARTUP_MS = 120_000;
const READY = /ssm-invocations example backend listening on (http:\/\/127\.0\.0\.1:\d+)/;

interface WindowEntry {
  windowId: string;
  report?: { executions: unknown[] };
  error?: { code: string };
}

function startExampleBackend(): Promise<{
  child: ChildProcess;
  url: string;
  output: () => string;
}> {
  const child = spawn('pnpm', ['--filter', '@ssm-invocations/example-backstage-backend', 'start'], {
    cwd: resolve(__dirname, '../../..'),
    env: { ...process.env, BACKEND_PORT: '0', SSM_EMULATOR_URL: '' },
    // Own process group, so the test can end the whole tree (pnpm → tsx → node) by its id.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`not ready in time:\n${output}`)), STARTUP_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done({ child, url: match[1], output: () => output });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

describe('example Backstage backend', () => {
  let backend: Awaited<ReturnType<typeof startExampleBackend>>;

  beforeAll(async () => {
    backend = await startExampleBackend();
  }, STARTUP_MS + 5_000);

  afterAll(() => {
    const { pid } = backend?.child ?? {};
    if (pid) process.kill(-pid, 'SIGTERM');
  });

  it('serves reports of the example catalog to a guest', async () => {
    // A frontend on any loopback port may call it (CORS).
    const health = await fetch(`${backend.url}/api/ssm-invocations/health`, {
      headers: { origin: 'http://127.0.0.1:3999' },
    });
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3999');

    const refresh = await fetch(`${backend.url}/api/auth/guest/refresh`);
    expect(refresh.status).toBe(200);
    const token = ((await refresh.json()) as { backstageIdentity: { token: string } })
      .backstageIdentity.token;

    const unauthenticated = await fetch(
      `${backend.url}/api/ssm-invocations/v1/entity/default/component/payments-api/report`,
    );
    expect(unauthenticated.status).toBe(401);

    const report = async (name: string) => {
      const res = await fetch(
        `${backend.url}/api/ssm-invocations/v1/entity/default/component/${name}/report?executions=2`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(res.status).toBe(200);
      return ((await res.json()) as { windows: WindowEntry[] }).windows;
    };
    const payments = await report('payments-api');
    expect(payments.map((w) => w.windowId)).toEqual([
      'mw-0a1b2c3d4e5f00001',
      'mw-0a1b2c3d4e5f00002',
    ]);
    for (const window of payments) {
      expect(window.error).toBeUndefined();
      expect(window.report?.executions).toHaveLength(2);
    }
    const indexer = await report('search-indexer');
    expect(indexer[0]?.report?.executions).toHaveLength(2);
    expect(await report('storefront-web')).toEqual([]);
  });
});
