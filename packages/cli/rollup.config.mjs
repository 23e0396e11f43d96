import { createRollupConfig } from '@ssm-invocations/tooling/rollup';

// The bin is CommonJS only (`node dist/bin.cjs`), so no ESM copy is built.
export default createRollupConfig({
  packageDir: import.meta.dirname,
  entries: { index: 'src/index.ts', bin: 'src/bin.ts' },
  formats: ['cjs'],
  banner: { bin: '#!/usr/bin/env node' },
});
