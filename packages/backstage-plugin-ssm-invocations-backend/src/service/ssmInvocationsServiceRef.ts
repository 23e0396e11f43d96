import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DefaultSsmInvocationsService } from './DefaultSsmInvocationsService';
import type { SsmInvocationsService } from './types';

/**
 * The plugin's service. The default reads `ssmInvocations` and `aws` config; adopters replace it
 * with their own factory for this ref (e.g. to wrap or meter SSM calls).
 *
 * @example
 * ```ts
 * backend.add(
 *   createServiceFactory({
 *     service: ssmInvocationsServiceRef,
 *     deps: {},
 *     factory: () => myService,
 *   }),
 * );
 * ```
 *
 * @public
 */
export const ssmInvocationsServiceRef = createServiceRef<SsmInvocationsService>({
  id: 'ssm-invocations.service',
  scope: 'plugin',
  defaultFactory: async (service) =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        metrics: metricsServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      factory: ({ config, logger, cache, metrics, lifecycle }) =>
        DefaultSsmInvocationsService.fromConfig(config, { logger, cache, metrics, lifecycle }),
    }),
});
