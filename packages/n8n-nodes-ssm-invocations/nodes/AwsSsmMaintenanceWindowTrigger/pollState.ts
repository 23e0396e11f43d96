/**
 * What the trigger remembers between polls (in `getWorkflowStaticData('node')`, which n8n
 * persists with the workflow): where the next poll starts, and which invocations it already
 * emitted. Pure functions over that object, so dedupe is testable without n8n.
 */

/** The persisted shape. Plain JSON: n8n stores it in its database. */
export interface PollState {
  /** ISO time: executions that started at or after it are examined. */
  cursor?: string;
  /** Emission key (invocation and status) → start time (epoch ms) of its execution, for pruning. */
  seen?: Record<string, number>;
  /**
   * Ids of the finished executions the last poll listed: the next poll does not read their tasks
   * and invocations again (nothing of a finished execution changes), so a quiet poll costs one
   * execution listing per window. Replaced by every poll, so ids drop out once no longer listed.
   */
  finished?: string[];
}

/**
 * Upper bound on remembered emissions, and on remembered finished executions, so the static
 * data cannot grow without limit (about 10,000 × 60 bytes each at most). Past it, the oldest
 * invocations are forgotten (an invocation that old is before the cursor in practice), and
 * finished executions beyond the newest 10,000 are simply read again.
 */
export const MAX_SEEN = 10_000;

/**
 * Executions are re-read this long after they start even when finished; covers clock skew
 * between n8n and AWS and executions listed late. The seen-set prevents repeats.
 */
export const CURSOR_OVERLAP_MS = 5 * 60_000;

/**
 * What the trigger emits once: one invocation in one status, across polls and restarts. The
 * status is part of it because an invocation moves on (IN_PROGRESS, then FAILED): with a
 * non-final status chosen, each status it is reported in is emitted once, and the final one is
 * never hidden behind an earlier emission.
 *
 * @example
 * ```ts
 * emissionKey(invocation); // '<WindowExecutionId>/<TaskExecutionId>/<InvocationId>/<Status>'
 * ```
 */
export function emissionKey(record: {
  WindowExecutionId?: string;
  TaskExecutionId?: string;
  InvocationId?: string;
  Status?: string;
}): string {
  return `${record.WindowExecutionId ?? ''}/${record.TaskExecutionId ?? ''}/${record.InvocationId ?? ''}/${record.Status ?? ''}`;
}

/**
 * Where this poll starts: the stored cursor, or `lookbackMs` before now on the first poll.
 *
 * @example
 * ```ts
 * pollStart({}, new Date('2026-01-01T12:00:00Z'), 3_600_000); // 2026-01-01T11:00:00Z
 * ```
 */
export function pollStart(state: PollState, now: Date, lookbackMs: number): Date {
  const stored = state.cursor ? new Date(state.cursor) : undefined;
  if (stored && !Number.isNaN(stored.getTime())) return stored;
  return new Date(now.getTime() - lookbackMs);
}

/**
 * True once per key: marks it seen (with its execution's start time) on first sight.
 *
 * @example
 * ```ts
 * markSeen(state, key, startMs); // true
 * markSeen(state, key, startMs); // false
 * ```
 */
export function markSeen(state: PollState, key: string, executionStartMs: number): boolean {
  const seen = (state.seen ??= {});
  if (key in seen) return false;
  seen[key] = executionStartMs;
  return true;
}

/**
 * Moves the cursor after a successful poll: to `now - overlap`, but never past the start of an
 * execution that is still running (its targets may still fail). Then forgets keys of executions
 * before the cursor (never listed again) and trims to {@link MAX_SEEN}, oldest first.
 *
 * @example
 * ```ts
 * advance(state, new Date(), oldestRunningStartMs);
 * ```
 */
export function advance(
  state: PollState,
  now: Date,
  oldestRunningStartMs: number | undefined,
): void {
  let cursorMs = now.getTime() - CURSOR_OVERLAP_MS;
  if (oldestRunningStartMs !== undefined)
    cursorMs = Math.min(cursorMs, oldestRunningStartMs - 1000);
  const previous = state.cursor ? new Date(state.cursor).getTime() : Number.NEGATIVE_INFINITY;
  // Never move backwards: a poll that saw fewer executions must not re-open old ground.
  if (!(cursorMs > previous) && Number.isFinite(previous)) cursorMs = previous;
  state.cursor = new Date(cursorMs).toISOString();

  const entries = Object.entries(state.seen ?? {}).filter(([, startMs]) => startMs >= cursorMs);
  entries.sort(([, a], [, b]) => b - a);
  state.seen = Object.fromEntries(entries.slice(0, MAX_SEEN));
}

/**
 * Keeps the finished executions a poll listed for the next poll to skip, at most
 * {@link MAX_SEEN} of them (newest first, as the walk lists them).
 *
 * @example
 * ```ts
 * rememberFinished(state, result.finishedExecutionIds);
 * ```
 */
export function rememberFinished(state: PollState, executionIds: readonly string[]): void {
  state.finished = executionIds.slice(0, MAX_SEEN);
}
