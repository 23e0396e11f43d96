import React from 'react';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { formatStatus, isFailedStatus, isRunningStatus } from '@ssm-invocations/core/model';

/** Which colour family a status belongs to; every view of a status uses this one rule. */
export type StatusTone = 'success' | 'failed' | 'running' | 'skipped' | 'unknown';

export function statusTone(status: string | undefined): StatusTone {
  if (status === 'SUCCESS') return 'success';
  if (isFailedStatus(status)) return 'failed';
  if (isRunningStatus(status)) return 'running';
  if (status === 'SKIPPED_OVERLAPPING') return 'skipped';
  return 'unknown';
}

const useStyles = makeStyles((theme) => ({
  success: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  failed: { backgroundColor: theme.palette.error.main, color: theme.palette.error.contrastText },
  running: { backgroundColor: theme.palette.info.main, color: theme.palette.info.contrastText },
  skipped: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  unknown: { backgroundColor: theme.palette.grey[500], color: theme.palette.common.white },
}));

/** A coloured chip with the status's human label. */
export function StatusChip(props: { status: string | undefined }) {
  const classes = useStyles();
  const tone = statusTone(props.status);
  return (
    <Chip
      size="small"
      label={formatStatus(props.status)}
      className={classes[tone]}
      data-status={props.status ?? 'UNKNOWN'}
    />
  );
}

/** Backstage's status icon + label, as used in tables. */
export function StatusIcon(props: { status: string | undefined }) {
  const label = formatStatus(props.status);
  switch (statusTone(props.status)) {
    case 'success':
      return <StatusOK>{label}</StatusOK>;
    case 'failed':
      return props.status === 'CANCELLED' ? (
        <StatusAborted>{label}</StatusAborted>
      ) : (
        <StatusError>{label}</StatusError>
      );
    case 'running':
      return props.status === 'PENDING' ? (
        <StatusPending>{label}</StatusPending>
      ) : (
        <StatusRunning>{label}</StatusRunning>
      );
    case 'skipped':
      return <StatusWarning>{label}</StatusWarning>;
    default:
      return <StatusPending>{label}</StatusPending>;
  }
}

const useStripStyles = makeStyles((theme) => ({
  strip: { display: 'flex', gap: 3, alignItems: 'center', margin: theme.spacing(1, 0) },
  cell: { width: 18, height: 18, borderRadius: 3, display: 'inline-block' },
  success: { backgroundColor: theme.palette.success.main },
  failed: { backgroundColor: theme.palette.error.main },
  running: { backgroundColor: theme.palette.info.main },
  skipped: { backgroundColor: theme.palette.warning.main },
  unknown: { backgroundColor: theme.palette.grey[400] },
}));

/**
 * Oldest to newest, left to right: one square per execution, coloured by outcome, so a glance
 * reads "green for a week, red last night".
 */
export function ExecutionStrip(props: {
  executions: Array<{ id: string; status: string | undefined; startTime: string | undefined }>;
}) {
  const classes = useStripStyles();
  const oldestFirst = [...props.executions].reverse();
  return (
    <div className={classes.strip} role="list" aria-label="Recent executions, oldest first">
      {oldestFirst.map((execution) => {
        const when = execution.startTime
          ? new Date(execution.startTime).toLocaleString()
          : 'not started';
        const title = `${formatStatus(execution.status)} — ${when}`;
        return (
          <span
            key={execution.id}
            role="listitem"
            title={title}
            aria-label={title}
            data-status={execution.status ?? 'UNKNOWN'}
            className={`${classes.cell} ${classes[statusTone(execution.status)]}`}
          />
        );
      })}
    </div>
  );
}
