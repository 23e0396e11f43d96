/**
 * AWS Signature Version 4 verification (header form, `AWS4-HMAC-SHA256`), written from the AWS
 * spec with `node:crypto`: rebuild the canonical request from what was received, derive the
 * signing key from the configured secret, compare signatures in constant time, and check the
 * credential scope, the session token and the clock skew. Rejections use the error codes and
 * messages AWS sends. Secrets never leave this module: no message includes one.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ServiceError } from '../protocol/service-error';

/**
 * A key pair the emulator accepts.
 *
 * @example
 * ```ts
 * const key: SigV4Credential = { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'secret', sessionToken: 'token' };
 * ```
 */
export interface SigV4Credential {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests signed with this key must carry and sign this `X-Amz-Security-Token`. */
  sessionToken?: string;
  /** Epoch ms after which the key is refused (`ExpiredTokenException`); temporary keys only. */
  expiresAtMs?: number;
}

/**
 * SigV4 verification settings.
 *
 * @example
 * ```ts
 * await startEmulator({ sigv4: { credentials: [{ accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'secret' }], region: 'us-east-1' } });
 * ```
 */
export interface SigV4Options {
  credentials: SigV4Credential[];
  /** When set, the credential scope must name this region. */
  region?: string;
  /** Allowed difference between `X-Amz-Date` and the emulator's clock. Default 5 minutes. */
  maxClockSkewMs?: number;
  /** The emulator's clock (tests). Default `Date.now`. */
  now?: () => number;
}

/** What is verified: the request as received. */
export interface SignedRequest {
  method: string;
  /** Path and query as received (`req.url`). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** RFC 3986 percent-encoding, as SigV4 requires. */
function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalUri(path: string): string {
  if (path === '' || path === '/') return '/';
  return path
    .split('/')
    .map((segment) => encodeRfc3986(decodeURIComponentSafe(segment)))
    .join('/');
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function canonicalQuery(query: string): string {
  if (query === '') return '';
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const [key = '', value = ''] = part.split('=');
      return [
        encodeRfc3986(decodeURIComponentSafe(key)),
        encodeRfc3986(decodeURIComponentSafe(value)),
      ] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : value;
}

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string): ParsedAuthorization {
  if (!value.startsWith(`${ALGORITHM} `)) {
    throw new ServiceError(
      'IncompleteSignatureException',
      `Authorization header must use the ${ALGORITHM} algorithm.`,
    );
  }
  const fields = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(',')) {
    const index = part.indexOf('=');
    if (index > 0) fields.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !fields.get(name));
  if (missing.length > 0) {
    throw new ServiceError(
      'IncompleteSignatureException',
      `Authorization header requires ${missing.map((m) => `'${m}'`).join(', ')} parameter${missing.length > 1 ? 's' : ''}.`,
    );
  }
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] = (
    fields.get('Credential') ?? ''
  ).split('/');
  return {
    accessKeyId,
    date,
    region,
    service,
    terminator,
    signedHeaders: (fields.get('SignedHeaders') ?? '').split(';'),
    signature: fields.get('Signature') ?? '',
  };
}

