/**
 * Core and the emulator, each held to AWS's published SSM service model (2014-11-06) as recorded
 * in the emulator (`SSM_SERVICE_MODEL`), never to each other. Values are sampled from the model —
 * valid ones from its patterns and ranges, invalid ones by mutating them or going past a bound —
 * and for every sample core's validator and the emulator's server-side validation must give the
 * model's verdict. A wrong limit, pattern, enum or filter key in either package fails here.
 */
import * as core from '@ssm-invocations/core/model';
import {
  SSM_SERVICE_MODEL,
  startEmulator,
  type Emulator,
  type ServiceShape,
  type ShapeName,
  type SsmOperationName,
} from '@ssm-invocations/emulator';
import fc from 'fast-check';

const { shapes, operations, followUpOperations, filterValues } = SSM_SERVICE_MODEL;
/** The nine maintenance-window operations (the follow-ups are checked on their own below). */
const OPERATION_NAMES = Object.keys(operations) as (keyof typeof operations)[];
const LIST_OPERATIONS = OPERATION_NAMES.filter((op) => 'MaxResults' in operations[op].input);

interface StringConstraints {
  min?: number;
  max?: number;
  pattern?: string;
  enum?: readonly string[];
}

function stringShape(name: ShapeName): StringConstraints {
  const shape: ServiceShape = shapes[name];
  if (shape.type !== 'string') throw new Error(`${name} is not a string shape`);
  return shape;
}

/** The model's verdict on a string. */
function modelAccepts(shape: StringConstraints, value: string): boolean {
  return (
    (shape.pattern === undefined || new RegExp(shape.pattern).test(value)) &&
    (shape.min === undefined || value.length >= shape.min) &&
    (shape.max === undefined || value.length <= shape.max) &&
    (shape.enum === undefined || shape.enum.includes(value))
  );
}

/** Valid strings from the shape's pattern, plus near misses: one character more, less or changed. */
function patternSamples(shape: StringConstraints): fc.Arbitrary<string> {
  const valid = fc.stringMatching(new RegExp(shape.pattern ?? '^.*$'));
  const oneChar = fc.string({ minLength: 1, maxLength: 1 });
  return fc.oneof(
    valid,
    fc.tuple(valid, oneChar).map(([v, c]) => v + c),
    valid.map((v) => v.slice(0, -1)),
    fc.tuple(valid, fc.nat(), oneChar).map(([v, at, c]) => {
      const i = at % Math.max(v.length, 1);
      return v.slice(0, i) + c + v.slice(i + 1);
    }),
    valid.map((v) => v.toUpperCase()),
    fc.string({ maxLength: (shape.max ?? 40) + 2 }),
  );
}

/** Lengths on and around each bound, and anywhere between. */
function lengthSamples(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(Math.max(min - 1, 0), min, max, max + 1),
    fc.integer({ min: 0, max: max + 5 }),
  );
}

const validValues = new Map<ShapeName, string>();

/** One valid value of a shape, drawn from its own pattern. */
function validValue(name: ShapeName): string {
  const known = validValues.get(name);
  if (known !== undefined) return known;
  const shape = stringShape(name);
  const [value] = fc.sample(fc.stringMatching(new RegExp(shape.pattern ?? '^x$')), {
    numRuns: 1,
    seed: 7,
  });
  if (value === undefined || !modelAccepts(shape, value)) throw new Error(`no sample of ${name}`);
  validValues.set(name, value);
  return value;
}

/** A value the model allows for a filter key (enum shape, documented values or an ISO date). */
function validFilterValue(key: string): string {
  const rule = (filterValues as Record<string, Record<string, unknown>>)[key];
  if (rule === undefined) return 'any-value';
  if (typeof rule.shape === 'string') return stringShape(rule.shape as ShapeName).enum?.[0] ?? '';
  if (Array.isArray(rule.values)) return String(rule.values[0]);
  return '2024-11-04T05:00:00Z';
}

