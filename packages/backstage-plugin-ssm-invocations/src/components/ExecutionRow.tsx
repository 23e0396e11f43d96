import React, { useState } from 'react';
import Box from '@material-ui/core/Box';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import { Link } from '@backstage/core-components';
import {
  formatTimestamp,
  isFailed,
  type ExecutionReportSummary,
  type Serialized,
} from '@ssm-invocations/core/model';
import { formatRunDuration } from './runDuration';
import { StatusChip } from './StatusIndicators';
import { windowConsoleLink } from './consoleLinks';
import { TaskBlock } from './TaskBlock';
import { useExecutionColumnStyles } from './executionColumns';

type SerializedExecution = Serialized<ExecutionReportSummary>;

// The reader's own time zone, as the AWS console shows times; the core formats (with the offset).
const readerTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A time of a report (ISO string) in the reader's time zone, e.g. `2026-11-28 22:05:29 GMT+1`;
 * the core's placeholder when missing.
 */
export function formatReaderTime(value: string | undefined): string {
  return formatTimestamp(value, { timeZone: readerTimeZone });
}

/**
 * One execution: status chip, start, duration, target counts and a console link; expands to its
 * tasks and their per-target invocations.
 */
export function ExecutionRow(props: {
  execution: SerializedExecution;
  region: string;
  windowId: string;
  failedOnly: boolean;
}) {
  const { execution, region, windowId, failedOnly } = props;
  const columns = useExecutionColumnStyles();
  const [open, setOpen] = useState(false);
  const record = execution.execution;
  const href = windowConsoleLink({ region, windowId, windowExecutionId: record.WindowExecutionId });
  const tasks = failedOnly
    ? execution.tasks.filter(
        (task) => isFailed(task.task.Status) || task.error !== undefined || task.summary.failed > 0,
      )
    : execution.tasks;
  const { summary } = execution;
  const label = `execution ${record.WindowExecutionId ?? ''} started ${formatReaderTime(record.StartTime)}`;
  return (
    <>
      <TableRow data-testid="execution-row" data-status={record.Status ?? 'UNKNOWN'}>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${label}`}
            onClick={() => setOpen(!open)}
          >
            {open ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
          </IconButton>
        </TableCell>
        <TableCell className={columns.status}>
          <StatusChip status={record.Status} />
        </TableCell>
        <TableCell className={columns.start}>{formatReaderTime(record.StartTime)}</TableCell>
        <TableCell className={columns.duration}>{formatRunDuration(record)}</TableCell>
        <TableCell className={columns.targets}>
          {summary.total === 0
            ? '—'
            : `${summary.byStatus.SUCCESS ?? 0}/${summary.total} targets succeeded${
                summary.failed > 0 ? `, ${summary.failed} failed` : ''
              }${summary.running > 0 ? `, ${summary.running} running` : ''}`}
        </TableCell>
        <TableCell className={columns.link}>
          {href ? <Link to={href}>AWS console</Link> : null}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell style={{ paddingBottom: 0, paddingTop: 0 }} colSpan={6}>
          <Collapse in={open} timeout="auto" unmountOnExit>
            <Box margin={1}>
              {record.StatusDetails ? (
                <Typography variant="body2" gutterBottom>
                  {record.StatusDetails}
                </Typography>
              ) : null}
              {tasks.map((task) => (
                <TaskBlock
                  key={task.task.TaskExecutionId ?? task.task.TaskArn}
                  task={task}
                  failedOnly={failedOnly}
                />
              ))}
              {tasks.length === 0 ? (
                <Typography variant="body2" color="textSecondary">
                  {failedOnly ? 'No failed tasks.' : 'No tasks ran.'}
                </Typography>
              ) : null}
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}
