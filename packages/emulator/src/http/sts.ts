/**
 * The wire of the local STS (AWS query protocol: form-encoded POST without `X-Amz-Target`, XML
 * answers), so clients that assume a role can be tested end to end: the call is SigV4-verified
 * for service `sts` (when verification is on), `protocol/sts-assume-role.ts` grants or refuses
 * it, and the issued `ASIA…` key is registered with the verifier together with its session
 * token — SSM calls signed with it must then carry that token.
 */
import { ServiceError } from '../protocol/service-error';
import {
  assumeRole,
  MAX_SESSION_DURATION_RANGE,
  StsFault,
  type AssumedRole,
  type StsOptions,
} from '../protocol/sts-assume-role';
import { EmulatorOptionsError } from './emulator-options';
import type { SigV4Verifier, SignedRequest } from './sigv4';

/**
 * Whether a request is for STS rather than SSM: form-encoded and without `X-Amz-Target`.
 *
 * @example
 * ```ts
 * if (isStsRequest(contentType, req.headers['x-amz-target'])) answer = sts.handle(request, id);
 * ```
 */
export function isStsRequest(contentType: string, target: string | undefined): boolean {
  return contentType === 'application/x-www-form-urlencoded' && target === undefined;
}

/** An STS answer: HTTP status and XML body. */
export interface StsAnswer {
  status: number;
  body: string;
}

const VERSION = '2011-06-15';
const NAMESPACE = `https://sts.amazonaws.com/doc/${VERSION}/`;
/** The access key id in a SigV4 `Authorization` header, when there is one. */
const CREDENTIAL_KEY = /Credential=([^/,\s]+)\//;

/** The query-protocol error codes and statuses of the SigV4 rejections. */
const SIGNATURE_ERRORS: Record<string, [code: string, status: number]> = {
  MissingAuthenticationTokenException: ['MissingAuthenticationToken', 403],
  IncompleteSignatureException: ['IncompleteSignature', 400],
  InvalidSignatureException: ['SignatureDoesNotMatch', 403],
  UnrecognizedClientException: ['InvalidClientTokenId', 403],
  ExpiredTokenException: ['ExpiredToken', 400],
};

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function errorAnswer(status: number, code: string, message: string, requestId: string): StsAnswer {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return {
    status,
    body: `<ErrorResponse xmlns="${NAMESPACE}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n    <Message>${escapeXml(message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
  };
}

/** Refuses a MaxSessionDuration IAM would not accept. */
function checkMaxSessionDurations(options: StsOptions): void {
  const max = options.maxSessionDurationSeconds;
  const entries: [string, number][] =
    typeof max === 'object'
      ? Object.entries(max).map(([arn, seconds]) => [
          `sts.maxSessionDurationSeconds['${arn}']`,
          seconds,
        ])
      : max === undefined
        ? []
        : [['sts.maxSessionDurationSeconds', max]];
  const { min, max: most } = MAX_SESSION_DURATION_RANGE;
  for (const [name, seconds] of entries) {
    if (!Number.isInteger(seconds) || seconds < min || seconds > most) {
      throw new EmulatorOptionsError(
        `${name} must be an integer from ${min} to ${most}, got ${String(seconds)}`,
      );
    }
  }
}

/**
 * Answers `AssumeRole` calls of API version 2011-06-15; other actions and versions get
 * `InvalidAction`.
 */
export class StsEndpoint {
  readonly #options: StsOptions;
  readonly #verifier: SigV4Verifier | undefined;
  readonly #now: () => number;

  constructor(
    options: StsOptions,
    verifier: SigV4Verifier | undefined,
    now: () => number = Date.now,
  ) {
    checkMaxSessionDurations(options);
    this.#options = options;
    this.#verifier = verifier;
    this.#now = now;
  }

  /** One form-encoded request, already read. */
  handle(request: SignedRequest, requestId: string): StsAnswer {
    const form = new URLSearchParams(request.body.toString('utf8'));
    const action = form.get('Action');
    const version = form.get('Version');
    // The query protocol names an operation by Action and Version together, so AssumeRole
    // without Version=2011-06-15 is no operation STS knows. The code and wording for a missing
    // or other Version are inferred (the same answer as an unknown Action), not confirmed.
    if (action !== 'AssumeRole' || version !== VERSION) {
      return errorAnswer(
        400,
        'InvalidAction',
        `Could not find operation ${action ?? ''} for version ${version ?? ''}`,
        requestId,
      );
    }
    let caller = CREDENTIAL_KEY.exec(String(request.headers.authorization ?? ''))?.[1];
    if (this.#verifier) {
      try {
        caller = this.#verifier.verify(request, 'sts');
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        const [code, status] = SIGNATURE_ERRORS[error.code] ?? [error.code, error.status];
        // The SSM-style mismatch message quotes the canonical request; STS keeps it short.
        const message =
          code === 'SignatureDoesNotMatch' ? (error.message.split('\n')[0] ?? '') : error.message;
        return errorAnswer(status, code, message, requestId);
      }
    }
    let role: AssumedRole;
    try {
      // Temporary (`ASIA…`) keys assuming a role is role chaining.
      role = assumeRole(form, this.#options, this.#now(), caller?.startsWith('ASIA') ?? false);
    } catch (error) {
      if (!(error instanceof StsFault)) throw error;
      return errorAnswer(error.status, error.code, error.message, requestId);
    }
    const { accessKeyId, secretAccessKey, sessionToken, expiresAtMs, account } = role;
    this.#verifier?.addCredential({ accessKeyId, secretAccessKey, sessionToken, expiresAtMs });
    const expiration = new Date(expiresAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const sessionName = escapeXml(role.sessionName);
    return {
      status: 200,
      body: `<AssumeRoleResponse xmlns="${NAMESPACE}">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>${accessKeyId}</AccessKeyId>
      <SecretAccessKey>${escapeXml(secretAccessKey)}</SecretAccessKey>
      <SessionToken>${escapeXml(sessionToken)}</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROAEMULATOR${account}:${sessionName}</AssumedRoleId>
      <Arn>arn:${role.partition}:sts::${account}:assumed-role/${escapeXml(role.roleName)}/${sessionName}</Arn>
    </AssumedRoleUser>
    <PackedPolicySize>0</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>${requestId}</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>
`,
    };
  }
}
