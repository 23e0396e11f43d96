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
      /**
       * How long finished executions (their tasks and invocations, which never change) stay in
       * the cache, so a refresh fetches only the execution list and what still runs. A number is
       * seconds; `0` keeps none. From 1 minute to 30 days (SSM's history retention). Default: 7 days.
       */
      historyTtl?: number | HumanDuration | string;
      /**
       * With a shared cache store (`backend.cache.store` other than `memory`): how long one
       * replica's claim to fetch a report lives unless renewed. The fetching replica renews it
       * every third of this while it fetches, so the others wait for a slow fetch; a replica that
       * died mid-fetch holds them back this long at most. A number is seconds; from 100 ms to
       * 5 minutes. Default: 10 seconds.
       */
      leaseTtl?: number | HumanDuration | string;
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
    /**
     * Longest time one HTTP request waits for SSM (all its calls together). A number is seconds.
     * When it passes, the window's fetch is abandoned and the request answers 504 (or the
     * window's `error` has code `TIMEOUT` when other windows loaded); the next request starts a
     * fresh fetch. Default: 30 seconds.
     */
    requestTimeout?: number | HumanDuration | string;
    /**
     * The AWS accounts (12-digit ids) whose windows the backend reads. A window annotated in
     * another account is refused (its `error` has code `NOT_ALLOWED`) without any SSM call.
     * Default: the accounts of `aws.accounts`, `ssmInvocations.accountId` and the main account
     * when its id is known.
     */
    allowedAccounts?: string[];
    /** The regions whose windows the backend reads (e.g. `eu-west-1`). Default: any region. */
    allowedRegions?: string[];
    /**
     * Show a window only if its tag `key` names the entity (`component:default/payments-api`),
     * or names the entity's owner (`group:default/platform`) and the caller belongs to that owner
     * (Backstage's user info: the user and its groups) — an entity's `spec.owner` is its author's
     * claim, so it alone grants nothing. Refs compare case-insensitively; the tag is read with
     * `ssm:ListTagsForResource` and cached like reports. Default: no ownership check.
     */
    ownershipTag?: {
      /** The tag key, e.g. `backstage.io/owner`. */
      key: string;
    };
    /**
     * Send invocations' `Parameters` and `OwnerInformation` (sensitive in SSM's model) to the
     * browser. Default: false — both are removed from reports and invocation details.
     */
    exposeParameters?: boolean;
  };
}
