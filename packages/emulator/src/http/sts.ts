/**
 * A local STS `AssumeRole` (AWS query protocol: form-encoded POST, XML answers), so clients that
 * assume a role can be tested end to end: the call is SigV4-verified for service `sts` (when
 * verification is on), the role may be limited to an allow-list and may require an ExternalId,
 * and the issued `ASIA…` key is registered with the verifier together with its session token —
 * SSM calls signed with it must then carry that token.
 */
import { randomBytes } from 'node:crypto';
import { ServiceError } from '../protocol/service-error';
import type { SigV4Verifier, SignedRequest } from './sigv4';

/**
 * Settings of the STS endpoint.
 *
 * @example
 * ```ts
 * await startEmulator({ sts: { roleArns: ['arn:aws:iam::444455556666:role/Reader'], externalId: 'x-7f3c' } });
 * ```
 */
export interface StsOptions {
  /** Only these roles may be assumed (default: any well-formed role ARN). */
  roleArns?: string[];
  /** When set, `AssumeRole` must pass this `ExternalId`. */
  externalId?: string;
}

/** An STS answer: HTTP status and XML body. */
export interface StsAnswer {
  status: number;
  body: string;
}

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

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

function randomKeyId(): string {
  return `ASIA${[...randomBytes(16)].map((byte) => ALPHANUMERIC[byte % 32]).join('')}`;
}

/** Answers `AssumeRole` calls; other actions get `InvalidAction`. */
export class StsEndpoint {
  readonly #options: StsOptions;
  readonly #verifier: SigV4Verifier | undefined;
  readonly #now: () => number;

  constructor(
    options: StsOptions,
    verifier: SigV4Verifier | undefined,
    now: () => number = Date.now,
  ) {
    this.#options = options;
    this.#verifier = verifier;
    this.#now = now;
  }

  /** One form-encoded request, already read. */
  handle(request: SignedRequest, requestId: string): StsAnswer {
    const form = new URLSearchParams(request.body.toString('utf8'));
    const action = form.get('Action');
    if (action !== 'AssumeRole') {
      return errorAnswer(
        400,
        'InvalidAction',
        `Could not find operation ${action ?? ''} for version ${form.get('Version') ?? ''}`,
        requestId,
      );
    }
    if (this.#verifier) {
      try {
        this.#verifier.verify(request, 'sts');
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        const [code, status] = SIGNATURE_ERRORS[error.code] ?? [error.code, error.status];
        // The SSM-style mismatch message quotes the canonical request; STS keeps it short.
        const message =
          code === 'SignatureDoesNotMatch' ? (error.message.split('\n')[0] ?? '') : error.message;
        return errorAnswer(status, code, message, requestId);
      }
    }
    const roleArn = form.get('RoleArn') ?? '';
    const sessionName = form.get('RoleSessionName') ?? '';
    const externalId = form.get('ExternalId') ?? undefined;
    const duration = Number(form.get('DurationSeconds') ?? 3600);
    const account = ROLE_ARN.exec(roleArn)?.[1];
    if (roleArn.length < 20 || account === undefined) {
      return errorAnswer(400, 'ValidationError', `${roleArn} is invalid`, requestId);
    }
    if (!SESSION_NAME.test(sessionName)) {
      return errorAnswer(
        400,
        'ValidationError',
        `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
        requestId,
      );
    }
    if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
      return errorAnswer(
        400,
        'ValidationError',
        `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
        requestId,
      );
    }
    const allowed =
      this.#options.roleArns === undefined || this.#options.roleArns.includes(roleArn);
    const externalIdOk =
      this.#options.externalId === undefined || externalId === this.#options.externalId;
    if (!allowed || !externalIdOk) {
      return errorAnswer(
        403,
        'AccessDenied',
        `User: arn:aws:iam::${account}:user/emulator is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        requestId,
      );
    }

    const expiresAtMs = this.#now() + duration * 1000;
    const accessKeyId = randomKeyId();
    const secretAccessKey = randomBytes(30).toString('base64');
    const sessionToken = `IQoJb3JpZ2luX2Vj${randomBytes(96).toString('base64')}`;
    this.#verifier?.addCredential({ accessKeyId, secretAccessKey, sessionToken, expiresAtMs });
    const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    const partition = roleArn.split(':')[1] ?? 'aws';
    const expiration = new Date(expiresAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
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
      <AssumedRoleId>AROAEMULATOR${account}:${escapeXml(sessionName)}</AssumedRoleId>
      <Arn>arn:${partition}:sts::${account}:assumed-role/${escapeXml(roleName)}/${escapeXml(sessionName)}</Arn>
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
