import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  entityDiagnosisPath,
  entityInvocationPath,
  entityReportPath,
  entityTaskTargetsPath,
  SSM_INVOCATIONS_PLUGIN_ID,
  type EntityDiagnosisResponse,
  type EntityInvocationResponse,
  type EntityReportQuery,
  type EntityReportResponse,
  type EntityTaskTargetsResponse,
  type InvocationIds,
  type TaskIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import type { SsmInvocationsApi } from './SsmInvocationsApi';

/**
 * {@link SsmInvocationsApi} over HTTP: finds the backend through `discoveryApi` and calls it with
 * `fetchApi` (which adds the user's Backstage token). Non-2xx answers throw `ResponseError`,
 * whose `statusCode` and `body.error` keep what the backend said.
 *
 * @example
 * ```ts
 * const client = new SsmInvocationsClient({ discoveryApi, fetchApi });
 * const { windows } = await client.getEntityReport({ kind: 'component', namespace: 'default', name: 'payments' });
 * ```
 *
 * @public
 */
export class SsmInvocationsClient implements SsmInvocationsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  /** {@inheritDoc SsmInvocationsApi.getEntityReport} */
  async getEntityReport(
    entity: CompoundEntityRef,
    options: EntityReportQuery & { signal?: AbortSignal } = {},
  ): Promise<EntityReportResponse> {
    const { signal, ...query } = options;
    return this.get<EntityReportResponse>(entityReportPath(entity, query), signal);
  }

  /** {@inheritDoc SsmInvocationsApi.getInvocation} */
  async getInvocation(
    entity: CompoundEntityRef,
    ids: InvocationIds,
    options: { signal?: AbortSignal } = {},
  ): Promise<EntityInvocationResponse> {
    return this.get<EntityInvocationResponse>(entityInvocationPath(entity, ids), options.signal);
  }

  /** {@inheritDoc SsmInvocationsApi.getDiagnosis} */
  async getDiagnosis(
    entity: CompoundEntityRef,
    ids: InvocationIds,
    options: { signal?: AbortSignal } = {},
  ): Promise<EntityDiagnosisResponse> {
    return this.get<EntityDiagnosisResponse>(entityDiagnosisPath(entity, ids), options.signal);
  }

  /** {@inheritDoc SsmInvocationsApi.getTaskTargets} */
  async getTaskTargets(
    entity: CompoundEntityRef,
    ids: TaskIds,
    options: { nextToken?: string; signal?: AbortSignal } = {},
  ): Promise<EntityTaskTargetsResponse> {
    const { signal, nextToken } = options;
    const page = nextToken === undefined ? {} : { nextToken };
    return this.get<EntityTaskTargetsResponse>(entityTaskTargetsPath(entity, ids, page), signal);
  }

  private async get<T>(path: string, signal: AbortSignal | undefined): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(SSM_INVOCATIONS_PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      headers: { accept: 'application/json' },
      signal,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
