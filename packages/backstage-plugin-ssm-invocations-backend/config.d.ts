import type { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * Settings of the ssm-invocations backend plugin. AWS credentials come from the `aws`
   * block (`@backstage/integration-aws-node`: `aws.mainAccount`, `aws.accounts`,
   * `aws.accountDefaults`).
   */
  ssmInvocations?: {
    /**
     * How long a window report stays in the Backstage cache (shared by every replica).
     * A number is seconds; `0` turns caching off (requests are still coalesced).
     * Default: 60 seconds.
     */
    cache?: {
      ttl?: number | HumanDuration | string;
    };
    /**
     * Executions per window in a report when the request has no `?executions=`. Default: 5.
     */
    executionsPerWindow?: number;
    /**
     * The most executions per window a request may ask for, from 1 to 100 (core's
     * `REPORT_LIMITS.executions`). Default: 20.
     */
    maxExecutionsPerWindow?: number;
    /**
     * An SSM endpoint to use instead of AWS's (e.g. the local emulator). Leave unset in
     * production.
     */
    endpoint?: string;
    /** Attempts per SSM request, retries of throttling and 5xx included. Default: the core's. */
    maxAttempts?: number;
    /** Parallel SSM requests per report. Default: 4. */
    maxConcurrency?: number;
    /** Client-side limit of SSM requests per second, per account and region. */
    requestsPerSecond?: number;
    /** Region of windows named by `aws.amazon.com/ssm-maintenance-window-id` without `aws.amazon.com/ssm-region`. */
    region?: string;
    /** Account of windows named by `aws.amazon.com/ssm-maintenance-window-id`. Default: the main account. */
    accountId?: string;
  };
}
