/**
 * How a window report uses its `history` option: validate it, read a finished execution's tasks
 * back (claiming the diagnoses they carry from the report's budget), and store the tasks of an
 * execution once everything in it has settled.
 */
import type { ExecutionStatus } from '../model/constants';
import { InvalidInputError } from '../model/errors';
import type { TaskReport } from '../model/report';
import { isFailed, isRunning } from '../model/status';
import type { ExecutionRecord } from '../model/types';
import type { DiagnosisBudget } from './report-diagnoses';
import {
  historyKey,
  historyValue,
  isSettled,
  tasksFromHistory,
  tolerated,
  validateHistoryTtl,
  type ReportHistoryStore,
} from './report-history';

/** The call options `getWindowReport` takes besides `signal`. */
export const WINDOW_REPORT_OPTION_KEYS = ['history', 'historyTtlMs'] as const;

/** A report's history store, how long entries live, and the window they belong to. */
export interface HistoryPlan {
  store: ReportHistoryStore;
  ttlMs: number;
  windowId: string;
}

/** What of a report's plan reading and writing history depends on. */
interface PlanWithHistory {
  statuses: ExecutionStatus[] | undefined;
  diagnoses?: DiagnosisBudget;
  history?: HistoryPlan;
}

function isStore(value: unknown): value is ReportHistoryStore {
  const candidate = value as Partial<ReportHistoryStore> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.get === 'function' &&
    typeof candidate.set === 'function'
  );
}

/** The `history` and `historyTtlMs` call options, validated (signal and key names are checked by `signalOf`). */
export function historyPlan(options: unknown): Omit<HistoryPlan, 'windowId'> | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const { history, historyTtlMs } = options as { history?: unknown; historyTtlMs?: unknown };
  const ttlMs = validateHistoryTtl(historyTtlMs);
  if (history === undefined) return undefined;
  if (!isStore(history)) {
    throw new InvalidInputError('history', 'must have get and set methods', {}, 'type');
  }
  return { store: history, ttlMs };
}

function keyOf(plan: PlanWithHistory, history: HistoryPlan, windowExecutionId: string): string {
  return historyKey({
    windowId: history.windowId,
    windowExecutionId,
    statuses: plan.statuses,
    diagnose: plan.diagnoses !== undefined,
  });
}

/** Whether every failed invocation of `tasks` has its diagnosis, each without a failed read. */
function diagnosesComplete(tasks: TaskReport[]): boolean {
  return tasks.every((t) =>
    t.invocations.every((invocation) => {
      if (invocation.InvocationId === undefined || !isFailed(invocation.Status)) return true;
      if (invocation.Status === 'CANCELLED') return true;
      const diagnosis = t.diagnoses?.[invocation.InvocationId];
      return diagnosis !== undefined && diagnosis.notes.every((note) => note.code === 'LIMITED');
    }),
  );
}

/**
 * The stored task reports of a finished execution, or `undefined` to fetch them: no store, a
 * running execution, a miss, a failing store, a malformed entry, or diagnoses the budget has no
 * room left for.
 */
export async function readHistory(
  plan: PlanWithHistory,
  execution: ExecutionRecord,
  windowExecutionId: string,
  signal: AbortSignal | undefined,
): Promise<TaskReport[] | undefined> {
  const { history } = plan;
  if (history === undefined || execution.Status === undefined || isRunning(execution.Status)) {
    return undefined;
  }
  const key = keyOf(plan, history, windowExecutionId);
  const stored = await tolerated(() => history.store.get(key), signal);
  const tasks = stored === undefined ? undefined : tasksFromHistory(windowExecutionId, stored);
  if (tasks === undefined) return undefined;
  if (plan.diagnoses !== undefined) {
    const count = tasks.reduce((n, t) => n + Object.keys(t.diagnoses ?? {}).length, 0);
    if (count > plan.diagnoses.remaining) return undefined;
    plan.diagnoses.remaining -= count;
  }
  return tasks;
}

/** Stores the task reports of an execution in which nothing can change any more. */
export async function writeHistory(
  plan: PlanWithHistory,
  execution: ExecutionRecord,
  windowExecutionId: string,
  tasks: TaskReport[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const { history } = plan;
  if (history === undefined || !isSettled(execution.Status, tasks)) return;
  if (plan.diagnoses !== undefined && !diagnosesComplete(tasks)) return;
  const value = historyValue(windowExecutionId, tasks);
  if (value === undefined) return;
  const key = keyOf(plan, history, windowExecutionId);
  await tolerated(() => history.store.set(key, value, { ttl: history.ttlMs }), signal);
}
