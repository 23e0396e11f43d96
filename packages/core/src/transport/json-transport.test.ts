import {
  AccessDeniedError,
  InvalidInputError,
  NotFoundError,
  ServiceError,
  ThrottledError,
} from '../model/errors';
import {
  jsonTransport,
  parseAwsJsonError,
  type JsonRequest,
  type JsonResponse,
} from './json-transport';

type Script = Array<JsonResponse | Error>;

function scripted(script: Script) {
  const requests: JsonRequest[] = [];
  const request = async (req: JsonRequest): Promise<JsonResponse> => {
    requests.push(req);
    const next = script.shift();
    if (next === undefined) throw new Error('script exhausted');
    if (next instanceof Error) throw next;
    return next;
  };
  return { request, requests };
}

const sleeps: number[] = [];
const retry = {
  sleep: async (ms: number) => {
    sleeps.push(ms);
  },
  random: () => 0.5,
};

beforeEach(() => {
  sleeps.length = 0;
});

const ok = (body: unknown, headers: Record<string, string> = {}): JsonResponse => ({
  status: 200,
  headers,
  body: JSON.stringify(body),
});
const fail = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): JsonResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const networkError = (code: string): Error => Object.assign(new Error(`socket ${code}`), { code });

describe('jsonTransport wire format', () => {
  it('sends the target and JSON body; turns Date inputs into epoch seconds', async () => {
    const { request, requests } = scripted([ok({})]);
    await jsonTransport(request).send('DescribeMaintenanceWindows', {
      Filters: [{ Key: 'Name', Values: ['x'] }],
      When: new Date(1_700_000_000_500),
    });
    expect(requests[0]?.target).toBe('AmazonSSM.DescribeMaintenanceWindows');
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      Filters: [{ Key: 'Name', Values: ['x'] }],
      When: 1_700_000_000.5,
    });
  });

  it('parses epoch numbers and numeric strings in timestamp fields into Dates, drops nulls', async () => {
    const { request } = scripted([
      ok({
        WindowExecutionTaskInvocationIdentities: [
          {
            StartTime: 1700000000.123,
            EndTime: '1700000042',
            Status: 'SOME_NEW_STATUS',
            OwnerInformation: null,
          },
        ],
        CreatedDate: 1,
      }),
    ]);
    const out = await jsonTransport(request).send(
      'DescribeMaintenanceWindowExecutionTaskInvocations',
      {},
    );
    expect(out).toEqual({
      WindowExecutionTaskInvocationIdentities: [
        {
          StartTime: new Date('2023-11-14T22:13:20.123Z'),
          EndTime: new Date('2023-11-14T22:14:02.000Z'),
          Status: 'SOME_NEW_STATUS',
        },
      ],
      CreatedDate: new Date(1000),
    });
  });

  it('treats an empty 200 body as {}', async () => {
    const { request } = scripted([{ status: 200, headers: {}, body: '' }]);
    await expect(jsonTransport(request).send('GetMaintenanceWindow', {})).resolves.toEqual({});
  });

  it('accepts fetch Headers', async () => {
    const headers = new Headers({ 'X-Amzn-RequestId': 'req-h' });
    const { request } = scripted([
      { status: 400, headers, body: '{"__type":"DoesNotExistException"}' },
    ]);
    await expect(jsonTransport(request).send('GetMaintenanceWindow', {})).rejects.toMatchObject({
      requestId: 'req-h',
    });
  });
});

