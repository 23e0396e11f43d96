/**
 * The triggers' "Include Failure Output": core's diagnosis of each failed or timed-out
 * invocation a poll or an event emits, at most {@link MAX_DIAGNOSES_PER_POLL} of them at once. A
 * diagnosis that cannot be had (AccessDenied on a follow-up call above all) becomes a note on the
 * item; it never fails the poll (which has already moved its cursor) or the event (which has
 * already been answered).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import {
  REPORT_LIMITS,
  type InvocationRecord,
  type InvocationsClient,
} from '@ssm-invocations/core/json';
import { diagnosisFailureFields, diagnosisFields } from './diagnosisJson';

/** Diagnoses one poll (or one event) may fetch: core's default for a window report's. */
export const MAX_DIAGNOSES_PER_POLL = REPORT_LIMITS.diagnoses.default;

/** Both triggers' switch (on by default). */
export const INCLUDE_FAILURE_OUTPUT_PROPERTY: INodeProperties = {
  displayName: 'Include Failure Output',
  name: 'includeFailureOutput',
  type: 'boolean',
  default: true,
  description: `Whether to add why each failed or timed-out invocation failed: per instance the exit code and stderr tail, or the failed Automation step, and console links (a few extra reads per invocation, at most ${MAX_DIAGNOSES_PER_POLL} invocations per poll or event)`,
};

/** The invocation statuses worth diagnosing, as core's report chooses them. */
const DIAGNOSED_STATUSES = new Set(['FAILED', 'TIMED_OUT']);

/**
 * Per invocation (same order), the fields its item gains: `Reason` and `Diagnosis` for a failed or
 * timed-out invocation within the bound, a `LIMITED` note beyond it, nothing for other statuses.
 * Requests go through the client's pool, so they respect its concurrency and rate limits.
 *
 * @example
 * ```ts
 * const extras = await failureOutputOf(client, fresh.map((match) => match.invocation), true);
 * ```
 */
export async function failureOutputOf(
  client: InvocationsClient,
  invocations: readonly InvocationRecord[],
  simple: boolean,
): Promise<Array<IDataObject | undefined>> {
  const failed = invocations.filter((invocation) =>
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
    invocations.map(async (invocation) => {
      if (!DIAGNOSED_STATUSES.has(invocation.Status ?? '')) return undefined;
      if (!chosen.has(invocation)) return limited;
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
