import { EXECUTION_STATUSES } from './constants';
import {
  isFailed,
  isFailedStatus,
  isRunning,
  isRunningStatus,
  statusTone,
  type StatusTone,
} from './status';

describe('status semantics', () => {
  it('counts PENDING, IN_PROGRESS and CANCELLING as running, nothing else', () => {
    expect(EXECUTION_STATUSES.filter(isRunning)).toEqual(['PENDING', 'IN_PROGRESS', 'CANCELLING']);
    expect(isRunning(undefined)).toBe(false);
    expect(isRunning('SOME_NEW_STATUS')).toBe(false);
  });

  it('counts FAILED, TIMED_OUT and CANCELLED as failed, nothing else', () => {
    expect(EXECUTION_STATUSES.filter(isFailed)).toEqual(['FAILED', 'TIMED_OUT', 'CANCELLED']);
    expect(isFailed(undefined)).toBe(false);
  });

  it('keeps the old names as the same functions', () => {
    expect(isFailedStatus).toBe(isFailed);
    expect(isRunningStatus).toBe(isRunning);
  });

  it.each<[string | undefined, StatusTone]>([
    ['SUCCESS', 'success'],
    ['FAILED', 'failure'],
    ['TIMED_OUT', 'failure'],
    ['CANCELLED', 'failure'],
    ['PENDING', 'running'],
    ['IN_PROGRESS', 'running'],
    ['CANCELLING', 'running'],
    ['SKIPPED_OVERLAPPING', 'warning'],
    ['SOME_NEW_STATUS', 'neutral'],
    [undefined, 'neutral'],
  ])('shows %p in the %p tone', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});
