/**
 * The pace of live mode: how often a window runs and how its runs turn out. A window's next run
 * starts a seeded gap after its previous one ended, the gap growing with how rarely the
 * window's real schedule fires (an hourly window is busier than a weekly one), so the demo
 * stays lively while keeping the windows' character. Now and then a run overruns into its next
 * slot, which SSM records as SKIPPED_OVERLAPPING.
 */
import type { ExecutionStatus } from '../protocol/service-model';
import type { SeededRandom } from '../state/seeded-random';
import { scheduleOccurrences } from '../data/schedule-occurrences';

const HOUR_MS = 3_600_000;
/** Interval assumed for schedules the emulator cannot place (fixtures may hold any string). */
const UNKNOWN_INTERVAL_HOURS = 24;

/** Final outcomes of live runs: mostly SUCCESS, occasionally FAILED, rarely TIMED_OUT/CANCELLED. */
const LIVE_OUTCOMES: readonly ExecutionStatus[] = [
  ...Array<ExecutionStatus>(20).fill('SUCCESS'),
  'FAILED',
  'FAILED',
  'FAILED',
  'TIMED_OUT',
  'CANCELLED',
];

/** One run in this many overruns its next slot, so that slot is SKIPPED_OVERLAPPING. */
const OVERRUN_ONE_IN = 20;

/** A run takes this many ticks, at least and at most (its plan is scaled to fit). */
const RUN_TICKS: readonly [number, number] = [1.5, 3.5];

/** Hours between occurrences of a schedule expression, or a day when it cannot be placed. */
function scheduleIntervalHours(schedule: string | undefined): number {
  try {
    const occurrences = scheduleOccurrences(schedule ?? '');
    const at = new Date(0);
    const next = occurrences.after(at);
    return (occurrences.after(next).getTime() - next.getTime()) / HOUR_MS;
  } catch {
    return UNKNOWN_INTERVAL_HOURS;
  }
}

/**
 * Typical virtual ms from the end of a window's run to the start of its next: `everyTicks`
 * ticks for an hourly (or more frequent) schedule, times 1 + log2(hours) / 2 for rarer ones
 * (daily ≈ 3.3×, weekly ≈ 4.7×, monthly ≈ 5.7×).
 */
export function liveCadenceMs(
  schedule: string | undefined,
  everyTicks: number,
  tickMs: number,
): number {
  const hours = Math.max(1, scheduleIntervalHours(schedule));
  return everyTicks * tickMs * (1 + Math.log2(hours) / 2);
}

/** What the next run of a window will be, drawn from the seeded PRNG. */
export interface PlannedRun {
  status: ExecutionStatus;
  /** How long it runs, in virtual ms. */
  durationMs: number;
  /** Whether it overruns its next slot (which is then SKIPPED_OVERLAPPING). */
  overruns: boolean;
}

/**
 * Draws a run: its outcome, its duration and whether it overruns.
 *
 * @example
 * ```ts
 * const run = planRun(createSeededRandom('live'), 5000);
 * ```
 */
export function planRun(random: SeededRandom, tickMs: number): PlannedRun {
  const status = random.pick(LIVE_OUTCOMES);
  const [shortest, longest] = RUN_TICKS;
  const durationMs = Math.round((shortest + (longest - shortest) * random.next()) * tickMs);
  const overruns = random.int(1, OVERRUN_ONE_IN) === 1;
  return { status, durationMs, overruns };
}

/** A seeded gap around `cadenceMs`: from 60 % to 140 % of it. */
export function jitteredGapMs(random: SeededRandom, cadenceMs: number): number {
  return Math.round(cadenceMs * (0.6 + 0.8 * random.next()));
}
