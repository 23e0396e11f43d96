import { makeValidator, type CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validators = makeValidator();

/** Each path segment of an entity route and the catalog rule it must satisfy. */
const SEGMENT_RULES = [
  ['namespace', (value: string) => validators.isValidNamespace(value)],
  ['kind', (value: string) => validators.isValidKind(value)],
  ['name', (value: string) => validators.isValidEntityName(value)],
] as const;

/**
 * The entity an entity route names, checked against the catalog's own rules for kinds,
 * namespaces and names (ASCII letters, digits and `-_.`, 63 characters at most for names). A
 * segment the catalog could never hold is refused with a 400 naming that segment, before the
 * catalog or SSM is asked anything. The value is not echoed: it is the caller's text.
 *
 * @example
 * ```ts
 * readEntityPath({ namespace: 'default', kind: 'component', name: 'payments-api' });
 * // { namespace: 'default', kind: 'component', name: 'payments-api' }
 * ```
 */
export function readEntityPath(params: Record<string, string | undefined>): CompoundEntityRef {
  for (const [segment, isValid] of SEGMENT_RULES) {
    const value = params[segment];
    if (value === undefined || !isValid(value)) {
      throw new InputError(
        `Path segment ${segment} is not a valid catalog entity ${segment} (letters, digits and -_. only, 63 characters at most)`,
      );
    }
  }
  const { namespace = '', kind = '', name = '' } = params;
  return { namespace, kind, name };
}
