/**
 * Backstage entity card for AWS Systems Manager maintenance windows: which targets ran, which
 * failed, and why. The default export is the plugin for the new frontend system; the named
 * exports serve legacy apps.
 *
 * @packageDocumentation
 */
export { default } from './alpha';
export { ssmInvocationsPlugin, EntitySsmInvocationsCard } from './plugin';
export {
  ANNOTATION_SSM_WINDOW_ARN,
  ANNOTATION_SSM_WINDOW_ID,
  ANNOTATION_SSM_REGION,
  isSsmInvocationsAvailable,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
export { ssmInvocationsApiRef, SsmInvocationsClient, type SsmInvocationsApi } from './api';
export { SsmInvocationsCard, type SsmInvocationsCardProps } from './components/SsmInvocationsCard';
