import { InvalidInputError } from './errors';
import { parseMaintenanceWindowArn } from './format';
import { awsPartition, formatMaintenanceWindowArn } from './window-arn';

describe('formatMaintenanceWindowArn', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ])('builds an ARN in %s that parses back (partition %s)', (region, partition) => {
    const parts = { region, accountId: '123456789012', windowId: 'mw-0123456789abcdef0' };
    const arn = formatMaintenanceWindowArn(parts);
    expect(arn.startsWith(`arn:${partition}:ssm:${region}:`)).toBe(true);
    expect(awsPartition(region)).toBe(partition);
    expect(parseMaintenanceWindowArn(arn)).toEqual({ partition, ...parts });
  });

  it.each([
    [{ region: 'nowhere', accountId: '123456789012', windowId: 'mw-0123456789abcdef0' }, 'region'],
    [{ region: 'us-east-1', accountId: '1234', windowId: 'mw-0123456789abcdef0' }, 'accountId'],
    [{ region: 'us-east-1', accountId: '123456789012', windowId: 'mw-1' }, 'windowId'],
  ])('names the bad part of %p', (parts, field) => {
    const attempt = () => formatMaintenanceWindowArn(parts);
    expect(attempt).toThrow(InvalidInputError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidInputError).field).toBe(field);
    }
  });
});
