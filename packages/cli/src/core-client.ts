import {
  createInvocationsClient,
  getInvocationsResumable,
  type ExecutionStatus,
  type InvocationsClientOptions,
} from '@ssm-invocations/core';
import type { CliClient, ConnectionOptions } from './client';

/**
 * Builds the CLI's client on core from the global flags. `--profile` works like `AWS_PROFILE`
 * (the SDK then takes credentials and region from that profile); without `--region` and a
 * region in the environment, an `--endpoint` run (the emulator) defaults to `us-east-1`.
 *
 * @example
 * ```ts
 * const client = createCliClient({ endpoint: 'http://127.0.0.1:8566' }, process.env);
 * ```
 */
export function createCliClient(
  connection: ConnectionOptions,
  env: Record<string, string | undefined>,
): CliClient {
  if (connection.profile !== undefined) env.AWS_PROFILE = connection.profile;
  const region =
    connection.region ??
    env.AWS_REGION ??
    env.AWS_DEFAULT_REGION ??
    (connection.endpoint === undefined ? undefined : 'us-east-1');
  const options: InvocationsClientOptions = {
    ...(region === undefined ? {} : { region }),
    ...(connection.endpoint === undefined ? {} : { endpoint: connection.endpoint }),
  };
  const client = createInvocationsClient(options);
  // Flag values are plain strings; core validates statuses and reports them as `statuses[i]`.
  const statuses = (values: string[] | undefined): ExecutionStatus[] | undefined =>
    values as ExecutionStatus[] | undefined;
  return {
    invocationsPage: (input, callOptions = {}) =>
      getInvocationsResumable(
        client,
        { ...input, statuses: statuses(input.statuses) },
        callOptions,
      ),
    getInvocation: (input, callOptions) => client.getInvocation(input, callOptions),
    getWindowReport: (input, callOptions) =>
      client.getWindowReport({ ...input, statuses: statuses(input.statuses) }, callOptions),
    listWindows: (input, callOptions) => client.listWindows(input, callOptions),
    listExecutions: (input, callOptions) => client.listExecutions(input, callOptions),
    listTasks: (input, callOptions) =>
      client.listTasks({ ...input, statuses: statuses(input.statuses) }, callOptions),
  };
}
