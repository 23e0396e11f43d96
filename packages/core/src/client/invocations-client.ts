/**
 * The client: its interface and the factory that assembles it from the parts — sending
 * (`request.ts`), paging (`paginate.ts`), plain reads (`queries.ts`), the window report
 * (`window-report.ts`) and workflows (`walks.ts`) — over any {@link SsmTransport}. SDK-free, so
 * `@ssm-invocations/core/json` can offer it without the AWS SDK.
 */
import { InvalidInputError } from '../model/errors';
import type { InvocationDiagnosis } from '../model/diagnosis';
import type { WindowReport } from '../model/report';
import type {
  ExecutionDetailRecord,
  ExecutionRecord,
  InvocationRecord,
  TagRecord,
  TargetRecord,
  TaskDetailRecord,
  TaskRecord,
  WindowRecord,
  WindowSummaryRecord,
} from '../model/types';
import { AWS_REGION_PATTERN } from '../model/endpoint';
import { validateInteger } from '../model/validators';
import type { SsmTransport } from '../transport/types';
import { signalOf } from './call-options';
import type {
  CallOptions,
  WindowReportOptions,
  DiagnoseInvocationInput,
  ExecutionRef,
  FindExecutionWindowInput,
  GetInvocationInput,
  InvocationsInput,
  InvocationsPage,
  InvocationsSince,
  InvocationsSinceInput,
  ListExecutionsInput,
  ListInvocationsInput,
  ListTagsForResourceInput,
  ListTasksInput,
  ListWindowsInput,
  TaskRef,
  WindowRef,
  WindowReportInput,
} from './inputs';
import { DEFAULT_MAX_PAGES } from './paginate';
import { diagnoseKnownInvocation } from './diagnose-invocation';
import { createQueries, invocationOf } from './queries';
import {
  getInvocationsResumable,
  type ResumableInvocations,
  type ResumableInvocationsInput,
  type ResumableInvocationsOptions,
} from './resumable-invocations';
import { createSendRequest, type ClientContext } from './request';
import { tagsOf } from './resource-tags';
import { findExecutionWindow, invocationsSince } from './walks';
import { windowReport } from './window-report';

/**
 * Behaviour options shared by every way of creating a client.
 *
 * @example
 * ```ts
 * const options: ClientBehaviourOptions = { maxConcurrency: 8, requestsPerSecond: 5 };
 * ```
 */
export interface ClientBehaviourOptions {
  /** Most SSM requests of this client in flight at once (default 4). */
  maxConcurrency?: number;
  /**
   * Client-side rate limit in requests per second, shared by all calls: at least 0.01
   * (default: none).
   */
  requestsPerSecond?: number;
  /** Safety bound on pages of one listing before a PaginationError (default 10,000). */
  maxPages?: number;
  /**
   * The region the windows run in, for the console links of a diagnosis (default: the SDK
   * client's region; none on a custom transport, whose diagnoses then carry no links).
   */
  consoleRegion?: string;
}

/**
 * Reads SSM maintenance windows, executions, tasks and per-target invocations.
 *
 * @example
 * ```ts
 * const client = createInvocationsClient({ region: 'eu-west-1' });
 * for await (const inv of client.invocations({ windowExecutionId, taskId, statuses: ['FAILED'] })) {
 *   console.log(inv.WindowTargetId, inv.StatusDetails);
 * }
 * ```
 */