describe('jsonTransport error mapping', () => {
  it.each([
    [
      { __type: 'com.amazonaws.ssm#DoesNotExistException', message: 'gone' },
      {},
      NotFoundError,
      'gone',
    ],
    [{ code: 'DoesNotExistException', Message: 'gone too' }, {}, NotFoundError, 'gone too'],
    [
      { Message: 'header only' },
      {
        'x-amzn-ErrorType':
          'DoesNotExistException:http://internal.amazon.com/coral/com.amazonaws.ssm/',
      },
      NotFoundError,
      'header only',
    ],
    [{ __type: 'AccessDeniedException', message: 'denied' }, {}, AccessDeniedError, 'denied'],
    [
      { __type: 'UnrecognizedClientException' },
      {},
      AccessDeniedError,
      'UnrecognizedClientException',
    ],
    [{ __type: 'ExpiredTokenException' }, {}, AccessDeniedError, 'ExpiredTokenException'],
    [{ __type: 'InvalidSignatureException' }, {}, AccessDeniedError, 'InvalidSignatureException'],
    [
      { __type: 'ValidationException', message: 'bad' },
      {},
      ServiceError,
      'ValidationException: bad',
    ],
    [{ __type: 'SomeFutureException' }, {}, ServiceError, 'SomeFutureException'],
  ])('maps %j %j to the right class', async (body, headers, Class, text) => {
    const { request, requests } = scripted([
      fail(400, body, { 'x-amzn-requestid': 'req-9', ...headers }),
    ]);
    const error = await jsonTransport(request, retry)
      .send('GetMaintenanceWindow', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Class);
    expect((error as Error).message).toContain(text);
    expect((error as Error).message).toContain('GetMaintenanceWindow');
    expect((error as ServiceError).requestId).toBe('req-9');
    expect(requests).toHaveLength(1);
  });

  it('keeps the AWS error type as serviceCode, not for network errors', async () => {
    const { request } = scripted([
      fail(400, { __type: 'com.amazonaws.ssm#ExpiredTokenException', message: 'expired' }),
      networkError('ECONNREFUSED'),
    ]);
    const transport = jsonTransport(request, { ...retry, maxAttempts: 1 });
    await expect(transport.send('GetMaintenanceWindow', {})).rejects.toMatchObject({
      name: 'AccessDeniedError',
      serviceCode: 'ExpiredTokenException',
    });
    const network = await transport.send('GetMaintenanceWindow', {}).catch((e: unknown) => e);
    expect(network).toBeInstanceOf(ServiceError);
    expect((network as ServiceError).serviceCode).toBeUndefined();
    expect((network as Error).message).toContain('ECONNREFUSED');
  });

  it('parseAwsJsonError reads type, message, request id and retry hint like the SDK', () => {
    expect(
      parseAwsJsonError({
        status: 400,
        headers: { 'X-Amzn-RequestId': 'r1', 'x-amz-retry-after': '250' },
        body: '{"__type":"com.amazonaws.ssm#ThrottlingException:http://x","Message":"Rate exceeded"}',
      }),
    ).toEqual({
      code: 'ThrottlingException',
      message: 'Rate exceeded',
      requestId: 'r1',
      retryAfterMs: 250,
    });
    expect(
      parseAwsJsonError({
        status: 400,
        headers: { 'x-amzn-errortype': 'UnrecognizedClientException:http://internal.amazon.com/' },
        body: 'not json',
      }),
    ).toEqual({ code: 'UnrecognizedClientException' });
    expect(parseAwsJsonError({ status: 500, headers: {}, body: '' })).toEqual({});
  });

  it('gives a ServiceError with statusCode for a 400 without any body', async () => {
    const { request } = scripted([fail(400, '')]);
    await expect(jsonTransport(request).send('GetMaintenanceWindow', {})).rejects.toMatchObject({
      name: 'ServiceError',
      statusCode: 400,
    });
  });
});

