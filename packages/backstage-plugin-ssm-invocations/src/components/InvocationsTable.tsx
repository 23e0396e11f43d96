import React, { useState } from 'react';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import type { ReportInvocation } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { invocationTargets, isFailed } from '@ssm-invocations/core/model';
import { formatRunDuration } from './runDuration';
import { StatusIcon } from './StatusIndicators';
import { InvocationDiagnosis } from './diagnosis/InvocationDiagnosis';

const useStyles = makeStyles({
  noWrap: { whiteSpace: 'nowrap' },
  // An instance id stays on one line; a window target's UUID (the fallback) may wrap anywhere.
  id: { overflowWrap: 'anywhere', minWidth: '9em' },
  instance: { whiteSpace: 'nowrap' },
  expander: { width: 40 },
});

/**
 * The instances (or other resources) an invocation ran on: the backend's `targets` when it
 * stripped `Parameters`, else read from `Parameters`; `[]` when neither says.
 */
export function targetIdsOf(invocation: ReportInvocation): string[] {
  return (invocation.targets ?? invocationTargets(invocation)).map((target) => target.id);
}

function TargetCell(props: { invocation: ReportInvocation }) {
  const { invocation } = props;
  const classes = useStyles();
  const ids = targetIdsOf(invocation);
  return (
    <>
      {ids.length > 0 ? (
        ids.map((id) => (
          <div key={id} data-testid="target-id" className={classes.instance}>
            {id}
          </div>
        ))
      ) : (
        // No instance named: the window target is all SSM says.
        <div title="Window target id">{invocation.WindowTargetId ?? '—'}</div>
      )}
      {invocation.OwnerInformation ? (
        <Typography variant="caption" component="div" color="textSecondary">
          {invocation.OwnerInformation}
        </Typography>
      ) : null}
    </>
  );
}

/** One target's row; a failed one opens to its diagnosis. */
function InvocationRow(props: { invocation: ReportInvocation }) {
  const { invocation } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const ids =
    invocation.WindowExecutionId && invocation.TaskExecutionId && invocation.InvocationId
      ? {
          windowExecutionId: invocation.WindowExecutionId,
          taskId: invocation.TaskExecutionId,
          invocationId: invocation.InvocationId,
        }
      : undefined;
  const canOpen = ids !== undefined && isFailed(invocation.Status);
  const name = targetIdsOf(invocation).join(', ') || invocation.WindowTargetId || 'target';
  return (
    <>
      <TableRow data-testid="invocation-row" data-status={invocation.Status ?? 'UNKNOWN'}>
        <TableCell padding="none" className={classes.expander}>
          {canOpen ? (
            <IconButton
              size="small"
              aria-expanded={open}
              aria-label={`${open ? 'Hide' : 'Show'} why ${name} failed`}
              onClick={() => setOpen(!open)}
            >
              {open ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
            </IconButton>
          ) : null}
        </TableCell>
        <TableCell className={classes.noWrap}>
          <StatusIcon status={invocation.Status} />
        </TableCell>
        <TableCell className={classes.id}>
          <TargetCell invocation={invocation} />
        </TableCell>
        <TableCell>{invocation.StatusDetails ?? '—'}</TableCell>
        <TableCell className={classes.noWrap}>{formatRunDuration(invocation)}</TableCell>
      </TableRow>
      {canOpen && ids ? (
        <TableRow>
          <TableCell style={{ paddingBottom: 0, paddingTop: 0, maxWidth: 0 }} colSpan={5}>
            <Collapse in={open} timeout="auto" unmountOnExit>
              <InvocationDiagnosis ids={ids} />
            </Collapse>
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}

/** The per-target invocations of a task: status, instance ids, details, duration. */
export function InvocationsTable(props: { invocations: ReportInvocation[] }) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label="Invocations per target">
      <TableHead>
        <TableRow>
          <TableCell padding="none" className={classes.expander} />
          <TableCell className={classes.noWrap}>Status</TableCell>
          <TableCell>Instance · owner information</TableCell>
          <TableCell>Status details</TableCell>
          <TableCell className={classes.noWrap}>Duration</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.invocations.map((invocation) => (
          <InvocationRow
            key={invocation.InvocationId ?? invocation.WindowTargetId}
            invocation={invocation}
          />
        ))}
      </TableBody>
    </Table>
  );
}
