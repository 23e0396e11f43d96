import * as core from '@ssm-invocations/core';
import * as model from '@ssm-invocations/core/model';

describe('built core package entry points', () => {
  it('resolves the root and the model subpath from dist', () => {
    expect(core.EXECUTION_STATUSES).toEqual(model.EXECUTION_STATUSES);
    expect(require.resolve('@ssm-invocations/core/model')).toMatch(/dist[\\/]model\.cjs$/);
  });
});
