import { createRollupConfig } from '@ssm-invocations/tooling/rollup';

export default createRollupConfig({
  packageDir: import.meta.dirname,
  entries: {
    index: 'src/index.ts',
    model: 'src/model/index.ts',
    json: 'src/json.ts',
    errors: 'src/errors.ts',
  },
});
