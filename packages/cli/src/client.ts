import type {
  ExecutionRecord,
  InvocationRecord,
  TaskRecord,
  WindowReport,
  WindowSummaryRecord,
} from '@ssm-invocations/core/model';

/** Cancellation, passed through to core. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Input of the paginated invocation listing, with the CLI's resume token. */
export interface InvocationsQuery {
  windowExecutionId: string;
  taskId: string;
  statuses?: string[];
  pageSize?: number;
  limit?: number;
  startingToken?: string;
}

/**
 * The part of core's `InvocationsClient` the CLI uses. Commands take this, so unit tests can
 * pass a fake and the bin passes the real client.
 */
export interface CliClient {
  invocationsPage(
    input: InvocationsQuery,
    options?: CallOptions & { onPage?: (count: number) => void },
  ): Promise<{ invocations: InvocationRecord[]; nextToken?: string }>;
  getInvocation(
    input: { windowExecutionId: string; taskId: string; invocationId: string },
    options?: CallOptions,
  ): Promise<InvocationRecord>;
  getWindowReport(
    input: { windowId: string; executions?: number; statuses?: string[] },
    options?: CallOptions,
  ): Promise<WindowReport>;
  listWindows(
    input: { name?: string; enabled?: boolean; limit?: number },
    options?: CallOptions,
  ): Promise<WindowSummaryRecord[]>;
  listExecutions(
    input: { windowId: string; after?: Date; before?: Date; limit?: number },
    options?: CallOptions,
  ): Promise<ExecutionRecord[]>;
  listTasks(
    input: { windowExecutionId: string; statuses?: string[] },
    options?: CallOptions,
  ): Promise<TaskRecord[]>;
}

/** The global flags that decide how the client reaches SSM. */
export interface ConnectionOptions {
  region?: string;
  endpoint?: string;
  profile?: string;
}
