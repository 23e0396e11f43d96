import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { isPermission, isResourcePermission } from '@backstage/plugin-permission-common';
import {
  SSM_INVOCATIONS_PERMISSIONS,
  ssmInvocationsOutputReadPermission,
  ssmInvocationsWindowReadPermission,
} from './permissions';

describe('the plugin permissions', () => {
  it.each([
    [ssmInvocationsWindowReadPermission, 'ssm-invocations.window.read'],
    [ssmInvocationsOutputReadPermission, 'ssm-invocations.output.read'],
  ])('%# is a read permission on catalog entities named %s', (permission, name) => {
    expect(permission.name).toBe(name);
    expect(permission.attributes).toEqual({ action: 'read' });
    expect(isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)).toBe(true);
  });

  it('are the two permissions the plugins register', () => {
    expect(SSM_INVOCATIONS_PERMISSIONS).toHaveLength(2);
    const [window, output] = SSM_INVOCATIONS_PERMISSIONS;
    expect(window && isPermission(window, ssmInvocationsWindowReadPermission)).toBe(true);
    expect(output && isPermission(output, ssmInvocationsOutputReadPermission)).toBe(true);
  });
});
