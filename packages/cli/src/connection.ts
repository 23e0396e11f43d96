/**
 * How the CLI reaches core: the client its commands call, built from the global flags
 * (`--region`, `--endpoint`, `--profile`). Commands take a {@link CliClient}, so unit tests pass a
 * fake and the bin passes core's client.
 */
import { fromIni } from '@aws-sdk/credential-providers';
import {
  createInvocationsClient,
  type CallOptions as CoreCallOptions,
  type ExecutionStatus,
  type DiagnoseInvocationInput,
  type GetInvocationInput,
  type InvocationsClientOptions,
  type ListExecutionsInput,
  type ListTasksInput,
  type ListWindowsInput,
  type ResumableInvocations,
  type ResumableInvocationsInput,
  type ResumableInvocationsOptions,
  type WindowReportInput,
} from '@ssm-invocations/core';
import { DEFAULT_TIMEOUTS } from '@ssm-invocations/core/json';
import type {
  ExecutionRecord,
  InvocationDiagnosis,
  InvocationRecord,
  TaskRecord,
  WindowReport,
  WindowSummaryRecord,
} from '@ssm-invocations/core/model';

/**
 * Cancellation, passed through to core (core's `CallOptions`).
 *
 * @example
 * ```ts
 * const options: CallOptions = { signal: AbortSignal.timeout(30_000) };
 * ```
 */
export type CallOptions = CoreCallOptions;

/**
 * Core's input `T` with `statuses` as the plain strings a flag gives; core validates them and
 * names a bad one as `statuses[i]`.
 */
type WithFlagStatuses<T> = Omit<T, 'statuses'> & { statuses?: readonly string[] };

/**
 * Input of the paginated invocation listing (core's `ResumableInvocationsInput`: `pageSize`,
 * `limit` and the resume token `startingToken`), with statuses as flag strings.
 *
 * @example
 * ```ts
 * const query: InvocationsQuery = { windowExecutionId, taskId, statuses: ['FAILED'], limit: 50 };
 * ```
 */
export type InvocationsQuery = WithFlagStatuses<ResumableInvocationsInput>;

/**
 * The part of core's `InvocationsClient` the CLI uses, over core's input types. Commands take
 * this, so unit tests can pass a fake and the bin passes the real client.
 *
 * @example
 * ```ts
 * const client: CliClient = createCliClient({ endpoint: 'http://127.0.0.1:4580' }, process.env);
 * const windows = await client.listWindows({ enabled: true });
 * ```
 */
export interface CliClient {
  invocationsPage(
    input: InvocationsQuery,
    options?: Pick<ResumableInvocationsOptions, 'signal' | 'onPage'>,
  ): Promise<ResumableInvocations>;
  getInvocation(input: GetInvocationInput, options?: CallOptions): Promise<InvocationRecord>;
  /** The invocation with what Run Command / Automation say about it (the `invocation` command). */
  diagnoseInvocation(
    input: DiagnoseInvocationInput,
    options?: CallOptions,
  ): Promise<InvocationDiagnosis>;
  getWindowReport(
    input: WithFlagStatuses<WindowReportInput>,
    options?: CallOptions,
  ): Promise<WindowReport>;
  listWindows(input: ListWindowsInput, options?: CallOptions): Promise<WindowSummaryRecord[]>;
  listExecutions(input: ListExecutionsInput, options?: CallOptions): Promise<ExecutionRecord[]>;
  listTasks(input: WithFlagStatuses<ListTasksInput>, options?: CallOptions): Promise<TaskRecord[]>;
}

/**
 * The global flags that decide how the client reaches SSM.
 *
 * @example
 * ```ts
 * const connection: ConnectionOptions = { region: 'eu-west-1', profile: 'ops' };
 * ```
 */
export interface ConnectionOptions {
  region?: string;
  endpoint?: string;
  profile?: string;
}

/** Flag statuses are plain strings; core checks each one (a bad one is `statuses[i]`). */
function withCoreStatuses<T extends { statuses?: readonly string[] }>(
  input: T,
): Omit<T, 'statuses'> & { statuses?: readonly ExecutionStatus[] } {
  return input as Omit<T, 'statuses'> & { statuses?: readonly ExecutionStatus[] };
}

/**
 * A profile's credentials. Role and SSO profiles make the SDK call STS or SSO through clients of
 * its own, which wait forever by default: they get core's timeouts, as the SSM calls do.
 */
function profileCredentials(profile: string) {
  const { connectTimeoutMs, requestTimeoutMs } = DEFAULT_TIMEOUTS;
  return fromIni({
    profile,
    clientConfig: {
      requestHandler: {
        connectionTimeout: connectTimeoutMs,
        requestTimeout: requestTimeoutMs,
        socketTimeout: requestTimeoutMs,
        throwOnRequestTimeout: true,
      },
    },
  });
}

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
      : { credentials: profileCredentials(connection.profile) }),
  };
  const client = createInvocationsClient(options);
  return {
    invocationsPage: (input, callOptions = {}) =>
      client.invocationsPage(withCoreStatuses(input), callOptions),
    getInvocation: (input, callOptions) => client.getInvocation(input, callOptions),
    diagnoseInvocation: (input, callOptions) => client.diagnoseInvocation(input, callOptions),
    getWindowReport: (input, callOptions) =>
      client.getWindowReport(withCoreStatuses(input), callOptions),
    listWindows: (input, callOptions) => client.listWindows(input, callOptions),
    listExecutions: (input, callOptions) => client.listExecutions(input, callOptions),
    listTasks: (input, callOptions) => client.listTasks(withCoreStatuses(input), callOptions),
  };
}
