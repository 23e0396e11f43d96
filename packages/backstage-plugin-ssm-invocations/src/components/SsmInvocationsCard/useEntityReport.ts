import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { isRunning } from '@ssm-invocations/core/model';
import type { EntityReportResponse } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ssmInvocationsApiRef } from '../../api';
import { isTransientFailure, retryDelayMs } from './retryDelay';

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
  /** True until the first answer for this entity; refreshes keep showing the last report. */
  loading: boolean;
  /** Loads the report again now (cancelling a pending attempt or scheduled retry). */
  refresh: () => void;
}

interface LoadedState {
  /** The entity and execution count the report and error belong to. */
  key: string;
  report?: EntityReportResponse;
  error?: Error;
}

/**
 * Loads the entity's report and, while any work is still running, loads it again every
 * `refreshIntervalMs` (a finished report is not polled). After a transient failure (5xx, 429,
 * network) it tries again, waiting twice as long after each failure in a row (and at least what a
 * Retry-After asks), up to five minutes. Another entity or execution count starts from scratch:
 * one entity's report is never shown under another.
 */
export function useEntityReport(
  entityRef: CompoundEntityRef,
  executions: number,
  refreshIntervalMs: number,
): EntityReportState {
  const api = useApi(ssmInvocationsApiRef);
  const { kind, namespace, name } = entityRef;
  const key = JSON.stringify([kind, namespace, name, executions]);
  const [state, setState] = useState<LoadedState | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  // Failures in a row for `key`: the backoff grows with them and resets on success.
  const failures = useRef({ key, count: 0 });

  useEffect(() => {
    if (failures.current.key !== key) failures.current = { key, count: 0 };
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    api
      .getEntityReport({ kind, namespace, name }, { executions, signal: controller.signal })
      .then((report) => {
        if (controller.signal.aborted) return;
        failures.current.count = 0;
        setState({ key, report });
        if (hasRunningWork(report)) timer = setTimeout(refresh, refreshIntervalMs);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        const error = reason instanceof Error ? reason : new Error(String(reason));
        failures.current.count += 1;
        setState((previous) => ({
          key,
          ...(previous?.key === key && previous.report ? { report: previous.report } : {}),
          error,
        }));
        if (isTransientFailure(error)) {
          const delay = retryDelayMs(error, failures.current.count, refreshIntervalMs, Date.now());
          timer = setTimeout(refresh, delay);
        }
      });
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, key, kind, namespace, name, executions, refreshIntervalMs, generation, refresh]);

  // Until the first answer for this key, what is held belongs to another entity: show nothing.
  if (state?.key !== key) return { loading: true, refresh };
  return {
    ...(state.report ? { report: state.report } : {}),
    ...(state.error ? { error: state.error } : {}),
    loading: false,
    refresh,
  };
}
