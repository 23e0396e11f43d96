/**
 * STS `AssumeRole` as the emulator plays it: the input checked against the constraints of AWS's
 * STS service model (API version 2011-06-15, `AssumeRoleRequest`: `arnType` 20–2048,
 * `roleSessionNameType` 2–64 `[\w+=,.@-]*`, `roleDurationSecondsType` 900–43200,
 * `externalIdType` 2–1224 `[\w+=,.@:\/-]*`), the role allow-list, the roles' MaxSessionDuration
 * and the required ExternalId of {@link StsOptions}, and fresh `ASIA…` keys with a session token. The wire (form in, XML out,
 * SigV4 for service `sts`) is `http/sts.ts`.
 */
import { randomBytes } from 'node:crypto';
import type { IntegerShape, StringShape } from './service-shapes';

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
  /**
   * The roles' MaxSessionDuration (IAM allows 3600–43200): one value for every role, or one per
   * role ARN (roles not listed get 3600). A longer `DurationSeconds` is a `ValidationError`.
   * Default 3600, as for a role created without one.
   */
  maxSessionDurationSeconds?: number | Record<string, number>;
}

/** The `AssumeRole` input members the emulator reads, with their model constraints. */
export const ASSUME_ROLE_SHAPES = {
  RoleArn: { type: 'string', min: 20, max: 2048 },
  RoleSessionName: { type: 'string', min: 2, max: 64, pattern: '^[\\w+=,.@-]*$' },
  ExternalId: { type: 'string', min: 2, max: 1224, pattern: '^[\\w+=,.@:\\/-]*$' },
  DurationSeconds: { type: 'integer', min: 900, max: 43200 },
} as const satisfies Record<string, StringShape | IntegerShape>;

/** Only IAM roles can be assumed; the account is the ARN's fifth field. */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const DEFAULT_DURATION_SECONDS = 3600;
/** A role's MaxSessionDuration unless set, and the cap of a session assumed by role chaining. */
const DEFAULT_MAX_SESSION_SECONDS = 3600;
/** The range IAM accepts for a role's MaxSessionDuration. */
export const MAX_SESSION_DURATION_RANGE = { min: 3600, max: 43200 } as const;

/**
 * An `AssumeRole` refusal: the query-protocol error code and its HTTP status.
 *
 * @example
 * ```ts
 * throw new StsFault('AccessDenied', 403, 'not authorized');
 * ```
 */
export class StsFault extends Error {
  override name = 'StsFault';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a granted `AssumeRole` hands out. */
export interface AssumedRole {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAtMs: number;
  account: string;
  partition: string;
  roleName: string;
  sessionName: string;
}

/** The `ValidationError` STS answers for a member outside its model constraint. */
function invalid(member: string, value: string, constraint: string): StsFault {
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  return new StsFault(
    'ValidationError',
    400,
    `1 validation error detected: Value '${value}' at '${name}' failed to satisfy constraint: Member must ${constraint}`,
  );
}

function checkString(member: keyof typeof ASSUME_ROLE_SHAPES, value: string): void {
  const shape: StringShape | IntegerShape = ASSUME_ROLE_SHAPES[member];
  if (shape.type !== 'string') return;
  const { min = 0, max = Infinity, pattern } = shape;
  if (value.length < min || value.length > max) {
    throw invalid(member, value, `have length between ${min} and ${max}`);
  }
  if (pattern !== undefined && !new RegExp(pattern).test(value)) {
    throw invalid(member, value, `satisfy regular expression pattern: ${pattern.slice(1, -1)}`);
  }
}

/** What STS's validation says of a required member that is absent. */
function missing(member: string): StsFault {
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  return new StsFault(
    'ValidationError',
    400,
    `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
  );
}

/** The role's MaxSessionDuration under `options`. */
function maxSessionSeconds(options: StsOptions, roleArn: string): number {
  const max = options.maxSessionDurationSeconds;
  if (typeof max === 'number') return max;
  return max?.[roleArn] ?? DEFAULT_MAX_SESSION_SECONDS;
}

function randomKeyId(): string {
  return `ASIA${[...randomBytes(16)].map((byte) => KEY_ALPHABET[byte % 32]).join('')}`;
}

/**
 * Grants or refuses one `AssumeRole` call (its form parameters), throwing {@link StsFault}.
 * `roleChaining`: the caller signed with temporary (`ASIA…`) credentials, which caps the
 * session at one hour.
 *
 * @example
 * ```ts
 * const role = assumeRole(new URLSearchParams(body), { roleArns: [arn] }, Date.now());
 * ```
 */
export function assumeRole(
  form: URLSearchParams,
  options: StsOptions,
  nowMs: number,
  roleChaining = false,
): AssumedRole {
  const roleArn = form.get('RoleArn');
  const sessionName = form.get('RoleSessionName');
  const externalId = form.get('ExternalId') ?? undefined;
  const durationText = form.get('DurationSeconds');
  if (roleArn === null) throw missing('RoleArn');
  if (sessionName === null) throw missing('RoleSessionName');
  checkString('RoleArn', roleArn);
  const account = ROLE_ARN.exec(roleArn)?.[1];
  if (account === undefined) throw new StsFault('ValidationError', 400, `${roleArn} is invalid`);
  checkString('RoleSessionName', sessionName);
  if (externalId !== undefined) checkString('ExternalId', externalId);
  const duration = durationText === null ? DEFAULT_DURATION_SECONDS : Number(durationText);
  const { min, max } = ASSUME_ROLE_SHAPES.DurationSeconds;
  if (!Number.isInteger(duration) || duration < min || duration > max) {
    throw invalid('DurationSeconds', String(durationText), `have value between ${min} and ${max}`);
  }
  const allowed = options.roleArns === undefined || options.roleArns.includes(roleArn);
  const externalIdOk = options.externalId === undefined || externalId === options.externalId;
  if (!allowed || !externalIdOk) {
    throw new StsFault(
      'AccessDenied',
      403,
      `User: arn:aws:iam::${account}:user/emulator is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  }
  // Checked once the caller may assume the role: its MaxSessionDuration is the role's business.
  // STS's wording as reported by its users (kreuzwerker/awsu#27 and AWS's role-chaining docs).
  if (roleChaining && duration > DEFAULT_MAX_SESSION_SECONDS) {
    throw new StsFault(
      'ValidationError',
      400,
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (duration > maxSessionSeconds(options, roleArn)) {
    throw new StsFault(
      'ValidationError',
      400,
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  return {
    accessKeyId: randomKeyId(),
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(96).toString('base64')}`,
    expiresAtMs: nowMs + duration * 1000,
    account,
    partition: roleArn.split(':')[1] ?? 'aws',
    roleName: roleArn.slice(roleArn.lastIndexOf('/') + 1),
    sessionName,
  };
}