function accepts(validate: () => unknown): boolean {
  try {
    validate();
    return true;
  } catch (error) {
    if (error instanceof core.InvalidInputError) return false;
    throw error;
  }
}

/** Which core validator checks the ids of each shape the operations require. */
const CORE_ID_VALIDATORS: Partial<Record<ShapeName, (value: string) => unknown>> = {
  MaintenanceWindowId: (v) => core.validateWindowId(v),
  MaintenanceWindowExecutionId: (v) => core.validateUuidId(v, 'windowExecutionId'),
  MaintenanceWindowExecutionTaskId: (v) => core.validateUuidId(v, 'taskId'),
  MaintenanceWindowExecutionTaskInvocationId: (v) => core.validateUuidId(v, 'invocationId'),
};

/**
 * The required id members of every operation, with their shapes. ListTagsForResource's members
 * (a resource-type enum and an unconstrained id) are not maintenance-window ids; the emulator's
 * own tests hold them to the model.
 */
const REQUIRED_MEMBERS = OPERATION_NAMES.flatMap((operation) => {
  const input: Record<string, ShapeName> = operations[operation].input;
  return (operations[operation].required as readonly string[]).map((member) => ({
    operation,
    member,
    shape: input[member] as ShapeName,
  }));
}).filter(({ shape }) => shape in CORE_ID_VALIDATORS);

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
});

afterAll(() => emulator.stop());

/** Calls the emulator; returns the ValidationException message, or undefined if it validated. */
async function emulatorValidation(
  operation: keyof typeof operations,
  members: Record<string, unknown>,
): Promise<string | undefined> {
  const input: Record<string, unknown> = {};
  for (const member of operations[operation].required as readonly string[]) {
    const shape = (operations[operation].input as Record<string, ShapeName>)[member];
    input[member] = validValue(shape as ShapeName);
  }
  const res = await fetch(emulator.url, {
    method: 'POST',
    headers: {
      'x-amz-target': `${SSM_SERVICE_MODEL.targetPrefix}.${operation}`,
      'content-type': 'application/x-amz-json-1.1',
    },
    body: JSON.stringify({ ...input, ...members }),
  });
  const body = (await res.json()) as { __type?: string; message?: string };
  if (body.__type?.endsWith('ValidationException')) return body.message ?? '';
  if (res.status >= 500) throw new Error(`emulator failed: ${JSON.stringify(body)}`);
  return undefined;
}

