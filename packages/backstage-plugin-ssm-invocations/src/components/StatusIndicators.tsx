import React from 'react';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { formatStatus, statusTone, type StatusTone } from '@ssm-invocations/core/model';

// Core decides what a status means (its tone); this file only says how each tone looks.
const useStyles = makeStyles((theme) => ({
  success: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  failure: { backgroundColor: theme.palette.error.main, color: theme.palette.error.contrastText },
  running: { backgroundColor: theme.palette.info.main, color: theme.palette.info.contrastText },
  warning: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  neutral: { backgroundColor: theme.palette.grey[500], color: theme.palette.common.white },
}));

const TONE_ICONS: Record<StatusTone, typeof StatusOK> = {
  success: StatusOK,
  failure: StatusError,
  running: StatusRunning,
  warning: StatusWarning,
  neutral: StatusPending,
};

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
  const Icon = TONE_ICONS[statusTone(props.status)];
  return <Icon>{formatStatus(props.status)}</Icon>;
}

const useStripStyles = makeStyles((theme) => ({
  strip: { display: 'flex', gap: 3, alignItems: 'center', margin: theme.spacing(1, 0) },
  cell: { width: 18, height: 18, borderRadius: 3, display: 'inline-block' },
  success: { backgroundColor: theme.palette.success.main },
  failure: { backgroundColor: theme.palette.error.main },
  running: { backgroundColor: theme.palette.info.main },
  warning: { backgroundColor: theme.palette.warning.main },
  neutral: { backgroundColor: theme.palette.grey[400] },
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
