import { InvalidInputError } from './errors';
import {
  consoleDomain,
  consoleUrl,
  formatDuration,
  formatElapsed,
  formatStatus,
  formatTimestamp,
  parseMaintenanceWindowArn,
} from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [4_250, '4.2s'],
    [59_999, '59.9s'],
    [185_000, '3m 05s'],
    [3_600_000, '1h 00m'],
    [7_620_000, '2h 07m'],
    [273_600_000, '3d 04h'],
    [-1, '—'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%p ms → %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('formats elapsed time between Dates or ISO strings', () => {
    expect(formatElapsed(new Date(0), '1970-01-01T00:00:42.000Z')).toBe('42.0s');
    expect(formatElapsed(new Date(0), undefined)).toBe('—');
  });
});

describe('status helpers', () => {
  it('labels statuses', () => {
    expect(formatStatus('IN_PROGRESS')).toBe('In progress');
    expect(formatStatus('SKIPPED_OVERLAPPING')).toBe('Skipped (overlapping)');
    expect(formatStatus('TIMED_OUT')).toBe('Timed out');
    expect(formatStatus('SOME_NEW_STATUS')).toBe('Some new status');
    expect(formatStatus(undefined)).toBe('Unknown');
  });
});

describe('consoleUrl', () => {
  const windowId = 'mw-0123456789abcdef0';
  const windowExecutionId = '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90';

  it('links an execution in the commercial partition', () => {
    expect(consoleUrl({ region: 'eu-west-1', windowId, windowExecutionId })).toBe(
      `https://eu-west-1.console.aws.amazon.com/systems-manager/maintenance-windows/${windowId}/history/${windowExecutionId}?region=eu-west-1`,
    );
  });

  it('uses the China and GovCloud console domains', () => {
    expect(consoleUrl({ region: 'cn-north-1', windowId })).toBe(
      `https://cn-north-1.console.amazonaws.cn/systems-manager/maintenance-windows/${windowId}/description?region=cn-north-1`,
    );
    expect(consoleDomain('us-gov-west-1')).toBe('console.amazonaws-us-gov.com');
  });

  it('rejects bad parts', () => {
    expect(() => consoleUrl({ region: 'nowhere', windowId })).toThrow(InvalidInputError);
    expect(() => consoleUrl({ region: 'us-east-1', windowId: 'mw-1' })).toThrow(/windowId/);
    expect(() => consoleUrl({ region: 'us-east-1', windowId, windowExecutionId: 'x' })).toThrow(
      /windowExecutionId/,
    );
  });
});

describe('parseMaintenanceWindowArn', () => {
  it('parses commercial and China ARNs', () => {
    expect(
      parseMaintenanceWindowArn(
        'arn:aws:ssm:us-east-1:123456789012:maintenancewindow/mw-0123456789abcdef0',
      ),
    ).toEqual({
      partition: 'aws',
      region: 'us-east-1',
      accountId: '123456789012',
      windowId: 'mw-0123456789abcdef0',
    });
    expect(
      parseMaintenanceWindowArn(
        'arn:aws-cn:ssm:cn-north-1:123456789012:maintenancewindow/mw-0123456789abcdef0',
      ).partition,
    ).toBe('aws-cn');
  });

  it.each([
    'arn:aws:ec2:us-east-1:123456789012:maintenancewindow/mw-0123456789abcdef0',
    'arn:aws:ssm:us-east-1:12345:maintenancewindow/mw-0123456789abcdef0',
    'arn:aws:ssm:us-east-1:123456789012:maintenancewindow/mw-0C50858D01EXAMPLE',
    'arn:aws:ssm:us-east-1:123456789012:document/mw-0123456789abcdef0',
    '',
  ])('rejects %p', (arn) => {
    expect(() => parseMaintenanceWindowArn(arn)).toThrow(InvalidInputError);
  });
});

describe('formatTimestamp', () => {
  it('formats Dates and ISO strings in UTC to the second by default', () => {
    expect(formatTimestamp(new Date('2026-11-28T21:05:29.731Z'))).toBe('2026-11-28 21:05:29Z');
    expect(formatTimestamp('2026-11-28T21:05:29Z')).toBe('2026-11-28 21:05:29Z');
    expect(formatTimestamp(new Date(0))).toBe('1970-01-01 00:00:00Z');
  });

  it('formats in a time zone with its offset, across daylight saving', () => {
    expect(formatTimestamp('2026-11-28T21:05:29Z', { timeZone: 'Europe/Berlin' })).toBe(
      '2026-11-28 22:05:29 GMT+1',
    );
    expect(formatTimestamp('2026-07-01T23:30:00Z', { timeZone: 'Europe/Berlin' })).toBe(
      '2026-07-02 01:30:00 GMT+2',
    );
    expect(formatTimestamp('2026-01-01T00:00:00Z', { timeZone: 'Asia/Kolkata' })).toBe(
      '2026-01-01 05:30:00 GMT+5:30',
    );
    // ICU versions differ on whether UTC's short offset is `GMT` or `GMT+0`.
    expect(formatTimestamp('2026-01-01T00:00:00Z', { timeZone: 'UTC' })).toMatch(
      /^2026-01-01 00:00:00 GMT(\+0)?$/,
    );
  });

  it('shows a missing value as a dash and returns a non-date string unchanged', () => {
    expect(formatTimestamp(undefined)).toBe('–');
    expect(formatTimestamp('not a date')).toBe('not a date');
    expect(formatTimestamp('not a date', { timeZone: 'Europe/Berlin' })).toBe('not a date');
  });

  it('rejects an unknown time zone naming the field', () => {
    expect(() => formatTimestamp(new Date(0), { timeZone: 'Mars/Olympus' })).toThrow(
      InvalidInputError,
    );
    expect(() => formatTimestamp(new Date(0), { timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
  });
});
