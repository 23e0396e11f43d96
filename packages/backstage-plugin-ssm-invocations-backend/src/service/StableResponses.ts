import type {
  EntityReportResponse,
  EntityWindowReport,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { RecentValues } from './RecentValues';

/** Entity responses remembered for reuse (each shares its report objects with the report memo). */
const MAX_RESPONSES = 200;

/**
 * Report responses by entity and query, kept while their windows' reports stay the same objects
 * (the parsed-report memo keeps them identical while the cache holds the same text): a stable
 * response object lets the router reuse its encoded body.
 *
 * @example
 * ```ts
 * return responses.unchangedOrNew(`${entityRef}:${executions}`, windows);
 * ```
 */
export class StableResponses {
  readonly #responses = new RecentValues<string, EntityReportResponse>(MAX_RESPONSES);

  /** The response served last time for this key if every window's report is the same object. */
  unchangedOrNew(key: string, windows: EntityWindowReport[]): EntityReportResponse {
    const previous = this.#responses.get(key);
    if (
      previous &&
      previous.windows.length === windows.length &&
      previous.windows.every(
        (window, index) =>
          window.windowArn === windows[index]?.windowArn &&
          window.report === windows[index]?.report,
      )
    ) {
      return previous;
    }
    const response = { windows };
    this.#responses.set(key, response);
    return response;
  }
}