export interface InvocationsClient {
  /** One page of DescribeMaintenanceWindowExecutionTaskInvocations. */
  listInvocations(input: ListInvocationsInput, options?: CallOptions): Promise<InvocationsPage>;
  /** Every invocation of a task, lazily, page by page; `limit` stops early. */
  invocations(input: InvocationsInput, options?: CallOptions): AsyncIterable<InvocationRecord>;
  /** Every invocation of a task (up to `limit`) as an array. */
  getAllInvocations(input: InvocationsInput, options?: CallOptions): Promise<InvocationRecord[]>;
  /** GetMaintenanceWindowExecutionTaskInvocation. */
  getInvocation(input: GetInvocationInput, options?: CallOptions): Promise<InvocationRecord>;
  /**
   * Up to `limit` invocations of a task and a token to resume from when more remain
   * ({@link getInvocationsResumable} on this client).
   *
   * @example
   * ```ts
   * const first = await client.invocationsPage({ windowExecutionId, taskId, limit: 25 });
   * const next = await client.invocationsPage({ windowExecutionId, taskId, limit: 25, startingToken: first.nextToken });
   * ```
   */
  invocationsPage(
    input: ResumableInvocationsInput,
    options?: ResumableInvocationsOptions,
  ): Promise<ResumableInvocations>;
  /**
   * The invocation, its targets, console links and what the service that ran it says: for
   * RUN_COMMAND each node's status and plugins (ListCommandInvocations with `Details`) and the
   * exit code and stdout/stderr tails of up to 10 failed or timed-out nodes (GetCommandInvocation
   * each); for AUTOMATION the execution and its failed step (GetAutomationExecution); for LAMBDA
   * and STEP_FUNCTIONS ids and links only. At most 3 requests for a one-node command. Ids are
   * validated before anything is sent; a refused or failed follow-up call becomes a note in
   * `notes` instead of failing the answer (an abort still rejects). Links need a region: the
   * SDK client's, or `consoleRegion` on a custom transport.
   *
   * @example
   * ```ts
   * const diagnosis = await client.diagnoseInvocation({ windowExecutionId, taskId, invocationId });
   * if (diagnosis.taskType === 'RUN_COMMAND') {
   *   for (const node of diagnosis.instances) console.log(node.instanceId, node.output?.standardError.text);
   * }
   * ```
   */
  diagnoseInvocation(
    input: DiagnoseInvocationInput,
    options?: CallOptions,
  ): Promise<InvocationDiagnosis>;
  /** GetMaintenanceWindow. */
  getWindow(input: WindowRef, options?: CallOptions): Promise<WindowRecord>;
  /** DescribeMaintenanceWindows, every page (up to `limit`). */
  listWindows(input?: ListWindowsInput, options?: CallOptions): Promise<WindowSummaryRecord[]>;
  /** DescribeMaintenanceWindowExecutions, newest first (up to `limit`). */
  listExecutions(input: ListExecutionsInput, options?: CallOptions): Promise<ExecutionRecord[]>;
  /** DescribeMaintenanceWindowExecutionTasks, every page. */
  listTasks(input: ListTasksInput, options?: CallOptions): Promise<TaskRecord[]>;
  /** GetMaintenanceWindowExecution. */
  getExecution(input: ExecutionRef, options?: CallOptions): Promise<ExecutionDetailRecord>;
  /** GetMaintenanceWindowExecutionTask. */
  getTask(input: TaskRef, options?: CallOptions): Promise<TaskDetailRecord>;
  /** DescribeMaintenanceWindowTargets, every page. */
  listTargets(input: WindowRef, options?: CallOptions): Promise<TargetRecord[]>;
  /**
   * ListTagsForResource of a maintenance window: its tags, in SSM's order (not paginated).
   *
   * @example
   * ```ts
   * const tags = await client.listTagsForResource({ resourceType: 'MaintenanceWindow', resourceId: windowId });
   * const owner = tags.find((tag) => tag.Key === 'backstage.io/owner')?.Value;
   * ```
   */
  listTagsForResource(input: ListTagsForResourceInput, options?: CallOptions): Promise<TagRecord[]>;
  /**
   * The window, its newest executions, their tasks and invocations, with summaries. With a
   * `history` store, finished executions are read back from it instead of from SSM (see
   * {@link WindowReportOptions}).
   */
  getWindowReport(input: WindowReportInput, options?: WindowReportOptions): Promise<WindowReport>;
  /**
   * The invocations (with the given statuses) of every execution that started after `after`, in
   * the given windows or all windows, with their window, execution and task; and the cursor to
   * keep for the next call. Windows, executions and tasks are read side by side through the
   * client's pool; the first failure stops the rest and rejects.
   *
   * Across calls the caller must drop repeats: `ExecutedAfter` includes the cursor, so the
   * execution at it is listed again. Pass `finishedExecutionIds` back as
   * `skipFinishedExecutionIds` (without it the newest finished execution's matches return on every
   * call), and dedupe the matches of executions still running, which are read again each call.
   *
   * @example
   * ```ts
   * let after: Date = new Date(Date.now() - 3_600_000);
   * let skip: string[] = [];
   * const { matches, cursor, finishedExecutionIds } = await client.invocationsSince({
   *   after, statuses: ['FAILED'], skipFinishedExecutionIds: skip,
   * });
   * for (const { window, invocation } of matches) console.log(window.WindowId, invocation.InvocationId);
   * after = cursor; // the next call re-reads executions still running: dedupe their matches
   * skip = finishedExecutionIds; // else the execution at the cursor comes back
   * ```
   */
  invocationsSince(input: InvocationsSinceInput, options?: CallOptions): Promise<InvocationsSince>;
  /**
   * Which of `windowIds` ran the execution, or `undefined` when none did or the execution does
   * not exist. SSM's execution record has no window id, so its start time is read and each
   * candidate's executions in a narrow range around it are searched, one window at a time.
   *
   * @example
   * ```ts
   * const windowId = await client.findExecutionWindow({ windowExecutionId, windowIds: ['mw-0123456789abcdef0'] });
   * if (windowId === undefined) throw new NotFoundError('not an execution of these windows');
   * ```
   */
  findExecutionWindow(
    input: FindExecutionWindowInput,
    options?: CallOptions,
  ): Promise<string | undefined>;
}

