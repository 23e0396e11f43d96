import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  SSM_INVOCATIONS_PERMISSIONS,
  SSM_INVOCATIONS_PLUGIN_ID,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { createRouter } from './router';
import { ssmInvocationsServiceRef } from './service/ssmInvocationsServiceRef';

/**
 * The ssm-invocations backend plugin: serves per-entity maintenance-window reports at
 * `/api/ssm-invocations`.
 *
 * @example
 * ```ts
 * const backend = createBackend();
 * backend.add(import('@ssm-invocations/backstage-plugin-ssm-invocations-backend'));
 * ```
 */
export const ssmInvocationsPlugin = createBackendPlugin({
  pluginId: SSM_INVOCATIONS_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        service: ssmInvocationsServiceRef,
      },
      async init({ httpRouter, httpAuth, permissions, permissionsRegistry, catalog, service }) {
        permissionsRegistry.addPermissions([...SSM_INVOCATIONS_PERMISSIONS]);
        httpRouter.use(await createRouter({ service, catalog, httpAuth, permissions }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
