/**
 * Temporary credentials of an assumed role, cached per credential (in memory, keyed by a hash
 * of the credential's keys and role settings) until 5 minutes before they expire, so SSM calls
 * are signed with them without an STS call each time. Concurrent callers share one STS call.
 */
import { createHash } from 'crypto';
import type { IHttpRequestOptions } from 'n8n-workflow';
import { credentialFault, redactSecrets } from '@ssm-invocations/core/json';
import {
  assumeRoleRequest,
  readAssumeRoleAnswer,
  StsError,
  type TemporaryCredentials,
} from './assumeRole';
import { SsmCredentialError, type SsmConnection } from './awsRequestSigning';
import type { AwsCredentials } from './signatureV4';

/** Temporary credentials are renewed this long before their `Expiration`. */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
/** Credentials remembered at most (one per n8n credential with a role, in practice few). */
const MAX_CACHED = 100;

const cache = new Map<string, TemporaryCredentials>();
const inFlight = new Map<string, Promise<TemporaryCredentials>>();
/** Bumped by {@link forgetTemporaryCredentials}: a call started before it caches nothing. */
let generation = 0;

/** Sends one HTTP request and returns its status and text body (n8n's `httpRequest`). */
export type StsHttpRequest = (
  options: IHttpRequestOptions,
) => Promise<{ statusCode: number; body: unknown }>;

function cacheKey(connection: SsmConnection): string {
  const { credentials, assumeRole } = connection;
  return createHash('sha256')
    .update(
      JSON.stringify([
        credentials.accessKeyId,
        credentials.secretAccessKey,
        credentials.sessionToken ?? '',
        assumeRole?.roleArn,
        assumeRole?.externalId ?? '',
        assumeRole?.roleSessionName,
        assumeRole?.stsEndpoint,
      ]),
    )
    .digest('hex');
}

function fresh(temporary: TemporaryCredentials | undefined, nowMs: number): boolean {
  return temporary !== undefined && temporary.expiration.getTime() - RENEW_BEFORE_EXPIRY_MS > nowMs;
}

/**
 * The keys SSM calls are signed with: the connection's own, or the cached temporary keys of its
 * role. Throws (naming Role ARN) when a role is set but no fresh keys are cached — call
 * {@link ensureTemporaryCredentials} first.
 *
 * @example
 * ```ts
 * signSsmHttpRequest(connection, options, undefined, ssmSigningCredentials(connection));
 * ```
 */
export function ssmSigningCredentials(
  connection: SsmConnection,
  nowMs = Date.now(),
): AwsCredentials {
  if (!connection.assumeRole) return connection.credentials;
  const temporary = cache.get(cacheKey(connection));
  if (!fresh(temporary, nowMs) || temporary === undefined) {
    throw new SsmCredentialError(
      'roleArn',
      'no temporary credentials for this role yet (test the credential, or run the node again)',
    );
  }
  return temporary;
}

function problemOf(error: StsError, connection: SsmConnection): SsmCredentialError {
  const { secretAccessKey, sessionToken } = connection.credentials;
  const quoted = redactSecrets(error.message, [secretAccessKey, sessionToken]);
  const said = quoted ? ` STS said: ${quoted}` : '';
  // The signing key's own faults are AWS-wide: core decides them, as for SSM's answers.
  switch (credentialFault(error)?.rule) {
    case 'unknown-key':
      return new SsmCredentialError('accessKeyId', `STS does not recognise this key.${said}`);
    case 'signature-mismatch':
      return new SsmCredentialError(
        'secretAccessKey',
        `it does not match the Access Key ID.${said}`,
      );
    case 'expired':
      return new SsmCredentialError('sessionToken', `the session token has expired.${said}`);
    case 'wrong-region':
      return new SsmCredentialError(
        'stsEndpoint',
        `the key was signed for another region than this STS endpoint's.${said}`,
      );
    case 'clock-skew':
      return new SsmCredentialError(
        undefined,
        `STS refused the request's time: the clock of the n8n host is more than 5 minutes off.${said}`,
      );
    default:
  }
  switch (error.code) {
    case 'AccessDenied':
      return new SsmCredentialError(
        'roleArn',
        `STS denied AssumeRole: check Role ARN, the role's trust policy for this key, and External ID.${said}`,
      );
    case 'RegionDisabledException':
      return new SsmCredentialError(
        'stsEndpoint',
        `STS is not activated for this account in region '${connection.assumeRole?.signingRegion ?? connection.region}'; activate it in IAM or set STS Endpoint to another region's endpoint.${said}`,
      );
    case 'ValidationError':
      // STS names the invalid member only in its message (there is no field for it).
      if (/session ?name/i.test(error.message)) {
        return new SsmCredentialError('roleSessionName', `STS rejected it.${said}`);
      }
      if (/external ?id/i.test(error.message)) {
        return new SsmCredentialError('externalId', `STS rejected it.${said}`);
      }
      return new SsmCredentialError('roleArn', `STS rejected the AssumeRole call.${said}`);
    default:
      return new SsmCredentialError('roleArn', `STS AssumeRole failed (${error.code}).${said}`);
  }
}

