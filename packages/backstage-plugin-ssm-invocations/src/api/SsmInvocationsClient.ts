import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { InvocationRecord, Serialized } from '@ssm-invocations/core/model';
import type { EntityReport, InvocationKey, SsmInvocationsApi } from './SsmInvocationsApi';

/** The backend plugin's id, as registered with `createBackendPlugin`. */
const PLUGIN_ID = 'ssm-invocations';

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
 */
export class SsmInvocationsClient implements SsmInvocationsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityReport(
    entity: CompoundEntityRef,
    options: { executions?: number; signal?: AbortSignal } = {},
  ): Promise<EntityReport> {
    const query =
      options.executions === undefined
        ? ''
        : `?executions=${encodeURIComponent(options.executions)}`;
    return this.get<EntityReport>(`${entityPath(entity)}/report${query}`, options.signal);
  }

  async getInvocation(
    entity: CompoundEntityRef,
    key: InvocationKey,
    options: { signal?: AbortSignal } = {},
  ): Promise<Serialized<InvocationRecord>> {
    const path = [key.windowExecutionId, key.taskId, key.invocationId]
      .map(encodeURIComponent)
      .join('/');
    return this.get<Serialized<InvocationRecord>>(
      `${entityPath(entity)}/invocations/${path}`,
      options.signal,
    );
  }

  private async get<T>(path: string, signal: AbortSignal | undefined): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      headers: { accept: 'application/json' },
      signal,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}

function entityPath(entity: CompoundEntityRef): string {
  // Catalog refs are case-insensitive; the backend looks them up as given.
  return `/v1/entity/${[entity.namespace, entity.kind, entity.name].map(encodeURIComponent).join('/')}`;
}
