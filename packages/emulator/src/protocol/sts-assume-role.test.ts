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

  it('accepts the bounds of the model (for a role whose MaxSessionDuration is 12 hours)', () => {
    const { min, max } = ASSUME_ROLE_SHAPES.DurationSeconds;
    const options = { maxSessionDurationSeconds: 43200 };
    for (const seconds of [min, max]) {
      const fields = { RoleArn: ROLE, DurationSeconds: String(seconds) };
      const role = assumeRole(form(fields), options, NOW);
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

  it('says a missing RoleArn or RoleSessionName must not be null', () => {
    const noSession = new URLSearchParams({ Action: 'AssumeRole', RoleArn: ROLE });
    const noRole = new URLSearchParams({ Action: 'AssumeRole', RoleSessionName: 'mw-report' });
    for (const [fields, member] of [
      [noSession, 'roleSessionName'],
      [noRole, 'roleArn'],
    ] as const) {
      expect(() => assumeRole(fields, {}, NOW)).toThrow(
        `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      );
    }
  });

  it('caps DurationSeconds at the role’s MaxSessionDuration, 3600 unless set', () => {
    const longer = (seconds: number) => ({ RoleArn: ROLE, DurationSeconds: String(seconds) });
    const capped = /exceeds the MaxSessionDuration set for this role/;
    expect(refusal(longer(43200))).toMatchObject({ code: 'ValidationError', status: 400 });
    expect(refusal(longer(3601)).message).toMatch(capped);
    expect(assumeRole(form(longer(3600)), {}, NOW).expiresAtMs).toBe(NOW + 3600_000);
    // Per role: the listed role allows 2 hours; others keep the default hour.
    const perRole = { maxSessionDurationSeconds: { [ROLE]: 7200 } };
    expect(assumeRole(form(longer(7200)), perRole, NOW).expiresAtMs).toBe(NOW + 7200_000);
    expect(refusal(longer(7201), perRole).message).toMatch(capped);
    const other = { ...longer(7200), RoleArn: ROLE.replace('ReportReader', 'Other') };
    expect(refusal(other, perRole).message).toMatch(capped);
  });

  it('caps a session assumed with temporary credentials (role chaining) at one hour', () => {
    const options = { maxSessionDurationSeconds: 43200 };
    const fields = form({ RoleArn: ROLE, DurationSeconds: '3601' });
    expect(() => assumeRole(fields, options, NOW, true)).toThrow(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
    expect(assumeRole(fields, options, NOW, false).expiresAtMs).toBe(NOW + 3601_000);
    const hour = form({ RoleArn: ROLE, DurationSeconds: '3600' });
    expect(assumeRole(hour, options, NOW, true).expiresAtMs).toBe(NOW + 3600_000);
  });
});
