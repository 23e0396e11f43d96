export {
  ssmInvocationsApiRef,
  type SsmInvocationsApi,
  type EntityReport,
  type EntityWindowReport,
  type InvocationKey,
} from './SsmInvocationsApi';
export { SsmInvocationsClient } from './SsmInvocationsClient';
