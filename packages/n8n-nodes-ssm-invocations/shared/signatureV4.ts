import { createHash, createHmac } from 'crypto';

/**
 * AWS Signature Version 4, written against the published algorithm
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
 *
 * Hand-written because an n8n community node may not bundle the AWS SDK (its signer pulls in
 * `process`, `fs` and friends, which the community-node rules forbid); only `crypto` is allowed.
 * Verified by the unit tests against the aws-sig-v4-test-suite vectors and against
 * `@smithy/signature-v4` on random requests.
 */

/** Static or temporary AWS credentials. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary credentials (STS); sent and signed as `x-amz-security-token`. */
  sessionToken?: string;
}

/** The parts of an HTTP request that SigV4 covers. */
export interface SignableRequest {
  method: string;
  /** Host and optional port, exactly as sent in the `Host` header. */
  host: string;
  /** Decoded path, e.g. `/` or `/example space/`. */
  path: string;
  /** Decoded query parameters; a repeated key takes an array. */
  query?: Record<string, string | string[]>;
  /** Header names in any case; a repeated header takes an array. */
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array;
}

export interface SigningOptions {
  credentials: AwsCredentials;
  region: string;
  service: string;
  /** Signing time; defaults to now. */
  date?: Date;
  /**
   * Adds `x-amz-content-sha256` (the payload hash) to the signed headers, as the AWS SDK does.
   * Default true; the published test vectors are computed without it.
   */
  addContentSha256Header?: boolean;
}

/** The headers to send: the request's own plus `host`, `x-amz-date`, the token and `authorization`. */
export interface SignedHeaders {
  headers: Record<string, string>;
  /** Intermediate values, exposed so tests can compare them with the published vectors. */
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

// Headers a proxy may add or rewrite in transit; signing them would make valid requests fail.
// Same set the AWS SDK leaves unsigned.
const UNSIGNABLE_HEADERS = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

/**
 * Signs a request with SigV4 and returns the headers to send.
 *
 * @example
 * ```ts
 * const { headers } = signRequest(
 *   { method: 'POST', host: 'ssm.eu-west-1.amazonaws.com', path: '/', headers: { 'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows' }, body: '{}' },
 *   { credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' }, region: 'eu-west-1', service: 'ssm' },
 * );
 * ```
 */
export function signRequest(request: SignableRequest, options: SigningOptions): SignedHeaders {
  const { credentials, region, service } = options;
  const amzDate = toAmzDate(options.date ?? new Date());
  const day = amzDate.slice(0, 8);
  const payloadHash = sha256Hex(request.body ?? '');

  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  headers.host = request.host;
  headers['x-amz-date'] = amzDate;
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  if (options.addContentSha256Header !== false) headers['x-amz-content-sha256'] = payloadHash;

  const signedNames = Object.keys(headers)
    .filter((name) => !UNSIGNABLE_HEADERS.has(name))
    .sort();
  const canonicalHeaders = signedNames
    .map((name) => `${name}:${canonicalHeaderValue(headers[name] ?? '')}\n`)
    .join('');
  const signedHeaders = signedNames.join(';');

  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(request.path),
    canonicalQuery(request.query ?? {}),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');

  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = [day, region, service, 'aws4_request'].reduce<Buffer>(
    (key, part) => hmac(key, part),
    Buffer.from(`AWS4${credentials.secretAccessKey}`, 'utf8'),
  );
  const signature = hmac(signingKey, stringToSign).toString('hex');

  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = Array.isArray(value) ? value.join(',') : value;
  }
  out.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers: out, canonicalRequest, stringToSign, signature };
}

/** `20150830T123600Z` */
function toAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** RFC 3986 percent-encoding: everything but unreserved characters. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

// Dot segments are resolved and empty segments dropped (RFC 3986 normalisation), but a
// trailing slash is meaningful and kept.
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const joined = segments.map(uriEncode).join('/');
  const trailing = segments.length > 0 && /\/\.{0,2}$/.test(path) ? '/' : '';
  return `/${joined}${trailing}`;
}

function canonicalQuery(query: Record<string, string | string[]>): string {
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      pairs.push([uriEncode(key), uriEncode(one)]);
    }
  }
  pairs.sort(([ak, av], [bk, bv]) => compare(ak, bk) || compare(av, bv));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalHeaderValue(value: string | string[]): string {
  const values = Array.isArray(value) ? value : [value];
  return values.map((one) => one.trim().replace(/\s+/g, ' ')).join(',');
}
