// TEMPORARY: presentation helpers that the `core` branch is adding to @ssm-invocations/core/model
// (formatStatus, formatElapsed, isFailedStatus, isRunningStatus, consoleUrl) but that are not on
// main yet. Same names and contracts, so switching is an import change; delete this file when
// core lands. Everything else comes from core/model directly.
import { FAILED_STATUSES, RUNNING_STATUSES, SSM_LIMITS } from '@ssm-invocations/core/model';

const failed = new Set<string>(FAILED_STATUSES);
const running = new Set<string>(RUNNING_STATUSES);

export function isFailedStatus(status: string | undefined): boolean {
  return status !== undefined && failed.has(status);
}

export function isRunningStatus(status: string | undefined): boolean {
  return status !== undefined && running.has(status);
}

export function formatStatus(status: string | undefined): string {
  if (!status) return 'Unknown';
  if (status === 'SKIPPED_OVERLAPPING') return 'Skipped (overlapping)';
  const text = status.toLowerCase().replace(/_/g, ' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export function formatElapsed(
  start: Date | string | undefined,
  end: Date | string | undefined,
): string {
  if (start === undefined || end === undefined) return '—';
  const ms = new Date(end).getTime() - new Date(start).getTime();
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${two(seconds % 60)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}h ${two(minutes % 60)}m`;
}

export function consoleUrl(target: {
  region: string;
  windowId: string;
  windowExecutionId?: string;
}): string {
  const { region, windowId, windowExecutionId } = target;
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new Error('region: not an AWS region');
  if (!SSM_LIMITS.windowId.pattern.test(windowId)) throw new Error('windowId: not a window id');
  const domain = region.startsWith('cn-')
    ? 'console.amazonaws.cn'
    : region.startsWith('us-gov-')
      ? 'console.amazonaws-us-gov.com'
      : 'console.aws.amazon.com';
  const history = windowExecutionId ? `/history/${encodeURIComponent(windowExecutionId)}` : '';
  return `https://${region}.${domain}/systems-manager/maintenance-windows/${windowId}${history}?region=${region}`;
}
