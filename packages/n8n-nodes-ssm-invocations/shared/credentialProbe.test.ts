import { diagnoseProbe } from './credentialProbe';

const endpoint = 'https://ssm.eu-west-1.amazonaws.com';
const answer = (type: string, message: string, status = 400) => ({
  status,
  body: JSON.stringify({ __type: type, message }),
});

describe('diagnoseProbe', () => {
  it('accepts a successful call', () => {
    expect(
      diagnoseProbe({ status: 200, body: '{"WindowIdentities":[]}' }, 'eu-west-1', endpoint),
    ).toBeUndefined();
  });

  it.each([
    [
      answer(
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
      ),
      /^Access Key ID: /,
    ],
    [answer('com.amazon.coral.service#UnrecognizedClientException', 'invalid'), /^Access Key ID: /],
    [
      answer(
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided.',
      ),
      /^Secret Access Key: /,
    ],
    [
      answer(
        'InvalidSignatureException',
        "Credential should be scoped to a valid region, not 'eu-west-2'.",
      ),
      /^Region: 'eu-west-1' is not the region of /,
    ],
    [
      answer('ExpiredTokenException', 'The security token included in the request is expired'),
      /^Session Token: /,
    ],
    [
      answer(
        'InvalidSignatureException',
        'Signature not yet current: 20261130T030000Z is still later than 20261130T020500Z (20261130T020000Z + 5 min.)',
      ),
      /^AWS refused the request's time: the clock of the n8n host is more than 5 minutes off\. AWS said: Signature not yet current/,
    ],
  ])('names the field to fix for %j', (outcome, message) => {
    expect(diagnoseProbe(outcome, 'eu-west-1', endpoint)?.message).toMatch(message);
  });

  it('tells a region without an endpoint from an unreachable custom endpoint', () => {
    expect(
      diagnoseProbe(
        { networkError: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' },
        'xx-nowhere-9',
        endpoint,
      )?.message,
    ).toMatch(/^Region: no SSM endpoint answers for 'xx-nowhere-9'/);
    expect(
      diagnoseProbe(
        { networkError: 'ECONNREFUSED', message: 'refused' },
        'eu-west-1',
        'http://127.0.0.1:1',
      )?.message,
    ).toMatch(/^Custom Endpoint: http:\/\/127\.0\.0\.1:1 could not be reached \(ECONNREFUSED\)/);
  });

  it('leaves permission, throttling and server errors to the real call', () => {
    expect(
      diagnoseProbe(answer('AccessDeniedException', 'not authorized'), 'eu-west-1', endpoint),
    ).toBeUndefined();
    expect(
      diagnoseProbe(answer('ThrottlingException', 'Rate exceeded'), 'eu-west-1', endpoint),
    ).toBeUndefined();
    expect(
      diagnoseProbe(answer('InternalServerError', 'boom', 500), 'eu-west-1', endpoint),
    ).toBeUndefined();
  });
});
