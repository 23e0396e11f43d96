/**
 * Every export of the CLI's public entry carries TSDoc with an `@example` (the house rule core
 * checks too), checked with the TypeScript compiler on the sources.
 */
import { join } from 'node:path';
import { undocumentedExports } from '@ssm-invocations/tooling/public-api-docs';

describe('public API documentation', () => {
  it('every export of index.ts has an @example', () => {
    expect(undocumentedExports(join(__dirname, 'index.ts'))).toEqual([]);
  });
});
