// Which links the card may render: only pages of the AWS console (core's isAwsConsoleUrl),
// whoever built the URL.
import { consoleUrl, isAwsConsoleUrl } from '@ssm-invocations/core/model';

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
