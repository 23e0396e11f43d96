/**
 * The backend's own configuration refuses to read a window for an entity (account or region not
 * allowed, ownership tag missing or naming someone else). Reported as that window's error with
 * code `NOT_ALLOWED`; on the invocation route the window simply does not count as the entity's.
 *
 * @example
 * ```ts
 * throw new WindowRefusedError('account 444455556666 is not in ssmInvocations.allowedAccounts');
 * ```
 */
export class WindowRefusedError extends Error {
  readonly code = 'NOT_ALLOWED';

  constructor(message: string) {
    super(message);
    this.name = 'WindowRefusedError';
  }
}
