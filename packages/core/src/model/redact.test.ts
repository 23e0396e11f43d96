import { REDACTED, redactSecrets } from './redact';

const TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDtoken+rest/of=';
const OLD_TOKEN = 'FwoGZXIvYXdzEBYaDHh5z0123456789abcdefghijklmnop';
const AKID = 'ASIAXAMPLEKEY1234567';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SIGNATURE = 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';

/** What AWS answers a bad signature with: the canonical request and the string to sign. */
const AWS_SIGNATURE_MESSAGE = [
  'The request signature we calculated does not match the signature you provided. Check your AWS',
  "Secret Access Key and signing method. The Canonical String for this request should have been 'POST",
  '/',
  '',
  'content-type:application/x-amz-json-1.1',
  'host:ssm.eu-west-1.amazonaws.com',
  'x-amz-date:20261130T001500Z',
  `x-amz-security-token:${TOKEN}`,
  'x-amz-target:AmazonSSM.DescribeMaintenanceWindows',
  '',
  'content-type;host;x-amz-date;x-amz-security-token;x-amz-target',
  "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'",
].join('\n');

describe('redactSecrets', () => {
  it('removes the session token from an AWS canonical request and keeps the rest', () => {
    const out = redactSecrets(AWS_SIGNATURE_MESSAGE);
    expect(out).not.toContain(TOKEN);
    expect(out).toContain(`x-amz-security-token:${REDACTED}\n`);
    expect(out).toContain('host:ssm.eu-west-1.amazonaws.com');
    expect(out).toContain('The request signature we calculated does not match');
  });

  it.each([
    [
      `Authorization: AWS4-HMAC-SHA256 Credential=${AKID}/20261130/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=${SIGNATURE}`,
      [AKID, SIGNATURE],
    ],
    [
      `{"authorization":"AWS4-HMAC-SHA256 Credential=${AKID}/x, Signature=${SIGNATURE}"}`,
      [AKID, SIGNATURE],
    ],
    [
      `https://ssm/?X-Amz-Credential=${AKID}%2F20261130&X-Amz-Signature=${SIGNATURE}&X-Amz-Security-Token=${encodeURIComponent(TOKEN)}`,
      [AKID, SIGNATURE, encodeURIComponent(TOKEN)],
    ],
    [
      `[p]\naws_access_key_id = ${AKID}\naws_secret_access_key = ${SECRET}\naws_session_token = ${OLD_TOKEN}`,
      [AKID, SECRET, OLD_TOKEN],
    ],
    [
      `{"accessKeyId":"${AKID}","secretAccessKey":"${SECRET}","sessionToken":"${TOKEN}"}`,
      [AKID, SECRET, TOKEN],
    ],
    [
      `The security token ${TOKEN} is invalid for key AKIAIOSFODNN7EXAMPLE`,
      [TOKEN, 'AKIAIOSFODNN7EXAMPLE'],
    ],
  ])('redacts %s', (text, secrets) => {
    const out = redactSecrets(text);
    for (const secret of secrets) expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it('redacts known values exactly, also URL-encoded, and ignores short ones', () => {
    const known = 'plain/secret+value==';
    const text = `a ${known} b ${encodeURIComponent(known)} c abc`;
    expect(redactSecrets(text, [known, 'abc', undefined])).toBe(
      `a ${REDACTED} b ${REDACTED} c abc`,
    );
  });

  it('leaves ordinary error text alone', () => {
    for (const text of [
      'User: arn:aws:iam::123456789012:user/ops is not authorized to perform: ssm:GetMaintenanceWindow',
      "Credential should be scoped to a valid region, not 'eu-west-2'.",
      'The security token included in the request is expired',
      'Maintenance window mw-0123456789abcdef0 does not exist',
    ]) {
      expect(redactSecrets(text)).toBe(text);
    }
  });
});
