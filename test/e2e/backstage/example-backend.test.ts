/**
 * The example Backstage backend as the demo and the browser end-to-end tests start it: its start
 * script, guest sign-in, the catalog file and the plugin against the embedded emulator.
 */
import {
  EXAMPLE_BACKEND_STARTUP_MS,
  startExampleBackend,
  type ExampleBackend,
} from '../../support/example-backend';

interface WindowEntry {
  windowId: string;
  report?: { executions: unknown[] };
  error?: { code: string };
}

describe('example Backstage backend', () => {
  let backend: ExampleBackend;

  beforeAll(async () => {
    backend = await startExampleBackend();
  }, EXAMPLE_BACKEND_STARTUP_MS + 5_000);

  afterAll(async () => {
    await backend?.stop();
  });

  it('serves reports of the example catalog to a guest', async () => {
    // A frontend on any loopback port may call it (CORS).
    const health = await fetch(`${backend.url}/api/ssm-invocations/health`, {
      headers: { origin: 'http://127.0.0.1:3999' },
    });
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3999');

    const token = await backend.guestToken();

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
