import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_SSM_REGION,
  ANNOTATION_SSM_WINDOW_ARN,
  ANNOTATION_SSM_WINDOW_ID,
} from '@ssm-invocations/core/model';

/**
 * The raw maintenance-window annotations of an entity, split on commas. Values are not checked
 * here: the service checks each one with the core's parsers so one bad value only fails its own
 * window.
 *
 * @example
 * ```ts
 * readAnnotatedWindows(entity);
 * // { arns: ['arn:aws:ssm:us-east-1:123456789012:maintenancewindow/mw-0123456789abcdef0'], ids: [], region: undefined }
 * ```
 */
export interface AnnotatedWindows {
  /** Values of `aws.amazon.com/ssm-maintenance-window-arn`. */
  arns: string[];
  /** Values of `aws.amazon.com/ssm-maintenance-window-id`. */
  ids: string[];
  /** `aws.amazon.com/ssm-region`, the region of the id-annotated windows. */
  region?: string;
}

function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return [...new Set(items)];
}

/**
 * Reads an entity's maintenance-window annotations.
 *
 * @example
 * ```ts
 * const { arns, ids } = readAnnotatedWindows(entity);
 * if (arns.length + ids.length === 0) console.log('no SSM windows on this entity');
 * ```
 */
export function readAnnotatedWindows(entity: Entity): AnnotatedWindows {
  const annotations = entity.metadata.annotations ?? {};
  const region = annotations[ANNOTATION_SSM_REGION]?.trim();
  return {
    arns: splitList(annotations[ANNOTATION_SSM_WINDOW_ARN]),
    ids: splitList(annotations[ANNOTATION_SSM_WINDOW_ID]),
    ...(region ? { region } : {}),
  };
}