const DEFAULT_MAX_CONCURRENCY = 4;
/** One request per 100 s: the slowest rate that is still a rate. */
const MIN_REQUESTS_PER_SECOND = 0.01;

/** The configured region, else the transport's, asked once; a region that cannot be had is none. */
function memoizedRegion(
  configured: string | undefined,
  transportRegion: () => Promise<string | undefined>,
): () => Promise<string | undefined> {
  let region: Promise<string | undefined> | undefined;
  return () => {
    region ??=
      configured === undefined
        ? transportRegion().catch(() => undefined)
        : Promise.resolve(configured);
    return region;
  };
}

/**
 * Validates the behaviour options and returns them with defaults applied.
 *
 * @example
 * ```ts
 * resolveBehaviourOptions({ maxConcurrency: 8 }); // { maxConcurrency: 8, maxPages: 10000 }
 * ```
 */
export function resolveBehaviourOptions(options: ClientBehaviourOptions): {
  maxConcurrency: number;
  requestsPerSecond?: number;
  maxPages: number;
  consoleRegion?: string;
} {
  const maxConcurrency =
    validateInteger(options.maxConcurrency, 'maxConcurrency', 1, 256) ?? DEFAULT_MAX_CONCURRENCY;
  const maxPages = validateInteger(options.maxPages, 'maxPages', 1) ?? DEFAULT_MAX_PAGES;
  const rps = options.requestsPerSecond;
  // Below the floor, the spacing between requests would overflow the timer and the limit would
  // silently vanish; a rate that slow is a mistake, not a wish.
  if (
    rps !== undefined &&
    (typeof rps !== 'number' || !Number.isFinite(rps) || rps < MIN_REQUESTS_PER_SECOND)
  ) {
    throw new InvalidInputError(
      'requestsPerSecond',
      `must be a number of at least ${MIN_REQUESTS_PER_SECOND}, got ${String(rps)}`,
      {},
      typeof rps === 'number' ? 'range' : 'type',
    );
  }
  const region = options.consoleRegion;
  if (region !== undefined && (typeof region !== 'string' || !AWS_REGION_PATTERN.test(region))) {
    throw new InvalidInputError('consoleRegion', 'must be an AWS region such as us-east-1');
  }
  return {
    maxConcurrency,
    maxPages,
    ...(rps === undefined ? {} : { requestsPerSecond: rps }),
    ...(region === undefined ? {} : { consoleRegion: region }),
  };
}

/**
 * Creates a client on any transport, without the AWS SDK: use it with {@link jsonTransport} or
 * your own {@link SsmTransport}. Also exported from `@ssm-invocations/core/json`.
 *
 * @example
 * ```ts
 * import { createInvocationsClientWithTransport, jsonTransport } from '@ssm-invocations/core/json';
 * const client = createInvocationsClientWithTransport(jsonTransport(request), { maxConcurrency: 2 });
 * const report = await client.getWindowReport({ windowId: 'mw-0123456789abcdef0' });
 * ```
 */
export function createInvocationsClientWithTransport(
  transport: SsmTransport,
  options: ClientBehaviourOptions = {},
): InvocationsClient {
  return assembleClient(transport, options, async () => undefined);
}

/**
 * The client on `transport`; `transportRegion` is asked for the console region when the options
 * name none (the SDK client's region).
 */
export function assembleClient(
  transport: SsmTransport,
  options: ClientBehaviourOptions,
  transportRegion: () => Promise<string | undefined>,
): InvocationsClient {
  if (typeof transport !== 'object' || transport === null || typeof transport.send !== 'function') {
    throw new InvalidInputError(
      'transport',
      'must be an object with a send(operation, input) method',
    );
  }
  const resolved = resolveBehaviourOptions(options);
  const context: ClientContext = {
    send: createSendRequest(transport, resolved),
    maxPages: resolved.maxPages,
    region: memoizedRegion(resolved.consoleRegion, transportRegion),
  };
  const client: InvocationsClient = {
    ...createQueries(context),
    listTagsForResource: async (input, callOptions) =>
      tagsOf(context, input, signalOf(callOptions)),
    invocationsPage: (input, pageOptions) => getInvocationsResumable(client, input, pageOptions),
    diagnoseInvocation: async (input, callOptions) => {
      const signal = signalOf(callOptions);
      return diagnoseKnownInvocation(context, await invocationOf(context, input, signal), signal);
    },
    getWindowReport: async (input, callOptions) => windowReport(context, input, callOptions),
    invocationsSince: async (input, callOptions) =>
      invocationsSince(context, input, signalOf(callOptions)),
    findExecutionWindow: async (input, callOptions) =>
      findExecutionWindow(context, input, signalOf(callOptions)),
  };
  return client;
}
