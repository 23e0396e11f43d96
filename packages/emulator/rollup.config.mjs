import { createRollupConfig } from '@ssm-invocations/tooling/rollup';

export default createRollupConfig({
  packageDir: import.meta.dirname,
  entries: { index: 'src/index.ts', bin: 'src/bin.ts' },
  banner: { bin: '#!/usr/bin/env node' },
});