/** `20261128T201615Z` → epoch ms (NaN when malformed). */
function parseAmzDate(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Verifies SigV4 signatures against a set of configured keys. */
export class SigV4Verifier {
  readonly #credentials: Map<string, SigV4Credential>;
  readonly #region: string | undefined;
  readonly #maxSkewMs: number;
  readonly #now: () => number;

  constructor(options: SigV4Options) {
    if (!Array.isArray(options.credentials) || options.credentials.length === 0) {
      throw new TypeError(
        'sigv4.credentials must list at least one { accessKeyId, secretAccessKey }',
      );
    }
    options.credentials.forEach((credential, index) => {
      if (!credential.accessKeyId || !credential.secretAccessKey) {
        throw new TypeError(
          `sigv4.credentials[${index}] needs a non-empty accessKeyId and secretAccessKey`,
        );
      }
    });
    this.#credentials = new Map(options.credentials.map((c) => [c.accessKeyId, c]));
    this.#region = options.region;
    this.#maxSkewMs = options.maxClockSkewMs ?? 5 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Accepts one more key from now on (temporary keys issued by the STS endpoint). */
  addCredential(credential: SigV4Credential): void {
    this.#credentials.set(credential.accessKeyId, credential);
  }

  /**
   * Returns the access key id of a correctly signed request, or throws an AWS-shaped error.
   * `service` is the signing name the credential scope must carry (`ssm`, or `sts`).
   */
  verify(request: SignedRequest, service = 'ssm'): string {
    const authorization = headerValue(request.headers, 'authorization');
    if (!authorization) {
      throw new ServiceError(
        'MissingAuthenticationTokenException',
        'Request is missing Authentication Token',
      );
    }
    const auth = parseAuthorization(authorization);
    const credential = this.#credentials.get(auth.accessKeyId);
    if (!credential) throw new ServiceError('UnrecognizedClientException', INVALID_TOKEN);

    const amzDate = headerValue(request.headers, 'x-amz-date');
    const signedAt = amzDate === undefined ? Number.NaN : parseAmzDate(amzDate);
    if (amzDate === undefined || Number.isNaN(signedAt)) {
      throw new ServiceError(
        'IncompleteSignatureException',
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      );
    }
    if (auth.terminator !== 'aws4_request' || auth.date !== amzDate.slice(0, 8)) {
      throw new ServiceError(
        'InvalidSignatureException',
        `Credential should be scoped to a valid date and end with aws4_request.`,
      );
    }
    if (auth.service !== service) {
      throw new ServiceError(
        'InvalidSignatureException',
        `Credential should be scoped to correct service: '${service}'.`,
      );
    }
    if (this.#region !== undefined && auth.region !== this.#region) {
      throw new ServiceError(
        'InvalidSignatureException',
        `Credential should be scoped to a valid region, not '${auth.region}'.`,
      );
    }
    const now = this.#now();
    if (credential.expiresAtMs !== undefined && now >= credential.expiresAtMs) {
      throw new ServiceError(
        'ExpiredTokenException',
        'The security token included in the request is expired',
      );
    }
    if (signedAt < now - this.#maxSkewMs) {
      throw new ServiceError(
        'InvalidSignatureException',
        `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - this.#maxSkewMs)} (${formatAmzDate(now)} - ${this.#maxSkewMs / 60_000} min.)`,
      );
    }
    if (signedAt > now + this.#maxSkewMs) {
      throw new ServiceError(
        'InvalidSignatureException',
        `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + this.#maxSkewMs)} (${formatAmzDate(now)} + ${this.#maxSkewMs / 60_000} min.)`,
      );
    }

    const token = headerValue(request.headers, 'x-amz-security-token');
    if (credential.sessionToken !== undefined || token !== undefined) {
      if (token !== credential.sessionToken)
        throw new ServiceError('UnrecognizedClientException', INVALID_TOKEN);
      if (!auth.signedHeaders.includes('x-amz-security-token')) {
        throw new ServiceError('InvalidSignatureException', SIGNATURE_MISMATCH);
      }
    }
    if (!auth.signedHeaders.includes('host')) {
      throw new ServiceError('InvalidSignatureException', "'Host' must be a signed header.");
    }

    const bodyHash = sha256Hex(request.body);
    const declaredHash = headerValue(request.headers, 'x-amz-content-sha256');
    if (
      declaredHash !== undefined &&
      declaredHash !== 'UNSIGNED-PAYLOAD' &&
      declaredHash !== bodyHash
    ) {
      throw new ServiceError(
        'InvalidSignatureException',
        'The provided x-amz-content-sha256 header does not match what was computed.',
      );
    }
    const queryIndex = request.url.indexOf('?');
    const path = queryIndex === -1 ? request.url : request.url.slice(0, queryIndex);
    const query = queryIndex === -1 ? '' : request.url.slice(queryIndex + 1);
    const canonicalHeaders = auth.signedHeaders
      .map(
        (name) =>
          `${name}:${(headerValue(request.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`,
      )
      .join('');
    const canonicalRequest = [
      request.method,
      canonicalUri(path),
      canonicalQuery(query),
      canonicalHeaders,
      auth.signedHeaders.join(';'),
      declaredHash === 'UNSIGNED-PAYLOAD' ? declaredHash : bodyHash,
    ].join('\n');
    const scope = `${auth.date}/${auth.region}/${auth.service}/${auth.terminator}`;
    const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
    const signingKey = hmac(
      hmac(hmac(hmac(`AWS4${credential.secretAccessKey}`, auth.date), auth.region), auth.service),
      'aws4_request',
    );
    const expected = Buffer.from(
      createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex'),
    );
    const provided = Buffer.from(auth.signature);
    if (expected.length !== provided.length || !timingSafeEqual(expected, provided)) {
      // As AWS does: the canonical request quoted back, signed session token header included —
      // which is why clients must redact what they print.
      throw new ServiceError(
        'InvalidSignatureException',
        `${SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`,
      );
    }
    return credential.accessKeyId;
  }
}
