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

/**
 * The diagnoses of a task's failed and timed-out invocations, by InvocationId, as many as the
 * budget still allows (tasks claim it in the order their invocations arrive); requests go through
 * the client's pool like the report's own.
 */
export async function diagnoseFailed(
  context: ClientContext,
  invocations: InvocationRecord[],
  budget: DiagnosisBudget,
  signal?: AbortSignal,
): Promise<Record<string, InvocationDiagnosis>> {
  const failed = invocations.filter(
    (invocation) =>
      invocation.InvocationId !== undefined &&
      invocation.Status !== undefined &&
      DIAGNOSED_STATUSES.has(invocation.Status),
  );
  const chosen = failed.slice(0, budget.remaining);
  budget.remaining -= chosen.length;
  budget.omitted += failed.length - chosen.length;
  const diagnoses = await Promise.all(
    chosen.map((invocation) => diagnoseKnownInvocation(context, invocation, signal)),
  );
  const byId: Record<string, InvocationDiagnosis> = {};
  diagnoses.forEach((diagnosis, index) => {
    const id = chosen[index]?.InvocationId;
    if (id !== undefined) byId[id] = diagnosis;
  });
  return byId;
}
