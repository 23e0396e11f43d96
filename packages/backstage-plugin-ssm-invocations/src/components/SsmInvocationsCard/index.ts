export { SsmInvocationsCard, type SsmInvocationsCardProps } from './SsmInvocationsCard';
