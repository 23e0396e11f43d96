import { AccessDeniedError, InvalidInputError, NotFoundError, ThrottledError } from './errors';
import { failureNoteMessage, toReportError } from './report-error';

describe('toReportError', () => {
  it('keeps code, name, message and request id of a core error', () => {
    const error = new ThrottledError('Rate exceeded', { requestId: 'req-7', retryAfterMs: 100 });
    expect(toReportError(error)).toEqual({
      code: 'THROTTLED',
      name: 'ThrottledError',
      message: 'Rate exceeded (request id req-7)',
      requestId: 'req-7',
    });
  });

  it('keeps the operation that failed, so a reader can name the IAM action to allow', () => {
    const error = new AccessDeniedError('User is not authorized', {
      operation: 'DescribeMaintenanceWindowExecutions',
    });
    expect(toReportError(error)).toEqual({
      code: 'ACCESS_DENIED',
      name: 'AccessDeniedError',
      message: 'User is not authorized',
      operation: 'DescribeMaintenanceWindowExecutions',
    });
  });

  it('leaves requestId out when the error has none', () => {
    expect(toReportError(new NotFoundError('gone'))).toEqual({
      code: 'NOT_FOUND',
      name: 'NotFoundError',
      message: 'gone',
    });
    expect(toReportError(new InvalidInputError('windowId', 'must be …'))).not.toHaveProperty(
      'requestId',
    );
  });

  it('recognises a core error from another copy of core by its shape', () => {
    const foreign = Object.assign(new Error('denied'), {
      name: 'AccessDeniedError',
      code: 'ACCESS_DENIED',
    });
    expect(toReportError(foreign)).toMatchObject({ code: 'ACCESS_DENIED', message: 'denied' });
  });

  it.each([new Error('secret=hunter2'), 'boom', undefined])(
    'turns anything else (%p) into a SERVICE_ERROR without its text',
    (error) => {
      const report = toReportError(error);
      expect(report).toEqual({
        code: 'SERVICE_ERROR',
        name: 'SsmInvocationsError',
        message: 'Unexpected error',
      });
    },
  );
});

describe('failureNoteMessage', () => {
  it('names the IAM action for an access denial on a known operation', () => {
    expect(
      failureNoteMessage({
        code: 'ACCESS_DENIED',
        message: 'no',
        operation: 'GetCommandInvocation',
      }),
    ).toBe('GetCommandInvocation was refused: the caller needs ssm:GetCommandInvocation');
  });

  it.each([
    { code: 'ACCESS_DENIED', message: 'no' },
    { code: 'ACCESS_DENIED', message: 'no', operation: 'toString' },
    { code: 'THROTTLED', message: 'slow down', operation: 'GetCommandInvocation' },
  ])('keeps the message otherwise (%j)', (error) => {
    expect(failureNoteMessage(error)).toBe(error.message);
  });

  it('says the credentials were refused, not a permission, when AWS refused them', () => {
    expect(
      failureNoteMessage({
        code: 'ACCESS_DENIED',
        message: 'InvalidSignatureException: Credential should be scoped to a valid region',
        operation: 'GetCommandInvocation',
        credentialFault: { setting: 'region', rule: 'wrong-region' },
      }),
    ).toBe(
      'GetCommandInvocation was refused: AWS did not accept the credentials (region: wrong-region)',
    );
    expect(
      failureNoteMessage({
        code: 'ACCESS_DENIED',
        message: 'Signature expired',
        operation: 'GetCommandInvocation',
        credentialFault: { rule: 'clock-skew' },
      }),
    ).toBe('GetCommandInvocation was refused: AWS did not accept the credentials (clock-skew)');
  });
});

describe('toReportError and credentials AWS refused', () => {
  it('keeps the credential fault beside the code and operation', () => {
    const error = new AccessDeniedError('GetMaintenanceWindow failed: ExpiredTokenException', {
      operation: 'GetMaintenanceWindow',
      credentialFault: { setting: 'sessionToken', rule: 'expired' },
    });
    expect(toReportError(error)).toEqual({
      code: 'ACCESS_DENIED',
      name: 'AccessDeniedError',
      message: 'GetMaintenanceWindow failed: ExpiredTokenException',
      operation: 'GetMaintenanceWindow',
      credentialFault: { setting: 'sessionToken', rule: 'expired' },
    });
  });
});
