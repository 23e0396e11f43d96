import {
  AccessDeniedError,
  CredentialsError,
  InvalidInputError,
  isSsmInvocationsError,
  NotFoundError,
  PaginationError,
  ServiceError,
  SSM_INVOCATIONS_ERROR_CODES,
  SsmInvocationsError,
  ThrottledError,
  TimeoutError,
} from './errors';

describe('error classes', () => {
  it.each([
    [new InvalidInputError('taskId', 'must be a UUID'), 'InvalidInputError', 'INVALID_INPUT'],
    [new NotFoundError('gone'), 'NotFoundError', 'NOT_FOUND'],
    [new ThrottledError('slow'), 'ThrottledError', 'THROTTLED'],
    [new AccessDeniedError('no'), 'AccessDeniedError', 'ACCESS_DENIED'],
    [new ServiceError('boom'), 'ServiceError', 'SERVICE_ERROR'],
    [new PaginationError('loop'), 'PaginationError', 'PAGINATION_ERROR'],
    [new TimeoutError('slow'), 'TimeoutError', 'TIMEOUT'],
    [new CredentialsError('none', { missing: 'region' }), 'CredentialsError', 'CREDENTIALS'],
  ])('%p has name %p and code %p', (error, name, code) => {
    expect(error).toBeInstanceOf(SsmInvocationsError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(String(error)).toContain(name);
  });

  it('keeps cause and request id, but toJSON leaves the cause out', () => {
    const cause = Object.assign(new Error('inner'), { secret: 'hunter2' });
    const error = new ServiceError('boom', {
      cause,
      requestId: 'req-1',
      statusCode: 500,
      operation: 'GetMaintenanceWindow',
    });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('boom (request id req-1)');
    expect(error.toJSON()).toEqual({
      name: 'ServiceError',
      code: 'SERVICE_ERROR',
      message: 'boom (request id req-1)',
      requestId: 'req-1',
      operation: 'GetMaintenanceWindow',
      statusCode: 500,
    });
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('keeps what went wrong without the request id in detail', () => {
    const answered = new ServiceError('boom', { requestId: 'req-1' });
    expect(answered.detail).toBe('boom');
    expect(answered.message).toBe(`${answered.detail} (request id req-1)`);
    const unanswered = new ThrottledError('Rate exceeded');
    expect(unanswered.detail).toBe(unanswered.message);
    const input = new InvalidInputError('maxResults', 'must be from 10 to 100, got 5');
    expect(input.detail).toBe(input.message);
  });

  it('names the field of an InvalidInputError', () => {
    const error = new InvalidInputError('maxResults', 'must be from 10 to 100, got 5');
    expect(error.field).toBe('maxResults');
    expect(error.message).toBe('Invalid input: maxResults must be from 10 to 100, got 5');
    expect(error.toJSON()).toMatchObject({ field: 'maxResults' });
  });

  it('carries retryAfterMs on ThrottledError', () => {
    expect(new ThrottledError('slow', { retryAfterMs: 1000 }).retryAfterMs).toBe(1000);
  });
});

describe('isSsmInvocationsError', () => {
  it.each([
    new InvalidInputError('taskId', 'must be a UUID'),
    new NotFoundError('gone'),
    new ThrottledError('slow'),
    new AccessDeniedError('no'),
    new ServiceError('boom'),
    new PaginationError('loop'),
  ])('accepts core error %p', (error) => {
    expect(isSsmInvocationsError(error)).toBe(true);
  });

  it('accepts an error from another copy of core (same shape, different class)', () => {
    class ForeignNotFoundError extends Error {
      readonly code = 'NOT_FOUND';
      override readonly name = 'NotFoundError';
    }
    const foreign = new ForeignNotFoundError('gone');
    expect(foreign).not.toBeInstanceOf(SsmInvocationsError);
    expect(isSsmInvocationsError(foreign)).toBe(true);
  });

  it.each([
    ['a plain Error', new Error('x')],
    ['a Node system error', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })],
    ['an unknown code', Object.assign(new Error('x'), { code: 'NOT_A_CORE_CODE' })],
    ['a non-string code', Object.assign(new Error('x'), { code: 404 })],
    ['a plain object with a core code', { name: 'NotFoundError', code: 'NOT_FOUND', message: 'x' }],
    ['a string', 'NOT_FOUND'],
    ['undefined', undefined],
  ])('rejects %s', (_label, value) => {
    expect(isSsmInvocationsError(value)).toBe(false);
  });

  it('lists every code once', () => {
    expect(new Set(SSM_INVOCATIONS_ERROR_CODES).size).toBe(8);
  });
});
