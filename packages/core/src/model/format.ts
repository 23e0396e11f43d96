/**
 * Presentation rules shared by the CLI, the n8n node and the Backstage card: durations, timestamps,
 * status labels, console links and window ARNs. SDK-free.
 */
import { SSM_LIMITS } from './constants';
import { AWS_REGION_PATTERN } from './endpoint';
import { InvalidInputError } from './errors';
import { awsPartition } from './window-arn';

/**
 * Formats a duration in milliseconds compactly: `850ms`, `4.2s`, `3m 05s`, `2h 07m`, `3d 04h`.
 * Negative or non-finite input gives `—`.
 *
 * @example
 * ```ts
 * formatDuration(185_000); // '3m 05s'
 * ```
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
  const totalSeconds = Math.floor(ms / 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)}m ${pad(totalSeconds % 60)}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 24 * 60) return `${Math.floor(totalMinutes / 60)}h ${pad(totalMinutes % 60)}m`;
  const totalHours = Math.floor(totalMinutes / 60);
  return `${Math.floor(totalHours / 24)}d ${pad(totalHours % 24)}h`;
}

/**
 * The duration between two times (Dates or ISO strings) formatted by {@link formatDuration};
 * `—` when either is missing.
 *
 * @example
 * ```ts
 * formatElapsed(inv.StartTime, inv.EndTime); // '42.0s'
 * ```
 */
export function formatElapsed(
  start: Date | string | undefined,
  end: Date | string | undefined,
): string {
  if (start === undefined || end === undefined) return '—';
  const from = new Date(start).getTime();
  const to = new Date(end).getTime();
  return formatDuration(to - from);
}

/**
 * Options of {@link formatTimestamp}.
 *
 * @example
 * ```ts
 * const options: FormatTimestampOptions = { timeZone: 'Europe/Berlin' };
 * ```
 */
export interface FormatTimestampOptions {
  /** An IANA time zone (`Europe/Berlin`, `America/New_York`); UTC when left out. */
  timeZone?: string;
}

const timestampFormats = new Map<string, Intl.DateTimeFormat>();

function timestampFormat(timeZone: string): Intl.DateTimeFormat {
  let format = timestampFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'shortOffset',
      });
    } catch {
      throw new InvalidInputError('timeZone', 'must be an IANA time zone such as Europe/Berlin');
    }
    timestampFormats.set(timeZone, format);
  }
  return format;
}

/**
 * A timestamp (a Date or an ISO string, as records and their JSON form carry them) to the second:
 * UTC by default, e.g. `2026-11-28 21:05:29Z`; in `timeZone` with its offset, e.g.
 * `2026-11-28 22:05:29 GMT+1`. Missing → `–`; a string that is not a date comes back unchanged.
 * Throws InvalidInputError (field `timeZone`) for an unknown time zone.
 *
 * @example
 * ```ts
 * formatTimestamp(new Date(0)); // '1970-01-01 00:00:00Z'
 * formatTimestamp('2026-11-28T21:05:29Z', { timeZone: 'Europe/Berlin' }); // '2026-11-28 22:05:29 GMT+1'
 * ```
 */
export function formatTimestamp(
  value: Date | string | undefined,
  options: FormatTimestampOptions = {},
): string {
  const format = options.timeZone === undefined ? undefined : timestampFormat(options.timeZone);
  if (value === undefined) return '–';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  if (!format) {
    return date
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d{3}Z$/, 'Z');
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`;
}

/**
 * A human label for a status: `SKIPPED_OVERLAPPING` → `Skipped (overlapping)`, `TIMED_OUT` →
 * `Timed out`. Unknown statuses are turned to sentence case; a missing one is `Unknown`.
 *
 * @example
 * ```ts
 * formatStatus('IN_PROGRESS'); // 'In progress'
 * ```
 */
export function formatStatus(status: string | undefined): string {
  if (status === undefined || status === '') return 'Unknown';
  if (status === 'SKIPPED_OVERLAPPING') return 'Skipped (overlapping)';
  const words = status.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The AWS console domain of each partition (regional consoles are subdomains of it). */
const CONSOLE_DOMAINS = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
} as const;

/**
 * The AWS console domain for a region's partition.
 *
 * @example
 * ```ts
 * consoleDomain('cn-north-1'); // 'console.amazonaws.cn'
 * ```
 */
export function consoleDomain(region: string): string {
  const partition = awsPartition(region);
  return CONSOLE_DOMAINS[partition as keyof typeof CONSOLE_DOMAINS] ?? CONSOLE_DOMAINS.aws;
}

/**
 * Whether `url` is an `https:` page of an AWS console — a partition's console domain or one of
 * its subdomains (`eu-west-1.console.aws.amazon.com`) — with no credentials and no port. The URL
 * is parsed, so look-alikes such as `https://console.aws.amazon.com.evil.example` or
 * `https://console.aws.amazon.com@evil.example` are refused. For surfaces that render links
 * they did not build.
 *
 * @example
 * ```ts
 * isAwsConsoleUrl('https://eu-west-1.console.aws.amazon.com/systems-manager/home'); // true
 * isAwsConsoleUrl('https://console.aws.amazon.com.evil.example/'); // false
 * ```
 */
export function isAwsConsoleUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) {
    return false;
  }
  const host = parsed.hostname;
  return Object.values(CONSOLE_DOMAINS).some(
    (domain) => host === domain || host.endsWith(`.${domain}`),
  );
}

