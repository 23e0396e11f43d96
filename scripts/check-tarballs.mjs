#!/usr/bin/env node
// The tarball gate: every public package is packed, installed from its tarball with npm in a
// scratch project outside the workspace, and used the way a user would. Run after `pnpm build`.
// Fails (exit 1) on the first broken check of each kind and lists every failure at the end.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
// Tools from npm, pinned so the gate only changes when this file does.
const TOOLS = {
  typescript: '5.8.3',
  '@types/node': '20.19.9',
  publint: '0.3.25',
  '@arethetypeswrong/cli': '0.18.5',
  // n8n's community-package scanner (its ESLint config), with the rules plugin at its latest.
  '@n8n/scan-community-package': '0.32.0',
};
/** What an adopter's Backstage app brings beside the plugins: React and a bundler. */
const BACKSTAGE_APP_TOOLS = {
  react: '18.3.1',
  'react-dom': '18.3.1',
  'react-router-dom': '6.30.6',
  esbuild: '0.28.2',
};
const N8N_RULES_PLUGIN = ['@n8n/eslint-plugin-community-nodes', '0.32.0'];

const PACKAGES = [
  'core',
  'cli',
  'emulator',
  'n8n-nodes-ssm-invocations',
  'backstage-plugin-ssm-invocations-common',
  'backstage-plugin-ssm-invocations',
  'backstage-plugin-ssm-invocations-backend',
];
/** Installed and exercised in the scratch project (the Backstage plugins in an app project, step 8). */
const INSTALLED = ['core', 'cli', 'emulator', 'backstage-plugin-ssm-invocations-common'];

const failures = [];
const started = Date.now();
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
function step(name, fn) {
  try {
    const detail = fn();
    console.log(`ok   ${name}${detail ? ` — ${detail}` : ''}`);
  } catch (error) {
    const output = [error.stdout, error.stderr].filter(Boolean).join('\n').trim();
    failures.push(name);
    console.log(`FAIL ${name}\n${output || error.message}`);
  }
}
async function stepAsync(name, fn) {
  try {
    const detail = await fn();
    console.log(`ok   ${name}${detail ? ` — ${detail}` : ''}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}\n${error.message}`);
  }
}

const pinned = (tools) => Object.entries(tools).map(([name, version]) => `${name}@${version}`);
/** npm installs into a scratch project; install scripts never run (eslint-plugin-n8n-nodes-base,
 * a scanner dependency, would run `npx only-allow pnpm`). */
function npmInstall(cwd, specs, stdio) {
  const flags = [
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    '--ignore-scripts',
    '--prefer-offline',
  ];
  run('npm', ['install', ...flags, ...specs], { cwd, ...(stdio ? { stdio } : {}) });
}

const work = mkdtempSync(join(tmpdir(), 'ssm-invocations-tarballs-'));
const packs = join(work, 'packs');
const scratch = join(work, 'consumer');
mkdirSync(packs);
mkdirSync(scratch);

// 1. Pack (pnpm rewrites workspace:/catalog: ranges; Backstage packages run their prepack).
const tarballs = {};
for (const dir of PACKAGES) {
  const pkgDir = join(root, 'packages', dir);
  const before = new Set(readdirSync(packs));
  run('pnpm', ['pack', '--pack-destination', packs], { cwd: pkgDir });
  const made = readdirSync(packs).find((f) => !before.has(f));
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  tarballs[dir] = { file: join(packs, made), name: manifest.name };
  const unpacked = join(work, 'unpacked', dir);
  mkdirSync(unpacked, { recursive: true });
  run('tar', ['xzf', tarballs[dir].file, '-C', unpacked, '--strip-components=1']);
  tarballs[dir].dir = unpacked;
}
console.log(`packed ${PACKAGES.length} packages into ${packs}`);

// 2. A scratch project outside the workspace installs the tarballs and the tools from npm.
writeFileSync(
  join(scratch, 'package.json'),
  JSON.stringify(
    {
      name: 'tarball-consumer',
      private: true,
      overrides: { [N8N_RULES_PLUGIN[0]]: N8N_RULES_PLUGIN[1] },
    },
    null,
    2,
  ),
);
npmInstall(
  scratch,
  [...INSTALLED.map((dir) => tarballs[dir].file), ...pinned(TOOLS)],
  ['ignore', 'ignore', 'inherit'],
);
console.log(`installed into ${scratch} (${Math.round((Date.now() - started) / 1000)} s)`);

