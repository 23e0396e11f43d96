/**
 * Every public export of every entry point carries TSDoc with an `@example` (a house rule that
 * is easy to forget): checked with the TypeScript compiler on the sources.
 */
import { join } from 'node:path';
import { undocumentedExports } from '@ssm-invocations/tooling/public-api-docs';

const ENTRIES = ['index.ts', 'json.ts', 'errors.ts', 'model/index.ts'];

describe('public API documentation', () => {
  it.each(ENTRIES)('every export of %s has an @example', (entry) => {
    expect(undocumentedExports(join(__dirname, entry))).toEqual([]);
  });
});
