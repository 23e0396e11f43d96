import { InvalidInputError } from './errors';

/**
 * Where SSM lives for a region. SDK-free, so adapters that speak AWS JSON 1.1 themselves (the n8n
 * node) resolve endpoints exactly as the AWS SDK's partition rules do for the partitions below.
 */

/**
 * A region name as AWS spells it: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `il-central-1`.
 * Deliberately a pattern, not a list: new regions keep appearing and must work without a release.
 *
 * @example
 * ```ts
 * AWS_REGION_PATTERN.test('ap-east-2'); // true
 * ```
 */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * The public SSM endpoint of a region: `https://ssm.<region>.amazonaws.com`, or
 * `…amazonaws.com.cn` in the China partition (`cn-*` regions).
 *
 * @throws {InvalidInputError} when `region` is not a region name (field `region`).
 * @example
 * ```ts
 * ssmEndpointForRegion('eu-west-1'); // 'https://ssm.eu-west-1.amazonaws.com'
 * ssmEndpointForRegion('cn-north-1'); // 'https://ssm.cn-north-1.amazonaws.com.cn'
 * ```
 */
export function ssmEndpointForRegion(region: string): string {
  const trimmed = region.trim();
  if (!AWS_REGION_PATTERN.test(trimmed)) {
    throw new InvalidInputError(
      'region',
      `'${trimmed}' is not an AWS region name (expected something like 'us-east-1')`,
    );
  }
  const suffix = trimmed.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://ssm.${trimmed}.${suffix}`;
}
