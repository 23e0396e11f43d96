// The legacy frontend system: explicit routes and an entity page that shows the card behind
// isSsmInvocationsAvailable, as an adopter's packages/app/src/components/catalog/EntityPage.tsx would.
import React from 'react';
import { Navigate, Route } from 'react-router-dom';
import Grid from '@material-ui/core/Grid';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { AlertDisplay, SignInPage } from '@backstage/core-components';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  EntityLayout,
  EntitySwitch,
  catalogPlugin,
} from '@backstage/plugin-catalog';
import {
  EntitySsmInvocationsCard,
  isSsmInvocationsAvailable,
  ssmInvocationsPlugin,
} from '@ssm-invocations/backstage-plugin-ssm-invocations';

const entityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3} alignItems="stretch">
        <EntitySwitch>
          <EntitySwitch.Case if={isSsmInvocationsAvailable}>
            <Grid item xs={12}>
              <EntitySsmInvocationsCard />
            </Grid>
          </EntitySwitch.Case>
        </EntitySwitch>
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

const app = createApp({
  plugins: [catalogPlugin, ssmInvocationsPlugin],
  components: {
    SignInPage: (props) => <SignInPage {...props} auto providers={['guest']} />,
  },
});

const LegacyRoot = app.createRoot(
  <>
    <AlertDisplay />
    <AppRouter>
      <FlatRoutes>
        <Route path="/" element={<Navigate to="catalog" />} />
        <Route path="/catalog" element={<CatalogIndexPage />} />
        <Route path="/catalog/:namespace/:kind/:name" element={<CatalogEntityPage />}>
          {entityPage}
        </Route>
      </FlatRoutes>
    </AppRouter>
  </>,
);

export default <LegacyRoot />;
