import type { Entity } from '@backstage/catalog-model';

/**
 * Comma-separated maintenance window ARNs
 * (`arn:aws:ssm:<region>:<account>:maintenancewindow/mw-…`) that belong to an entity.
 *
 * @example
 * ```yaml
 * metadata:
 *   annotations:
 *     aws.amazon.com/ssm-maintenance-window-arn: arn:aws:ssm:eu-west-1:123456789012:maintenancewindow/mw-0123456789abcdef0
 * ```
 */
export const ANNOTATION_SSM_WINDOW_ARN = 'aws.amazon.com/ssm-maintenance-window-arn';

/**
 * Comma-separated maintenance window ids, in the backend's default account (region from
 * {@link ANNOTATION_SSM_REGION} or the backend's default region).
 *
 * @example
 * ```yaml
 * aws.amazon.com/ssm-maintenance-window-id: mw-0123456789abcdef0
 * ```
 */
export const ANNOTATION_SSM_WINDOW_ID = 'aws.amazon.com/ssm-maintenance-window-id';

/**
 * Region of the windows named by {@link ANNOTATION_SSM_WINDOW_ID}.
 *
 * @example
 * ```yaml
 * aws.amazon.com/ssm-region: eu-west-1
 * ```
 */
export const ANNOTATION_SSM_REGION = 'aws.amazon.com/ssm-region';

/**
 * Whether an entity names at least one maintenance window, i.e. whether the card has something
 * to show. Use it with `EntitySwitch` (legacy app) — the new frontend system's card uses the
 * same rule as its `filter`.
 *
 * @example
 * ```tsx
 * <EntitySwitch.Case if={isSsmInvocationsAvailable}>
 *   <EntitySsmInvocationsCard />
 * </EntitySwitch.Case>
 * ```
 */
export function isSsmInvocationsAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return [ANNOTATION_SSM_WINDOW_ARN, ANNOTATION_SSM_WINDOW_ID].some(
    (key) => (annotations[key] ?? '').trim() !== '',
  );
}
