/**
 * The diagnoses of a window report: its failed and timed-out invocations, diagnosed from the
 * records the report already read, within one budget (`maxDiagnoses`) shared by all its tasks.
 */
import { REPORT_LIMITS } from '../model/constants';
import type { InvocationDiagnosis } from '../model/diagnosis';
import { InvalidInputError } from '../model/errors';
import type { InvocationRecord } from '../model/types';
import { validateInteger } from '../model/validators';
import { diagnoseKnownInvocation } from './diagnose-invocation';
import type { ClientContext } from './request';

/** Diagnoses left to give in one report, and how many failed invocations went without. */
export interface DiagnosisBudget {
  remaining: number;
  omitted: number;
}

const DIAGNOSED_STATUSES = new Set(['FAILED', 'TIMED_OUT']);

/** The budget of `diagnose` / `maxDiagnoses`, validated; `undefined` when nothing is diagnosed. */
export function diagnosisBudget(
  diagnose: unknown,
  maxDiagnoses: unknown,
): DiagnosisBudget | undefined {
  if (diagnose !== undefined && diagnose !== 'none' && diagnose !== 'failed') {
    throw new InvalidInputError('diagnose', "must be 'failed' or 'none'", {}, 'invalid');
  }
  const { min, max, default: fallback } = REPORT_LIMITS.diagnoses;
  const limit = validateInteger(maxDiagnoses, 'maxDiagnoses', min, max) ?? fallback;
  return diagnose === 'failed' ? { remaining: limit, omitted: 0 } : undefined;
}

/** The diagnoses of one task, started as its invocations arrive. */
export interface TaskDiagnoses {
  /** Starts the diagnosis of `invocation` if it failed or timed out and the budget allows. */
  add(invocation: InvocationRecord): void;
  /** The diagnoses started, by InvocationId in the order their invocations arrived. */
  settled(): Promise<Record<string, InvocationDiagnosis>>;
  /**
   * The task could not be read after all: waits for the diagnoses already started (no request
   * of the report outlives it) and drops them. What they claimed stays spent: the budget bounds
   * the requests a report sends, and handing it back later would let an invocation that arrived
   * after another task's omitted ones be diagnosed in their place. The task's own omitted
   * invocations are no longer counted: a task reported as an error has none.
   */
  abandon(): Promise<void>;
}

/**
 * The diagnoses of a task's failed and timed-out invocations, each started the moment its
 * invocation arrives (while the task's next page is still on its way), as many as the budget
 * still allows: tasks claim it in the order their invocations arrive, and a claim is never given
 * back, so no diagnosis is omitted while budget is still to come. Requests go through the
 * client's pool like the report's own.
 */
export function taskDiagnoses(
  context: ClientContext,
  budget: DiagnosisBudget,
  signal?: AbortSignal,
): TaskDiagnoses {
  const started: Array<{ id: string; diagnosis: Promise<InvocationDiagnosis> }> = [];
  let omitted = 0;
  return {
    add(invocation) {
      const id = invocation.InvocationId;
      if (id === undefined || invocation.Status === undefined) return;
      if (!DIAGNOSED_STATUSES.has(invocation.Status)) return;
      if (budget.remaining <= 0) {
        budget.omitted += 1;
        omitted += 1;
        return;
      }
      budget.remaining -= 1;
      const diagnosis = diagnoseKnownInvocation(context, invocation, signal);
      // Awaited in settled() or abandon(); until then a rejection is not "unhandled".
      diagnosis.catch(() => undefined);
      started.push({ id, diagnosis });
    },
    async settled() {
      const diagnoses = await Promise.all(started.map((entry) => entry.diagnosis));
      const byId: Record<string, InvocationDiagnosis> = {};
      diagnoses.forEach((diagnosis, index) => {
        const id = started[index]?.id;
        if (id !== undefined) byId[id] = diagnosis;
      });
      return byId;
    },
    async abandon() {
      await Promise.allSettled(started.map((entry) => entry.diagnosis));
      budget.omitted -= omitted;
      started.length = 0;
      omitted = 0;
    },
  };
}
