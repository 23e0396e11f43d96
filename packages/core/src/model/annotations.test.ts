import {
  ANNOTATION_SSM_REGION,
  ANNOTATION_SSM_WINDOW_ARN,
  ANNOTATION_SSM_WINDOW_ID,
  isSsmInvocationsAvailable,
} from './annotations';

const entity = (annotations?: Record<string, string>) => ({ metadata: { annotations } });

describe('isSsmInvocationsAvailable', () => {
  it.each([
    [
      {
        [ANNOTATION_SSM_WINDOW_ARN]:
          'arn:aws:ssm:us-east-1:123456789012:maintenancewindow/mw-0123456789abcdef0',
      },
      true,
    ],
    [{ [ANNOTATION_SSM_WINDOW_ID]: 'mw-0123456789abcdef0' }, true],
    [{ [ANNOTATION_SSM_WINDOW_ARN]: ' , ' }, false],
    [{ [ANNOTATION_SSM_REGION]: 'us-east-1' }, false],
    [{}, false],
    [undefined, false],
  ])('for annotations %p is %p', (annotations, expected) => {
    expect(isSsmInvocationsAvailable(entity(annotations))).toBe(expected);
  });
});
