import { request } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { startEmulator, type Emulator } from './server';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP exchange (node:http, so any method, header or body can be sent). */
function exchange(
  emulator: Emulator,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.url}${options.path ?? '/'}`,
      { method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.1' };

function expectAwsError(
  response: RawResponse,
  status: number,
  type: string,
  message?: string,
): void {
  expect(response.status).toBe(status);
  expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers['content-type']).toBe('application/x-amz-json-1.1');
  const body = JSON.parse(response.body) as { __type: string; message: string };
  expect(body.__type).toBe(type);
  expect(typeof body.message).toBe('string');
  if (message !== undefined) expect(body.message).toContain(message);
}

describe('AWS JSON 1.1 protocol edges', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it('rejects an unknown operation and a missing target with UnknownOperationException', async () => {
    expectAwsError(
      await exchange(emulator, {
        headers: { ...JSON_HEADERS, 'x-amz-target': 'AmazonSSM.SendCommand' },
        body: '{}',
      }),
      400,
      'com.amazon.coral.service#UnknownOperationException',
      'Unknown operation AmazonSSM.SendCommand',
    );
    expectAwsError(
      await exchange(emulator, {
        headers: { ...JSON_HEADERS, 'x-amz-target': 'AmazonEC2.DescribeMaintenanceWindows' },
        body: '{}',
      }),
      400,
      'com.amazon.coral.service#UnknownOperationException',
    );
    expectAwsError(
      await exchange(emulator, { headers: JSON_HEADERS, body: '{}' }),
      400,
      'com.amazon.coral.service#UnknownOperationException',
      'Missing X-Amz-Target header',
    );
  });

  it('accepts application/json and rejects other content types', async () => {
    const ok = await exchange(emulator, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows',
      },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(ok.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expectAwsError(
      await exchange(emulator, {
        headers: {
          'content-type': 'text/plain',
          'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows',
        },
        body: '{}',
      }),
      400,
      'com.amazon.coral.service#UnknownOperationException',
      "Unsupported content type 'text/plain'",
    );
  });

  it('answers non-JSON and non-object bodies with SerializationException', async () => {
    const headers = { ...JSON_HEADERS, 'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows' };
    expectAwsError(
      await exchange(emulator, { headers, body: '{"MaxResults":' }),
      400,
      'com.amazon.coral.service#SerializationException',
      'not valid JSON',
    );
    expectAwsError(
      await exchange(emulator, { headers, body: '[1,2]' }),
      400,
      'com.amazon.coral.service#SerializationException',
      'must be a JSON object',
    );
    expectAwsError(
      await exchange(emulator, { headers, body: '{"MaxResults":"10"}' }),
      400,
      'com.amazon.coral.service#SerializationException',
      'MaxResults must be an integer',
    );
    expectAwsError(
      await exchange(emulator, { headers, body: '{"Filters":[{"Key":"Name","Values":"x"}]}' }),
      400,
      'com.amazon.coral.service#SerializationException',
      'Filters[0].Values must be a list of strings',
    );
    // An empty body is an empty input.
    expect((await exchange(emulator, { headers, body: '' })).status).toBe(200);
  });

  it('answers bodies over 1 MiB with 413 RequestEntityTooLargeException', async () => {
    const response = await exchange(emulator, {
      headers: { ...JSON_HEADERS, 'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows' },
      body: Buffer.alloc(1024 * 1024 + 1, 0x20),
    });
    expectAwsError(
      response,
      413,
      'com.amazon.coral.service#RequestEntityTooLargeException',
      'exceeds the limit of 1048576 bytes',
    );
  });

  it('answers other methods with an AWS-shaped error', async () => {
    expectAwsError(
      await exchange(emulator, { method: 'GET' }),
      400,
      'com.amazon.coral.service#UnknownOperationException',
      'Only POST',
    );
    expectAwsError(
      await exchange(emulator, { method: 'DELETE', path: '/__emulator/stats' }),
      400,
      'com.amazon.coral.service#UnknownOperationException',
    );
  });

  it('answers a malformed HTTP request with a JSON 400 and keeps serving', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(emulator.port, '127.0.0.1', () =>
        socket.write('NOT HTTP AT ALL\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('x-amzn-requestid: ');
    const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body)).toEqual({
      __type: 'com.amazon.coral.service#SerializationException',
      message: 'Malformed HTTP request',
    });
    const ok = await exchange(emulator, {
      headers: { ...JSON_HEADERS, 'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows' },
      body: '{}',
    });
    expect(ok.status).toBe(200);
  });

  it('survives random bodies and headers: always a well-formed JSON answer, server still up', async () => {
    const targets = fc.oneof(
      fc.constantFrom(
        'AmazonSSM.DescribeMaintenanceWindows',
        'AmazonSSM.GetMaintenanceWindow',
        'AmazonSSM.DescribeMaintenanceWindowExecutions',
        'AmazonSSM.DescribeMaintenanceWindowExecutionTaskInvocations',
        'AmazonSSM.GetMaintenanceWindowExecutionTaskInvocation',
        'AmazonSSM.DescribeMaintenanceWindowTargets',
      ),
      fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x21-\x7e]/g, '')),
    );
    const inputs = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.string({ maxLength: 300 }),
      fc
        .record(
          {
            WindowId: fc.oneof(fc.string(), fc.integer(), fc.constant('mw-0a1b2c3d4e5f00001')),
            WindowExecutionId: fc.oneof(fc.uuid(), fc.string(), fc.constant(null)),
            TaskId: fc.oneof(fc.uuid(), fc.array(fc.string())),
            InvocationId: fc.uuid(),
            MaxResults: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double(), fc.string()),
            NextToken: fc.oneof(fc.string(), fc.base64String()),
            Filters: fc.oneof(
              fc.array(
                fc.record({
                  Key: fc.oneof(
                    fc.constantFrom('STATUS', 'Name', 'ExecutedAfter', 'Type'),
                    fc.string(),
                  ),
                  Values: fc.array(fc.string(), { maxLength: 3 }),
                }),
                { maxLength: 7 },
              ),
              fc.anything(),
            ),
          },
          { requiredKeys: [] },
        )
        .map((record) => JSON.stringify(record)),
    );
    const headerToken = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
    const extraHeaders = fc.dictionary(
      headerToken.filter(
        (name) =>
          !['content-length', 'transfer-encoding', 'host', 'connection', 'expect'].includes(name),
      ),
      fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
      { maxKeys: 4 },
    );
    const contentTypes = fc.constantFrom(
      'application/x-amz-json-1.1',
      'application/json',
      'text/plain',
      '',
      'application/x-amz-json-1.0',
    );
    await fc.assert(
      fc.asyncProperty(
        targets,
        inputs,
        contentTypes,
        extraHeaders,
        async (target, body, contentType, extra) => {
          const headers: Record<string, string> = { ...extra, 'x-amz-target': target };
          if (contentType) headers['content-type'] = contentType;
          const response = await exchange(emulator, { headers, body });
          expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
          const parsed = JSON.parse(response.body) as Record<string, unknown>;
          if (response.status === 200) {
            expect(parsed).not.toHaveProperty('__type');
          } else {
            expect([400, 413, 500]).toContain(response.status);
            expect(parsed.__type).toMatch(/^com\.amazon(aws\.ssm|\.coral\.service)#[A-Za-z]+$/);
            expect(typeof parsed.message).toBe('string');
            // A bug in a handler shows up as InternalServerError: there must be none.
            expect(parsed.__type).not.toBe('com.amazonaws.ssm#InternalServerError');
          }
        },
      ),
      { numRuns: 400, seed: 20261128 },
    );
    const stillUp = await exchange(emulator, {
      headers: { ...JSON_HEADERS, 'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows' },
      body: '{}',
    });
    expect(stillUp.status).toBe(200);
  });
});

describe('SigV4 parsing under fuzz', () => {
  it('answers random Authorization and X-Amz-Date headers with AWS-shaped 400s, never a crash', async () => {
    const emulator = await startEmulator({
      sigv4: {
        credentials: [
          { accessKeyId: 'AKIDFUZZ', secretAccessKey: 'fuzz-secret', sessionToken: 'tok' },
        ],
      },
    });
    const printable = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
    const authorization = fc.oneof(
      printable,
      fc
        .tuple(
          fc.oneof(fc.constant('AKIDFUZZ'), printable),
          fc.oneof(fc.constant('20261128/us-east-1/ssm/aws4_request'), printable),
          fc.oneof(fc.constant('host;x-amz-date;x-amz-security-token'), printable),
          fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), printable),
        )
        .map(
          ([key, scope, signed, signature]) =>
            `AWS4-HMAC-SHA256 Credential=${key}/${scope}, SignedHeaders=${signed}, Signature=${signature}`,
        ),
    );
    const amzDate = fc.oneof(
      printable,
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) =>
          d
            .toISOString()
            .replace(/[-:]/g, '')
            .replace(/\.\d{3}/, ''),
        ),
    );
    try {
      await fc.assert(
        fc.asyncProperty(
          authorization,
          amzDate,
          fc.option(printable),
          async (auth, date, token) => {
            const headers: Record<string, string> = {
              ...JSON_HEADERS,
              'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows',
              authorization: auth,
              'x-amz-date': date,
            };
            if (token !== null) headers['x-amz-security-token'] = token;
            const response = await exchange(emulator, { headers, body: '{}' });
            expect(response.status).toBe(400);
            const body = JSON.parse(response.body) as { __type: string; message: string };
            expect(body.__type).toMatch(
              /^com\.amazon\.coral\.service#(MissingAuthenticationToken|IncompleteSignature|InvalidSignature|UnrecognizedClient)Exception$/,
            );
            expect(body.message).not.toContain('fuzz-secret');
          },
        ),
        { numRuns: 300, seed: 42 },
      );
    } finally {
      await emulator.stop();
    }
  });
});
