import * as deprecatedCoreCopies from '@ssm-invocations/core/model';
import {
  ANNOTATION_SSM_REGION,
  ANNOTATION_SSM_WINDOW_ARN,
  ANNOTATION_SSM_WINDOW_ID,
  isSsmInvocationsAvailable,
  readAnnotatedWindows,
} from './annotations';

const ARN = 'arn:aws:ssm:us-east-1:123456789012:maintenancewindow/mw-0123456789abcdef0';
const entity = (annotations?: Record<string, string>) => ({ metadata: { annotations } });

const cases: Array<[Record<string, string> | undefined, boolean]> = [
  [{ [ANNOTATION_SSM_WINDOW_ARN]: ARN }, true],
  [{ [ANNOTATION_SSM_WINDOW_ID]: 'mw-0123456789abcdef0' }, true],
  [{ [ANNOTATION_SSM_WINDOW_ID]: ' , mw-0123456789abcdef0' }, true],
  [{ [ANNOTATION_SSM_WINDOW_ARN]: ' , ' }, false],
  [{ [ANNOTATION_SSM_REGION]: 'us-east-1' }, false],
  [{}, false],
  [undefined, false],
];

describe('isSsmInvocationsAvailable', () => {
  it.each(cases)('for annotations %p is %p', (annotations, expected) => {
    expect(isSsmInvocationsAvailable(entity(annotations))).toBe(expected);
  });
});

describe('readAnnotatedWindows', () => {
  it('splits, trims and dedupes the lists and reads the region', () => {
    expect(
      readAnnotatedWindows(
        entity({
          [ANNOTATION_SSM_WINDOW_ARN]: `${ARN}, ${ARN},`,
          [ANNOTATION_SSM_WINDOW_ID]: 'mw-0123456789abcdef1 ,mw-0123456789abcdef2',
          [ANNOTATION_SSM_REGION]: ' eu-west-1 ',
        }),
      ),
    ).toEqual({
      arns: [ARN],
      ids: ['mw-0123456789abcdef1', 'mw-0123456789abcdef2'],
      region: 'eu-west-1',
    });
  });

  it('leaves the region out when it is blank', () => {
    expect(readAnnotatedWindows(entity({ [ANNOTATION_SSM_REGION]: ' ' }))).toEqual({
      arns: [],
      ids: [],
    });
  });
});

// Core keeps deprecated copies for one minor version; they must say the same thing.
describe("core's deprecated copies", () => {
  it('name the same annotations', () => {
    expect(deprecatedCoreCopies.ANNOTATION_SSM_WINDOW_ARN).toBe(ANNOTATION_SSM_WINDOW_ARN);
    expect(deprecatedCoreCopies.ANNOTATION_SSM_WINDOW_ID).toBe(ANNOTATION_SSM_WINDOW_ID);
    expect(deprecatedCoreCopies.ANNOTATION_SSM_REGION).toBe(ANNOTATION_SSM_REGION);
  });

  it.each(cases)('agree on annotations %p', (annotations) => {
    expect(deprecatedCoreCopies.isSsmInvocationsAvailable(entity(annotations))).toBe(
      isSsmInvocationsAvailable(entity(annotations)),
    );
  });
});
