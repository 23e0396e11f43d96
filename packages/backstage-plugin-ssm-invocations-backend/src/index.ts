/**
 * Backstage backend plugin for ssm-invocations: which targets of an entity's AWS Systems Manager
 * maintenance windows ran, which failed, and why.
 *
 * @packageDocumentation
 */
export { ssmInvocationsPlugin as default } from './plugin';
export { createRouter, type RouterOptions } from './router';
export { SsmGatewayTimeoutError, SsmUpstreamError } from './errors';
export {
  readAnnotatedWindows,
  type AnnotatedWindows,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
export { DefaultSsmInvocationsService } from './service/DefaultSsmInvocationsService';
export type { DefaultSsmInvocationsServiceOptions } from './service/serviceOptions';
export { ssmInvocationsServiceRef } from './service/ssmInvocationsServiceRef';
export { readSsmInvocationsConfig, type SsmInvocationsConfig } from './service/config';
export type {
  EntityDiagnosisOptions,
  SsmInvocationsCaller,
  SsmInvocationsService,
} from './service/types';
