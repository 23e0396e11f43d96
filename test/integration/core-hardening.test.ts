/**
 * @ssm-invocations/core against the emulator as an unlucky operator meets it, on both
 * transports: an endpoint that accepts and never answers (the `hang` fault) ends in a
 * TimeoutError within the configured bound, or at once on abort, and the client works again once
 * the endpoint recovers; a signature the service refuses is quoted back with the canonical
 * request, and no session token, key or signature survives into the error.
 */
import { inspect } from 'node:util';
import {
  AccessDeniedError,
  createInvocationsClient,
  jsonTransport,
  TimeoutError,
  type InvocationsClient,
  type JsonRequestFunction,
} from '@ssm-invocations/core';
import type { Emulator } from '@ssm-invocations/emulator';
import { DUMMY_CREDENTIALS, fetchRequest, startTestEmulator } from '../support/core-clients';

const REQUEST_TIMEOUT_MS = 300;
const MAX_ATTEMPTS = 2;
/** Every attempt times out, plus the backoff between them and the scheduling slack of CI. */
const BOUND_MS = MAX_ATTEMPTS * REQUEST_TIMEOUT_MS + 1500;

type Transport = 'sdk' | 'json';

function clientFor(
  kind: Transport,
  url: string,
  timeouts: { requestTimeoutMs?: number; maxAttempts?: number } = {},
): InvocationsClient {
  if (kind === 'sdk') {
    return createInvocationsClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: DUMMY_CREDENTIALS,
      ...timeouts,
    });
  }
  return createInvocationsClient({
    transport: jsonTransport(fetchRequest(url), { ...timeouts, baseDelayMs: 5 }),
  });
}

async function rejection(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

describe.each<Transport>(['sdk', 'json'])('%s transport against a hanging endpoint', (kind) => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ seed: 'demo' });
  });
  afterAll(() => emulator.stop());
  afterEach(() => emulator.setFaults({}));

  const windowId = (): string => emulator.store.windows[0]?.WindowId ?? '';
  const bounded = () =>
    clientFor(kind, emulator.url, {
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      maxAttempts: MAX_ATTEMPTS,
    });

  it('a report ends with a TimeoutError within the bound, and the next one works', async () => {
    emulator.setFaults({ hangRate: 1 });
    const client = bounded();
    const started = Date.now();
    const error = await rejection(client.getWindowReport({ windowId: windowId(), executions: 1 }));
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    // The window and its executions are asked for at once: either may time out first.
    expect(['GetMaintenanceWindow', 'DescribeMaintenanceWindowExecutions']).toContain(
      (error as TimeoutError).operation,
    );
    expect(elapsed).toBeGreaterThanOrEqual(MAX_ATTEMPTS * REQUEST_TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(BOUND_MS);
    expect(emulator.stats().faults.hang).toBeGreaterThanOrEqual(MAX_ATTEMPTS);

    emulator.setFaults({});
    const report = await client.getWindowReport({ windowId: windowId(), executions: 1 });
    expect(report.window.WindowId).toBe(windowId());
  });

  it('hanging invocation pages become per-task Timeout errors, the report still arrives', async () => {
    emulator.setFaults({
      operations: { DescribeMaintenanceWindowExecutionTaskInvocations: { hangRate: 1 } },
    });
    const started = Date.now();
    const report = await bounded().getWindowReport({ windowId: windowId(), executions: 1 });
    const tasks = report.executions.flatMap((execution) => execution.tasks);
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) expect(task.error).toMatchObject({ code: 'TIMEOUT' });
    // Tasks are fetched concurrently: the whole report within a few bounds, not one per task.
    expect(Date.now() - started).toBeLessThan(2 * BOUND_MS);
  });

  it('an abort ends a hung call at once, under the default timeouts', async () => {
    emulator.setFaults({ hangRate: 1 });
    const controller = new AbortController();
    const reason = new Error('viewer left');
    setTimeout(() => controller.abort(reason), 100);
    const started = Date.now();
    const error = await rejection(
      clientFor(kind, emulator.url).getWindowReport(
        { windowId: windowId() },
        { signal: controller.signal },
      ),
    );
    expect(error).toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('a refused signature quoted back with the canonical request', () => {
  // Test values without an STS prefix: only the header and known-value rules can catch them.
  const identity = {
    accessKeyId: 'ASIAINTEGRATIONTEST1',
    secretAccessKey: 'integration-wrong-secret/0123456789abcdef',
    sessionToken: 'integration-fixture-token-0123456789abcdef/+==',
  };
  // Listed apart: the SDK marks the credentials object it is given with a `$source`.
  const secrets = [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken];
  let emulator: Emulator;
  beforeAll(async () => {
    // Knows the key id and the token, expects another secret: AWS's answer to a bad signature.
    emulator = await startTestEmulator({
      seed: 'demo',
      sigv4: {
        credentials: [{ ...identity, secretAccessKey: 'the-secret-the-emulator-expects' }],
        region: 'us-east-1',
      },
    });
  });
  afterAll(() => emulator.stop());

  /** A request signed the way a signer with the wrong secret signs: well-formed, refused. */
  function badlySigned(url: string): JsonRequestFunction {
    return async ({ target, body, signal }) => {
      const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
      const scope = `${amzDate.slice(0, 8)}/us-east-1/ssm/aws4_request`;
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': target,
          'x-amz-date': amzDate,
          'x-amz-security-token': identity.sessionToken,
          authorization: `AWS4-HMAC-SHA256 Credential=${identity.accessKeyId}/${scope}, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=${'0'.repeat(64)}`,
        },
        body,
        signal,
      });
      return { status: res.status, headers: res.headers, body: await res.text() };
    };
  }

  it.each<Transport>(['sdk', 'json'])(
    '%s: no secret in message, toJSON, stack or cause',
    async (kind) => {
      const client =
        kind === 'sdk'
          ? createInvocationsClient({
              endpoint: emulator.url,
              region: 'us-east-1',
              credentials: { ...identity },
              maxAttempts: 1,
            })
          : createInvocationsClient({
              transport: jsonTransport(badlySigned(emulator.url), {
                maxAttempts: 1,
                secrets,
              }),
            });
      const error = await rejection(
        client.getWindow({ windowId: emulator.store.windows[0]?.WindowId ?? '' }),
      );
      expect(error).toBeInstanceOf(AccessDeniedError);
      const text = `${inspect(error, { depth: 20 })}\n${JSON.stringify(error)}`;
      expect(text).toContain('The Canonical String for this request should have been');
      expect(text).toContain('x-amz-security-token:[REDACTED]');
      for (const secret of secrets) expect(text).not.toContain(secret);
    },
  );
});
