/**
 * What an AWS authentication error says is wrong with the caller's credentials, for adapters that
 * name the setting to fix (n8n's credential test, a CLI hint). The error type decides, except for
 * signature errors: AWS answers a wrong secret, a region outside the credential scope and a clock
 * minutes off all as `InvalidSignatureException` (`SignatureDoesNotMatch` in query-protocol
 * services such as STS), and only its message tells them apart. That message is read here, once,
 * so that adapters read fields. SDK-free.
 */

/**
 * The credential setting an authentication error points at.
 *
 * @example
 * ```ts
 * const setting: CredentialSetting = 'secretAccessKey';
 * ```
 */
export type CredentialSetting = 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'region';

/**
 * Why the credentials were refused:
 * - `unknown-key`: AWS does not know the access key id (or the session token that goes with it);
 * - `expired`: the temporary credentials' session token has expired;
 * - `signature-mismatch`: the signature does not match — usually a secret that is not the key's;
 * - `wrong-region`: the request was signed for another region than the endpoint's;
 * - `clock-skew`: the request's time is more than the allowed minutes off AWS's clock (no setting
 *   to fix: the host's clock is).
 *
 * @example
 * ```ts
 * const rule: CredentialFaultRule = 'wrong-region';
 * ```
 */
export type CredentialFaultRule =
  'unknown-key' | 'expired' | 'signature-mismatch' | 'wrong-region' | 'clock-skew';

/**
 * The setting to fix and why; `setting` is absent for `clock-skew`.
 *
 * @example
 * ```ts
 * const fault: CredentialFault = { setting: 'region', rule: 'wrong-region' };
 * ```
 */
export interface CredentialFault {
  setting?: CredentialSetting;
  rule: CredentialFaultRule;
}

const BY_TYPE: Readonly<Record<string, CredentialFault>> = {
  UnrecognizedClientException: { setting: 'accessKeyId', rule: 'unknown-key' },
  InvalidClientTokenId: { setting: 'accessKeyId', rule: 'unknown-key' },
  ExpiredTokenException: { setting: 'sessionToken', rule: 'expired' },
  ExpiredToken: { setting: 'sessionToken', rule: 'expired' },
};

const SIGNATURE_TYPES: ReadonlySet<string> = new Set([
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
]);

/** "Credential should be scoped to a valid region, not 'eu-west-2'." (no other answer names one) */
const WRONG_REGION = /\bregion\b/i;
/** "Signature expired: … is now earlier than …", "Signature not yet current: …". */
const CLOCK_SKEW = /^Signature (expired|not yet current)\b/i;

/**
 * What `error` (an AWS error type and message, e.g. from `parseAwsJsonError` or a core error's
 * `serviceCode` and `detail`) says is wrong with the credentials; `undefined` when it is not an
 * authentication error (a missing permission is not: the credentials were fine).
 *
 * @example
 * ```ts
 * credentialFault({ code: 'InvalidSignatureException',
 *   message: "Credential should be scoped to a valid region, not 'eu-west-2'." });
 * // { setting: 'region', rule: 'wrong-region' }
 * ```
 */
export function credentialFault(error: {
  code?: string;
  message?: string;
}): CredentialFault | undefined {
  const { code, message = '' } = error;
  if (code === undefined) return undefined;
  const byType = BY_TYPE[code];
  if (byType !== undefined) return { ...byType };
  if (!SIGNATURE_TYPES.has(code)) return undefined;
  if (WRONG_REGION.test(message)) return { setting: 'region', rule: 'wrong-region' };
  if (CLOCK_SKEW.test(message.trim())) return { rule: 'clock-skew' };
  return { setting: 'secretAccessKey', rule: 'signature-mismatch' };
}