async function assume(
  request: StsHttpRequest,
  connection: SsmConnection,
): Promise<TemporaryCredentials> {
  const settings = connection.assumeRole;
  if (!settings) throw new TypeError('assume() needs a connection with a role');
  const { secretAccessKey, sessionToken } = connection.credentials;
  // Errors come back as values: whatever went wrong becomes a message naming the field.
  const response = await request(assumeRoleRequest(connection.credentials, settings)).catch(
    (error: { code?: string; message?: string }) =>
      new SsmCredentialError(
        'stsEndpoint',
        `${settings.stsEndpoint} could not be reached (${error.code ?? redactSecrets(String(error.message), [secretAccessKey, sessionToken])})`,
      ),
  );
  if (response instanceof SsmCredentialError) throw response;
  const body = typeof response.body === 'string' ? response.body : String(response.body ?? '');
  const answer = readAnswer(response.statusCode, body);
  if (answer instanceof StsError) throw problemOf(answer, connection);
  return answer;
}

function readAnswer(status: number, body: string): TemporaryCredentials | StsError {
  try {
    return readAssumeRoleAnswer(status, body);
  } catch (error) {
    return error instanceof StsError
      ? error
      : new StsError('MalformedResponse', String(error), status);
  }
}

/** `promise`, or the signal's reason once it aborts (without cancelling `promise`). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Makes sure fresh temporary credentials of the connection's role are cached (no-op without a
 * role): one STS `AssumeRole` when none are cached or they expire within 5 minutes. STS errors
 * become {@link SsmCredentialError}s naming the field to fix, with every key, secret and token
 * redacted from what STS said. Concurrent callers share one STS call; `signal` ends only this
 * caller's wait — the call itself runs on (bounded by `request`'s own timeout) for the others,
 * and its keys are cached even if every caller gave up.
 *
 * @example
 * ```ts
 * await ensureTemporaryCredentials((options) => this.helpers.httpRequest(options), connection);
 * ```
 */
export async function ensureTemporaryCredentials(
  request: StsHttpRequest,
  connection: SsmConnection,
  nowMs = Date.now(),
  signal?: AbortSignal,
): Promise<void> {
  if (!connection.assumeRole) return;
  const key = cacheKey(connection);
  if (fresh(cache.get(key), nowMs)) return;
  let pending = inFlight.get(key);
  if (!pending) {
    const startedIn = generation;
    pending = assume(request, connection)
      .then((temporary) => {
        if (startedIn !== generation) return temporary;
        cache.delete(key);
        cache.set(key, temporary);
        if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
        return temporary;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  await untilAborted(pending, signal);
}

/**
 * Forgets every cached temporary credential (tests; a changed credential gets a new key anyway).
 *
 * @example
 * ```ts
 * forgetTemporaryCredentials();
 * ```
 */
export function forgetTemporaryCredentials(): void {
  generation += 1;
  cache.clear();
  inFlight.clear();
}
