import type { CacheService, LifecycleService, LoggerService } from '@backstage/backend-plugin-api';
import type { MetricsService } from '@backstage/backend-plugin-api/alpha';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';

/**
 * Options of {@link DefaultSsmInvocationsService.fromConfig}.
 *
 * @example
 * ```ts
 * DefaultSsmInvocationsService.fromConfig(config, { logger, cache });
 * ```
 *
 * @public
 */
export interface DefaultSsmInvocationsServiceOptions {
  /** Where failures are logged (never with credentials). */
  logger: LoggerService;
  /** Reports, history and leases; shared by replicas when its store is. */
  cache: CacheService;
  /** AWS credentials per account; default `DefaultAwsCredentialsManager.fromConfig(config)`. */
  credentialsManager?: AwsCredentialsManager;
  /** Backstage's metrics service (`metricsServiceRef`); without it nothing is counted. */
  metrics?: MetricsService;
  /** Closes the lease connection to a Redis or Valkey cache store at shutdown. */
  lifecycle?: LifecycleService;
}