// 3. require and import every export of the installed packages, from inside the scratch project.
const LOAD_BOTH_WAYS = `
import { createRequire } from 'node:module';
const spec = process.argv[2];
const cjs = createRequire(import.meta.url)(spec);
const esm = await import(spec);
const empty = (mod) => Object.keys(mod).filter((key) => key !== 'default' && mod[key] === undefined);
const problems = [
  ...(Object.keys(cjs).length === 0 ? ['require gives no exports'] : []),
  ...empty(cjs).map((key) => 'require: ' + key + ' is undefined'),
  ...empty(esm).map((key) => 'import: ' + key + ' is undefined'),
  ...Object.keys(cjs).filter((key) => !(key in esm)).map((key) => 'import lacks ' + key),
];
if (problems.length > 0) { console.error(problems.join('\\n')); process.exit(1); }
console.log(Object.keys(cjs).length + ' exports both ways');
`;
writeFileSync(join(scratch, 'load-both-ways.mjs'), LOAD_BOTH_WAYS);
for (const dir of INSTALLED) {
  const { name, dir: unpacked } = tarballs[dir];
  const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  const subpaths = Object.keys(manifest.exports ?? { '.': null }).filter(
    (s) => s !== './package.json',
  );
  for (const subpath of subpaths) {
    const spec = subpath === '.' ? name : `${name}/${subpath.slice(2)}`;
    step(`require + import ${spec}`, () =>
      run('node', ['load-both-ways.mjs', spec], { cwd: scratch }).trim(),
    );
  }
}

// 4. Both bins, from node_modules/.bin.
const bin = (name) => join(scratch, 'node_modules', '.bin', name);
step('ssm-invocations --version', () => run(bin('ssm-invocations'), ['--version']).trim());
step('ssm-invocations --help', () => {
  const help = run(bin('ssm-invocations'), ['--help']);
  if (!/Usage/i.test(help)) throw new Error(`no usage text:\n${help}`);
});
step('ssm-emulator --help', () => {
  const help = run(bin('ssm-emulator'), ['--help']);
  if (!/Usage|usage/.test(help)) throw new Error(`no usage text:\n${help}`);
});

// 5. A TypeScript consumer type-checks under node16 and bundler resolution.
writeFileSync(
  join(scratch, 'consumer.mts'),
  [
    "import { createInvocationsClient, createInvocationsClientWithTransport } from '@ssm-invocations/core';",
    "import { jsonTransportWithoutTimers } from '@ssm-invocations/core/json';",
    "import { NotFoundError } from '@ssm-invocations/core/errors';",
    "import type { ExecutionStatus } from '@ssm-invocations/core/model';",
    "import * as cli from '@ssm-invocations/cli';",
    "import * as emulator from '@ssm-invocations/emulator';",
    "import * as common from '@ssm-invocations/backstage-plugin-ssm-invocations-common';",
    'const status: ExecutionStatus | undefined = undefined;',
    'export const used = [createInvocationsClient, createInvocationsClientWithTransport, jsonTransportWithoutTimers, NotFoundError, cli, emulator, common, status];',
    '',
  ].join('\n'),
);
for (const [mode, module] of [
  ['node16', 'node16'],
  ['bundler', 'esnext'],
]) {
  const tsconfig = join(scratch, `tsconfig.${mode}.json`);
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module,
        moduleResolution: mode,
        types: ['node'],
        skipLibCheck: false,
      },
      files: ['consumer.mts'],
    }),
  );
  step(`tsc moduleResolution ${mode}`, () => run(bin('tsc'), ['-p', tsconfig], { cwd: scratch }));
}

