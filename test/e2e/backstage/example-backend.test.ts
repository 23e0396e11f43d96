/**
 * The example Backstage backend as the demo and the browser end-to-end tests start it: its start
 * script, guest sign-in, the catalog file and the plugin against the embedded emulator.
 */
import {
  EXAMPLE_BACKEND_STARTUP_MS,
  startExampleBackend,
  type ExampleBackend,
} from '../../support/example-backend';

/** A window of the summary-shaped report, as far as these tests read it. */
interface SummaryWindow {
  windowId: string;
  report?: {
    executions: Array<{
      execution: { WindowExecutionId: string };
      tasks: Array<{
        task: { TaskExecutionId: string };
        invocations: Array<{ InvocationId: string; Status: string }>;
      }>;
    }>;
  };
}

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

  it('serves the read-only actions over HTTP to a signed-in guest, as MCP clients reach them', async () => {
    const refresh = await fetch(`${backend.url}/api/auth/guest/refresh`);
    const token = ((await refresh.json()) as { backstageIdentity: { token: string } })
      .backstageIdentity.token;
    const actions = `${backend.url}/api/ssm-invocations/.backstage/actions/v1/actions`;
    const asGuest = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const listed = await fetch(actions, { headers: asGuest });
    expect(listed.status).toBe(200);
    const { actions: list } = (await listed.json()) as {
      actions: Array<{ id: string; attributes: Record<string, boolean> }>;
    };
    expect(list.map((action) => action.id).sort()).toEqual([
      'ssm-invocations:diagnose-invocation',
      'ssm-invocations:get-window-report',
    ]);
    for (const action of list) expect(action.attributes.readOnly).toBe(true);

    const invoke = (name: string, input: object, headers: Record<string, string> = asGuest) =>
      fetch(`${actions}/ssm-invocations:${name}/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(input),
      });
    const report = await invoke('get-window-report', {
      entityRef: 'component:default/payments-api',
      executions: 3,
    });
    expect(report.status).toBe(200);
    const { output } = (await report.json()) as { output: { windows: SummaryWindow[] } };
    expect(output.windows.map((w) => w.windowId)).toEqual([
      'mw-0a1b2c3d4e5f00001',
      'mw-0a1b2c3d4e5f00002',
    ]);
    const failed = output.windows
      .flatMap((w) => w.report?.executions ?? [])
      .flatMap((execution) =>
        execution.tasks.flatMap((task) =>
          task.invocations.map((invocation) => ({ execution, task, invocation })),
        ),
      )
      .find(({ invocation }) => invocation.Status === 'FAILED');
    if (!failed) throw new Error('the demo windows have no failed target');
    const diagnosis = await invoke('diagnose-invocation', {
      entityRef: 'component:default/payments-api',
      windowExecutionId: failed.execution.execution.WindowExecutionId,
      taskId: failed.task.task.TaskExecutionId,
      invocationId: failed.invocation.InvocationId,
    });
    expect(diagnosis.status).toBe(200);
    const diagnosed = (await diagnosis.json()) as {
      output: { diagnosis: { invocation: { InvocationId: string } } };
    };
    expect(diagnosed.output.diagnosis.invocation.InvocationId).toBe(failed.invocation.InvocationId);

    const anonymous = await invoke(
      'get-window-report',
      { entityRef: 'component:default/payments-api' },
      {},
    );
    expect(anonymous.status).toBe(401);
    const unknown = await invoke('get-window-report', { entityRef: 'component:default/nope' });
    expect(unknown.status).toBe(404);
  });
});
