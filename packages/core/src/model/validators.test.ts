import { InvalidInputError, type InvalidInputRule } from './errors';
import {
  assertInputObject,
  validateFilters,
  validateLowercaseFilters,
  validateInteger,
  validateOptionalBoolean,
  validateOptionalString,
  validateStatuses,
  validateTime,
  validateTimeRange,
  validateUuidId,
  validateWindowId,
} from './validators';

function caught(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('the rule each validator names', () => {
  it.each<[string, () => unknown, string, InvalidInputRule]>([
    ['a missing window id', () => validateWindowId(undefined), 'windowId', 'required'],
    ['a window id that is not a string', () => validateWindowId(7), 'windowId', 'type'],
    ['a malformed window id', () => validateWindowId('mw-1'), 'windowId', 'pattern'],
    ['a malformed UUID', () => validateUuidId('nope', 'taskId'), 'taskId', 'pattern'],
    ['a missing UUID', () => validateUuidId(undefined, 'taskId'), 'taskId', 'required'],
    ['statuses that are not a list', () => validateStatuses('FAILED'), 'statuses', 'type'],
    [
      'an unknown status',
      () => validateStatuses(['FAILED', 'BROKEN']),
      'statuses[1]',
      'unknown-status',
    ],
    ['a fraction', () => validateInteger(1.5, 'limit', 1), 'limit', 'type'],
    [
      'a number out of range',
      () => validateInteger(101, 'executions', 1, 100),
      'executions',
      'range',
    ],
    ['an empty string', () => validateOptionalString('', 'nextToken'), 'nextToken', 'length'],
    ['a long string', () => validateOptionalString('abc', 'name', 2), 'name', 'length'],
    ['a non-boolean', () => validateOptionalBoolean('yes', 'enabled'), 'enabled', 'type'],
    ['an unparseable date', () => validateTime('yesterday', 'after'), 'after', 'format'],
    [
      'a date after year 9999',
      () => validateTime(new Date(Date.parse('9999-12-31T23:59:59Z') + 1000), 'before'),
      'before',
      'range',
    ],
    [
      'a date before year 0000',
      () => validateTime(new Date(-62167219200001), 'after'),
      'after',
      'range',
    ],
    [
      'a reversed range',
      () => validateTimeRange(new Date('2026-02-01'), new Date('2026-01-01')),
      'after',
      'order',
    ],
    ['a non-object input', () => assertInputObject([], 'input', []), 'input', 'type'],
    [
      'an unknown key',
      () => assertInputObject({ windowID: 'x' }, 'input', ['windowId']),
      'windowID',
      'unknown-key',
    ],
    ['filters that are not a list', () => validateFilters({}), 'filters', 'type'],
    [
      'too many filters',
      () => validateFilters(Array.from({ length: 6 }, () => ({ Key: 'a', Values: ['b'] }))),
      'filters',
      'length',
    ],
    [
      'a filter key not allowed here',
      () => validateFilters([{ Key: 'Nope', Values: ['x'] }], ['STATUS']),
      'filters[0].Key',
      'unknown-key',
    ],
    [
      'a filter without values',
      () => validateFilters([{ Key: 'STATUS', Values: [] }]),
      'filters[0].Values',
      'length',
    ],
    [
      'a filter value that is not a string',
      () => validateFilters([{ Key: 'STATUS', Values: [1] }]),
      'filters[0].Values[0]',
      'type',
    ],
  ])('%s: field %p, rule %p', (_what, run, field, rule) => {
    const error = caught(run);
    expect(error.field).toBe(field);
    expect(error.rule).toBe(rule);
    expect(error.message).toBe(`Invalid input: ${field} ${error.reason}`);
    expect(error.toJSON()).toMatchObject({ field, rule, reason: error.reason });
  });

  it('keeps the old constructor working, with the generic rule', () => {
    const error = new InvalidInputError('region', 'must be an AWS region');
    expect(error.rule).toBe('invalid');
    expect(error.reason).toBe('must be an AWS region');
    expect(error.message).toBe('Invalid input: region must be an AWS region');
  });
});

describe('validateTime', () => {
  it('accepts the first and last whole second a four-digit year can write', () => {
    expect(validateTime('0000-01-01T00:00:00Z', 'after').toISOString()).toBe(
      '0000-01-01T00:00:00.000Z',
    );
    expect(validateTime(new Date('9999-12-31T23:59:59Z'), 'before').toISOString()).toBe(
      '9999-12-31T23:59:59.000Z',
    );
  });
});

describe('validateLowercaseFilters (ListCommandInvocations)', () => {
  const keys = ['InvokedAfter', 'InvokedBefore', 'Status', 'DocumentName'];
  it('accepts lowercase key/value filters with a known key', () => {
    expect(validateLowercaseFilters([{ key: 'Status', value: 'Failed' }], keys)).toEqual([
      { key: 'Status', value: 'Failed' },
    ]);
    expect(validateLowercaseFilters(undefined, keys)).toBeUndefined();
  });
  it.each([
    [[{ Key: 'Status', Values: ['Failed'] }], 'Key'],
    [[{ key: 'ExecutionStage', value: 'Executing' }], 'filters[0].key'],
    [[{ key: 'Status', value: '' }], 'filters[0].value'],
    [[], 'filters'],
    [Array.from({ length: 6 }, () => ({ key: 'Status', value: 'Failed' })), 'filters'],
  ])('rejects %j naming %s', (value, field) => {
    expect(() => validateLowercaseFilters(value, keys)).toThrow(
      expect.objectContaining({ field }) as Error,
    );
  });
});
