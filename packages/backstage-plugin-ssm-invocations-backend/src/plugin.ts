import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  SSM_INVOCATIONS_PERMISSIONS,
  SSM_INVOCATIONS_PLUGIN_ID,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { registerSsmInvocationsActions } from './actions/registerActions';
import { EntityOperations } from './EntityOperations';
import { requestIdMiddleware } from './requestContext';
import { createRouter } from './router';
import { ssmInvocationsServiceRef } from './service/ssmInvocationsServiceRef';

/**
 * The ssm-invocations backend plugin: serves per-entity maintenance-window reports at
 * `/api/ssm-invocations`, and registers the read-only actions `get-window-report` and
 * `diagnose-invocation` for agents.
 *
 * @example
 * ```ts
 * const backend = createBackend();
 * backend.add(import('@ssm-invocations/backstage-plugin-ssm-invocations-backend'));
 * ```
 *
 * @public
 */
export const ssmInvocationsPlugin = createBackendPlugin({
  pluginId: SSM_INVOCATIONS_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        userInfo: coreServices.userInfo,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        service: ssmInvocationsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const {
          httpRouter,
          httpAuth,
          permissions,
          permissionsRegistry,
          catalog,
          service,
          userInfo,
        } = deps;
        permissionsRegistry.addPermissions([...SSM_INVOCATIONS_PERMISSIONS]);
        httpRouter.use(requestIdMiddleware);
        httpRouter.use(await createRouter({ service, catalog, httpAuth, permissions, userInfo }));
        const operations = new EntityOperations({ service, catalog, permissions, userInfo });
        registerSsmInvocationsActions(deps.actionsRegistry, operations);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
