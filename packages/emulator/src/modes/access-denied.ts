/**
 * IAM denial as SSM answers it: when the caller's identity-based policy does not allow an
 * action, the request is answered HTTP 400 `AccessDeniedException` before the operation runs,
 * naming the principal, the `ssm:` action and the resource, e.g. "User:
 * arn:aws:sts::123456789012:assumed-role/R/S is not authorized to perform:
 * ssm:GetMaintenanceWindow on resource: arn:aws:ssm:us-east-1:123456789012:* because no
 * identity-based policy allows the ssm:GetMaintenanceWindow action".
 */
import { ServiceError } from '../protocol/service-error';

const ACCOUNT = '123456789012';

/** The principal named in denials (the emulator knows no IAM identities). */
export const DENIED_PRINCIPAL = `arn:aws:sts::${ACCOUNT}:assumed-role/ssm-emulator-caller/session`;

/** The error for `operation` denied by the caller's policy in `region`. */
export function accessDeniedError(operation: string, region = 'us-east-1'): ServiceError {
  const action = `ssm:${operation}`;
  return new ServiceError(
    'AccessDeniedException',
    `User: ${DENIED_PRINCIPAL} is not authorized to perform: ${action} on resource: ` +
      `arn:aws:ssm:${region}:${ACCOUNT}:* because no identity-based policy allows the ${action} action`,
  );
}
