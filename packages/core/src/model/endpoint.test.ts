import { AWS_REGION_PATTERN, ssmEndpointForRegion } from './endpoint';
import { InvalidInputError } from './errors';

describe('ssmEndpointForRegion', () => {
  it.each([
    ['us-east-1', 'https://ssm.us-east-1.amazonaws.com'],
    ['il-central-1', 'https://ssm.il-central-1.amazonaws.com'],
    ['ap-east-2', 'https://ssm.ap-east-2.amazonaws.com'],
    ['us-gov-west-1', 'https://ssm.us-gov-west-1.amazonaws.com'],
    ['cn-north-1', 'https://ssm.cn-north-1.amazonaws.com.cn'],
    ['cn-northwest-1', 'https://ssm.cn-northwest-1.amazonaws.com.cn'],
    [' eu-west-3 ', 'https://ssm.eu-west-3.amazonaws.com'],
  ])('%s → %s', (region, endpoint) => {
    expect(ssmEndpointForRegion(region)).toBe(endpoint);
  });

  it.each(['', 'us-east', 'US-EAST-1', 'eu_west_1', 'ssm.eu-west-1.amazonaws.com', 'us-east-1/x'])(
    'rejects %j naming the field',
    (region) => {
      expect(() => ssmEndpointForRegion(region)).toThrow(InvalidInputError);
      expect(() => ssmEndpointForRegion(region)).toThrow(/^Invalid input: region /);
      expect(AWS_REGION_PATTERN.test(region)).toBe(false);
    },
  );
});
