/**
 * Redaction of AWS secrets from text that came back from a server or a library, before it becomes
 * part of an error message. AWS answers a bad signature with the canonical request it computed,
 * which holds the signed `x-amz-security-token` header; SDK errors can quote credentials files.
 * SDK-free.
 */

/**
 * What a redacted secret is replaced with.
 *
 * @example
 * ```ts
 * redactSecrets('X-Amz-Security-Token=abc').includes(REDACTED); // true
 * ```
 */
export const REDACTED = '[REDACTED]';

/** Known values shorter than this are not replaced: they would shred ordinary words. */
const MIN_KNOWN_SECRET_LENGTH = 8;

// A value runs until whitespace, a quote or a separator of query strings, headers and JSON.
const VALUE = String.raw`[^\s"'&,;]+`;

const RULES: readonly (readonly [RegExp, string])[] = [
  // Whole header values: `Authorization: AWS4-HMAC-SHA256 Credential=…, Signature=…`.
  [/(\bauthorization["']?\s*[:=]\s*["']?)[^\r\n"']*/gi, `$1${REDACTED}`],
  // Session tokens as header, query parameter, JSON member or credentials-file entry.
  [
    new RegExp(
      String.raw`(\b(?:x-amz-security-token|aws_session_token|aws_security_token|session_?token)["']?\s*[:=]\s*["']?)${VALUE}`,
      'gi',
    ),
    `$1${REDACTED}`,
  ],
  // Secret access keys the same ways.
  [
    new RegExp(
      String.raw`(\b(?:aws_secret_access_key|secret_?access_?key)["']?\s*[:=]\s*["']?)${VALUE}`,
      'gi',
    ),
    `$1${REDACTED}`,
  ],
  // SigV4 signatures (header or presigned query) and the credential scope's key id.
  [/(\b(?:x-amz-)?signature\s*[:=]\s*)[0-9a-f]{16,}/gi, `$1${REDACTED}`],
  [/(\b(?:x-amz-)?credential\s*[:=]\s*)[^/\s,&"']+/gi, `$1${REDACTED}`],
  // STS session tokens by their fixed base64 prefixes, wherever they appear.
  [/(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9+/=%]*/g, REDACTED],
  // Access key ids (long-term AKIA, temporary ASIA, and the other IAM unique-id prefixes).
  [/\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{12,}\b/g, REDACTED],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes secrets from `text`: the exact `knownSecrets` (e.g. the credentials a transport signs
 * with; values shorter than 8 characters are ignored), session tokens, `Authorization` and
 * `X-Amz-Security-Token` values, SigV4 `Signature=` and `Credential=` values, secret access
 * keys written as `key = value`, and access key ids. Each becomes `[REDACTED]`; the rest of the
 * text is kept, so the message still says what went wrong.
 *
 * @example
 * ```ts
 * redactSecrets('x-amz-security-token:IQoJb3JpZ2luX2VjEJr…\nhost:ssm.eu-west-1.amazonaws.com');
 * // 'x-amz-security-token:[REDACTED]\nhost:ssm.eu-west-1.amazonaws.com'
 * redactSecrets('key my-secret-value leaked', ['my-secret-value']); // 'key [REDACTED] leaked'
 * ```
 */
export function redactSecrets(
  text: string,
  knownSecrets: readonly (string | undefined)[] = [],
): string {
  let out = text;
  const known = knownSecrets
    .filter((s): s is string => typeof s === 'string' && s.length >= MIN_KNOWN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const secret of known) {
    out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
    // Signed requests carry tokens URL-encoded; a quoted canonical request keeps that form.
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.replace(new RegExp(escapeRegExp(encoded), 'g'), REDACTED);
  }
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
