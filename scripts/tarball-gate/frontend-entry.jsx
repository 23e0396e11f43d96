// Bundled by the tarball gate as an app's bundler would: every import of the frontend plugin,
// installed from its tarball, resolves, for both of Backstage's frontend systems.
import alphaDefault, {
  EntitySsmInvocationsCard,
  isSsmInvocationsAvailable,
} from '@ssm-invocations/backstage-plugin-ssm-invocations';
import alphaPlugin from '@ssm-invocations/backstage-plugin-ssm-invocations/alpha';

if (
  typeof EntitySsmInvocationsCard !== 'function' &&
  typeof EntitySsmInvocationsCard !== 'object'
) {
  throw new Error('EntitySsmInvocationsCard is not a component');
}
if (typeof isSsmInvocationsAvailable !== 'function')
  throw new Error('isSsmInvocationsAvailable missing');
for (const plugin of [alphaPlugin, alphaDefault]) {
  if (plugin?.$$type !== '@backstage/FrontendPlugin')
    throw new Error('default export is not a frontend plugin');
}
console.log('both frontend systems bundle');
