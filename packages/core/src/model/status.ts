/**
 * What a status means: still running, failed, and the tone it is shown in. Every view of a status
 * (CLI colours, the Backstage card's chips and icons, summaries, the n8n trigger's cursor) reads
 * these, so a status AWS adds later is classified in one place.
 */
import { FAILED_STATUSES, RUNNING_STATUSES } from './constants';

const failed = new Set<string>(FAILED_STATUSES);
const running = new Set<string>(RUNNING_STATUSES);

/**
 * Whether a status means the work has not finished (PENDING, IN_PROGRESS, CANCELLING).
 *
 * @example
 * ```ts
 * isRunning('PENDING'); // true
 * isRunning('SUCCESS'); // false
 * ```
 */
export function isRunning(status: string | undefined): boolean {
  return status !== undefined && running.has(status);
}

/**
 * Whether an execution is settled: nothing in it can change any more. Its own status is known and
 * final, and so is the status of every task and invocation read of it (cancelling an execution
 * lets running tasks finish, so a final execution and task can still hold a running invocation).
 * The report's history and the walks both decide "finished" with this one rule.
 */
export function isSettledExecution(
  executionStatus: string | undefined,
  partStatuses: Iterable<string | undefined>,
): boolean {
  if (executionStatus === undefined || isRunning(executionStatus)) return false;
  for (const status of partStatuses) if (isRunning(status)) return false;
  return true;
}

/**
 * Whether a status counts as failed (FAILED, TIMED_OUT, CANCELLED).
 *
 * @example
 * ```ts
 * isFailed('TIMED_OUT'); // true
 * isFailed('SKIPPED_OVERLAPPING'); // false
 * ```
 */
export function isFailed(status: string | undefined): boolean {
  return status !== undefined && failed.has(status);
}

/**
 * How a status is shown, whatever the medium: `success` (SUCCESS), `failure` (FAILED, TIMED_OUT,
 * CANCELLED), `running` (PENDING, IN_PROGRESS, CANCELLING), `warning` (SKIPPED_OVERLAPPING: did
 * not run, but nothing broke) and `neutral` (a missing or unknown status).
 *
 * @example
 * ```ts
 * const tone: StatusTone = statusTone('FAILED'); // 'failure'
 * ```
 */
export type StatusTone = 'success' | 'failure' | 'running' | 'warning' | 'neutral';

/**
 * The display tone of a status; adapters map each tone to a colour and nothing more.
 *
 * @example
 * ```ts
 * statusTone('SUCCESS'); // 'success'
 * statusTone('CANCELLING'); // 'running'
 * statusTone('SOME_NEW_STATUS'); // 'neutral'
 * ```
 */
export function statusTone(status: string | undefined): StatusTone {
  if (status === 'SUCCESS') return 'success';
  if (isFailed(status)) return 'failure';
  if (isRunning(status)) return 'running';
  if (status === 'SKIPPED_OVERLAPPING') return 'warning';
  return 'neutral';
}

/**
 * Whether a status counts as failed.
 *
 * @deprecated Use {@link isFailed}; this name stays for one minor version.
 *
 * @example
 * ```ts
 * isFailedStatus('TIMED_OUT'); // true
 * ```
 */
export const isFailedStatus: (status: string | undefined) => boolean = isFailed;

/**
 * Whether a status means the work has not finished.
 *
 * @deprecated Use {@link isRunning}; this name stays for one minor version.
 *
 * @example
 * ```ts
 * isRunningStatus('PENDING'); // true
 * ```
 */
export const isRunningStatus: (status: string | undefined) => boolean = isRunning;