describe('jsonTransport retries', () => {
  it('retries throttling, then succeeds', async () => {
    const { request, requests } = scripted([
      fail(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }),
      ok({ WindowIdentities: [] }),
    ]);
    await expect(
      jsonTransport(request, retry).send('DescribeMaintenanceWindows', {}),
    ).resolves.toEqual({
      WindowIdentities: [],
    });
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([500]); // 0.5 × throttling base 1000 ms
  });

  it('gives ThrottledError with retryAfterMs after maxAttempts throttles', async () => {
    const throttle = fail(429, { message: 'slow' }, { 'x-amz-retry-after': '1500' });
    const { request, requests } = scripted([throttle, throttle, throttle, throttle]);
    const error = await jsonTransport(request, { ...retry, maxAttempts: 4 })
      .send('DescribeMaintenanceWindows', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).retryAfterMs).toBe(1500);
    expect(requests).toHaveLength(4);
    expect(sleeps).toEqual([1500, 1500, 2000]); // the hint is a floor under 500, 1000, 2000
  });

  it.each([500, 502, 503, 504])(
    'retries HTTP %p with exponential full-jitter backoff',
    async (status) => {
      const err = fail(status, { __type: 'InternalServerError', message: 'boom' });
      const { request, requests } = scripted([err, err, err]);
      const error = await jsonTransport(request, retry)
        .send('GetMaintenanceWindow', {})
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).statusCode).toBe(status);
      expect(requests).toHaveLength(3);
      expect(sleeps).toEqual([25, 50]); // 0.5 × 50, 0.5 × 100
    },
  );

  it('does not retry 501', async () => {
    const { request, requests } = scripted([fail(501, { __type: 'InternalFailure' })]);
    await expect(
      jsonTransport(request, retry).send('GetMaintenanceWindow', {}),
    ).rejects.toBeInstanceOf(ServiceError);
    expect(requests).toHaveLength(1);
  });

  it('retries network resets and fetch-style wrapped causes', async () => {
    const fetchFailed = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ECONNRESET' },
    });
    const { request, requests } = scripted([
      networkError('ECONNRESET'),
      fetchFailed,
      ok({ Name: 'w' }),
    ]);
    await expect(jsonTransport(request, retry).send('GetMaintenanceWindow', {})).resolves.toEqual({
      Name: 'w',
    });
    expect(requests).toHaveLength(3);
  });

  it('retries malformed bodies and fails with ServiceError when they persist', async () => {
    const bad: JsonResponse = { status: 200, headers: {}, body: '{"WindowId": ' };
    const badDate: JsonResponse = ok({ CreatedDate: '2024-01-01T00:00:00Z' });
    const { request, requests } = scripted([bad, badDate, bad]);
    const error = await jsonTransport(request, retry)
      .send('GetMaintenanceWindow', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as Error).message).toMatch(/MalformedResponse/);
    expect(requests).toHaveLength(3);
  });

  it('honours Retry-After in seconds as a floor, at most 5 s past the backoff', async () => {
    const { request } = scripted([
      fail(503, {}, { 'Retry-After': '2' }),
      fail(503, {}, { 'Retry-After': '999' }),
      ok({}),
    ]);
    await jsonTransport(request, { ...retry, maxDelayMs: 20_000 }).send('GetMaintenanceWindow', {});
    expect(sleeps).toEqual([2000, 5050]);
  });

  it('rejects with the abort reason, during a request and during a backoff wait', async () => {
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const transport = jsonTransport(
      async ({ signal }) =>
        new Promise<JsonResponse>((_, reject) => {
          signal?.addEventListener('abort', () => reject(new Error('socket closed')));
        }),
    );
    const pending = transport.send('GetMaintenanceWindow', {}, { signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);

    const second = new AbortController();
    const waiting = jsonTransport(async () => fail(500, {}), {
      baseDelayMs: 60_000,
      random: () => 1,
    }).send('GetMaintenanceWindow', {}, { signal: second.signal });
    setTimeout(() => second.abort(reason), 10);
    await expect(waiting).rejects.toBe(reason);
  });

  it('validates its own options', () => {
    expect(() => jsonTransport('nope' as never)).toThrow(InvalidInputError);
    expect(() => jsonTransport(async () => ok({}), { maxAttempts: 0 })).toThrow(/maxAttempts/);
  });

  it.each([
    ['maxAttempts', 101],
    ['maxAttempts', 2.5],
    ['baseDelayMs', 'abc'],
    ['baseDelayMs', Number.NaN],
    ['throttlingBaseDelayMs', -1],
    ['maxDelayMs', Number.POSITIVE_INFINITY],
    ['sleep', 'soon'],
    ['random', 0.5],
  ])('refuses the retry option %s = %p, naming it', (field, value) => {
    expect(() => jsonTransport(async () => ok({}), { [field]: value })).toThrow(
      expect.objectContaining({ name: 'InvalidInputError', field }),
    );
  });
});
