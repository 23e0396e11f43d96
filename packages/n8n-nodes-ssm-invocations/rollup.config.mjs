import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRollupConfig } from '@ssm-invocations/tooling/rollup';

const packageDir = import.meta.dirname;
const credential = 'credentials/AwsSsmMaintenanceWindowsApi.credentials';
const node = 'nodes/AwsSsmMaintenanceWindow/AwsSsmMaintenanceWindow.node';
const trigger = 'nodes/AwsSsmMaintenanceWindowTrigger/AwsSsmMaintenanceWindowTrigger.node';
const eventTrigger =
  'nodes/AwsSsmMaintenanceWindowEventTrigger/AwsSsmMaintenanceWindowEventTrigger.node';

// n8n requires these files as CommonJS and finds each node's codex by swapping `.js` for
// `.json`, so entries keep their source paths and a `.js` extension.
const [config] = createRollupConfig({
  packageDir,
  entries: Object.fromEntries(
    [credential, node, trigger, eventTrigger].map((entry) => [entry, `${entry}.ts`]),
  ),
  formats: ['cjs'],
  declarations: false,
  bundle: ['@ssm-invocations/core'],
  target: 'node20',
});

/** Icons and codex files sit beside the built nodes, where their `file:` references point. */
function copyAssets() {
  return {
    name: 'copy-n8n-assets',
    writeBundle() {
      const copy = (from) => {
        const to = join(packageDir, 'dist', from);
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(join(packageDir, from), to);
      };
      for (const icon of readdirSync(join(packageDir, 'icons'))) copy(join('icons', icon));
      for (const entry of [node, trigger, eventTrigger]) copy(`${entry}.json`);
    },
  };
}

export default {
  ...config,
  plugins: [...config.plugins, copyAssets()],
  output: {
    ...config.output,
    entryFileNames: '[name].js',
    chunkFileNames: 'shared/[name]-[hash].js',
    sourcemap: false,
  },
};
