import type { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import {
  DefaultAwsCredentialsManager,
  type AwsCredentialsManager,
} from '@backstage/integration-aws-node';
import {
  createInvocationsClient,
  InvalidInputError,
  NotFoundError,
  SsmInvocationsError,
  ThrottledError,
  type InvocationsClient,
} from '@ssm-invocations/core';
import {
  formatMaintenanceWindowArn,
  parseMaintenanceWindowArn,
  validateInteger,
  validateStatuses,
  validateUuidId,
  validateWindowId,
  REPORT_LIMITS,
  toReportError,
  type InvocationRecord,
  type Serialized,
  type WindowReport,
} from '@ssm-invocations/core/model';
import {
  ANNOTATION_SSM_REGION,
  ANNOTATION_SSM_WINDOW_ID,
  readAnnotatedWindows,
  type EntityReportQuery,
  type EntityReportResponse,
  type EntityWindowReport,
  type InvocationIds,
  type WindowReportError,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { CoalescingCache } from './CoalescingCache';
import { RecentValues } from './RecentValues';
import { readSsmInvocationsConfig, type SsmInvocationsConfig } from './config';
import type { SsmInvocationsService } from './types';

/** A window an entity names, resolved to the account and region to ask. */
interface WindowLocation {
  windowArn: string;
  region: string;
  accountId: string;
  windowId: string;
}

/** An annotation value that could not be resolved; reported as that window's error. */
interface UnresolvedWindow {
  windowArn: string;
  error: SsmInvocationsError;
}

/**
 * Options of {@link DefaultSsmInvocationsService.fromConfig}.
 *
 * @example
 * ```ts
 * DefaultSsmInvocationsService.fromConfig(config, { logger, cache });
 * ```
 */
export interface DefaultSsmInvocationsServiceOptions {
  logger: LoggerService;
  cache: CacheService;
  /** AWS credentials per account; default `DefaultAwsCredentialsManager.fromConfig(config)`. */
  credentialsManager?: AwsCredentialsManager;
}

/** Bumped when the cached JSON's shape changes, so replicas on two versions don't mix. */
const CACHE_VERSION = 'v1';
/** Entity responses remembered for reuse (each shares its report objects with the report memo). */
const MAX_RESPONSES = 200;

/**
 * The default {@link SsmInvocationsService}: reports through `@ssm-invocations/core` with
 * credentials from `@backstage/integration-aws-node`, cached in the Backstage cache and coalesced.
 *
 * @example
 * ```ts
 * const service = DefaultSsmInvocationsService.fromConfig(config, { logger, cache });
 * const { windows } = await service.getEntityReport(entity, { executions: 5 });
 * ```
 */
export class DefaultSsmInvocationsService implements SsmInvocationsService {
  readonly #settings: SsmInvocationsConfig;
  readonly #logger: LoggerService;
  readonly #credentialsManager: AwsCredentialsManager;
  readonly #cache: CoalescingCache;
  readonly #clients = new Map<string, Promise<InvocationsClient>>();
  readonly #responses = new RecentValues<string, EntityReportResponse>(MAX_RESPONSES);

  /**
   * Builds the service from the root config (`ssmInvocations` and `aws` blocks).
   *
   * @example
   * ```ts
   * DefaultSsmInvocationsService.fromConfig(config, { logger, cache });
   * ```
   */
  static fromConfig(
    config: Config,
    options: DefaultSsmInvocationsServiceOptions,
  ): DefaultSsmInvocationsService {
    return new DefaultSsmInvocationsService(
      readSsmInvocationsConfig(config),
      options.credentialsManager ?? DefaultAwsCredentialsManager.fromConfig(config),
      options.logger,
      options.cache,
    );
  }

  private constructor(
    settings: SsmInvocationsConfig,
    credentialsManager: AwsCredentialsManager,
    logger: LoggerService,
    cache: CacheService,
  ) {
    this.#settings = settings;
    this.#credentialsManager = credentialsManager;
    this.#logger = logger;
    this.#cache = new CoalescingCache(cache, settings.cacheTtlMs, logger);
  }

  async getEntityReport(
    entity: Entity,
    options: EntityReportQuery = {},
  ): Promise<EntityReportResponse> {
    const executions =
      validateInteger(
        options.executions,
        'executions',
        REPORT_LIMITS.executions.min,
        this.#settings.maxExecutionsPerWindow,
      ) ?? this.#settings.executionsPerWindow;
    const statuses = validateStatuses(options.statuses, 'statuses');
    const windows = await this.#resolveWindows(entity);
    const failures: unknown[] = [];
    const entries = await Promise.all(
      windows.map(async (window): Promise<EntityWindowReport> => {
        if ('error' in window) {
          failures.push(window.error);
          return {
            windowArn: window.windowArn,
            region: '',
            accountId: '',
            windowId: '',
            error: this.#toReportError(window.error),
          };
        }
        try {
          const report = await this.#cache.getParsed<Serialized<WindowReport>>(
            [
              'report',
              CACHE_VERSION,
              window.accountId,
              window.region,
              window.windowId,
              executions,
              [...(statuses ?? [])].sort().join('+'),
            ].join(':'),
            async () => {
              const client = await this.#clientFor(window);
              const report = await client.getWindowReport({
                windowId: window.windowId,
                executions,
                ...(statuses ? { statuses } : {}),
              });
              return JSON.stringify(report);
            },
          );
          return { ...window, report };
        } catch (error) {
          failures.push(error);
          return { ...window, error: this.#toReportError(error) };
        }
      }),
    );
    // When nothing loaded because SSM throttled us, say so with a retryable status instead of a
    // 200 full of errors; the caller then backs off as Retry-After asks.
    const [firstFailure] = failures;
    if (
      entries.length > 0 &&
      failures.length === entries.length &&
      failures.every((failure) => failure instanceof ThrottledError)
    ) {
      throw firstFailure;
    }
    if (failures.length > 0) return { windows: entries };
    return this.#unchangedOrNew(
      [stringifyEntityRef(entity), executions, [...(statuses ?? [])].sort().join('+')].join(':'),
      entries,
    );
  }

  /**
   * The response served last time for this entity and query if every window's report is the
   * same object as then (the parsed-report memo keeps them identical while the cache holds the
   * same text), else a new one. A stable object lets the router reuse its encoded body.
   */
  #unchangedOrNew(key: string, windows: EntityWindowReport[]): EntityReportResponse {
    const previous = this.#responses.get(key);
    if (
      previous &&
      previous.windows.length === windows.length &&
      previous.windows.every(
        (window, index) =>
          window.windowArn === windows[index]?.windowArn &&
          window.report === windows[index]?.report,
      )
    ) {
      return previous;
    }
    const response = { windows };
    this.#responses.set(key, response);
    return response;
  }

  async getEntityInvocation(
    entity: Entity,
    ids: InvocationIds,
  ): Promise<Serialized<InvocationRecord>> {
    const windowExecutionId = validateUuidId(ids.windowExecutionId, 'windowExecutionId');
    const taskId = validateUuidId(ids.taskId, 'taskId');
    const invocationId = validateUuidId(ids.invocationId, 'invocationId');
    const windows = (await this.#resolveWindows(entity)).filter(
      (window): window is WindowLocation => !('error' in window),
    );
    const owner = await this.#findExecutionOwner(windows, windowExecutionId);
    if (!owner) {
      throw new NotFoundError(
        `Window execution ${windowExecutionId} does not belong to a maintenance window annotated on ${stringifyEntityRef(entity)}`,
      );
    }
    return this.#cache.getParsed<Serialized<InvocationRecord>>(
      [
        'invocation',
        CACHE_VERSION,
        owner.accountId,
        owner.region,
        windowExecutionId,
        taskId,
        invocationId,
      ].join(':'),
      async () => {
        const client = await this.#clientFor(owner);
        return JSON.stringify(
          await client.getInvocation({ windowExecutionId, taskId, invocationId }),
        );
      },
    );
  }

  /**
   * The annotated window that ran `windowExecutionId`, if any, looked up per account and region.
   * Which window ran an execution never changes, so the answer is cached per candidate set.
   */
  async #findExecutionOwner(
    windows: WindowLocation[],
    windowExecutionId: string,
  ): Promise<WindowLocation | undefined> {
    const byLocation = new Map<string, WindowLocation[]>();
    for (const window of windows) {
      const key = `${window.accountId}:${window.region}`;
      byLocation.set(key, [...(byLocation.get(key) ?? []), window]);
    }
    for (const candidates of byLocation.values()) {
      const [first] = candidates;
      if (!first) continue;
      const ownerId = await this.#cache.get(
        [
          'owner',
          CACHE_VERSION,
          first.accountId,
          first.region,
          windowExecutionId,
          candidates
            .map((window) => window.windowId)
            .sort()
            .join('+'),
        ].join(':'),
        async () => {
          const client = await this.#clientFor(first);
          const windowIds = candidates.map((window) => window.windowId);
          // '' caches "none of them": which window ran an execution never changes.
          return (await client.findExecutionWindow({ windowExecutionId, windowIds })) ?? '';
        },
      );
      const owner = candidates.find((window) => window.windowId === ownerId);
      if (owner) return owner;
    }
    return undefined;
  }

  async #resolveWindows(entity: Entity): Promise<Array<WindowLocation | UnresolvedWindow>> {
    const annotated = readAnnotatedWindows(entity);
    const fromArns = annotated.arns.map((arn): WindowLocation | UnresolvedWindow => {
      try {
        const { region, accountId, windowId } = parseMaintenanceWindowArn(arn, 'annotation');
        return { windowArn: arn, region, accountId, windowId };
      } catch (error) {
        return { windowArn: arn, error: this.#asCoreError(error) };
      }
    });
    if (annotated.ids.length === 0) return fromArns;
    const region = annotated.region ?? this.#settings.region;
    const accountId = this.#settings.accountId ?? (await this.#defaultAccountId());
    const fromIds = annotated.ids.map((id): WindowLocation | UnresolvedWindow => {
      try {
        const windowId = validateWindowId(id, ANNOTATION_SSM_WINDOW_ID);
        if (!region) {
          throw new InvalidInputError(
            ANNOTATION_SSM_REGION,
            `is needed for window ${windowId} (or set ssmInvocations.region)`,
          );
        }
        if (!accountId) {
          throw new InvalidInputError(
            'ssmInvocations.accountId',
            `is needed for window ${windowId} (or an aws.mainAccount with a known account id)`,
          );
        }
        const windowArn = formatMaintenanceWindowArn({ region, accountId, windowId });
        return { windowArn, region, accountId, windowId };
      } catch (error) {
        return { windowArn: id, error: this.#asCoreError(error) };
      }
    });
    return [...fromArns, ...fromIds];
  }

  async #defaultAccountId(): Promise<string | undefined> {
    try {
      return (await this.#credentialsManager.getCredentialProvider()).accountId;
    } catch (error) {
      this.#logger.warn(`ssm-invocations: no default AWS account: ${String(error)}`);
      return undefined;
    }
  }

  #clientFor(window: WindowLocation): Promise<InvocationsClient> {
    const key = `${window.accountId}:${window.region}`;
    let client = this.#clients.get(key);
    if (!client) {
      client = this.#createClient(window);
      // A failed credentials lookup is retried by the next request rather than remembered.
      client.catch(() => this.#clients.delete(key));
      this.#clients.set(key, client);
    }
    return client;
  }

  async #createClient({ accountId, region }: WindowLocation): Promise<InvocationsClient> {
    const { sdkCredentialProvider } = await this.#credentialsManager.getCredentialProvider({
      accountId,
    });
    const { endpoint, maxAttempts, maxConcurrency, requestsPerSecond } = this.#settings;
    return createInvocationsClient({
      region,
      credentials: sdkCredentialProvider,
      ...(endpoint ? { endpoint } : {}),
      ...(maxAttempts ? { maxAttempts } : {}),
      ...(maxConcurrency ? { maxConcurrency } : {}),
      ...(requestsPerSecond ? { requestsPerSecond } : {}),
    });
  }

  #asCoreError(error: unknown): SsmInvocationsError {
    if (error instanceof SsmInvocationsError) return error;
    this.#logger.error(`ssm-invocations: unexpected error: ${String(error)}`);
    return new SsmInvocationsError('SERVICE_ERROR', 'Unexpected error; see the backend logs');
  }

  #toReportError(error: unknown): WindowReportError {
    const known = this.#asCoreError(error);
    if (known.code !== 'INVALID_INPUT' && known.code !== 'NOT_FOUND') {
      this.#logger.warn(`ssm-invocations: window report failed: ${known.name}: ${known.message}`);
    }
    return toReportError(known);
  }
}
