/**
 * Deprecated: the Backstage catalog annotations now live in
 * `@ssm-invocations/backstage-plugin-ssm-invocations-common`, beside the plugins that read them.
 * These copies stay for one minor version so that existing imports keep working; core itself
 * does not use them.
 */

/**
 * One or more maintenance window ARNs, comma-separated; account and region come from each ARN.
 *
 * @deprecated Import it from `@ssm-invocations/backstage-plugin-ssm-invocations-common`; this copy
 * goes in the next minor version.
 *
 * @example
 * ```yaml
 * metadata:
 *   annotations:
 *     aws.amazon.com/ssm-maintenance-window-arn: arn:aws:ssm:us-east-1:123456789012:maintenancewindow/mw-0123456789abcdef0
 * ```
 */
export const ANNOTATION_SSM_WINDOW_ARN = 'aws.amazon.com/ssm-maintenance-window-arn';

/**
 * One or more maintenance window ids, comma-separated; account and region come from the backend's
 * configuration (region also from {@link ANNOTATION_SSM_REGION}).
 *
 * @deprecated Import it from `@ssm-invocations/backstage-plugin-ssm-invocations-common`; this copy
 * goes in the next minor version.
 *
 * @example
 * ```yaml
 * metadata:
 *   annotations:
 *     aws.amazon.com/ssm-maintenance-window-id: mw-0123456789abcdef0
 *     aws.amazon.com/ssm-region: eu-west-1
 * ```
 */
export const ANNOTATION_SSM_WINDOW_ID = 'aws.amazon.com/ssm-maintenance-window-id';

/**
 * The region of the windows named by {@link ANNOTATION_SSM_WINDOW_ID}.
 *
 * @deprecated Import it from `@ssm-invocations/backstage-plugin-ssm-invocations-common`; this copy
 * goes in the next minor version.
 *
 * @example
 * ```ts
 * entity.metadata.annotations?.[ANNOTATION_SSM_REGION]; // 'eu-west-1'
 * ```
 */
export const ANNOTATION_SSM_REGION = 'aws.amazon.com/ssm-region';

/**
 * The part of a Backstage entity the predicate reads (structural, so core needs no Backstage
 * dependency).
 *
 * @deprecated Import it from `@ssm-invocations/backstage-plugin-ssm-invocations-common`; this copy
 * goes in the next minor version.
 *
 * @example
 * ```ts
 * const entity: AnnotatedEntity = { metadata: { annotations: {} } };
 * ```
 */
export interface AnnotatedEntity {
  metadata: { annotations?: Record<string, string> };
}

/**
 * Whether an entity names at least one maintenance window (a non-empty ARN or id annotation):
 * the condition for showing the Backstage card (`EntitySwitch`, an entity card's `filter`). It
 * does not check the values; the backend reports a bad one as that window's error.
 *
 * @deprecated Import it from `@ssm-invocations/backstage-plugin-ssm-invocations-common`; this copy
 * goes in the next minor version.
 *
 * @example
 * ```ts
 * isSsmInvocationsAvailable({ metadata: { annotations: { [ANNOTATION_SSM_WINDOW_ID]: 'mw-0123456789abcdef0' } } }); // true
 * ```
 */
export function isSsmInvocationsAvailable(entity: AnnotatedEntity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return [ANNOTATION_SSM_WINDOW_ARN, ANNOTATION_SSM_WINDOW_ID].some((name) =>
    (annotations[name] ?? '').split(',').some((value) => value.trim().length > 0),
  );
}
