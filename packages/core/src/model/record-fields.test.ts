import { INVOCATION_FIELDS, WINDOW_FIELDS } from './operations';
import { pickFields } from './record-fields';

describe('pickFields', () => {
  it('drops unknown members, $metadata, undefined and null', () => {
    const picked = pickFields<Record<string, unknown>>(
      {
        Status: 'FAILED',
        $metadata: { attempts: 1 },
        FutureField: 1,
        EndTime: null,
        StartTime: undefined,
      },
      INVOCATION_FIELDS,
    );
    expect(picked).toEqual({ Status: 'FAILED' });
    expect(Object.keys(picked)).toEqual(['Status']);
  });

  it('returns a record with only known, present members as is (no copy)', () => {
    const record = { InvocationId: 'x', Status: 'SUCCESS', StartTime: new Date(0) };
    expect(pickFields(record, INVOCATION_FIELDS)).toBe(record);
  });

  it('window fields include the summary fields and the dates', () => {
    expect(WINDOW_FIELDS).toEqual(
      expect.arrayContaining(['Name', 'NextExecutionTime', 'CreatedDate']),
    );
  });
});
