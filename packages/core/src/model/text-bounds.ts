/**
 * Bounding untrusted text by its UTF-8 size without splitting a character: the end of a stream
 * (stderr, where the error is) or the start of a message. SDK-free; TextEncoder works in browsers.
 */
import { InvalidInputError } from './errors';

/**
 * A piece of text and whether it was cut.
 *
 * @example
 * ```ts
 * const tail: BoundedText = tailText(stderr);
 * if (tail.truncated) console.log('…');
 * ```
 */
export interface BoundedText {
  text: string;
  /** True when the text shown is not all there was (either end cut). */
  truncated: boolean;
  /**
   * Set (true) by the command output parsers when the start was cut to the byte bound: the first
   * line may be partial. Absent when the start is whole.
   */
  startCut?: boolean;
  /**
   * Set (true) by the command output parsers when the text reached SSM's own cap, which keeps the
   * start and drops the end. Absent otherwise.
   */
  serviceCut?: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A UTF-8 continuation byte (`10xxxxxx`) never starts a character. */
function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

function checkMaxBytes(maxBytes: number): void {
  if (!Number.isInteger(maxBytes) || maxBytes < 0) {
    throw new InvalidInputError('maxBytes', 'must be a whole number of bytes, 0 or more');
  }
}

/**
 * The last `maxBytes` bytes (UTF-8) of `text`, cut on a character boundary, so the end of a
 * stream — where the error usually is — survives. Text that fits comes back unchanged.
 * Throws {@link InvalidInputError} (field `maxBytes`) for a negative or fractional bound.
 *
 * @example
 * ```ts
 * tailText('line 1\nline 2\nE: Unable to locate package nginx-full\n', 38);
 * // { text: 'E: Unable to locate package nginx-full\n', truncated: true }
 * ```
 */
export function tailText(text: string, maxBytes = 4096): BoundedText {
  checkMaxBytes(maxBytes);
  // Each UTF-16 unit is at most 3 UTF-8 bytes: short text needs no encoding at all.
  if (text.length * 3 <= maxBytes) return { text, truncated: false };
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return { text, truncated: false };
  let start = bytes.length - maxBytes;
  while (start < bytes.length && isContinuation(bytes[start])) start += 1;
  return { text: decoder.decode(bytes.subarray(start)), truncated: true };
}

/**
 * The first `maxBytes` bytes (UTF-8) of `text`, cut on a character boundary — for messages, whose
 * start says what went wrong. Text that fits comes back unchanged.
 * Throws {@link InvalidInputError} (field `maxBytes`) for a negative or fractional bound.
 *
 * @example
 * ```ts
 * headText('Step fails when it is Executing. Fail to execute automation step …', 32);
 * // { text: 'Step fails when it is Executing.', truncated: true }
 * ```
 */
export function headText(text: string, maxBytes = 4096): BoundedText {
  checkMaxBytes(maxBytes);
  if (text.length * 3 <= maxBytes) return { text, truncated: false };
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return { text, truncated: false };
  let end = maxBytes;
  while (end > 0 && isContinuation(bytes[end])) end -= 1;
  return { text: decoder.decode(bytes.subarray(0, end)), truncated: true };
}
