import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { createInvocationsClient, type InvocationsClient } from '@ssm-invocations/core';
import type { SsmInvocationsConfig } from './config';
import { meteredSsmClient } from './meteredSsmClient';
import type { SsmInvocationsMetrics } from './SsmInvocationsMetrics';
import type { WindowLocation } from './windowLocations';

/**
 * One core client per account and region, each with the credentials of its account and SSM
 * requests counted in the plugin's metrics.
 *
 * @example
 * ```ts
 * const clients = new WindowClients(settings, credentialsManager, metrics);
 * const client = await clients.clientFor({ accountId, region });
 * ```
 */
export class WindowClients {
  readonly #clients = new Map<string, Promise<InvocationsClient>>();

  constructor(
    private readonly settings: SsmInvocationsConfig,
    private readonly credentialsManager: AwsCredentialsManager,
    private readonly metrics: SsmInvocationsMetrics,
  ) {}

  clientFor(window: Pick<WindowLocation, 'accountId' | 'region'>): Promise<InvocationsClient> {
    const key = `${window.accountId}:${window.region}`;
    let client = this.#clients.get(key);
    if (!client) {
      client = this.#create(window);
      // A failed credentials lookup is retried by the next request rather than remembered.
      client.catch(() => this.#clients.delete(key));
      this.#clients.set(key, client);
    }
    return client;
  }

  async #create({
    accountId,
    region,
  }: Pick<WindowLocation, 'accountId' | 'region'>): Promise<InvocationsClient> {
    const { sdkCredentialProvider } = await this.credentialsManager.getCredentialProvider({
      accountId,
    });
    const { endpoint, maxAttempts, maxConcurrency, requestsPerSecond, requestTimeoutMs } =
      this.settings;
    const ssmClient = meteredSsmClient(
      {
        region,
        credentials: sdkCredentialProvider,
        ...(endpoint ? { endpoint } : {}),
        ...(maxAttempts ? { maxAttempts } : {}),
        requestTimeoutMs,
      },
      this.metrics,
    );
    return createInvocationsClient({
      ssmClient,
      ...(maxConcurrency ? { maxConcurrency } : {}),
      ...(requestsPerSecond ? { requestsPerSecond } : {}),
    });
  }
}
