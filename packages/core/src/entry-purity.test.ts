/**
 * Proves the SDK-free entries (`/model`, `/json`, `/errors`) reach no AWS SDK module, on the built
 * files (the test task runs after the build). The root entry is checked too, as the control: it
 * must load the SDK, or the check itself would be meaningless.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const dist = resolve(__dirname, '..', 'dist');

function loadedSdkModules(entry: string): string[] {
  const script = `require(${JSON.stringify(join(dist, entry))});
    const hits = Object.keys(require.cache).filter((k) => /[\\\\/]@(aws-sdk|smithy)[\\\\/]/.test(k));
    process.stdout.write(JSON.stringify(hits));`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }),
  ) as string[];
}

/** Every bare import reachable from a built file through its relative imports. */
function reachableBareImports(file: string, seen = new Set<string>()): Set<string> {
  const bare = new Set<string>();
  if (seen.has(file)) return bare;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const specifiers = [
    ...code.matchAll(/require\(["']([^"']+)["']\)/g),
    ...code.matchAll(/from\s*["']([^"']+)["']/g),
    ...code.matchAll(/import\(["']([^"']+)["']\)/g),
  ].map((m) => m[1] ?? '');
  for (const specifier of specifiers) {
    if (specifier.startsWith('.')) {
      for (const nested of reachableBareImports(join(dirname(file), specifier), seen))
        bare.add(nested);
    } else {
      bare.add(specifier);
    }
  }
  return bare;
}

describe('SDK-free entries', () => {
  beforeAll(() => {
    if (!existsSync(join(dist, 'model.cjs'))) {
      throw new Error('dist/ is missing: run `pnpm --filter @ssm-invocations/core build` first');
    }
  });

  it.each(['model.cjs', 'json.cjs', 'errors.cjs'])(
    '%s loads no @aws-sdk or @smithy module',
    (entry) => {
      expect(loadedSdkModules(entry)).toEqual([]);
    },
  );

  it.each(['model', 'json', 'errors'])('%s (cjs and mjs) imports only node builtins', (entry) => {
    for (const ext of ['cjs', 'mjs']) {
      const bare = [...reachableBareImports(join(dist, `${entry}.${ext}`))];
      expect(bare.filter((s) => !s.startsWith('node:'))).toEqual([]);
    }
  });

  it('the root entry does load the SDK (the check can fail)', () => {
    expect(loadedSdkModules('index.cjs').length).toBeGreaterThan(0);
    expect([...reachableBareImports(join(dist, 'index.mjs'))]).toContain('@aws-sdk/client-ssm');
  });
});
