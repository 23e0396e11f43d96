import React from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  formatDuration,
  isFailed,
  type InvocationSummary,
  type Serialized,
  type TaskReportSummary,
} from '@ssm-invocations/core/model';
import { formatRunDuration } from './runDuration';
import { InvocationsTable } from './InvocationsTable';
import { StatusChip } from './StatusIndicators';
import { TaskTargets } from './TaskTargets';
import { explainProblem } from './problemHints';

/** `500 targets: 490 SUCCESS, 10 FAILED · p50 1m 02s, max 3m 10s` */
function countsLine(summary: InvocationSummary): string {
  const counts = Object.entries(summary.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);
  const durations = summary.durationMs
    ? ` · p50 ${formatDuration(summary.durationMs.p50)}, max ${formatDuration(summary.durationMs.max)}`
    : '';
  const noun = summary.total === 1 ? 'target' : 'targets';
  return `${summary.total} ${noun}${counts.length > 0 ? `: ${counts.join(', ')}` : ''}${durations}`;
}

/**
 * One task of an execution: status, counts and durations over every target, the targets worth
 * looking at (failed, timed out, cancelled, running — a failed one opens to its diagnosis), and
 * the full target list on demand, page by page.
 */
export function TaskBlock(props: { task: Serialized<TaskReportSummary>; failedOnly: boolean }) {
  const { task, failedOnly } = props;
  const { WindowExecutionId, TaskExecutionId } = task.task;
  // The summary names the execution and task once; each row needs them for its diagnosis.
  const invocations = task.invocations
    .filter((invocation) => !failedOnly || isFailed(invocation.Status))
    .map((invocation) => ({ ...invocation, WindowExecutionId, TaskExecutionId }));
  const problem = task.error ? explainProblem(task.error) : undefined;
  return (
    <Box marginBottom={2} data-testid="task-block">
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <StatusChip status={task.task.Status} />
        <Typography variant="subtitle2">
          {task.task.TaskType ?? 'Task'} · {task.task.TaskArn ?? task.task.TaskExecutionId}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {formatRunDuration(task.task)}
        </Typography>
      </Box>
      {task.task.StatusDetails ? (
        <Typography variant="body2" color="textSecondary">
          {task.task.StatusDetails}
        </Typography>
      ) : null}
      <Typography variant="body2" data-testid="task-counts">
        {countsLine(task.summary)}
      </Typography>
      {problem ? (
        <Typography variant="body2" color="error" role="alert">
          {problem.title}: {problem.message} — {problem.fix}
        </Typography>
      ) : null}
      {invocations.length > 0 ? <InvocationsTable invocations={invocations} /> : null}
      {task.invocationsOmitted > 0 ? (
        <Typography variant="body2" color="textSecondary">
          {task.invocationsOmitted} more failed or running targets not listed here.
        </Typography>
      ) : null}
      {!problem && invocations.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {failedOnly || task.summary.total > 0 ? 'No failed targets.' : 'No targets invoked.'}
        </Typography>
      ) : null}
      {WindowExecutionId && TaskExecutionId ? (
        <TaskTargets
          ids={{ windowExecutionId: WindowExecutionId, taskId: TaskExecutionId }}
          total={task.summary.total}
          failedOnly={failedOnly}
        />
      ) : null}
    </Box>
  );
}
