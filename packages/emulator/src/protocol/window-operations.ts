/** DescribeMaintenanceWindows, GetMaintenanceWindow and DescribeMaintenanceWindowTargets. */
import type { EmulatorTarget, EmulatorWindow } from '../state/store';
import { requireWindow } from './lookups';
import { answerPage } from './paging';
import { defineHandler } from './request';

function windowIdentity(window: EmulatorWindow): Record<string, unknown> {
  const {
    AllowUnassociatedTargets: _a,
    CreatedDate: _c,
    ModifiedDate: _m,
    Tags: _t,
    ...identity
  } = window;
  return identity;
}

/** Tags are not part of a window's record; ListTagsForResource answers them. */
function withoutTags(window: EmulatorWindow): Record<string, unknown> {
  const { Tags: _t, ...record } = window;
  return record;
}

export const describeMaintenanceWindows = defineHandler(
  'DescribeMaintenanceWindows',
  (request, context) => {
    const windows = context.store.windows.filter((window) =>
      request.filters.every((filter) =>
        filter.Key === 'Name'
          ? filter.Values.includes(window.Name)
          : filter.Values.some((value) => value.toLowerCase() === String(window.Enabled)),
      ),
    );
    return answerPage(request, windows, (w) => context.store.windowKey(w), context, windowIdentity);
  },
);

export const getMaintenanceWindow = defineHandler('GetMaintenanceWindow', ({ ids }, context) =>
  withoutTags(requireWindow(context.store, ids.WindowId)),
);

export const describeMaintenanceWindowTargets = defineHandler(
  'DescribeMaintenanceWindowTargets',
  (request, context) => {
    const windowId = requireWindow(context.store, request.ids.WindowId).WindowId;
    const targets = context.store
      .targetsOf(windowId)
      .filter((target) =>
        request.filters.every((filter) => filter.Values.includes(targetField(target, filter.Key))),
      );
    return answerPage(request, targets, (t) => context.store.targetKey(t), context);
  },
);

function targetField(target: EmulatorTarget, key: string): string {
  if (key === 'Type') return target.ResourceType;
  if (key === 'WindowTargetId') return target.WindowTargetId;
  return target.OwnerInformation ?? '';
}