/**
 * Link to a window execution's page in the Systems Manager console, or to the window's own page
 * when no execution is given (China and GovCloud partitions use their own console domains).
 *
 * @example
 * ```ts
 * consoleUrl({
 *   region: 'eu-west-1',
 *   windowId: 'mw-0123456789abcdef0',
 *   windowExecutionId: '6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90',
 * });
 * // 'https://eu-west-1.console.aws.amazon.com/systems-manager/maintenance-windows/mw-0123456789abcdef0/history/6e5c9b6c-1e4b-4a67-9d3f-8a1f5b2c7d90?region=eu-west-1'
 * ```
 */
export function consoleUrl(target: {
  region: string;
  windowId: string;
  windowExecutionId?: string;
}): string {
  const { region, windowId, windowExecutionId } = target;
  if (typeof region !== 'string' || !AWS_REGION_PATTERN.test(region)) {
    throw new InvalidInputError('region', 'must be an AWS region such as us-east-1');
  }
  if (!SSM_LIMITS.windowId.pattern.test(windowId)) {
    throw new InvalidInputError('windowId', 'must be "mw-" followed by 17 lowercase hex digits');
  }
  if (windowExecutionId !== undefined && !SSM_LIMITS.executionId.pattern.test(windowExecutionId)) {
    throw new InvalidInputError('windowExecutionId', 'must be a 36-character UUID');
  }
  const base = `https://${region}.${consoleDomain(region)}/systems-manager/maintenance-windows/${windowId}`;
  // Shapes as linked from public runbooks: `/history/<execution id>` and `/description`.
  const path = windowExecutionId === undefined ? '/description' : `/history/${windowExecutionId}`;
  return `${base}${path}?region=${region}`;
}

/**
 * The parts of a maintenance window ARN.
 *
 * @example
 * ```ts
 * const { region, windowId }: MaintenanceWindowArn = parseMaintenanceWindowArn(arn);
 * ```
 */
export interface MaintenanceWindowArn {
  partition: string;
  region: string;
  accountId: string;
  windowId: string;
}

const arnPattern = /^arn:(aws[a-z-]*):ssm:([a-z0-9-]+):(\d{12}):maintenancewindow\/(.+)$/;

/**
 * Parses `arn:<partition>:ssm:<region>:<account>:maintenancewindow/<windowId>` (e.g. a Backstage
 * annotation). Throws {@link InvalidInputError} (field `arn`) for anything else.
 *
 * @example
 * ```ts
 * parseMaintenanceWindowArn('arn:aws:ssm:us-east-1:123456789012:maintenancewindow/mw-0123456789abcdef0');
 * // { partition: 'aws', region: 'us-east-1', accountId: '123456789012', windowId: 'mw-0123456789abcdef0' }
 * ```
 */
export function parseMaintenanceWindowArn(arn: unknown, field = 'arn'): MaintenanceWindowArn {
  if (typeof arn !== 'string') throw new InvalidInputError(field, 'must be a string');
  const match = arnPattern.exec(arn.trim());
  const [, partition, region, accountId, windowId] = match ?? [];
  if (
    partition === undefined ||
    region === undefined ||
    accountId === undefined ||
    windowId === undefined ||
    !AWS_REGION_PATTERN.test(region)
  ) {
    throw new InvalidInputError(
      field,
      'must look like arn:aws:ssm:<region>:<12-digit account>:maintenancewindow/<window id>',
    );
  }
  if (!SSM_LIMITS.windowId.pattern.test(windowId)) {
    throw new InvalidInputError(
      field,
      'must end with a window id: "mw-" followed by 17 lowercase hex digits',
    );
  }
  return { partition, region, accountId, windowId };
}
