import React from 'react';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { SSM_INVOCATIONS_PLUGIN_ID } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { SsmInvocationsClient, ssmInvocationsApiRef } from './api';
import { isSsmInvocationsAvailable } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';

/**
 * The `SsmInvocationsApi` for new-frontend-system apps (backend found through discovery).
 *
 * @example
 * ```ts
 * createFrontendModule({ pluginId: 'ssm-invocations', extensions: [myReplacementApi] });
 * ```
 *
 * @alpha
 */
export const ssmInvocationsApi = ApiBlueprint.make({
  params: (defineParams) =>
    defineParams({
      api: ssmInvocationsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new SsmInvocationsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The entity card (`entity-card:ssm-invocations`), shown only on entities that name a
 * maintenance window; apps may override the filter in `app-config.yaml`.
 *
 * @example
 * ```yaml
 * app:
 *   extensions:
 *     - entity-card:ssm-invocations:
 *         config: { type: content }
 * ```
 *
 * @alpha
 */
export const ssmInvocationsEntityCard = EntityCardBlueprint.make({
  name: 'ssm-invocations',
  params: {
    filter: isSsmInvocationsAvailable,
    loader: () => import('./components/SsmInvocationsCard').then((m) => <m.SsmInvocationsCard />),
  },
});

/**
 * The plugin for the new frontend system: install the package and apps with feature discovery
 * pick it up, or pass it to `createApp({ features: [...] })`.
 *
 * @example
 * ```ts
 * import ssmInvocationsPlugin from '@ssm-invocations/backstage-plugin-ssm-invocations/alpha';
 * const app = createApp({ features: [catalogPlugin, ssmInvocationsPlugin] });
 * ```
 */
export default createFrontendPlugin({
  pluginId: SSM_INVOCATIONS_PLUGIN_ID,
  title: 'SSM maintenance windows',
  extensions: [ssmInvocationsApi, ssmInvocationsEntityCard],
});
