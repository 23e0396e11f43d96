// The new frontend system: the catalog plugin provides the entity page, our plugin its card.
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import ssmInvocationsPlugin from '@ssm-invocations/backstage-plugin-ssm-invocations/alpha';

const app = createApp({
  features: [catalogPlugin, ssmInvocationsPlugin],
});

export default app.createRoot();
