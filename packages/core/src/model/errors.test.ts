import {
  AccessDeniedError,
  InvalidInputError,
  NotFoundError,
  PaginationError,
  ServiceError,
  SsmInvocationsError,
  ThrottledError,
} from './errors';

describe('error classes', () => {
  it.each([
    [new InvalidInputError('taskId', 'must be a UUID'), 'InvalidInputError', 'INVALID_INPUT'],
    [new NotFoundError('gone'), 'NotFoundError', 'NOT_FOUND'],
    [new ThrottledError('slow'), 'ThrottledError', 'THROTTLED'],
    [new AccessDeniedError('no'), 'AccessDeniedError', 'ACCESS_DENIED'],
    [new ServiceError('boom'), 'ServiceError', 'SERVICE_ERROR'],
    [new PaginationError('loop'), 'PaginationError', 'PAGINATION_ERROR'],
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
