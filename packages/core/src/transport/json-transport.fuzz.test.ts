/**
 * Whatever a server (or a proxy in front of it) answers, jsonTransport resolves to an object or
 * rejects with a core error — never a stray TypeError or SyntaxError, never a hang.
 */
import fc from 'fast-check';
import { SsmInvocationsError } from '../model/errors';
import { jsonTransport, type JsonResponse } from './json-transport';

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const bodyArb = fc.oneof(
  fc.string(),
  jsonValue.map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        __type: fc.oneof(
          fc.string(),
          fc.constantFrom(
            'ThrottlingException',
            'com.amazonaws.ssm#DoesNotExistException',
            'a#b:c',
          ),
        ),
        message: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        StartTime: fc.oneof(fc.double(), fc.string(), fc.constant(null)),
        WindowIdentities: fc.array(fc.record({ CreatedDate: fc.oneof(fc.integer(), fc.string()) })),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
);
const headersArb = fc.dictionary(
  fc.constantFrom(
    'x-amzn-requestid',
    'x-amzn-errortype',
    'retry-after',
    'x-amz-retry-after',
    'X-Other',
  ),
  fc.oneof(
    fc.string(),
    fc.constantFrom('1', '2.5', 'Wed, 21 Oct 2015 07:28:00 GMT', 'ThrottlingException:x'),
  ),
);
const responseArb: fc.Arbitrary<JsonResponse> = fc.record({
  status: fc.integer({ min: 100, max: 599 }),
  headers: headersArb,
  body: bodyArb,
});

describe('jsonTransport under arbitrary responses (fast-check)', () => {
  it('resolves to an object or rejects with a core error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(responseArb, { minLength: 3, maxLength: 3 }), async (responses) => {
        let n = 0;
        const transport = jsonTransport(
          async () => responses[n++] ?? { status: 500, headers: {}, body: '' },
          {
            sleep: async () => undefined,
          },
        );
        try {
          const out = await transport.send('DescribeMaintenanceWindows', {});
          expect(typeof out).toBe('object');
          expect(out).not.toBeNull();
          expect(Array.isArray(out)).toBe(false);
          expect(responses[n - 1]?.status).toBeGreaterThanOrEqual(200);
          expect(responses[n - 1]?.status).toBeLessThan(300);
        } catch (error) {
          expect(error).toBeInstanceOf(SsmInvocationsError);
        }
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(3);
      }),
      { numRuns: 400 },
    );
  });
});