describe('core constants equal the recorded model', () => {
  it('has the model’s statuses, task types and target prefix', () => {
    expect(core.EXECUTION_STATUSES).toEqual(stringShape('MaintenanceWindowExecutionStatus').enum);
    expect(core.TASK_TYPES).toEqual(stringShape('MaintenanceWindowTaskType').enum);
    expect(core.SSM_TARGET_PREFIX).toBe(SSM_SERVICE_MODEL.targetPrefix);
  });

  it('has the model’s operations, list keys and filter keys', () => {
    expect(Object.keys(core.SSM_OPERATIONS).sort()).toEqual(
      [...OPERATION_NAMES, ...Object.keys(followUpOperations)].sort(),
    );
    for (const operation of OPERATION_NAMES) {
      const model: { listKey?: string; filterKeys: readonly string[] } = operations[operation];
      // Only the facts the model holds: core's table may carry more per operation.
      const { listKey, filterKeys } = core.SSM_OPERATIONS[operation];
      expect({ operation, listKey, filterKeys: [...filterKeys].sort() }).toEqual({
        operation,
        listKey: model.listKey,
        filterKeys: [...model.filterKeys].sort(),
      });
    }
  });

  it('has the model’s Run Command and Automation follow-ups: list key, filter keys, MaxResults', () => {
    const model: Record<string, { listKey?: string; filterKeys: readonly string[] }> =
      followUpOperations;
    for (const operation of Object.keys(followUpOperations) as SsmOperationName[]) {
      const { listKey, filterKeys } = core.SSM_OPERATIONS[operation];
      expect({ operation, listKey, filterKeys: [...filterKeys].sort() }).toEqual({
        operation,
        listKey: model[operation]?.listKey,
        filterKeys: [...(model[operation]?.filterKeys ?? [])].sort(),
      });
    }
    const range = shapes[followUpOperations.ListCommandInvocations.input.MaxResults];
    expect(core.SSM_OPERATIONS.ListCommandInvocations.maxResults).toEqual({
      min: range.min,
      max: range.max,
    });
  });

  it('has the model’s lengths and ranges in SSM_LIMITS', () => {
    const { windowId, executionId, maxResults, filters, windowName, statusDetails } =
      core.SSM_LIMITS;
    const id = stringShape('MaintenanceWindowId');
    expect([windowId.length, windowId.length]).toEqual([id.min, id.max]);
    for (const { shape } of REQUIRED_MEMBERS.filter((m) => m.shape !== 'MaintenanceWindowId')) {
      expect([shape, executionId.length, executionId.length]).toEqual([
        shape,
        stringShape(shape).min,
        stringShape(shape).max,
      ]);
    }
    const range = shapes.MaintenanceWindowMaxResults;
    expect(maxResults).toEqual({ min: range.min, max: range.max });
    expect(filters).toEqual({
      maxCount: shapes.MaintenanceWindowFilterList.max,
      keyMinLength: shapes.MaintenanceWindowFilterKey.min,
      keyMaxLength: shapes.MaintenanceWindowFilterKey.max,
      valueMinLength: shapes.MaintenanceWindowFilterValue.min,
      valueMaxLength: shapes.MaintenanceWindowFilterValue.max,
    });
    const name = stringShape('MaintenanceWindowName');
    expect([windowName.minLength, windowName.maxLength]).toEqual([name.min, name.max]);
    expect(statusDetails.maxLength).toBe(shapes.MaintenanceWindowExecutionStatusDetails.max);
  });

  it('matches window names as the model’s pattern does', () => {
    const shape = stringShape('MaintenanceWindowName');
    fc.assert(
      fc.property(patternSamples(shape), (value) => {
        expect(core.SSM_LIMITS.windowName.pattern.test(value)).toBe(modelAccepts(shape, value));
      }),
      { numRuns: 500 },
    );
  });
});

describe.each(REQUIRED_MEMBERS)('$operation $member ($shape)', ({ operation, member, shape }) => {
  const constraints = stringShape(shape);

  it('core’s validator gives the model’s verdict', () => {
    const validate = CORE_ID_VALIDATORS[shape];
    if (validate === undefined) throw new Error(`no core validator is mapped to ${shape}`);
    fc.assert(
      fc.property(patternSamples(constraints), (value) => {
        expect(accepts(() => validate(value))).toBe(modelAccepts(constraints, value));
      }),
      { numRuns: 400 },
    );
  });

  it('the emulator gives the model’s verdict', async () => {
    await fc.assert(
      fc.asyncProperty(patternSamples(constraints), async (value) => {
        const message = await emulatorValidation(operation, { [member]: value });
        expect(message === undefined).toBe(modelAccepts(constraints, value));
      }),
      { numRuns: 60 },
    );
  });
});

