// The catalog annotations naming an entity's maintenance windows: the backend resolves them, the
// card shows itself only for entities that carry one. They are Backstage words, so they live here
// and not in core (core keeps deprecated copies for one minor version).

/**
 * One or more maintenance window ARNs, comma-separated; account and region come from each ARN.
 *
 * @example
 * ```yaml
 * metadata:
 *   annotations:
 *     aws.amazon.com/ssm-maintenance-window-arn: arn:aws:ssm:us-east-1:123456789012:maintenancewindow/mw-0123456789abcdef0
 * ```
 *
 * @public
 */
export const ANNOTATION_SSM_WINDOW_ARN = 'aws.amazon.com/ssm-maintenance-window-arn';

/**
 * One or more maintenance window ids, comma-separated; account and region come from the backend's
 * configuration (region also from {@link ANNOTATION_SSM_REGION}).
 *
 * @example
 * ```yaml
 * metadata:
 *   annotations:
 *     aws.amazon.com/ssm-maintenance-window-id: mw-0123456789abcdef0
 *     aws.amazon.com/ssm-region: eu-west-1
 * ```
 *
 * @public
 */
export const ANNOTATION_SSM_WINDOW_ID = 'aws.amazon.com/ssm-maintenance-window-id';

/**
 * The region of the windows named by {@link ANNOTATION_SSM_WINDOW_ID}.
 *
 * @example
 * ```ts
 * entity.metadata.annotations?.[ANNOTATION_SSM_REGION]; // 'eu-west-1'
 * ```
 *
 * @public
 */
export const ANNOTATION_SSM_REGION = 'aws.amazon.com/ssm-region';

/**
 * The part of a catalog entity the annotation readers use (structural, so a Backstage `Entity`
 * fits and this package needs no catalog-model dependency).
 *
 * @example
 * ```ts
 * const entity: AnnotatedEntity = { metadata: { annotations: {} } };
 * ```
 *
 * @public
 */
export interface AnnotatedEntity {
  /** The entity's metadata; only its annotations are read. */
  metadata: { annotations?: Record<string, string> };
}

/**
 * The raw maintenance-window annotations of an entity, split on commas. Values are not checked
 * here: the backend checks each one with the core's parsers so one bad value only fails its own
 * window.
 *
 * @example
 * ```ts
 * const windows: AnnotatedWindows = { arns: [], ids: ['mw-0123456789abcdef0'], region: 'eu-west-1' };
 * ```
 *
 * @public
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
 *
 * @public
 */
export function readAnnotatedWindows(entity: AnnotatedEntity): AnnotatedWindows {
  const annotations = entity.metadata.annotations ?? {};
  const region = annotations[ANNOTATION_SSM_REGION]?.trim();
  return {
    arns: splitList(annotations[ANNOTATION_SSM_WINDOW_ARN]),
    ids: splitList(annotations[ANNOTATION_SSM_WINDOW_ID]),
    ...(region ? { region } : {}),
  };
}

/**
 * Whether an entity names at least one maintenance window (a non-empty ARN or id annotation):
 * the condition for showing the card (`EntitySwitch`, an entity card's `filter`). It does not
 * check the values; the backend reports a bad one as that window's error.
 *
 * @example
 * ```tsx
 * <EntitySwitch.Case if={isSsmInvocationsAvailable}>
 *   <EntitySsmInvocationsCard />
 * </EntitySwitch.Case>
 * ```
 *
 * @public
 */
export function isSsmInvocationsAvailable(entity: AnnotatedEntity): boolean {
  const { arns, ids } = readAnnotatedWindows(entity);
  return arns.length + ids.length > 0;
}
