export { ssmInvocationsApiRef, type SsmInvocationsApi } from './SsmInvocationsApi';
export { SsmInvocationsClient } from './SsmInvocationsClient';
