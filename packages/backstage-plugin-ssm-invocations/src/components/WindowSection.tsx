import React from 'react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { Alert } from '@material-ui/lab';
import { isFailed } from '@ssm-invocations/core/model';
import type { EntityWindowReport } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ExecutionRow, formatReaderTime } from './ExecutionRow';
import { ExecutionStrip } from './StatusIndicators';
import { useExecutionColumnStyles } from './executionColumns';
import { explainProblem } from './problemHints';
import { windowConsoleLink } from './consoleLinks';

/** One annotated window: name, next run, outcome strip and latest executions (or its error). */
export function WindowSection(props: { window: EntityWindowReport; failedOnly: boolean }) {
  const { window: entry, failedOnly } = props;
  const columns = useExecutionColumnStyles();
  const report = entry.report;
  const title = report?.window.Name ?? entry.windowId;
  const href = windowConsoleLink({ region: entry.region, windowId: entry.windowId });
  const heading = (
    <Box display="flex" alignItems="baseline" flexWrap="wrap" style={{ gap: 12 }}>
      <Typography variant="h6" component="h3">
        {href ? <Link to={href}>{title}</Link> : title}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {entry.windowId} · {entry.region}
        {entry.accountId ? ` · ${entry.accountId}` : ''}
      </Typography>
    </Box>
  );
  if (!report) {
    const problem = explainProblem(entry.error ?? { message: 'The backend sent no report.' });
    return (
      <Box marginBottom={3} data-testid="window-section">
        {heading}
        <Alert severity="error" role="alert">
          <strong>{problem.title}.</strong> {problem.message}
          <br />
          {problem.fix}
        </Alert>
      </Box>
    );
  }
  const executions = failedOnly
    ? report.executions.filter(
        (execution) => isFailed(execution.execution.Status) || execution.summary.failed > 0,
      )
    : report.executions;
  const next = report.window.NextExecutionTime;
  return (
    <Box marginBottom={3} data-testid="window-section">
      {heading}
      <Typography variant="body2">
        Next run: {next ? formatReaderTime(next) : 'not scheduled'}
        {report.window.Schedule ? ` (${report.window.Schedule})` : ''}
        {report.window.Enabled === false ? ' · disabled' : ''}
      </Typography>
      <ExecutionStrip
        executions={report.executions.map((execution, index) => ({
          id: execution.execution.WindowExecutionId ?? String(index),
          status: execution.execution.Status,
          startTime: execution.execution.StartTime,
        }))}
      />
      {executions.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {failedOnly ? 'No failed executions in this range.' : 'No executions yet.'}
        </Typography>
      ) : (
        // Narrower than the columns' minimum widths: scroll sideways rather than squeeze.
        <Box overflow="auto">
          <Table size="small" aria-label={`Executions of ${title}`}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell className={columns.header}>Status</TableCell>
                <TableCell className={columns.header}>Start</TableCell>
                <TableCell className={columns.header}>Duration</TableCell>
                <TableCell className={columns.header}>Targets</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {executions.map((execution, index) => (
                <ExecutionRow
                  key={execution.execution.WindowExecutionId ?? index}
                  execution={execution}
                  region={entry.region}
                  windowId={entry.windowId}
                  failedOnly={failedOnly}
                />
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
