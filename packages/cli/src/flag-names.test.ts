import { flagForField } from './flag-names';

describe('flagForField', () => {
  it.each([
    ['windowExecutionId', '--window-execution-id'],
    ['taskId', '--task-id'],
    ['invocationId', '--invocation-id'],
    ['windowId', '--window-id'],
    ['statuses', '--status'],
    ['statuses[3]', '--status'],
    ['pageSize', '--page-size'],
    ['limit', '--limit'],
    ['startingToken', '--starting-token'],
    ['executions', '--executions'],
  ])('%s → %s', (field, flag) => {
    expect(flagForField(field)).toBe(flag);
  });
});
