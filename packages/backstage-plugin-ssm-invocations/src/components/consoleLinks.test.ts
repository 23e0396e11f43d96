import { isAwsConsoleUrl } from '@ssm-invocations/core/model';
import { windowConsoleLink } from './consoleLinks';

describe('isAwsConsoleUrl', () => {
  it.each([
    'https://console.aws.amazon.com/systems-manager/home',
    'https://eu-west-1.console.aws.amazon.com/systems-manager/run-command/x?region=eu-west-1',
    'https://console.amazonaws.cn/systems-manager/home',
    'https://cn-north-1.console.amazonaws.cn/cloudwatch/home',
    'https://console.amazonaws-us-gov.com/systems-manager/home',
    'https://us-gov-west-1.console.amazonaws-us-gov.com/systems-manager/home',
    'HTTPS://EU-WEST-1.CONSOLE.AWS.AMAZON.COM/systems-manager/home',
  ])('allows the AWS console page %s', (url) => {
    expect(isAwsConsoleUrl(url)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'https://console.aws.amazon.com.evil.example/systems-manager/home',
    'https://console.aws.amazon.com@evil.example/',
    'https://user:pass@console.aws.amazon.com/',
    'https://evilconsole.aws.amazon.com/',
    'https://console.aws.amazon.com:8443/',
    'https://console.aws.amazon.com./',
    'http://console.aws.amazon.com/',
    'javascript:alert(document.cookie)//https://console.aws.amazon.com/',
    'data:text/html,https://console.aws.amazon.com/',
    '//console.aws.amazon.com/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAwsConsoleUrl(url)).toBe(false);
  });
});

describe('windowConsoleLink', () => {
  it('links a window execution in its partition’s console', () => {
    expect(
      windowConsoleLink({
        region: 'cn-north-1',
        windowId: 'mw-0123456789abcdef0',
        windowExecutionId: '00000000-0000-4000-8000-000000000001',
      }),
    ).toMatch(/^https:\/\/cn-north-1\.console\.amazonaws\.cn\//);
  });

  it('gives no link for ids the console URL cannot be built from', () => {
    expect(windowConsoleLink({ region: 'evil.example/x', windowId: 'mw-0123456789abcdef0' })).toBe(
      undefined,
    );
    expect(windowConsoleLink({ region: 'eu-west-1', windowId: 'mw-1@evil.example' })).toBe(
      undefined,
    );
  });
});
