import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

// What n8n loads: the built package. n8n Cloud's community-node rules forbid runtime
// dependencies and host access, so the bundle may require only n8n-workflow, crypto and its own
// chunks, and must not touch process, the file system or the AWS SDK.
const packageDir = join(__dirname, '..', '..', 'packages', 'n8n-nodes-ssm-invocations');
const dist = join(packageDir, 'dist');
const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  n8n: { nodes: string[]; credentials: string[] };
  dependencies?: Record<string, string>;
};

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

const ALLOWED_REQUIRES = new Set(['n8n-workflow', 'crypto', 'node:crypto']);
const FORBIDDEN = [
  /\bprocess\s*\./,
  /\bprocess\s*\[/,
  /require\(["'](node:)?(fs|child_process|net|http|https|os|path|worker_threads|vm)["']\)/,
  /@aws-sdk\//,
  /@smithy\//,
  /\bglobalThis\b/,
  /\b__dirname\b/,
  /\b__filename\b/,
  /\beval\s*\(/,
  /new Function\s*\(/,
];

// The globals n8n's community-package scanner forbids (rule `no-restricted-globals` of
// @n8n/eslint-plugin-community-nodes 0.32.0, which `scripts/check-tarballs.mjs` runs for real on
// the packed tarball). A property access such as `obj.process` is allowed, as the rule allows it.
const SCANNER_RESTRICTED_GLOBALS = [
  'clearInterval',
  'clearTimeout',
  'global',
  'globalThis',
  'process',
  'setInterval',
  'setTimeout',
  'setImmediate',
  'clearImmediate',
  '__dirname',
  '__filename',
];

function restrictedGlobalsIn(source: string): string[] {
  return SCANNER_RESTRICTED_GLOBALS.filter((name) =>
    new RegExp(`(?<![.\\w$'"\`])${name}(?![\\w$'"\`])`).test(source),
  );
}

describe('the built package', () => {
  const files = existsSync(dist) ? jsFiles(dist) : [];

  it('has been built, with every file package.json points n8n at', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) {
      expect(existsSync(join(packageDir, file))).toBe(true);
      expect(existsSync(join(packageDir, file.replace(/\.node\.js$/, '.node.json')))).toBe(true);
    }
    expect(packageJson.dependencies ?? {}).toEqual({});
  });

  it('requires nothing but n8n-workflow, crypto and its own chunks', () => {
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const [, id = ''] of source.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)) {
        if (id.startsWith('./') || id.startsWith('../')) {
          expect(existsSync(join(file, '..', id))).toBe(true);
          continue;
        }
        if (!ALLOWED_REQUIRES.has(id)) throw new Error(`${relative(dist, file)} requires ${id}`);
      }
      expect(source).not.toMatch(/\bimport\s*\(/);
    }
  });

  it('uses no process, file system, AWS SDK or dynamic code', () => {
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const pattern of FORBIDDEN) {
        if (pattern.test(source))
          throw new Error(`${relative(dist, file)} matches ${String(pattern)}`);
      }
    }
  });

  it("uses none of the globals the community scanner forbids (timers included: waits go through n8n's sleep)", () => {
    const found = files.flatMap((file) =>
      restrictedGlobalsIn(readFileSync(file, 'utf8')).map(
        (name) => `${relative(dist, file)}: ${name}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('the restricted-globals check finds a bare timer and ignores property access', () => {
    expect(restrictedGlobalsIn('const t = setTimeout(f, 1); clearTimeout(t);')).toEqual([
      'clearTimeout',
      'setTimeout',
    ]);
    expect(restrictedGlobalsIn('options.process = 1; const timeout = 3;')).toEqual([]);
  });

  it('loads in plain CommonJS and exposes the node and credential classes', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const load = (file: string) => require(join(packageDir, file)) as Record<string, unknown>;
    expect(typeof load(packageJson.n8n.nodes[0] ?? '').AwsSsmMaintenanceWindow).toBe('function');
    expect(typeof load(packageJson.n8n.nodes[1] ?? '').AwsSsmMaintenanceWindowTrigger).toBe(
      'function',
    );
    expect(typeof load(packageJson.n8n.credentials[0] ?? '').AwsSsmMaintenanceWindowsApi).toBe(
      'function',
    );
  });
});