describe('list members', () => {
  const range = shapes.MaintenanceWindowMaxResults;
  const inRange = (n: number) => n >= range.min && n <= range.max;
  const maxResults = fc.oneof(
    fc.constantFrom(range.min - 1, range.min, range.max, range.max + 1),
    fc.integer({ min: range.min - 20, max: range.max + 20 }),
  );

  it('MaxResults: core accepts exactly the model’s range', () => {
    fc.assert(
      fc.property(maxResults, (n) => {
        expect(accepts(() => core.validateMaxResults(n))).toBe(inRange(n));
      }),
    );
  });

  it.each(LIST_OPERATIONS)(
    'MaxResults: the emulator accepts the model’s range in %s',
    async (op) => {
      await fc.assert(
        fc.asyncProperty(maxResults, async (n) => {
          expect((await emulatorValidation(op, { MaxResults: n })) === undefined).toBe(inRange(n));
        }),
        { numRuns: 30 },
      );
    },
  );

  const list = shapes.MaintenanceWindowFilterList;
  const keyShape = shapes.MaintenanceWindowFilterKey;
  const valueShape = shapes.MaintenanceWindowFilterValue;

  it.each(LIST_OPERATIONS)('Filters count and keys in %s follow the model', async (op) => {
    const allowed: readonly string[] = operations[op].filterKeys;
    const coreKeys = core.SSM_OPERATIONS[op].filterKeys;
    const key = allowed[0] as string;
    const filter = { Key: key, Values: [validFilterValue(key)] };
    for (const count of [0, 1, list.max, list.max + 1]) {
      const filters = Array.from({ length: count }, () => filter);
      const valid = count <= list.max;
      expect([count, accepts(() => core.validateFilters(filters, coreKeys))]).toEqual([
        count,
        valid,
      ]);
      expect([count, (await emulatorValidation(op, { Filters: filters })) === undefined]).toEqual([
        count,
        valid,
      ]);
    }
    const everyKey = new Set(OPERATION_NAMES.flatMap((o) => operations[o].filterKeys));
    for (const candidate of everyKey) {
      const filters = [{ Key: candidate, Values: [validFilterValue(candidate)] }];
      const valid = allowed.includes(candidate);
      expect([candidate, accepts(() => core.validateFilters(filters, coreKeys))]).toEqual([
        candidate,
        valid,
      ]);
      expect([
        candidate,
        (await emulatorValidation(op, { Filters: filters })) === undefined,
      ]).toEqual([candidate, valid]);
    }
  });

  it('filter key lengths follow the model in core and the emulator', async () => {
    const keyLengthError =
      /at 'filters\.1\.member\.key' failed to satisfy constraint: Member must have length/;
    await fc.assert(
      fc.asyncProperty(lengthSamples(keyShape.min, keyShape.max), async (length) => {
        const filters = [{ Key: 'k'.repeat(length), Values: ['v'] }];
        const valid = length >= keyShape.min && length <= keyShape.max;
        expect(accepts(() => core.validateFilters(filters))).toBe(valid);
        const message = await emulatorValidation('DescribeMaintenanceWindows', {
          Filters: filters,
        });
        expect(keyLengthError.test(message ?? '')).toBe(!valid);
      }),
      { numRuns: 40 },
    );
  });

  it('filter value lengths follow the model in core and the emulator', async () => {
    // Name takes any string, so only the length decides.
    await fc.assert(
      fc.asyncProperty(lengthSamples(valueShape.min, valueShape.max), async (length) => {
        const filters = [{ Key: 'Name', Values: ['v'.repeat(length)] }];
        const valid = length >= valueShape.min && length <= valueShape.max;
        expect(accepts(() => core.validateFilters(filters))).toBe(valid);
        const message = await emulatorValidation('DescribeMaintenanceWindows', {
          Filters: filters,
        });
        expect(message === undefined).toBe(valid);
      }),
      { numRuns: 40 },
    );
  });

  it('STATUS values follow the model’s status enum in core and the emulator', async () => {
    const statuses = stringShape('MaintenanceWindowExecutionStatus');
    const enumValues = statuses.enum ?? [];
    const samples = fc.oneof(
      fc.constantFrom(...enumValues),
      fc.constantFrom(...enumValues).map((s) => s.toLowerCase()),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(samples, async (status) => {
        const valid = modelAccepts(statuses, status);
        expect(accepts(() => core.validateStatuses([status]))).toBe(valid);
        const message = await emulatorValidation('DescribeMaintenanceWindowExecutionTasks', {
          Filters: [{ Key: 'STATUS', Values: [status] }],
        });
        expect(message === undefined).toBe(valid);
      }),
      { numRuns: 80 },
    );
  });
});
