/**
 * The history of a window report: a finished execution's tasks, invocations and diagnoses never
 * change, so a report can keep them in a store (Backstage's cache, a process's memory) and read
 * them back instead of asking SSM again. Only what is settled is written; anything read back is
 * checked by shape, and a store that fails or holds garbage costs a refetch, never the report.
 */
import { HISTORY_LIMITS, type ExecutionStatus } from '../model/constants';
import type { InvocationDiagnosis } from '../model/diagnosis';
import type { TaskReport } from '../model/report';
import { isSettledExecution } from '../model/status';
import { summarize } from '../model/summarize';
import type { InvocationRecord, TaskRecord } from '../model/types';
import { validateInteger } from '../model/validators';

/**
 * A value a {@link ReportHistoryStore} holds: plain JSON, as Backstage's `CacheService` takes.
 *
 * @example
 * ```ts
 * const value: ReportHistoryValue = { v: 1, tasks: [] };
 * ```
 */
export type ReportHistoryValue =
  string | number | boolean | null | ReportHistoryValue[] | { [key: string]: ReportHistoryValue };

/**
 * Where `getWindowReport` keeps finished executions between calls. The shape is a subset of
 * Backstage's `CacheService` (`coreServices.cache`), so a backend passes its cache as it is; the
 * CLI and n8n can use {@link createMemoryHistoryStore}. A store that throws or rejects only costs
 * a refetch.
 *
 * @example
 * ```ts
 * const history: ReportHistoryStore = {
 *   get: async (key) => myMap.get(key),
 *   set: async (key, value, { ttl }) => void myMap.set(key, value), // ttl in milliseconds
 * };
 * await client.getWindowReport({ windowId }, { history });
 * ```
 */
export interface ReportHistoryStore {
  /** The value stored under `key`, or `undefined` when there is none (or it expired). */
  get(key: string): Promise<unknown>;
  /** Stores `value` under `key` for `options.ttl` milliseconds. */
  set(key: string, value: ReportHistoryValue, options: { ttl: number }): Promise<void>;
}

/** Bumped whenever the stored shape changes, so old entries are simply never read again. */
const KEY_VERSION = 'v1';
const VALUE_VERSION = 1;

/** What a report keeps of one finished execution. */
export interface ExecutionHistory {
  windowId: string;
  windowExecutionId: string;
  statuses: ExecutionStatus[] | undefined;
  diagnose: boolean;
}

/** The key of one finished execution's tasks under one status filter and diagnose mode. */
export function historyKey(history: ExecutionHistory): string {
  const statuses = history.statuses === undefined ? '*' : [...history.statuses].sort().join(',');
  const diagnose = history.diagnose ? 'failed' : 'none';
  return `ssm-invocations:report-history:${KEY_VERSION}:${history.windowId}:${history.windowExecutionId}:statuses=${statuses}:diagnose=${diagnose}`;
}

/** Validates `historyTtlMs`; the default when absent. */
export function validateHistoryTtl(value: unknown): number {
  const { min, max, default: fallback } = HISTORY_LIMITS.ttlMs;
  return validateInteger(value, 'historyTtlMs', min, max) ?? fallback;
}

/** Whether an execution's tasks are settled: nothing in it can change any more. */
export function isSettled(executionStatus: string | undefined, tasks: TaskReport[]): boolean {
  return (
    tasks.every((t) => t.error === undefined) &&
    isSettledExecution(
      executionStatus,
      tasks.flatMap((t) => [
        t.task.Status,
        ...t.invocations.map((invocation) => invocation.Status),
      ]),
    )
  );
}

// Dates travel as `{ $date: iso }`: a JSON store (Redis) would turn them into bare strings.
function encode(value: unknown): ReportHistoryValue | undefined {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map((item) => encode(item) ?? null);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, ReportHistoryValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const encoded = encode(item);
      if (encoded !== undefined) out[key] = encoded;
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return undefined;
}

class CorruptEntry extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$date') {
      const date = typeof value.$date === 'string' ? new Date(value.$date) : new Date(NaN);
      if (Number.isNaN(date.getTime())) throw new CorruptEntry();
      return date;
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = decode(value[key]);
    return out;
  }
  return value;
}

/** The value stored for a settled execution's task reports. */
export function historyValue(
  windowExecutionId: string,
  tasks: TaskReport[],
): ReportHistoryValue | undefined {
  return encode({
    v: VALUE_VERSION,
    windowExecutionId,
    tasks: tasks.map(({ task, invocations, diagnoses }) => ({ task, invocations, diagnoses })),
  });
}

function optional(value: unknown, type: 'string'): boolean {
  return value === undefined || typeof value === type;
}

function optionalDate(value: unknown): boolean {
  return value === undefined || value instanceof Date;
}

function objectsOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value) || !value.every(isPlainObject)) throw new CorruptEntry();
  return value;
}

function taskOf(value: Record<string, unknown>): TaskReport {
  const { task, invocations, diagnoses } = value;
  if (!isPlainObject(task) || typeof task.TaskExecutionId !== 'string') throw new CorruptEntry();
  const records = objectsOf(invocations);
  // The fields summaries and views read: a wrong type there would break them, not just look odd.
  for (const record of records) {
    if (!optional(record.Status, 'string') || !optional(record.InvocationId, 'string')) {
      throw new CorruptEntry();
    }
    if (!optionalDate(record.StartTime) || !optionalDate(record.EndTime)) throw new CorruptEntry();
  }
  const report: TaskReport = {
    task: task as TaskRecord,
    invocations: records as InvocationRecord[],
    summary: summarize(records as InvocationRecord[]),
  };
  if (diagnoses !== undefined) {
    if (!isPlainObject(diagnoses) || !Object.values(diagnoses).every(isPlainObject)) {
      throw new CorruptEntry();
    }
    report.diagnoses = diagnoses as Record<string, InvocationDiagnosis>;
  }
  return report;
}

/**
 * The task reports stored for `windowExecutionId`, or `undefined` when `stored` is not a
 * well-formed entry of this execution (it is then refetched and overwritten).
 */
export function tasksFromHistory(
  windowExecutionId: string,
  stored: unknown,
): TaskReport[] | undefined {
  try {
    const value = decode(stored);
    if (!isPlainObject(value) || value.v !== VALUE_VERSION) return undefined;
    if (value.windowExecutionId !== windowExecutionId) return undefined;
    return objectsOf(value.tasks).map(taskOf);
  } catch (error) {
    if (error instanceof CorruptEntry) return undefined;
    throw error;
  }
}

/** `work`, or `undefined` once it fails or `signal` aborts (the abort is then rethrown). */
export async function tolerated<T>(
  work: () => Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T | undefined> {
  signal?.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  // The store's promise is raced, not awaited alone: a hung store must not hold an aborted report.
  const attempt = (async () => {
    try {
      return await work();
    } catch {
      return undefined;
    }
  })();
  try {
    return signal === undefined ? await attempt : await Promise.race([attempt, aborted]);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
