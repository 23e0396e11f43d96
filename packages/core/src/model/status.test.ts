import { EXECUTION_STATUSES } from './constants';
import { isRunning } from './status';

describe('isRunning', () => {
  it('is true exactly for PENDING, IN_PROGRESS and CANCELLING', () => {
    expect(EXECUTION_STATUSES.filter(isRunning)).toEqual(['PENDING', 'IN_PROGRESS', 'CANCELLING']);
  });

  it('is false for a missing or unknown status', () => {
    expect(isRunning(undefined)).toBe(false);
    expect(isRunning('SOME_NEW_STATUS')).toBe(false);
  });
});
