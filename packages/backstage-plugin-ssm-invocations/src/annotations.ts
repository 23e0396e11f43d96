// The annotation names and the "is there anything to show" rule are shared with the backend
// plugin, so they live in @ssm-invocations/core/model; this package re-exports them so that an
// app's entity page needs only this import.
import type { Entity } from '@backstage/catalog-model';
import { isSsmInvocationsAvailable as hasWindowAnnotation } from '@ssm-invocations/core/model';

export {
  ANNOTATION_SSM_WINDOW_ARN,
  ANNOTATION_SSM_WINDOW_ID,
  ANNOTATION_SSM_REGION,
} from '@ssm-invocations/core/model';

/**
 * Whether an entity names at least one maintenance window (a non-empty
 * `aws.amazon.com/ssm-maintenance-window-arn` or `-id` annotation), i.e. whether the card has
 * something to show. Use it with `EntitySwitch` (legacy app); the new frontend system's card
 * uses it as its `filter`.
 *
 * @example
 * ```tsx
 * <EntitySwitch.Case if={isSsmInvocationsAvailable}>
 *   <EntitySsmInvocationsCard />
 * </EntitySwitch.Case>
 * ```
 */
export function isSsmInvocationsAvailable(entity: Entity): boolean {
  return hasWindowAnnotation(entity);
}
