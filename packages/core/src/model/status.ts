/**
 * What a status means. One place for it, so every package reads statuses the same way.
 */
import { RUNNING_STATUSES } from './constants';

const running = new Set<string>(RUNNING_STATUSES);

/**
 * Whether a status means the work has not finished yet (PENDING, IN_PROGRESS, CANCELLING).
 *
 * @example
 * ```ts
 * isRunning('IN_PROGRESS'); // true
 * isRunning('FAILED'); // false
 * ```
 */
export function isRunning(status: string | undefined): boolean {
  return status !== undefined && running.has(status);
}
