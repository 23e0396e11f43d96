import { credentialFault } from './credential-fault';

describe('credentialFault', () => {
  it.each([
    [
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      { setting: 'accessKeyId', rule: 'unknown-key' },
    ],
    [
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
      { setting: 'accessKeyId', rule: 'unknown-key' },
    ],
    [
      'ExpiredTokenException',
      'The security token included in the request is expired',
      { setting: 'sessionToken', rule: 'expired' },
    ],
    [
      'ExpiredToken',
      'The security token included in the request is expired',
      { setting: 'sessionToken', rule: 'expired' },
    ],
    [
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
      { setting: 'secretAccessKey', rule: 'signature-mismatch' },
    ],
    [
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match',
      { setting: 'secretAccessKey', rule: 'signature-mismatch' },
    ],
    [
      'InvalidSignatureException',
      "Credential should be scoped to a valid region, not 'eu-west-2'.",
      { setting: 'region', rule: 'wrong-region' },
    ],
    [
      'SignatureDoesNotMatch',
      'Credential should be scoped to a valid region.',
      { setting: 'region', rule: 'wrong-region' },
    ],
    [
      'InvalidSignatureException',
      'Signature expired: 20261130T010000Z is now earlier than 20261130T015500Z (20261130T020000Z - 5 min.)',
      { rule: 'clock-skew' },
    ],
    [
      'InvalidSignatureException',
      'Signature not yet current: 20261130T030000Z is still later than 20261130T020500Z',
      { rule: 'clock-skew' },
    ],
  ])('%s "%s" → %j', (code, message, fault) => {
    expect(credentialFault({ code, message })).toEqual(fault);
  });

  it('a signature error without a message is a secret that does not match', () => {
    expect(credentialFault({ code: 'InvalidSignatureException' })).toEqual({
      setting: 'secretAccessKey',
      rule: 'signature-mismatch',
    });
  });

  it.each([
    [
      'AccessDeniedException',
      'User is not authorized to perform: ssm:GetMaintenanceWindow in region eu-west-1',
    ],
    ['ThrottlingException', 'Rate exceeded'],
    ['DoesNotExistException', 'region'],
  ])('%s is not about the credentials', (code, message) => {
    expect(credentialFault({ code, message })).toBeUndefined();
  });

  it('no error type, no verdict', () => {
    expect(
      credentialFault({ message: 'Credential should be scoped to a valid region' }),
    ).toBeUndefined();
  });

  it('hands out a copy: callers cannot change the table', () => {
    const fault = credentialFault({ code: 'ExpiredTokenException' });
    if (fault) fault.rule = 'unknown-key';
    expect(credentialFault({ code: 'ExpiredTokenException' })?.rule).toBe('expired');
  });
});
