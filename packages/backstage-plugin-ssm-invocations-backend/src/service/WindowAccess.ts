import type { Config } from '@backstage/config';
import type { WindowLocation } from './windowLocations';
import { WindowRefusedError } from './WindowRefusedError';

/**
 * What {@link WindowAccess} allows.
 *
 * @example
 * ```ts
 * const options: WindowAccessOptions = { configuredAccounts: ['111122223333'], mainAccountId };
 * ```
 */
export interface WindowAccessOptions {
  /** `ssmInvocations.allowedAccounts`; when unset, the configured accounts and the main one. */
  allowedAccounts?: readonly string[];
  /** Accounts named in config: `aws.accounts[].accountId` and `ssmInvocations.accountId`. */
  configuredAccounts: readonly string[];
  /** `ssmInvocations.allowedRegions`; when unset, any region. */
  allowedRegions?: readonly string[];
  /** The main account's id (from `aws.mainAccount` or the default credentials), if known. */
  mainAccountId: () => Promise<string | undefined>;
}

/**
 * Which accounts and regions the backend reads windows in. A catalog entity is text anyone who
 * can publish to the catalog controls, so an annotated ARN alone must not reach every account the
 * backend holds credentials for (e.g. through `aws.accountDefaults` role assumption).
 *
 * @example
 * ```ts
 * const access = new WindowAccess({ configuredAccounts: ['111122223333'], mainAccountId });
 * await access.check(window); // throws WindowRefusedError outside the allowed accounts/regions
 * ```
 */
export class WindowAccess {
  readonly #options: WindowAccessOptions;

  constructor(options: WindowAccessOptions) {
    this.#options = options;
  }

  /** Throws a {@link WindowRefusedError} unless the window's account and region are allowed. */
  async check(window: WindowLocation): Promise<void> {
    const { allowedAccounts, allowedRegions, configuredAccounts } = this.#options;
    if (allowedRegions !== undefined && !allowedRegions.includes(window.region)) {
      throw new WindowRefusedError(
        `Window ${window.windowId} is in region ${window.region}, which ssmInvocations.allowedRegions does not list`,
      );
    }
    if (allowedAccounts !== undefined) {
      if (allowedAccounts.includes(window.accountId)) return;
      throw new WindowRefusedError(
        `Window ${window.windowId} is in account ${window.accountId}, which ssmInvocations.allowedAccounts does not list`,
      );
    }
    if (configuredAccounts.includes(window.accountId)) return;
    if ((await this.#options.mainAccountId()) === window.accountId) return;
    throw new WindowRefusedError(
      `Window ${window.windowId} is in account ${window.accountId}, which is not configured under aws (set ssmInvocations.allowedAccounts to allow it)`,
    );
  }
}

/**
 * The accounts named in config: `aws.accounts[].accountId` and `ssmInvocations.accountId` (the
 * main account is added at run time, once its id is known).
 *
 * @example
 * ```ts
 * configuredAccounts(config); // ['111122223333', '444455556666']
 * ```
 */
export function configuredAccounts(config: Config): string[] {
  const accounts = (config.getOptionalConfigArray('aws.accounts') ?? []).map((account) =>
    account.getString('accountId'),
  );
  const pinned = config.getOptionalString('ssmInvocations.accountId');
  return pinned === undefined ? accounts : [...accounts, pinned];
}
