import React, { useCallback, useEffect, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type {
  ReportInvocation,
  TaskIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { isFailed } from '@ssm-invocations/core/model';
import { ssmInvocationsApiRef } from '../api';
import { InvocationsTable } from './InvocationsTable';

interface TargetPages {
  invocations: ReportInvocation[];
  /** Set while more pages remain. */
  nextToken?: string;
  loading: boolean;
  error?: Error;
}

/**
 * Every target of one task, fetched only when the user asks, a page (100) at a time: the report
 * lists just the failed and running ones, so a 500-target task costs the browser nothing until
 * it is opened.
 */
export function TaskTargets(props: { ids: TaskIds; total: number; failedOnly: boolean }) {
  const { ids, total, failedOnly } = props;
  const api = useApi(ssmInvocationsApiRef);
  const { entity } = useEntity();
  const [pages, setPages] = useState<TargetPages | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  const { kind, namespace, name } = getCompoundEntityRef(entity);

  const loadPage = useCallback(
    (previous: TargetPages | undefined) => {
      if (!api.getTaskTargets) return;
      const invocations = previous?.invocations ?? [];
      controller.current = new AbortController();
      const { signal } = controller.current;
      setPages({ invocations, loading: true });
      const page = previous?.nextToken === undefined ? {} : { nextToken: previous.nextToken };
      api.getTaskTargets({ kind, namespace, name }, ids, { ...page, signal }).then(
        (answer) =>
          setPages({
            invocations: [...invocations, ...answer.invocations],
            loading: false,
            ...(answer.nextToken === undefined ? {} : { nextToken: answer.nextToken }),
          }),
        (error: Error) => {
          if (!signal.aborted)
            setPages({ ...(previous ?? { invocations }), loading: false, error });
        },
      );
    },
    [api, kind, namespace, name, ids],
  );

  if (!api.getTaskTargets || total === 0) return null;
  // Every task has these buttons: the label names the task (its execution id is unique).
  const ofTask = `of task ${ids.taskId}`;
  if (pages === undefined) {
    return (
      <Button
        size="small"
        color="primary"
        aria-label={`Show all ${total} targets ${ofTask}`}
        onClick={() => loadPage(undefined)}
      >
        Show all {total} targets
      </Button>
    );
  }
  const shown = failedOnly
    ? pages.invocations.filter((invocation) => isFailed(invocation.Status))
    : pages.invocations;
  return (
    <Box marginTop={1} data-testid="task-targets">
      <Typography variant="subtitle2">
        All targets: {pages.invocations.length} of {total} loaded
      </Typography>
      {shown.length > 0 ? <InvocationsTable invocations={shown} /> : null}
      {pages.error ? (
        <Typography variant="body2" color="error" role="alert">
          Could not load targets: {pages.error.message}
        </Typography>
      ) : null}
      {pages.loading ? (
        <Typography variant="body2" color="textSecondary">
          Loading targets…
        </Typography>
      ) : null}
      {!pages.loading && (pages.nextToken !== undefined || pages.error) ? (
        <Button
          size="small"
          color="primary"
          aria-label={`Show more targets ${ofTask}`}
          onClick={() => loadPage(pages)}
        >
          Show more
        </Button>
      ) : null}
    </Box>
  );
}
