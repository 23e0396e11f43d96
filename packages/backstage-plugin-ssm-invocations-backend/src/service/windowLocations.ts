import type { Entity } from '@backstage/catalog-model';
import { InvalidInputError } from '@ssm-invocations/core';
import {
  ANNOTATION_SSM_REGION,
  ANNOTATION_SSM_WINDOW_ID,
  readAnnotatedWindows,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import {
  formatMaintenanceWindowArn,
  parseMaintenanceWindowArn,
  validateWindowId,
} from '@ssm-invocations/core/model';

/** A window an entity names, resolved to the account and region to ask. */
export interface WindowLocation {
  windowArn: string;
  region: string;
  accountId: string;
  windowId: string;
}

/** An annotation value that could not be resolved; reported as that window's error. */
export interface UnresolvedWindow {
  windowArn: string;
  error: unknown;
}

/** Where id-annotated windows live when the entity does not say. */
export interface WindowDefaults {
  region?: string;
  accountId?: string;
  /** The main account's id, asked only when an id annotation needs it. */
  defaultAccountId: () => Promise<string | undefined>;
}

/**
 * The windows an entity's annotations name: ARNs as given, ids with the annotated (or configured)
 * region and the configured (or main) account. A bad value becomes that window's error only.
 *
 * @example
 * ```ts
 * const windows = await resolveWindows(entity, { region: 'eu-west-1', defaultAccountId });
 * ```
 */
export async function resolveWindows(
  entity: Entity,
  defaults: WindowDefaults,
): Promise<Array<WindowLocation | UnresolvedWindow>> {
  const annotated = readAnnotatedWindows(entity);
  const fromArns = annotated.arns.map((arn): WindowLocation | UnresolvedWindow => {
    try {
      const { region, accountId, windowId } = parseMaintenanceWindowArn(arn, 'annotation');
      return { windowArn: arn, region, accountId, windowId };
    } catch (error) {
      return { windowArn: arn, error };
    }
  });
  if (annotated.ids.length === 0) return fromArns;
  const region = annotated.region ?? defaults.region;
  const accountId = defaults.accountId ?? (await defaults.defaultAccountId());
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
      return { windowArn: id, error };
    }
  });
  return [...fromArns, ...fromIds];
}
