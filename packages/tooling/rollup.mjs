// One rollup config factory for every library package: each package's rollup.config.mjs
// names only its entries; this file decides formats, externals and declaration bundling.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { dts } from 'rollup-plugin-dts';

/**
 * @param {object} options
 * @param {string} options.packageDir absolute path of the package (use `import.meta.dirname`)
 * @param {Record<string, string>} options.entries output name → source file, e.g. `{ index: 'src/index.ts' }`
 * @param {Array<'esm'|'cjs'>} [options.formats] default both
 * @param {boolean} [options.declarations] bundle `.d.ts` per entry (default true)
 * @param {string[]} [options.bundle] dependency names to inline instead of keeping external
 * @param {Record<string, string>} [options.banner] output name → banner text (e.g. a shebang for bins)
 * @param {string} [options.target] esbuild target (default node20)
 */
export function createRollupConfig({
  packageDir,
  entries,
  formats = ['esm', 'cjs'],
  declarations = true,
  bundle = [],
  banner = {},
  target = 'node20',
}) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const deps = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ].filter((name) => !bundle.includes(name));
  // Externals are the declared dependencies (and their subpaths) plus node builtins.
  const external = (id) =>
    id.startsWith('node:') || deps.some((dep) => id === dep || id.startsWith(`${dep}/`));

  const input = Object.fromEntries(
    Object.entries(entries).map(([name, file]) => [name, join(packageDir, file)]),
  );
  // Inlining a dependency means resolving it from node_modules (its ESM build, by its exports).
  const resolve =
    bundle.length > 0 ? [nodeResolve({ exportConditions: ['node'], preferBuiltins: true })] : [];
  // Rollup never empties its output folder: without this, chunks of earlier builds pile up in
  // dist and would be published. Only the first config cleans, before anything is written.
  const cleanDist = {
    name: 'clean-dist',
    buildStart() {
      rmSync(join(packageDir, 'dist'), { recursive: true, force: true });
    },
  };
  const configs = formats.map((format, index) => ({
    input,
    external,
    plugins: [
      ...(index === 0 ? [cleanDist] : []),
      ...resolve,
      esbuild({ target, tsconfig: join(packageDir, 'tsconfig.json') }),
    ],
    output: {
      dir: join(packageDir, 'dist'),
      format,
      entryFileNames: `[name].${format === 'esm' ? 'mjs' : 'cjs'}`,
      chunkFileNames: `chunks/[name]-[hash].${format === 'esm' ? 'mjs' : 'cjs'}`,
      sourcemap: true,
      exports: 'named',
      banner: (chunk) => banner[chunk.name] ?? '',
    },
  }));
  if (declarations) {
    configs.push({
      input,
      external,
      plugins: [dts({ tsconfig: join(packageDir, 'tsconfig.json') }), esmDeclarations(packageDir)],
      output: { dir: join(packageDir, 'dist'), format: 'esm', entryFileNames: '[name].d.ts' },
    });
  }
  return configs;
}

/**
 * Writes a `.d.mts` twin of every bundled `.d.ts` (relative imports pointed at the twins), so the
 * `import` condition gets ESM types and the `require` condition CJS types: without them
 * TypeScript reads the `.mjs` entry's types as CommonJS ("masquerading as CJS").
 */
function esmDeclarations(packageDir) {
  return {
    name: 'esm-declarations',
    writeBundle() {
      const dist = join(packageDir, 'dist');
      for (const file of readdirSync(dist).filter((f) => f.endsWith('.d.ts'))) {
        const source = readFileSync(join(dist, file), 'utf8');
        const esm = source.replace(/(from\s+'\.\/[^']+)\.js'/g, "$1.mjs'");
        writeFileSync(join(dist, file.replace(/\.d\.ts$/, '.d.mts')), esm);
      }
    },
  };
}
