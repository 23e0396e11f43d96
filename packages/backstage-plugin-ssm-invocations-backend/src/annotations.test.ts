import type { Entity } from '@backstage/catalog-model';
import { readAnnotatedWindows } from './annotations';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', annotations },
});

describe('readAnnotatedWindows', () => {
  it('splits comma-separated values, trims them and drops empties and repeats', () => {
    const a = 'arn:aws:ssm:us-east-1:123456789012:maintenancewindow/mw-0a1b2c3d4e5f00001';
    const b = 'arn:aws-cn:ssm:cn-north-1:123456789012:maintenancewindow/mw-0a1b2c3d4e5f00002';
    expect(
      readAnnotatedWindows(
        entity({
          'aws.amazon.com/ssm-maintenance-window-arn': ` ${a},\n ${b}, ,${a}`,
          'aws.amazon.com/ssm-maintenance-window-id': 'mw-0a1b2c3d4e5f00003',
          'aws.amazon.com/ssm-region': ' eu-west-1 ',
        }),
      ),
    ).toEqual({ arns: [a, b], ids: ['mw-0a1b2c3d4e5f00003'], region: 'eu-west-1' });
  });

  it('finds nothing on an entity without the annotations', () => {
    expect(readAnnotatedWindows(entity({}))).toEqual({ arns: [], ids: [] });
  });
});
