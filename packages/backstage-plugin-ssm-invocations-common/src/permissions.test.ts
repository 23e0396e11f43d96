import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { isPermission, isResourcePermission } from '@backstage/plugin-permission-common';
import { SSM_INVOCATIONS_PERMISSIONS, ssmInvocationsWindowReadPermission } from './permissions';

describe('ssmInvocationsWindowReadPermission', () => {
  it('is a read permission on catalog entities named ssm-invocations.window.read', () => {
    expect(ssmInvocationsWindowReadPermission.name).toBe('ssm-invocations.window.read');
    expect(ssmInvocationsWindowReadPermission.attributes).toEqual({ action: 'read' });
    expect(
      isResourcePermission(ssmInvocationsWindowReadPermission, RESOURCE_TYPE_CATALOG_ENTITY),
    ).toBe(true);
  });

  it('is the one permission the plugins register', () => {
    expect(SSM_INVOCATIONS_PERMISSIONS).toHaveLength(1);
    expect(isPermission(SSM_INVOCATIONS_PERMISSIONS[0], ssmInvocationsWindowReadPermission)).toBe(
      true,
    );
  });
});
