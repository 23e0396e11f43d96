import type { CacheService, LifecycleService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import {
  DefaultAwsCredentialsManager,
  type AwsCredentialsManager,
} from '@backstage/integration-aws-node';
import {
  NotFoundError,
  ThrottledError,
  TimeoutError,
  type InvocationsClient,
  type ReportHistoryStore,
} from '@ssm-invocations/core';
import {
  validateInteger,
  validateStatuses,
  REPORT_LIMITS,
  type InvocationRecord,
  type Serialized,
  type WindowReport,
} from '@ssm-invocations/core/model';
import type {
  EntityDiagnosisResponse,
  EntityReportQuery,
  EntityReportResponse,
  EntityTaskTargetsResponse,
  EntityWindowReport,
  InvocationIds,
  TaskIds,
  WindowReportError,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { windowLogContext } from '../requestContext';
import type { CoalescingCache } from './CoalescingCache';
import { diagnosisForCaller } from './diagnosisExposure';
import { findExecutionOwner, type ExecutionOwnerLookup } from './executionOwner';
import { checkInvocationIds, checkTaskIds } from './invocationIds';
import { asKnownError, toWindowReportError, type KnownError } from './knownErrors';
import { withoutSensitiveMembers } from './invocationExposure';
import { createReportCaching } from './reportCaching';
import { reportSummaryForCaller } from './reportSummaries';
import { requestDeadline } from './requestDeadline';
import { SsmInvocationsMetrics } from './SsmInvocationsMetrics';
import { StableResponses } from './StableResponses';
import { fetchTaskTargetsPage, taskTargetsForCaller } from './taskTargetsPage';
import { readSsmInvocationsConfig, type SsmInvocationsConfig } from './config';
import type { EntityDiagnosisOptions, SsmInvocationsCaller, SsmInvocationsService } from './types';
import type { DefaultSsmInvocationsServiceOptions } from './serviceOptions';
import { configuredAccounts, WindowAccess } from './WindowAccess';
import { WindowClients } from './WindowClients';
import { resolveWindows, type UnresolvedWindow, type WindowLocation } from './windowLocations';
import { WindowOwnership } from './WindowOwnership';
import { WindowRefusedError } from './WindowRefusedError';

/** Bumped when the cached JSON's shape changes, so replicas on two versions don't mix. */
const CACHE_VERSION = 'v1';

/**
 * The default {@link SsmInvocationsService}: reports through `@ssm-invocations/core` with
 * credentials from `@backstage/integration-aws-node`, cached in the Backstage cache and coalesced.
 *
 * @example
 * ```ts
 * const service = DefaultSsmInvocationsService.fromConfig(config, { logger, cache });
 * const { windows } = await service.getEntityReport(entity, { executions: 5 });
 * ```
 *
 * @public
 */
export class DefaultSsmInvocationsService implements SsmInvocationsService {
  readonly #settings: SsmInvocationsConfig;
  readonly #logger: LoggerService;
  readonly #credentialsManager: AwsCredentialsManager;
  readonly #cache: CoalescingCache;
  readonly #clients: WindowClients;
  readonly #history?: ReportHistoryStore;
  readonly #access: WindowAccess;
  readonly #ownership?: WindowOwnership;
  /** The main account's id, looked up once it is first needed. */
  #mainAccountId?: Promise<string | undefined>;
  readonly #responses = new StableResponses();

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
      configuredAccounts(config),
      options.credentialsManager ?? DefaultAwsCredentialsManager.fromConfig(config),
      options.logger,
      options.cache,
      new SsmInvocationsMetrics(options.metrics),
      options.lifecycle,
    );
  }

  private constructor(
    settings: SsmInvocationsConfig,
    accounts: string[],
    credentialsManager: AwsCredentialsManager,
    logger: LoggerService,
    cache: CacheService,
    metrics: SsmInvocationsMetrics,
    lifecycle: LifecycleService | undefined,
  ) {
    this.#settings = settings;
    this.#credentialsManager = credentialsManager;
    this.#logger = logger;
    this.#clients = new WindowClients(settings, credentialsManager, metrics);
    const caching = createReportCaching(cache, settings, metrics, logger);
    this.#cache = caching.cache;
    this.#history = caching.history;
    lifecycle?.addShutdownHook(() => caching.close());
    this.#access = new WindowAccess({
      allowedAccounts: settings.allowedAccounts,
      allowedRegions: settings.allowedRegions,
      configuredAccounts: accounts,
      mainAccountId: () => this.#defaultAccountId(),
    });
    if (settings.ownershipTag) {
      this.#ownership = new WindowOwnership(settings.ownershipTag.key, this.#cache);
    }
  }

  /** One deadline for all SSM work of one request: nothing waits for SSM longer than that. */
  #deadline(): AbortSignal {
    return requestDeadline(this.#settings.requestTimeoutMs);
  }

  /**
   * Throws a {@link WindowRefusedError} unless the backend may read this window for this entity:
   * its account and region are allowed (no SSM call) and, with an ownership tag, the tag names the
   * entity or its owner.
   */
  async #checkAccess(
    entity: Entity,
    window: WindowLocation,
    signal: AbortSignal,
    caller: SsmInvocationsCaller | undefined,
  ): Promise<void> {
    await this.#access.check(window);
    await this.#ownership?.check(entity, window, () => this.#clientFor(window), signal, caller);
  }

  /** {@inheritDoc SsmInvocationsService.getEntityReport} */
  async getEntityReport(
    entity: Entity,
    options: EntityReportQuery = {},
    caller?: SsmInvocationsCaller,
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
    const signal = this.#deadline();
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
          await this.#checkAccess(entity, window, signal, caller);
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
              const started = Date.now();
              const report = await client.getWindowReport(
                { windowId: window.windowId, executions, ...(statuses ? { statuses } : {}) },
                {
                  signal,
                  ...(this.#history
                    ? { history: this.#history, historyTtlMs: this.#settings.historyTtlMs }
                    : {}),
                },
              );
              this.#logger.info('ssm-invocations fetched a window report', {
                ...windowLogContext(window),
                executions: report.executions.length,
                durationMs: Date.now() - started,
              });
              return JSON.stringify(report);
            },
            signal,
          );
          return { ...window, report: reportSummaryForCaller(report, this.#settings) };
        } catch (error) {
          const known = this.#asCoreError(error);
          failures.push(known);
          return { ...window, error: this.#toReportError(known) };
        }
      }),
    );
    // When nothing loaded because SSM throttled us or did not answer in time, say so with a 503
    // or 504 instead of a 200 full of errors; the caller then backs off and retries.
    const [firstFailure] = failures;
    for (const kind of [ThrottledError, TimeoutError]) {
      if (
        entries.length > 0 &&
        failures.length === entries.length &&
        failures.every((failure) => failure instanceof kind)
      ) {
        throw firstFailure;
      }
    }
    if (failures.length > 0) return { windows: entries };
    return this.#responses.unchangedOrNew(
      [stringifyEntityRef(entity), executions, [...(statuses ?? [])].sort().join('+')].join(':'),
      entries,
    );
  }

  /** {@inheritDoc SsmInvocationsService.getEntityInvocation} */
  async getEntityInvocation(
    entity: Entity,
    ids: InvocationIds,
    caller?: SsmInvocationsCaller,
  ): Promise<Serialized<InvocationRecord>> {
    const checked = checkInvocationIds(ids);
    const signal = this.#deadline();
    const owner = await this.#executionOwner(entity, checked.windowExecutionId, signal, caller);
    const invocation = await this.#cache
      .getParsed<Serialized<InvocationRecord>>(
        [
          'invocation',
          CACHE_VERSION,
          owner.accountId,
          owner.region,
          checked.windowExecutionId,
          checked.taskId,
          checked.invocationId,
        ].join(':'),
        async () => {
          const client = await this.#clientFor(owner);
          return JSON.stringify(await client.getInvocation(checked, { signal }));
        },
        signal,
      )
      .catch((error: unknown) => {
        throw this.#asCoreError(error);
      });
    return this.#settings.exposeParameters ? invocation : withoutSensitiveMembers(invocation);
  }

  /** {@inheritDoc SsmInvocationsService.getEntityDiagnosis} */
  async getEntityDiagnosis(
    entity: Entity,
    ids: InvocationIds,
    options: EntityDiagnosisOptions,
    caller?: SsmInvocationsCaller,
  ): Promise<EntityDiagnosisResponse> {
    const checked = checkInvocationIds(ids);
    const signal = this.#deadline();
    const owner = await this.#executionOwner(entity, checked.windowExecutionId, signal, caller);
    // Not cached: a running command's output grows, and the card asks only when a row is opened.
    const diagnosis = await this.#clientFor(owner)
      .then((client) => client.diagnoseInvocation(checked, { signal }))
      .catch((error: unknown) => {
        throw this.#asCoreError(error);
      });
    return diagnosisForCaller(diagnosis, {
      includeOutput: options.includeOutput,
      exposeParameters: this.#settings.exposeParameters,
    });
  }

  /** {@inheritDoc SsmInvocationsService.getEntityTaskTargets} */
  async getEntityTaskTargets(
    entity: Entity,
    ids: TaskIds,
    page: { nextToken?: string },
    caller?: SsmInvocationsCaller,
  ): Promise<EntityTaskTargetsResponse> {
    const checked = checkTaskIds(ids);
    const signal = this.#deadline();
    const owner = await this.#executionOwner(entity, checked.windowExecutionId, signal, caller);
    const answer = await fetchTaskTargetsPage(
      this.#ownerLookup(),
      owner,
      checked,
      page,
      signal,
    ).catch((error: unknown) => {
      throw this.#asCoreError(error);
    });
    return taskTargetsForCaller(answer, this.#settings);
  }

  /**
   * The window annotated on the entity (and allowed for it: account, region, ownership tag) that
   * ran `windowExecutionId`; a core `NotFoundError` when none did. The invocation and diagnosis
   * routes share it, so both answer only for the entity's own windows.
   */
  async #executionOwner(
    entity: Entity,
    windowExecutionId: string,
    signal: AbortSignal,
    caller: SsmInvocationsCaller | undefined,
  ): Promise<WindowLocation> {
    const windows: WindowLocation[] = [];
    for (const window of await this.#resolveWindows(entity)) {
      if ('error' in window) continue;
      try {
        await this.#checkAccess(entity, window, signal, caller);
        windows.push(window);
      } catch (error) {
        // A refused window is not the entity's; anything else (SSM down, timeout) is an error.
        if (!(error instanceof WindowRefusedError)) throw this.#asCoreError(error);
      }
    }
    const owner = await findExecutionOwner(
      this.#ownerLookup(),
      windows,
      windowExecutionId,
      signal,
    ).catch((error: unknown) => {
      throw this.#asCoreError(error);
    });
    if (!owner) {
      throw new NotFoundError(
        `Window execution ${windowExecutionId} does not belong to a maintenance window annotated on ${stringifyEntityRef(entity)}`,
      );
    }
    return owner;
  }

  #ownerLookup(): ExecutionOwnerLookup {
    return {
      cache: this.#cache,
      cacheVersion: CACHE_VERSION,
      clientFor: (window: WindowLocation) => this.#clientFor(window),
    };
  }

  async #resolveWindows(entity: Entity): Promise<Array<WindowLocation | UnresolvedWindow>> {
    return resolveWindows(entity, {
      region: this.#settings.region,
      accountId: this.#settings.accountId,
      defaultAccountId: () => this.#defaultAccountId(),
    });
  }

  #defaultAccountId(): Promise<string | undefined> {
    this.#mainAccountId ??= this.#credentialsManager.getCredentialProvider().then(
      (provider) => provider.accountId,
      (error: unknown) => {
        this.#logger.warn(`ssm-invocations: no default AWS account: ${String(error)}`);
        // Asked again next time: the credentials may appear later.
        this.#mainAccountId = undefined;
        return undefined;
      },
    );
    return this.#mainAccountId;
  }

  #clientFor(window: WindowLocation): Promise<InvocationsClient> {
    return this.#clients.clientFor(window);
  }

  #asCoreError(error: unknown): KnownError {
    return asKnownError(error, this.#logger, this.#settings.requestTimeoutMs);
  }

  #toReportError(error: unknown): WindowReportError {
    return toWindowReportError(this.#asCoreError(error), this.#logger);
  }
}
