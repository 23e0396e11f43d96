import { ASSUME_ROLE_SHAPES, assumeRole, StsFault } from './sts-assume-role';

const ROLE = 'arn:aws:iam::444455556666:role/ReportReader';
const NOW = Date.parse('2026-11-30T00:00:00Z');

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams({ Action: 'AssumeRole', RoleSessionName: 'mw-report', ...fields });
}

function refusal(fields: Record<string, string>, options = {}): StsFault {
  try {
    assumeRole(form(fields), options, NOW);
  } catch (error) {
    if (error instanceof StsFault) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('assumeRole', () => {
  it('grants temporary keys for the default hour, in the role ARN’s partition', () => {
    const role = assumeRole(form({ RoleArn: ROLE.replace(':aws:', ':aws-cn:') }), {}, NOW);
    expect(role.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(role.expiresAtMs).toBe(NOW + 3600_000);
    expect(role).toMatchObject({
      account: '444455556666',
      partition: 'aws-cn',
      roleName: 'ReportReader',
    });
  });

  it.each([
    [{ RoleArn: 'arn:aws:iam::1:r/x' }, /'roleArn'.*length between 20 and 2048/],
    [{ RoleArn: 'arn:aws:s3:::a-bucket-not-a-role' }, /is invalid/],
    [{ RoleArn: ROLE, RoleSessionName: 'has space' }, /'roleSessionName'.*pattern/],
    [{ RoleArn: ROLE, RoleSessionName: 'x' }, /'roleSessionName'.*length between 2 and 64/],
    [{ RoleArn: ROLE, ExternalId: 'x' }, /'externalId'.*length between 2 and 1224/],
    [{ RoleArn: ROLE, ExternalId: 'a b' }, /'externalId'.*pattern/],
    [{ RoleArn: ROLE, DurationSeconds: '899' }, /'durationSeconds'.*between 900 and 43200/],
    [{ RoleArn: ROLE, DurationSeconds: '43201' }, /'durationSeconds'/],
  ])('refuses %j with ValidationError (400)', (fields, message) => {
    const fault = refusal(fields);
    expect({ code: fault.code, status: fault.status }).toEqual({
      code: 'ValidationError',
      status: 400,
    });
    expect(fault.message).toMatch(message);
  });

  it('accepts the bounds of the model', () => {
    const { min, max } = ASSUME_ROLE_SHAPES.DurationSeconds;
    for (const seconds of [min, max]) {
      const role = assumeRole(form({ RoleArn: ROLE, DurationSeconds: String(seconds) }), {}, NOW);
      expect(role.expiresAtMs).toBe(NOW + seconds * 1000);
    }
    expect(() => assumeRole(form({ RoleArn: ROLE, ExternalId: 'ab' }), {}, NOW)).not.toThrow();
  });

  it('denies roles off the allow-list and a wrong or missing ExternalId (AccessDenied, 403)', () => {
    const options = { roleArns: [ROLE], externalId: 'x-7f3c' };
    const attempts: Record<string, string>[] = [
      { RoleArn: ROLE.replace('ReportReader', 'Other'), ExternalId: 'x-7f3c' },
      { RoleArn: ROLE, ExternalId: 'x-0000' },
      { RoleArn: ROLE },
    ];
    for (const fields of attempts) {
      expect(refusal(fields, options)).toMatchObject({ code: 'AccessDenied', status: 403 });
    }
    expect(() =>
      assumeRole(form({ RoleArn: ROLE, ExternalId: 'x-7f3c' }), options, NOW),
    ).not.toThrow();
  });
});
