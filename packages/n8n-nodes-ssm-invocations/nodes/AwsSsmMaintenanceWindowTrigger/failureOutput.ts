/**
 * The "Include Failure Output" part of a poll: core's diagnosis of each failed or timed-out
 * invocation the poll emits, at most {@link MAX_DIAGNOSES_PER_POLL} of them. A diagnosis that
 * cannot be had (AccessDenied on a follow-up call above all) becomes a note on the item; it never
 * fails the poll, which has already moved its cursor.
 */
import type { IDataObject } from 'n8n-workflow';
import {
  REPORT_LIMITS,
  type InvocationMatch,
  type InvocationsClient,
} from '@ssm-invocations/core/json';
import { diagnosisFailureFields, diagnosisFields } from '../../shared/diagnosisJson';

/** Diagnoses one poll may fetch: core's default for a window report's. */
export const MAX_DIAGNOSES_PER_POLL = REPORT_LIMITS.diagnoses.default;

/** The invocation statuses worth diagnosing, as core's report chooses them. */
const DIAGNOSED_STATUSES = new Set(['FAILED', 'TIMED_OUT']);

/**
 * Per match (same order), the fields its item gains: `Reason` and `Diagnosis` for a failed or
 * timed-out invocation within the bound, a `LIMITED` note beyond it, nothing for other statuses.
 * Requests go through the client's pool, so they respect its concurrency and rate limits.
 *
 * @example
 * ```ts
 * const extras = await failureOutputOf(client, fresh, true);
 * ```
 */
export async function failureOutputOf(
  client: InvocationsClient,
  matches: readonly InvocationMatch[],
  simple: boolean,
): Promise<Array<IDataObject | undefined>> {
  const failed = matches.filter(({ invocation }) =>
    DIAGNOSED_STATUSES.has(invocation.Status ?? ''),
  );
  const chosen = new Set(failed.slice(0, MAX_DIAGNOSES_PER_POLL));
  const limited: IDataObject = {
    Diagnosis: {
      Notes: [
        {
          Code: 'LIMITED',
          Message: `failure output is fetched for the first ${MAX_DIAGNOSES_PER_POLL} of ${failed.length} failed invocations of a poll; use the Diagnose operation for this one`,
        },
      ],
    },
  };
  return Promise.all(
    matches.map(async (match) => {
      const { invocation } = match;
      if (!DIAGNOSED_STATUSES.has(invocation.Status ?? '')) return undefined;
      if (!chosen.has(match)) return limited;
      try {
        const diagnosis = await client.diagnoseInvocation({
          windowExecutionId: invocation.WindowExecutionId ?? '',
          taskId: invocation.TaskExecutionId ?? '',
          invocationId: invocation.InvocationId ?? '',
        });
        return diagnosisFields(diagnosis, simple);
      } catch (error) {
        return diagnosisFailureFields(error);
      }
    }),
  );
}
