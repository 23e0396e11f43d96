import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { isRunning } from '@ssm-invocations/core/model';
import type { EntityReportResponse } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ssmInvocationsApiRef } from '../../api';

/** Whether anything in the report is still PENDING / IN_PROGRESS / CANCELLING. */
export function hasRunningWork(report: EntityReportResponse): boolean {
  return report.windows.some((window) =>
    (window.report?.executions ?? []).some(
      (execution) =>
        isRunning(execution.execution.Status) ||
        execution.tasks.some(
          (task) =>
            isRunning(task.task.Status) ||
            task.invocations.some((invocation) => isRunning(invocation.Status)),
        ),
    ),
  );
}

export interface EntityReportState {
  report?: EntityReportResponse;
  error?: Error;
  /** True only until the first answer; refreshes keep showing the last report. */
  loading: boolean;
  refresh: () => void;
}

/**
 * Loads the entity's report and, while any work is still running, loads it again every
 * `refreshIntervalMs` (a finished report is not polled).
 */
export function useEntityReport(
  entityRef: CompoundEntityRef,
  executions: number,
  refreshIntervalMs: number,
): EntityReportState {
  const api = useApi(ssmInvocationsApiRef);
  const [state, setState] = useState<{
    report?: EntityReportResponse;
    error?: Error;
    loading: boolean;
  }>({
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const { kind, namespace, name } = entityRef;
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    const controller = new AbortController();
    api
      .getEntityReport({ kind, namespace, name }, { executions, signal: controller.signal })
      .then((report) => {
        if (controller.signal.aborted) return;
        setState({ report, loading: false });
        if (hasRunningWork(report)) {
          timer.current = setTimeout(refresh, refreshIntervalMs);
        }
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({
          report: previous.report,
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        }));
      });
    return () => {
      controller.abort();
      clearTimeout(timer.current);
    };
  }, [api, kind, namespace, name, executions, refreshIntervalMs, generation, refresh]);

  return { ...state, refresh };
}
