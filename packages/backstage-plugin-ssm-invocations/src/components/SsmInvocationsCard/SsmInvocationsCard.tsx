import React, { useState } from 'react';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { InfoCard, MissingAnnotationEmptyState, Progress } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import {
  ANNOTATION_SSM_WINDOW_ARN,
  isSsmInvocationsAvailable,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { WindowSection } from '../WindowSection';
import { explainProblem } from '../problemHints';
import { useEntityReport } from './useEntityReport';

/**
 * Props of {@link SsmInvocationsCard}.
 *
 * @example
 * ```tsx
 * <EntitySsmInvocationsCard executions={10} refreshIntervalMs={30_000} />
 * ```
 *
 * @public
 */
export interface SsmInvocationsCardProps {
  /** How many latest executions per window (default 7: a week of a nightly window). */
  executions?: number;
  /** Reload period while anything is PENDING / IN_PROGRESS (default 15 s). */
  refreshIntervalMs?: number;
  /** Card title (default "Maintenance windows"). */
  title?: string;
}

function describeRequestError(error: Error) {
  if (error instanceof ResponseError) {
    return explainProblem({
      name: error.body.error.name,
      message: error.body.error.message,
      statusCode: error.statusCode,
      code: (error.body.error as { code?: string }).code,
    });
  }
  return explainProblem(error);
}

/** Body of the card once the entity is known to be annotated. */
function SsmInvocationsCardContent(props: Required<SsmInvocationsCardProps>) {
  const { entity } = useEntity();
  const [failedOnly, setFailedOnly] = useState(false);
  const { report, error, loading, refresh } = useEntityReport(
    getCompoundEntityRef(entity),
    props.executions,
    props.refreshIntervalMs,
  );
  const toggle = (
    <FormControlLabel
      control={
        <Switch
          checked={failedOnly}
          onChange={(event) => setFailedOnly(event.target.checked)}
          color="primary"
          size="small"
        />
      }
      label="Failed only"
    />
  );
  const retry = (
    <Button color="inherit" size="small" onClick={refresh}>
      Retry
    </Button>
  );
  let body: React.ReactNode;
  if (loading) {
    body = <Progress />;
  } else if (error && !report) {
    const problem = describeRequestError(error);
    body = (
      <Alert severity="error" role="alert" action={retry}>
        <strong>{problem.title}.</strong> {problem.message}
        <br />
        {problem.fix}
      </Alert>
    );
  } else if (report && report.windows.length === 0) {
    body = (
      <Typography color="textSecondary">
        The backend found no maintenance windows in this entity&apos;s annotations.
      </Typography>
    );
  } else {
    body = (
      <>
        {error ? (
          <Alert severity="warning" action={retry}>
            Refresh failed, showing the last result: {describeRequestError(error).message}
          </Alert>
        ) : null}
        {report?.windows.map((window) => (
          <WindowSection key={window.windowArn} window={window} failedOnly={failedOnly} />
        ))}
      </>
    );
  }
  return (
    <div data-testid="ssm-invocations-card">
      <InfoCard title={props.title} action={toggle}>
        {body}
      </InfoCard>
    </div>
  );
}

/**
 * The entity card: per annotated maintenance window its name, next run, an outcome strip of the
 * latest executions, and the executions themselves, expandable to tasks and per-target
 * invocations. Shows how to annotate the entity when it isn't.
 *
 * @example
 * ```tsx
 * <EntitySwitch.Case if={isSsmInvocationsAvailable}>
 *   <Grid item md={6}><EntitySsmInvocationsCard /></Grid>
 * </EntitySwitch.Case>
 * ```
 *
 * @public
 */
export function SsmInvocationsCard(props: SsmInvocationsCardProps) {
  const { entity } = useEntity();
  const title = props.title ?? 'Maintenance windows';
  if (!isSsmInvocationsAvailable(entity)) {
    return <MissingAnnotationEmptyState annotation={ANNOTATION_SSM_WINDOW_ARN} />;
  }
  return (
    <SsmInvocationsCardContent
      executions={props.executions ?? 7}
      refreshIntervalMs={props.refreshIntervalMs ?? 15_000}
      title={title}
    />
  );
}
