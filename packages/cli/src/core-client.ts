import { fromIni } from '@aws-sdk/credential-providers';
import {
  createInvocationsClient,
  getInvocationsResumable,
  type ExecutionStatus,
  type InvocationsClientOptions,
} from '@ssm-invocations/core';
import type { CliClient, ConnectionOptions } from './client';

/**
 * Builds the CLI's client on core from the global flags. `--profile` takes the credentials of
 * that shared-config profile, over any in the environment (as the AWS CLI's `--profile` does),
 * and its region unless `--region` or `AWS_REGION` says otherwise; without any region, an
 * `--endpoint` run (the emulator) defaults to `us-east-1`.
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
  // The SDK's region chain reads the profile named by AWS_PROFILE; credentials come from the
  // profile explicitly, so environment keys cannot win over the flag.
  if (connection.profile !== undefined) env.AWS_PROFILE = connection.profile;
  const region =
    connection.region ??
    env.AWS_REGION ??
    env.AWS_DEFAULT_REGION ??
    (connection.endpoint === undefined ? undefined : 'us-east-1');
  const options: InvocationsClientOptions = {
    ...(region === undefined ? {} : { region }),
    ...(connection.endpoint === undefined ? {} : { endpoint: connection.endpoint }),
    ...(connection.profile === undefined
      ? {}
      : { credentials: fromIni({ profile: connection.profile }) }),
  };
  const client = createInvocationsClient(options);
  // Flag values are plain strings; core validates statuses and reports them as `statuses[i]`.
  const statuses = (
    values: readonly string[] | undefined,
  ): readonly ExecutionStatus[] | undefined => values as readonly ExecutionStatus[] | undefined;
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
