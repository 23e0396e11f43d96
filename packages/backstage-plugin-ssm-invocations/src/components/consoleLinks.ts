// Which links the card may render: only pages of the AWS console, whoever built the URL.
import { consoleUrl } from '@ssm-invocations/core/model';

/** The console domains of the aws, aws-cn and aws-us-gov partitions (regional ones are subdomains). */
const AWS_CONSOLE_DOMAINS = [
  'console.aws.amazon.com',
  'console.amazonaws.cn',
  'console.amazonaws-us-gov.com',
] as const;

/**
 * Whether `url` is an `https:` page on an AWS console host (`console.aws.amazon.com` or one of
 * its subdomains such as `eu-west-1.console.aws.amazon.com`, and the China and GovCloud
 * equivalents), with no credentials or port. The URL is parsed, so look-alikes such as
 * `https://console.aws.amazon.com.evil.example` or `https://console.aws.amazon.com@evil.example`
 * are refused.
 */
export function isAwsConsoleUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) {
    return false;
  }
  const host = parsed.hostname;
  return AWS_CONSOLE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * The console page of a window (or of one of its executions), or `undefined` when the backend's
 * ids are malformed: a bad id costs the link, not the whole card.
 */
export function windowConsoleLink(target: {
  region: string;
  windowId: string;
  windowExecutionId?: string | undefined;
}): string | undefined {
  const { region, windowId, windowExecutionId } = target;
  let url: string;
  try {
    url = consoleUrl(
      windowExecutionId === undefined
        ? { region, windowId }
        : { region, windowId, windowExecutionId },
    );
  } catch {
    return undefined;
  }
  return isAwsConsoleUrl(url) ? url : undefined;
}
