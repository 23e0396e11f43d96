/**
 * What the ssm-invocations Backstage plugins share: the catalog annotations, the backend's HTTP
 * response bodies and the route paths. Imports no AWS SDK (only types of `@ssm-invocations/core/model`), so the frontend
 * bundle stays free of it.
 *
 * @packageDocumentation
 */
export type {
  EntityInvocationResponse,
  EntityReportQuery,
  EntityReportResponse,
  EntityTaskTargetsResponse,
  EntityWindowReport,
  InvocationIds,
  TaskIds,
  WindowReportError,
} from './responses';
export type {
  DiagnosisCommandOutput,
  DiagnosisInstance,
  EntityDiagnosis,
  EntityDiagnosisResponse,
  ReportInvocation,
} from './diagnosisResponse';
export {
  ANNOTATION_SSM_WINDOW_ARN,
  ANNOTATION_SSM_WINDOW_ID,
  ANNOTATION_SSM_REGION,
  isSsmInvocationsAvailable,
  readAnnotatedWindows,
  type AnnotatedEntity,
  type AnnotatedWindows,
} from './annotations';
export { SSM_INVOCATIONS_IAM_ACTIONS, SSM_OWNERSHIP_TAG_IAM_ACTION } from './iamActions';
export {
  SSM_INVOCATIONS_PERMISSIONS,
  ssmInvocationsOutputReadPermission,
  ssmInvocationsWindowReadPermission,
} from './permissions';
export {
  ENTITY_DIAGNOSIS_ROUTE,
  ENTITY_INVOCATION_ROUTE,
  ENTITY_REPORT_ROUTE,
  ENTITY_TASK_TARGETS_ROUTE,
  SSM_INVOCATIONS_PLUGIN_ID,
  TASK_TARGETS_PAGE_SIZE,
  entityDiagnosisPath,
  entityInvocationPath,
  entityReportPath,
  entityTaskTargetsPath,
  type EntityRouteRef,
} from './routes';