// 6. publint and Are the Types Wrong on every tarball. The Backstage packages are built by
// backstage-cli, whose output every Backstage plugin ships and Backstage apps consume through
// their bundler: these findings about that layout are accepted, and only these.
const BACKSTAGE_LAYOUT = {
  publint: [
    // `*.esm.js` files without "type": "module": read as ESM by the app's bundler.
    /is written in ESM, but is interpreted as CJS/,
    // The `backstage` export condition through which apps discover plugin features.
    /\.backstage is @backstage\/\w+ but is invalid/,
    // prepack orders `backstage`/`import` before `types`; `types` sits beside each entry.
    /types should be the first in the object/,
    /import types is not exported/,
    // Backend plugins export their feature as the module's default (createBackendPlugin).
    /sets both exports.__esModule = true and exports.default/,
  ],
  attw: {
    'backstage-plugin-ssm-invocations': ['unexpected-module-syntax', 'fallback-condition'],
    'backstage-plugin-ssm-invocations-backend': ['named-exports', 'cjs-only-exports-default'],
  },
};
for (const dir of PACKAGES) {
  const { file, dir: unpacked, name } = tarballs[dir];
  const backstage = dir.startsWith('backstage-plugin-');
  step(`publint ${name}`, () => {
    let out;
    try {
      out = run(bin('publint'), ['--strict', unpacked], { cwd: scratch });
    } catch (error) {
      // publint colours its output when CI is set: findings are matched on the plain text.
      out = `${error.stdout ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
      const errors = out
        .split(/\nSuggestions:|\nWarnings:/)[0]
        .split('\n')
        .filter((l) => /^\d+\. /.test(l));
      const unaccepted = errors.filter(
        (l) => !backstage || !BACKSTAGE_LAYOUT.publint.some((pattern) => pattern.test(l)),
      );
      if (unaccepted.length > 0 || errors.length === 0) throw error;
      return `${errors.length} accepted Backstage-layout findings`;
    }
    return 'all good';
  });
  if (dir === 'n8n-nodes-ssm-invocations') continue; // no types: n8n loads its files by path
  step(`attw ${name}`, () => {
    const args = [file, '--format', 'table-flipped'];
    // node10 cannot see subpath exports (no typesVersions: backstage-cli repo fix removes them).
    if (!backstage) args.push('--profile', 'node16');
    // An ESM-only frontend plugin has no `require` entry.
    if (dir === 'backstage-plugin-ssm-invocations') args.push('--profile', 'esm-only');
    const ignored = BACKSTAGE_LAYOUT.attw[dir] ?? [];
    if (ignored.length > 0) args.push('--ignore-rules', ...ignored);
    run(bin('attw'), args, { cwd: scratch, env: { ...process.env, FORCE_COLOR: '0' } });
    return ignored.length > 0 ? `ignoring ${ignored.join(', ')}` : '';
  });
}

// 7. The n8n tarball under the community scanner's own ESLint config, and its manifest rules.
const n8n = tarballs['n8n-nodes-ssm-invocations'];
const scannerPath = join(scratch, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs');
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerPath).href);
const pluginVersion = JSON.parse(
  readFileSync(join(scratch, 'node_modules', N8N_RULES_PLUGIN[0], 'package.json'), 'utf8'),
).version;
for (const [leg, dir, patterns] of [
  ['tarball', n8n.dir, ['**/*.js', 'package.json']],
  ['source', join(root, 'packages/n8n-nodes-ssm-invocations'), SOURCE_FILE_PATTERNS],
]) {
  await stepAsync(`n8n scanner (${leg}, rules ${pluginVersion})`, async () => {
    const result = await analyzePackage(dir, patterns);
    if (!result.passed) throw new Error(`${result.message}\n${result.details ?? ''}`);
  });
}
step('n8n manifest', () => {
  const m = JSON.parse(readFileSync(join(n8n.dir, 'package.json'), 'utf8'));
  const problems = [];
  if (!m.name.startsWith('n8n-nodes-')) problems.push('name must start with n8n-nodes-');
  if (!m.keywords?.includes('n8n-community-node-package')) problems.push('keyword missing');
  if (Object.keys(m.dependencies ?? {}).length > 0) problems.push('has runtime dependencies');
  const peers = Object.keys(m.peerDependencies ?? {});
  if (peers.some((p) => p !== 'n8n-workflow')) problems.push(`peers beyond n8n-workflow: ${peers}`);
  if (m.n8n?.n8nNodesApiVersion !== 1) problems.push('n8n.n8nNodesApiVersion must be 1');
  if (m.n8n?.strict !== true) problems.push('n8n.strict must be true');
  const files = [...(m.n8n?.nodes ?? []), ...(m.n8n?.credentials ?? [])];
  if (m.n8n?.nodes?.length === 0) problems.push('no nodes');
  for (const f of files) {
    try {
      readFileSync(join(n8n.dir, f));
    } catch {
      problems.push(`${f} is not in the tarball`);
    }
  }
  for (const field of ['repository', 'homepage', 'license', 'author']) {
    if (m[field] === undefined) problems.push(`${field} missing`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return `${files.length} files, strict`;
});

// 8. The Backstage packages as an adopter's app consumes them, from their tarballs in a project of
// their own: the backend plugin loads as a feature and reports a demo window of the emulator; the
// frontend plugin bundles (both frontend systems) and its bundle loads.
const app = join(work, 'backstage-app');
mkdirSync(app);
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'backstage-app', private: true }));
step('npm install the Backstage tarballs', () => {
  const from = Date.now();
  const plugins = PACKAGES.filter((dir) => dir !== 'n8n-nodes-ssm-invocations' && dir !== 'cli');
  npmInstall(app, [...plugins.map((dir) => tarballs[dir].file), ...pinned(BACKSTAGE_APP_TOOLS)]);
  return `${Math.round((Date.now() - from) / 1000)} s`;
});
const gateFiles = join(root, 'scripts', 'tarball-gate');
for (const file of readdirSync(gateFiles)) {
  writeFileSync(join(app, file), readFileSync(join(gateFiles, file)));
}
step('backend plugin runs', () => run('node', ['backend-runs.cjs'], { cwd: app }).trim());
step('frontend plugin bundles', () => {
  run(
    join(app, 'node_modules', '.bin', 'esbuild'),
    [
      'frontend-entry.jsx',
      '--bundle',
      '--format=esm',
      '--platform=browser',
      '--jsx=automatic',
    ].concat(['--loader:.svg=file', '--loader:.png=file', '--outdir=bundle', '--log-level=error']),
    { cwd: app },
  );
  return run('node', ['bundle/frontend-entry.js'], { cwd: app }).trim();
});

const seconds = Math.round((Date.now() - started) / 1000);
if (process.env.KEEP_TARBALL_GATE === undefined) rmSync(work, { recursive: true, force: true });
if (failures.length > 0) {
  console.log(`tarball gate: ${failures.length} failed (${seconds} s): ${failures.join('; ')}`);
  process.exit(1);
}
console.log(`tarball gate: all checks passed (${seconds} s)`);
