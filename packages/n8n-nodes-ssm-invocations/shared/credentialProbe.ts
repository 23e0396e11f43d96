import {
  credentialFault,
  parseAwsJsonError,
  redactSecrets,
  type CredentialFault,
  type CredentialFaultRule,
} from '@ssm-invocations/core/json';
import { CREDENTIAL_FIELD_LABELS, SsmCredentialError } from './awsRequestSigning';

/**
 * Tells credential mistakes apart from one signed DescribeMaintenanceWindows call. AWS answers
 * every one of them with HTTP 400, so n8n's declarative credential test cannot: the error in the
 * body can, and core's `credentialFault` says which setting it points at. This file words it.
 */

/** What a probe of SSM returned: an HTTP answer, or a network error code (e.g. ENOTFOUND). */
export type ProbeOutcome =
  { status: number; body: string } | { networkError: string | undefined; message: string };

/**
 * The error naming the credential field to fix, from a probe's outcome; `undefined` when the
 * key, secret and region were accepted (even if the key lacks a permission or SSM was busy —
 * the real call reports those). What AWS said is quoted through core's `redactSecrets`, with the
 * probe's own credential values (`secrets`) redacted too: AWS answers a bad signature with the
 * canonical request, signed session token included.
 *
 * @example
 * ```ts
 * diagnoseProbe({ status: 400, body: '{"__type":"UnrecognizedClientException"}' }, 'eu-west-1');
 * // SsmCredentialError('Access Key ID: AWS does not recognise this key …')
 * ```
 */
export function diagnoseProbe(
  outcome: ProbeOutcome,
  region: string,
  endpoint: string,
  secrets: readonly (string | undefined)[] = [],
): SsmCredentialError | undefined {
  const problem = diagnose(outcome, region, endpoint);
  return problem && new SsmCredentialError(problem[0], redactSecrets(problem[1], secrets));
}

/** The credential field to fix (none: the credential is fine) and what is wrong. */
type Diagnosis = [field: keyof typeof CREDENTIAL_FIELD_LABELS | undefined, rule: string];

function diagnose(outcome: ProbeOutcome, region: string, endpoint: string): Diagnosis | undefined {
  if ('networkError' in outcome) {
    if (outcome.networkError === 'ENOTFOUND' || outcome.networkError === 'EAI_AGAIN') {
      return [
        'region',
        `no SSM endpoint answers for '${region}' (${endpoint} does not resolve); check the region name`,
      ];
    }
    return [
      'endpoint',
      `${endpoint} could not be reached (${outcome.networkError ?? outcome.message})`,
    ];
  }
  if (outcome.status < 400) return undefined;
  // Core reads AWS JSON errors the way the SDK does, and decides what they say about the keys.
  const error = parseAwsJsonError({ status: outcome.status, headers: {}, body: outcome.body });
  const fault = credentialFault(error);
  if (fault === undefined) return undefined;
  const said = `AWS said: ${error.message ?? error.code ?? ''}`;
  return [fault.setting, `${WORDING[fault.rule]({ region, endpoint })}. ${said}`];
}

/** Where the credential pointed, when known, for naming it in the words below. */
interface Where {
  region?: string;
  endpoint?: string;
}

/** What each of core's credential fault rules means for this credential's fields. */
const WORDING: Record<CredentialFaultRule, (where: Where) => string> = {
  'unknown-key': ({ region }) =>
    `AWS does not recognise this key (or its Session Token)${region ? ` in region '${region}'` : ''}`,
  expired: () => 'the temporary credentials have expired',
  'signature-mismatch': () => 'it does not match the Access Key ID',
  'wrong-region': ({ region, endpoint }) =>
    region && endpoint
      ? `'${region}' is not the region of ${endpoint}`
      : "the requests are signed for another region than the endpoint's",
  'clock-skew': () =>
    "AWS refused the request's time: the clock of the n8n host is more than 5 minutes off",
};

/**
 * The credential error for a fault core found in an SSM answer at run time (the same words as
 * the credential test), quoting what AWS said (already redacted by core).
 *
 * @example
 * ```ts
 * credentialFaultError({ setting: 'region', rule: 'wrong-region' }, 'AWS said: …');
 * // SsmCredentialError('Region: the requests are signed for another region than the endpoint's. AWS said: …')
 * ```
 */
export function credentialFaultError(fault: CredentialFault, said: string): SsmCredentialError {
  return new SsmCredentialError(fault.setting, `${WORDING[fault.rule]({})}. ${said}`);
}
