import {
  summarizeWindowReport,
  type Serialized,
  type WindowReport,
  type WindowReportSummary,
} from '@ssm-invocations/core/model';
import { reportWithoutSensitiveMembers } from './invocationExposure';

/**
 * Summaries by source report and by whether parameters are exposed, so an unchanged (memoized)
 * report keeps one summary object, and the router keeps reusing its encoded body.
 */
const summaries = {
  exposed: new WeakMap<object, object>(),
  stripped: new WeakMap<object, object>(),
};

/**
 * What the report route and the `get-window-report` action send of a cached report: core's
 * summary shape (counts of every target, only the failed, timed-out, cancelled and running ones
 * listed), stripped of `Parameters` and `OwnerInformation` unless `exposeParameters`. The same
 * source object always gives the same summary; the source is not changed (it is shared).
 *
 * @example
 * ```ts
 * const body = reportSummaryForCaller(report, { exposeParameters: false });
 * ```
 */
export function reportSummaryForCaller(
  report: Serialized<WindowReport>,
  options: { exposeParameters: boolean },
): Serialized<WindowReportSummary> {
  const memo = options.exposeParameters ? summaries.exposed : summaries.stripped;
  const known = memo.get(report) as Serialized<WindowReportSummary> | undefined;
  if (known) return known;
  const summary = summarizeWindowReport(report);
  const answer = options.exposeParameters ? summary : reportWithoutSensitiveMembers(summary);
  memo.set(report, answer);
  return answer;
}
