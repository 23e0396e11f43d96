import type {
  CallOptions as CoreCallOptions,
  GetInvocationInput,
  ListExecutionsInput,
  ListTasksInput,
  ListWindowsInput,
  ResumableInvocations,
  ResumableInvocationsInput,
  ResumableInvocationsOptions,
  WindowReportInput,
} from '@ssm-invocations/core';
import type {
  ExecutionRecord,
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
