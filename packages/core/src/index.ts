/**
 * `@ssm-invocations/core`: which targets of an SSM maintenance window ran, which failed, and why.
 * The root entry adds the AWS SDK-backed `createInvocationsClient` and `sdkTransport` to
 * everything the SDK-free `/json` and `/model` entries offer.
 */
export * from './json';
export {
  createInvocationsClient,
  type InvocationsClientOptions,
  type ConnectionOptions,
  type SsmClientOptions,
  type TransportOptions,
} from './client/create-invocations-client';
export { sdkTransport, type SdkTransportOptions } from './transport/sdk-transport';
