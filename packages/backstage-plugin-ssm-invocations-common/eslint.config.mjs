export { default } from '@ssm-invocations/tooling/eslint';
