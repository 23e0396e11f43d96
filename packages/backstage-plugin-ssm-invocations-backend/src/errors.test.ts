import {
  AccessDeniedError,
  InvalidInputError,
  NotFoundError,
  PaginationError,
  ServiceError,
  ThrottledError,
  TimeoutError,
} from '@ssm-invocations/core';
import { SsmUpstreamError, toHttpError } from './errors';

describe('toHttpError', () => {
  it.each([
    [new InvalidInputError('taskId', 'must be a UUID'), 'InputError', undefined],
    [new NotFoundError('no such window'), 'NotFoundError', undefined],
    [new ThrottledError('slow down', { retryAfterMs: 2500 }), 'ServiceUnavailableError', 3],
    [new ThrottledError('slow down'), 'ServiceUnavailableError', 5],
    [new AccessDeniedError('refused'), 'SsmUpstreamError', undefined],
    [new ServiceError('boom', { statusCode: 500 }), 'SsmUpstreamError', undefined],
    [new PaginationError('NextToken repeated'), 'SsmUpstreamError', undefined],
    [new TimeoutError('SSM did not answer in time'), 'SsmGatewayTimeoutError', 1],
  ])('maps %p to %s', (coreError, name, retryAfterSeconds) => {
    const { error, retryAfterSeconds: retryAfter } = toHttpError(coreError);
    expect(error.name).toBe(name);
    expect(error.message).toContain(coreError.message);
    expect(retryAfter).toBe(retryAfterSeconds);
    // The core error (and what it wraps) stays out of the response body.
    expect(error.cause).toBeUndefined();
  });

  it('answers upstream failures with 502, never the upstream status', () => {
    const { error } = toHttpError(new ServiceError('boom', { statusCode: 500 }));
    expect(error).toBeInstanceOf(SsmUpstreamError);
    expect((error as SsmUpstreamError).statusCode).toBe(502);
  });

  it('passes other errors through', () => {
    const original = new TypeError('bug');
    expect(toHttpError(original).error).toBe(original);
    expect(toHttpError('text').error.message).toBe('text');
  });
});
