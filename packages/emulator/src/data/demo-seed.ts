/** Builds the store of the `demo` seed from {@link demoWindows}. */
import { demoWindowTags, demoWindows } from './demo-windows';
import { HOUR_MS, buildSeededStore, isoMinutes, type SeededStore } from './seed-history';
import { scheduleOccurrences } from './schedule-occurrences';

/** The `demo` store: the demo windows with histories on their schedules, ending before `anchor`. */
export function createDemoStore(anchor: Date): SeededStore {
  return buildSeededStore('demo', demoWindows.length, (index) => {
    const demo = demoWindows[index] as (typeof demoWindows)[number];
    const created = new Date(anchor.getTime() - (400 - index * 30) * 24 * HOUR_MS);
    const duration = demo.intervalHours === 1 ? 1 : 3;
    return {
      window: {
        WindowId: demo.WindowId,
        Name: demo.Name,
        Description: demo.Description,
        Enabled: demo.Enabled,
        Duration: duration,
        Cutoff: demo.intervalHours === 1 ? 0 : 1,
        Schedule: demo.Schedule,
        ScheduleTimezone: 'UTC',
        StartDate: isoMinutes(created),
        EndDate: demo.Enabled
          ? undefined
          : isoMinutes(new Date(anchor.getTime() + 30 * 24 * HOUR_MS)),
        NextExecutionTime: demo.Enabled
          ? isoMinutes(scheduleOccurrences(demo.Schedule).after(anchor))
          : undefined,
        AllowUnassociatedTargets: false,
        CreatedDate: created,
        ModifiedDate: new Date(created.getTime() + 90 * 24 * HOUR_MS),
        Tags: demoWindowTags(demo.WindowId),
      },
      tasks: demo.tasks,
      targets: demo.targets,
      statuses: () => demo.executionStatuses,
      placement: {
        schedule: demo.Schedule,
        durationHours: duration,
        anchor,
        lateByMs: (index + 1) * 4 * 60_000,
      },
    };
  });
}
