/**
 * The one check of call options (the second argument of every client method): a typo such as
 * `{ signa }` or a signal that is not an `AbortSignal` would otherwise be silently ignored and the
 * call could never be aborted.
 */
import { InvalidInputError } from '../model/errors';
import { assertInputObject } from '../model/validators';

/** An `AbortSignal`, also one from another realm or a polyfill that the SDK would accept. */
function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof AbortSignal !== 'undefined' && value instanceof AbortSignal) return true;
  const candidate = value as Partial<AbortSignal> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.aborted === 'boolean' &&
    typeof candidate.addEventListener === 'function' &&
    typeof candidate.removeEventListener === 'function'
  );
}

/**
 * Validates call options and returns their signal. `undefined` means no options; `extraKeys`
 * are the further options a function takes besides `signal`, checked by the caller.
 */
export function signalOf(
  options: unknown,
  extraKeys: readonly string[] = [],
): AbortSignal | undefined {
  if (options === undefined) return undefined;
  assertInputObject(options, 'options', ['signal', ...extraKeys]);
  const { signal } = options;
  if (signal === undefined) return undefined;
  if (!isAbortSignal(signal)) {
    throw new InvalidInputError(
      'signal',
      'must be an AbortSignal, e.g. AbortSignal.timeout(10_000)',
      {},
      'type',
    );
  }
  return signal;
}
