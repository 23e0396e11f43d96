// Size of the Backstage card's frontend code, as an app's bundler would ship it: our plugin
// plus what it pulls from @ssm-invocations/* (third-party packages are shared with the rest of
// the app, so they are left out), gzipped. A second, full bundle (everything included) proves
// that no byte of the AWS SDK reaches the browser.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const TARGET_GZIP_BYTES = 30 * 1024;
const pluginDir = resolve(__dirname, '../../packages/backstage-plugin-ssm-invocations');
const entry = resolve(pluginDir, 'dist/index.esm.js');

async function bundle(external: string[]) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    external,
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty', '.woff2': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    absWorkingDir: pluginDir,
  });
  // With write: false and no outfile, esbuild names the single output `<stdout>`.
  const code = Buffer.concat(result.outputFiles.map((file) => Buffer.from(file.contents)));
  return { code, metafile: result.metafile as Metafile };
}

function awsSdkBytes(metafile: Metafile): number {
  return Object.entries(metafile.inputs)
    .filter(([path]) => /@aws-sdk[+/]|@smithy[+/]/.test(path))
    .reduce((sum, [, input]) => sum + input.bytes, 0);
}

/** Registered in run.ts. */
export const backstageCardSize = {
  name: 'backstage card: frontend chunk size (gzip) and AWS SDK bytes',
  async run(): Promise<void> {
    if (!existsSync(entry)) {
      throw new Error(`${entry} is missing: run pnpm build first`);
    }
    // Everything but our own code and our workspace packages is external (shared by the app).
    const card = await bundle([
      'react',
      'react-dom',
      'react/*',
      'react-router*',
      '@backstage/*',
      '@material-ui/*',
      'react-use',
      'react-use/*',
    ]);
    const cardGzip = gzipSync(card.code, { level: 9 }).length;
    const full = await bundle([]);
    const fullGzip = gzipSync(full.code, { level: 9 }).length;
    const sdk = awsSdkBytes(full.metafile);
    console.log(
      `card chunk: ${card.code.length} B minified, ${cardGzip} B gzip; target ≤ ${TARGET_GZIP_BYTES} B → ratio ${(cardGzip / TARGET_GZIP_BYTES).toFixed(2)} of target`,
    );
    console.log(
      `same card with every dependency bundled: ${fullGzip} B gzip (card chunk is ${((cardGzip / fullGzip) * 100).toFixed(1)}% of it)`,
    );
    console.log(`@aws-sdk/@smithy bytes in the full bundle: ${sdk} (target 0)`);
    if (cardGzip > TARGET_GZIP_BYTES) throw new Error('card chunk exceeds 30 KB gzip');
    if (sdk !== 0) throw new Error('the AWS SDK reached the frontend bundle');
  },
};
