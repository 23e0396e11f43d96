import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SSM_INVOCATIONS_PLUGIN_ID } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { SsmInvocationsClient, ssmInvocationsApiRef } from './api';

/**
 * The plugin for the legacy frontend system (`createApp` from `@backstage/app-defaults`).
 * New-system apps use the default export (also at `/alpha`).
 *
 * @example
 * ```ts
 * import { ssmInvocationsPlugin } from '@ssm-invocations/backstage-plugin-ssm-invocations';
 * const app = createApp({ apis, plugins: [ssmInvocationsPlugin] });
 * ```
 *
 * @public
 */
export const ssmInvocationsPlugin = createPlugin({
  id: SSM_INVOCATIONS_PLUGIN_ID,
  apis: [
    createApiFactory({
      api: ssmInvocationsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new SsmInvocationsClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The entity card for legacy apps; place it on an entity page, usually behind
 * `isSsmInvocationsAvailable`.
 *
 * @example
 * ```tsx
 * <EntitySwitch>
 *   <EntitySwitch.Case if={isSsmInvocationsAvailable}>
 *     <Grid item md={6}><EntitySsmInvocationsCard /></Grid>
 *   </EntitySwitch.Case>
 * </EntitySwitch>
 * ```
 *
 * @public
 */
export const EntitySsmInvocationsCard = ssmInvocationsPlugin.provide(
  createComponentExtension({
    name: 'EntitySsmInvocationsCard',
    component: {
      lazy: () => import('./components/SsmInvocationsCard').then((m) => m.SsmInvocationsCard),
    },
  }),
);
