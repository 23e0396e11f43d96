import {
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DoesNotExistException,
  GetMaintenanceWindowCommand,
  InternalServerError,
  SSMClient,
  SSMServiceException,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AccessDeniedError,
  InvalidInputError,
  NotFoundError,
  ServiceError,
  ThrottledError,
} from '../model/errors';
import { sdkTransport } from './sdk-transport';

const ssmMock = mockClient(SSMClient);
const client = new SSMClient({ region: 'us-east-1' });

beforeEach(() => ssmMock.reset());

const metadata = { httpStatusCode: 400, requestId: 'req-sdk', attempts: 1, totalRetryDelay: 0 };

function serviceException(
  name: string,
  fault: 'client' | 'server',
  status = 400,
): SSMServiceException {
  return new SSMServiceException({
    name,
    $fault: fault,
    message: `${name} happened`,
    $metadata: { ...metadata, httpStatusCode: status },
  });
}

describe('sdkTransport', () => {
  it('sends the matching command and strips $metadata', async () => {
    ssmMock.on(GetMaintenanceWindowCommand, { WindowId: 'mw-0123456789abcdef0' }).resolves({
      WindowId: 'mw-0123456789abcdef0',
      Name: 'w',
      $metadata: { httpStatusCode: 200 },
    });
    const out = await sdkTransport(client).send('GetMaintenanceWindow', {
      WindowId: 'mw-0123456789abcdef0',
    });
    expect(out).toEqual({ WindowId: 'mw-0123456789abcdef0', Name: 'w' });
    expect(ssmMock.commandCalls(GetMaintenanceWindowCommand)).toHaveLength(1);
  });

  it('passes the abort signal to the SDK and rejects with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled');
    ssmMock
      .on(DescribeMaintenanceWindowExecutionTaskInvocationsCommand)
      .callsFake(
        () =>
          new Promise((_, reject) => setTimeout(() => reject(new Error('Request aborted')), 20)),
      );
    const pending = sdkTransport(client).send(
      'DescribeMaintenanceWindowExecutionTaskInvocations',
      {},
      { signal: controller.signal },
    );
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it.each([
    [new DoesNotExistException({ message: 'no such window', $metadata: metadata }), NotFoundError],
    [serviceException('ThrottlingException', 'client'), ThrottledError],
    [serviceException('AccessDeniedException', 'client'), AccessDeniedError],
    [serviceException('UnrecognizedClientException', 'client'), AccessDeniedError],
    [serviceException('ExpiredTokenException', 'client'), AccessDeniedError],
    [serviceException('ValidationException', 'client'), ServiceError],
    [serviceException('SomeFutureException', 'client'), ServiceError],
    [
      new InternalServerError({ message: 'boom', $metadata: { ...metadata, httpStatusCode: 500 } }),
      ServiceError,
    ],
  ])('wraps %p into the core class with cause and request id', async (sdkError, Class) => {
    ssmMock.on(GetMaintenanceWindowCommand).rejects(sdkError);
    const error = await sdkTransport(client)
      .send('GetMaintenanceWindow', { WindowId: 'mw-0123456789abcdef0' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Class);
    expect((error as Error).cause).toBe(sdkError);
    expect((error as ServiceError).requestId).toBe('req-sdk');
    expect((error as Error).message).toContain(sdkError.name);
    expect((error as Error).message).toContain('request id req-sdk');
  });

  it('keeps the HTTP status on ServiceError', async () => {
    ssmMock
      .on(GetMaintenanceWindowCommand)
      .rejects(serviceException('InternalServerError', 'server', 503));
    await expect(sdkTransport(client).send('GetMaintenanceWindow', {})).rejects.toMatchObject({
      statusCode: 503,
      serviceCode: 'InternalServerError',
    });
  });

  it('maps network errors and unparseable responses to ServiceError', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    ssmMock
      .on(GetMaintenanceWindowCommand)
      .rejectsOnce(reset)
      .rejects(new TypeError('Expected real number'));
    const transport = sdkTransport(client, { sleep: async () => undefined });
    await expect(transport.send('GetMaintenanceWindow', {})).rejects.toThrow(/ECONNRESET/);
    await expect(transport.send('GetMaintenanceWindow', {})).rejects.toThrow(/MalformedResponse/);
  });

  it('retries malformed bodies, which the SDK itself does not retry', async () => {
    const malformed = Object.assign(new SyntaxError('Unterminated string in JSON'), {
      $metadata: { httpStatusCode: 200, requestId: 'req-m', attempts: 1 },
    });
    const sleeps: number[] = [];
    const retry = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5 };
    ssmMock.on(GetMaintenanceWindowCommand).rejectsOnce(malformed).resolves({ Name: 'ok' });
    await expect(sdkTransport(client, retry).send('GetMaintenanceWindow', {})).resolves.toEqual({
      Name: 'ok',
    });
    expect(ssmMock.commandCalls(GetMaintenanceWindowCommand)).toHaveLength(2);
    expect(sleeps).toEqual([25]);

    ssmMock.reset();
    ssmMock.on(GetMaintenanceWindowCommand).rejects(malformed);
    const error = await sdkTransport(client, { ...retry, maxAttempts: 4 })
      .send('GetMaintenanceWindow', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).requestId).toBe('req-m');
    expect(ssmMock.commandCalls(GetMaintenanceWindowCommand)).toHaveLength(4);
  });

  it('does not retry what the SDK already retried', async () => {
    ssmMock
      .on(GetMaintenanceWindowCommand)
      .rejects(serviceException('ThrottlingException', 'client'));
    await expect(sdkTransport(client).send('GetMaintenanceWindow', {})).rejects.toBeInstanceOf(
      ThrottledError,
    );
    expect(ssmMock.commandCalls(GetMaintenanceWindowCommand)).toHaveLength(1);
  });

  it('rejects something that is not an SSMClient', () => {
    expect(() => sdkTransport({} as SSMClient)).toThrow(InvalidInputError);
  });

  it('refuses retry options that would mean no backoff or endless retries, naming them', () => {
    expect(() => sdkTransport(client, { baseDelayMs: 'abc' as never })).toThrow(
      expect.objectContaining({ field: 'baseDelayMs' }),
    );
    expect(() => sdkTransport(client, { maxAttempts: 101 })).toThrow(
      expect.objectContaining({ field: 'maxAttempts' }),
    );
  });
});
