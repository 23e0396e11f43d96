import { SSMClient } from '@aws-sdk/client-ssm';
import type { Emulator, FaultConfig } from '@ssm-invocations/emulator';
import { InvalidInputError, SsmInvocationsError } from '../model/errors';
import { jsonTransport, type JsonResponse } from '../transport/json-transport';
import {
  emulatorRequest,
  startTestEmulator,
  stopEmulators,
  uuid,
  windowFixture,
  WINDOW_ID,
} from '../test-support/emulator';
import { startLoopbackServer } from '../test-support/loopback-server';
import {
  createInvocationsClient,
  type InvocationsClientOptions,
} from './create-invocations-client';
import type { InvocationsClient } from './invocations-client';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET };

describe('createInvocationsClient options', () => {
  it.each<[string, unknown, string]>([
    [
      'ssmClient with transport',
      {
        ssmClient: new SSMClient({}),
        transport: jsonTransport(async () => ({ status: 200, headers: {}, body: '{}' })),
      },
      'transport',
    ],
    ['region with ssmClient', { region: 'us-east-1', ssmClient: new SSMClient({}) }, 'region'],
    [
      'endpoint with transport',
      { endpoint: 'http://x', transport: { send: async () => ({}) } },
      'endpoint',
    ],
    ['unknown option', { regoin: 'us-east-1' }, 'regoin'],
    ['bad endpoint', { endpoint: 'not a url' }, 'endpoint'],
    ['ftp endpoint', { endpoint: 'ftp://127.0.0.1' }, 'endpoint'],
    ['bad region', { region: 'US EAST' }, 'region'],
    ['bad credentials', { credentials: { accessKeyId: 'A', secretAccessKey: 3 } }, 'credentials'],
    ['bad maxAttempts', { maxAttempts: 0 }, 'maxAttempts'],
    ['bad maxConcurrency', { region: 'us-east-1', maxConcurrency: 1.5 }, 'maxConcurrency'],
    ['bad requestsPerSecond', { region: 'us-east-1', requestsPerSecond: 0 }, 'requestsPerSecond'],
    ['options not an object', 'us-east-1', 'options'],
  ])('rejects %s naming the field', (_, options, field) => {
    let error: unknown;
    try {
      createInvocationsClient(options as InvocationsClientOptions);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe(field);
  });

  it('refuses two modes at the type level too (tsc checks the @ts-expect-error lines)', () => {
    const transport = { send: async () => ({}) };
    // @ts-expect-error an SSMClient and connection settings together
    const clientAndRegion: InvocationsClientOptions = { ssmClient: new SSMClient({}), region: 'x' };
    // @ts-expect-error a transport and an SSMClient together
    const transportAndClient: InvocationsClientOptions = {
      transport,
      ssmClient: new SSMClient({}),
    };
    // @ts-expect-error a transport and credentials together
    const transportAndCredentials: InvocationsClientOptions = { transport, credentials };
    for (const options of [clientAndRegion, transportAndClient, transportAndCredentials]) {
      expect(() => createInvocationsClient(options)).toThrow(InvalidInputError);
    }
    const fine: InvocationsClientOptions[] = [
      { transport },
      { region: 'us-east-1', maxConcurrency: 2 },
    ];
    for (const options of fine)
      expect(createInvocationsClient(options)).toHaveProperty('getWindowReport');
  });

  it('never echoes a secret from bad credentials', () => {
    const error = (() => {
      try {
        createInvocationsClient({
          credentials: { accessKeyId: 5, secretAccessKey: SECRET } as never,
        });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(`${error?.message} ${JSON.stringify(error)} ${error?.stack}`).not.toContain(SECRET);
  });
});

/** The SDK transport and the JSON transport, both sending to `url` without retries. */
function bothClients(url: string): [InvocationsClient, InvocationsClient] {
  return [
    createInvocationsClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 }),
    createInvocationsClient({
      transport: jsonTransport(emulatorRequest(url), { maxAttempts: 1 }),
    }),
  ];
}

/**
 * An HTTP server on 127.0.0.1 answering every request with one scripted response: for wire
 * shapes no well-behaved SSM sends (future fields and exceptions, nulls, header-only error
 * types), which both transports must still parse identically.
 */
async function withScriptedAnswer<T>(
  response: JsonResponse,
  run: (clients: [InvocationsClient, InvocationsClient]) => Promise<T>,
): Promise<T> {
  const server = await startLoopbackServer((_req, res) => {
    res.writeHead(response.status, {
      'content-type': 'application/x-amz-json-1.1',
      ...(response.headers as Record<string, string>),
    });
    res.end(response.body);
  });
  try {
    return await run(bothClients(server.url));
  } finally {
    await server.close();
  }
}

describe('both transports over real HTTP', () => {
  let emulator: Emulator;
  let sdk: InvocationsClient;
  let json: InvocationsClient;

  beforeAll(async () => {
    emulator = await startTestEmulator(windowFixture({ executions: 3, tasks: 3, invocations: 23 }));
    [sdk, json] = bothClients(emulator.url);
  });
  afterAll(stopEmulators);

  const exec = uuid(1, 2);
  const task = uuid(2, 2001);
  const calls: Array<[string, (c: InvocationsClient) => Promise<unknown>]> = [
    [
      'listInvocations',
      (c) =>
        c.listInvocations({
          windowExecutionId: exec,
          taskId: task,
          maxResults: 10,
          statuses: ['FAILED', 'SUCCESS'],
        }),
    ],
    [
      'getAllInvocations',
      (c) =>
        c.getAllInvocations({ windowExecutionId: exec, taskId: task, pageSize: 10, limit: 21 }),
    ],
    [
      'getInvocation',
      (c) => c.getInvocation({ windowExecutionId: exec, taskId: task, invocationId: uuid(3, 170) }),
    ],
    ['getWindow', (c) => c.getWindow({ windowId: WINDOW_ID })],
    ['listWindows', (c) => c.listWindows()],
    ['listExecutions', (c) => c.listExecutions({ windowId: WINDOW_ID, limit: 2 })],
    ['listTasks', (c) => c.listTasks({ windowExecutionId: exec })],
    ['getExecution', (c) => c.getExecution({ windowExecutionId: exec })],
    ['getTask', (c) => c.getTask({ windowExecutionId: exec, taskId: task })],
    ['listTargets', (c) => c.listTargets({ windowId: WINDOW_ID })],
    [
      'getWindowReport',
      async (c) => {
        const { generatedAt: _ignored, ...rest } = await c.getWindowReport({
          windowId: WINDOW_ID,
          executions: 2,
        });
        return rest;
      },
    ],
  ];

  it.each(calls)('%s gives identical results', async (_, run) => {
    const [a, b] = [await run(sdk), await run(json)];
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).not.toBe('{}');
  });

  it('passes unknown statuses through and drops unknown members and nulls, identically', async () => {
    const body = JSON.stringify({
      WindowExecutionTaskInvocationIdentities: [
        {
          InvocationId: uuid(3, 999),
          Status: 'SOME_NEW_STATUS',
          TaskType: 'SOME_NEW_TYPE',
          StartTime: 1700000000.123,
          EndTime: null,
          FutureField: 'x',
        },
      ],
      NextToken: '',
    });
    const input = { windowExecutionId: exec, taskId: task };
    const [a, b] = await withScriptedAnswer(
      { status: 200, headers: { 'x-amzn-requestid': 'r0' }, body },
      async ([viaSdk, viaJson]) => [
        await viaSdk.listInvocations(input),
        await viaJson.listInvocations(input),
      ],
    );
    expect(a).toEqual({
      invocations: [
        {
          InvocationId: uuid(3, 999),
          Status: 'SOME_NEW_STATUS',
          TaskType: 'SOME_NEW_TYPE',
          StartTime: new Date('2023-11-14T22:13:20.123Z'),
        },
      ],
    });
    expect(b).toEqual(a);
  });

  it('the report covers every invocation exactly once', async () => {
    const report = await sdk.getWindowReport({ windowId: WINDOW_ID, executions: 3 });
    const ids = report.executions.flatMap((e) =>
      e.tasks.flatMap((t) => t.invocations.map((i) => i.InvocationId)),
    );
    expect(ids).toHaveLength(3 * 3 * 23);
    expect(ids.sort()).toEqual(emulator.store.invocations.map((i) => i.InvocationId).sort());
  });

  it.each<[string, JsonResponse]>([
    [
      'not found',
      {
        status: 400,
        headers: { 'x-amzn-requestid': 'r1' },
        body: '{"__type":"com.amazonaws.ssm#DoesNotExistException","message":"nope"}',
      },
    ],
    [
      'throttled',
      {
        status: 400,
        headers: { 'x-amzn-requestid': 'r2' },
        body: '{"__type":"ThrottlingException","message":"Rate exceeded"}',
      },
    ],
    [
      'denied',
      {
        status: 400,
        headers: { 'x-amzn-requestid': 'r3' },
        body: '{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}',
      },
    ],
    [
      'access',
      {
        status: 400,
        headers: { 'x-amzn-requestid': 'r3' },
        body: '{"__type":"AccessDeniedException","message":"not allowed"}',
      },
    ],
    [
      'validation',
      {
        status: 400,
        headers: { 'x-amzn-requestid': 'r4' },
        body: '{"__type":"ValidationException","message":"1 validation error detected"}',
      },
    ],
    [
      'server',
      {
        status: 500,
        headers: { 'x-amzn-requestid': 'r5' },
        body: '{"__type":"InternalServerError","message":"boom"}',
      },
    ],
    [
      'header type',
      {
        status: 400,
        headers: {
          'x-amzn-requestid': 'r6',
          'x-amzn-errortype': 'DoesNotExistException:http://internal.amazon.com/',
        },
        body: '{"Message":"gone"}',
      },
    ],
    [
      'future',
      {
        status: 400,
        headers: { 'x-amzn-requestid': 'r7' },
        body: '{"__type":"SomeFutureException"}',
      },
    ],
  ])('%s: identical error class, code and request id; no secret anywhere', async (_, response) => {
    const errors = await withScriptedAnswer(response, (clients) =>
      Promise.all(
        clients.map((c) =>
          c.getWindow({ windowId: WINDOW_ID }).then(
            () => undefined,
            (e: unknown) => e as SsmInvocationsError,
          ),
        ),
      ),
    );
    const [a, b] = errors;
    expect(a).toBeInstanceOf(SsmInvocationsError);
    expect(a?.constructor).toBe(b?.constructor);
    expect(a?.code).toBe(b?.code);
    expect(a?.requestId).toBe(b?.requestId);
    expect(a?.serviceCode).toBe(b?.serviceCode);
    expect(a?.serviceCode).toEqual(expect.any(String));
    expect(a?.requestId).toBe(
      response.headers['x-amzn-requestid' as keyof typeof response.headers],
    );
    for (const e of errors) {
      expect(`${e?.message} ${JSON.stringify(e)} ${e?.stack}`).not.toContain(SECRET);
    }
  });
});

describe('both transports meet the errors the emulator answers with', () => {
  afterEach(stopEmulators);

  it.each<[string, FaultConfig, string, string]>([
    ['not found', {}, 'mw-00000000000000000', 'NOT_FOUND'],
    ['throttled', { throttle: { requestsPerSecond: 0.001, burst: 1 } }, WINDOW_ID, 'THROTTLED'],
    ['access denied', { accessDenied: true }, WINDOW_ID, 'ACCESS_DENIED'],
    ['server error', { failureRate: 1 }, WINDOW_ID, 'SERVICE_ERROR'],
  ])(
    '%s: identical error class, code, and the request id answered',
    async (_, faults, windowId, code) => {
      const failures: string[] = [];
      const emulator = await startTestEmulator(
        windowFixture({ executions: 0, tasks: 0, invocations: 0 }),
        { logger: { info: () => undefined, warn: (line) => failures.push(line) } },
      );
      const errors: Array<SsmInvocationsError | undefined> = [];
      for (const client of bothClients(emulator.url)) {
        emulator.setFaults(faults); // refills the throttle bucket for each client
        // With a one-request bucket, a first call takes the token and the second is throttled.
        if (faults.throttle) await client.getWindow({ windowId });
        errors.push(
          await client.getWindow({ windowId }).then(
            () => undefined,
            (e: unknown) => e as SsmInvocationsError,
          ),
        );
      }
      // The emulator logs each error answer as "<target> <status> <code> <request id>".
      const answered = failures.map((line) => line.split(' ').at(-1));
      expect(answered).toHaveLength(2);
      const [a, b] = errors;
      expect(a).toBeInstanceOf(SsmInvocationsError);
      expect(a?.constructor).toBe(b?.constructor);
      expect(a?.code).toBe(code);
      expect(b?.code).toBe(code);
      expect(a?.serviceCode).toBe(b?.serviceCode);
      expect(a?.serviceCode).toEqual(expect.any(String));
      expect([a?.requestId, b?.requestId]).toEqual(answered);
      for (const e of errors) {
        expect(`${e?.message} ${JSON.stringify(e)} ${e?.stack}`).not.toContain(SECRET);
      }
    },
  );
});
