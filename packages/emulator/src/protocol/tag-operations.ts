/**
 * ListTagsForResource for maintenance windows. Real SSM answers other resource types too; the
 * emulator holds only windows, so any other valid type is `InvalidResourceType`, and an id that
 * names no window is `InvalidResourceId`. Both errors have no members, as AWS sends them.
 */
import { defineHandler } from './request';
import { ServiceError } from './service-error';

export const listTagsForResource = defineHandler('ListTagsForResource', ({ ids }, context) => {
  if (ids.ResourceType !== 'MaintenanceWindow') {
    throw new ServiceError('InvalidResourceType', '');
  }
  const window = context.store.getWindow(ids.ResourceId);
  if (!window) throw new ServiceError('InvalidResourceId', '');
  return { TagList: (window.Tags ?? []).map(({ Key, Value }) => ({ Key, Value })) };
});
