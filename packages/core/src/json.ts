/**
 * `@ssm-invocations/core/json`: the client on the AWS JSON 1.1 transport, without the AWS SDK
 * (for hosts such as n8n that cannot bundle it). Also re-exports the model (types, constants,
 * validators, formatting, errors).
 */
export * from './model/index';
export {
  jsonTransport,
  jsonTransportWithoutTimers,
  parseAwsJsonError,
  AWS_JSON_CONTENT_TYPE,
  type AwsJsonError,
  type JsonRequest,
  type JsonResponse,
  type JsonResponseHeaders,
  type JsonRequestFunction,
  type JsonTransportOptions,
  type TimerFreeJsonTransportOptions,
} from './transport/json-transport';
export type { RetryOptions } from './transport/retry-policy';
export { DEFAULT_TIMEOUTS, type RequestTimer, type TimeoutOptions } from './transport/timeouts';
export type { SsmTransport, SendOptions } from './transport/types';
export {
  createInvocationsClientWithTransport,
  type ClientBehaviourOptions,
  type InvocationsClient,
} from './client/invocations-client';
export type * from './client/inputs';
export {
  getInvocationsResumable,
  type ResumableInvocationsInput,
  type ResumableInvocations,
  type ResumableInvocationsOptions,
} from './client/resumable-invocations';
export {
  createMemoryHistoryStore,
  type MemoryHistoryStoreOptions,
} from './client/memory-history-store';
export type { ReportHistoryStore, ReportHistoryValue } from './client/report-history';
