/**
 * Building maintenance window ARNs (the inverse of `parseMaintenanceWindowArn`). SDK-free.
 */
import { SSM_LIMITS } from './constants';
import { InvalidInputError } from './errors';

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const accountPattern = /^\d{12}$/;

/**
 * The AWS partition of a region: `aws-cn` for China, `aws-us-gov` for GovCloud, else `aws`.
 *
 * @example
 * ```ts
 * awsPartition('cn-north-1'); // 'aws-cn'
 * ```
 */
export function awsPartition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * Builds `arn:<partition>:ssm:<region>:<account>:maintenancewindow/<windowId>`, checking each
 * part; throws {@link InvalidInputError} naming the bad one.
 *
 * @example
 * ```ts
 * formatMaintenanceWindowArn({ region: 'us-east-1', accountId: '123456789012', windowId: 'mw-0123456789abcdef0' });
 * // 'arn:aws:ssm:us-east-1:123456789012:maintenancewindow/mw-0123456789abcdef0'
 * ```
 */
export function formatMaintenanceWindowArn(parts: {
  region: string;
  accountId: string;
  windowId: string;
}): string {
  const { region, accountId, windowId } = parts;
  if (typeof region !== 'string' || !regionPattern.test(region)) {
    throw new InvalidInputError('region', 'must be an AWS region such as us-east-1');
  }
  if (typeof accountId !== 'string' || !accountPattern.test(accountId)) {
    throw new InvalidInputError('accountId', 'must be a 12-digit AWS account id');
  }
  if (typeof windowId !== 'string' || !SSM_LIMITS.windowId.pattern.test(windowId)) {
    throw new InvalidInputError('windowId', 'must be "mw-" followed by 17 lowercase hex digits');
  }
  return `arn:${awsPartition(region)}:ssm:${region}:${accountId}:maintenancewindow/${windowId}`;
}
