import React from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  DiagnosisInstance,
  EntityDiagnosis,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { OutputBlock } from './OutputBlock';

type AutomationDiagnosis = Extract<EntityDiagnosis, { taskType: 'AUTOMATION' }>;

// Node statuses that are not a failure of that node.
const NOT_FAILED = new Set(['Success', 'Pending', 'InProgress', 'Delayed']);

/** The exit code: the fetched output's, else the first failed plugin's; -1 means it never ran. */
function exitCodeOf(node: DiagnosisInstance): number | undefined {
  const code = node.output?.responseCode;
  if (code !== undefined) return code;
  return node.plugins.find((plugin) => plugin.status !== 'Success')?.responseCode;
}

/** What a failed node printed: stderr, else stdout, else the failed plugin's combined output. */
function printedBy(node: DiagnosisInstance) {
  const stderr = node.output?.standardError;
  if (stderr && stderr.text.trim() !== '') return { label: 'stderr', ...stderr };
  const stdout = node.output?.standardOutput;
  if (stdout && stdout.text.trim() !== '') return { label: 'stdout', ...stdout };
  const plugin = node.plugins.find((p) => p.status !== 'Success' && p.output?.text.trim());
  return plugin?.output
    ? { label: `${plugin.name ?? 'plugin'} output`, ...plugin.output }
    : undefined;
}

/** One failed node of a command: instance, status, exit code and what it printed. */
function CommandNode(props: { node: DiagnosisInstance; outputWithheld: boolean }) {
  const { node, outputWithheld } = props;
  const exitCode = exitCodeOf(node);
  const printed = printedBy(node);
  return (
    <Box marginBottom={1} data-testid="failed-node">
      <Typography variant="body2">
        <strong>{node.instanceId ?? 'Unknown node'}</strong>
        {node.instanceName ? ` (${node.instanceName})` : ''} · {node.statusDetails ?? node.status}
        {exitCode !== undefined ? (
          <>
            {' · '}
            <span data-testid="exit-code">
              {exitCode === -1 ? 'did not run (exit code -1)' : `exit code ${exitCode}`}
            </span>
          </>
        ) : null}
      </Typography>
      {printed ? (
        <OutputBlock label={printed.label} text={printed.text} truncated={printed.truncated} />
      ) : null}
      {!printed && !outputWithheld ? (
        <Typography variant="caption" color="textSecondary">
          The command printed nothing.
        </Typography>
      ) : null}
    </Box>
  );
}

/** The failed step of an Automation execution. */
function AutomationStep(props: { diagnosis: AutomationDiagnosis }) {
  const run = props.diagnosis.automation;
  if (!run) return null;
  const step = run.failedStep;
  const exception = step?.failureDetails?.details.ExceptionMessage?.join('\n');
  const message = step?.failureMessage ?? run.failureMessage;
  const messageCut = step?.failureMessage
    ? step.failureMessageTruncated
    : run.failureMessageTruncated;
  return (
    <Box marginBottom={1} data-testid="failed-step">
      <Typography variant="body2">
        Automation {run.documentName ?? ''} · {run.status ?? 'unknown status'}
        {step ? (
          <>
            {' · failed step '}
            <strong>{step.stepName ?? '?'}</strong>
            {step.action ? ` (${step.action})` : ''}
            {step.failureDetails?.failureType ? ` · ${step.failureDetails.failureType}` : ''}
            {step.failureDetails?.failureStage ? ` at ${step.failureDetails.failureStage}` : ''}
          </>
        ) : null}
      </Typography>
      {message ? (
        <OutputBlock
          label="failure message"
          text={message}
          truncated={messageCut === true}
          kept="start"
        />
      ) : null}
      {exception && exception !== message ? (
        <OutputBlock label="exception" text={exception} />
      ) : null}
    </Box>
  );
}

/** What the service that ran the invocation says, by task type. */
export function DiagnosisDetails(props: { diagnosis: EntityDiagnosis; outputWithheld: boolean }) {
  const { diagnosis, outputWithheld } = props;
  if (diagnosis.taskType === 'RUN_COMMAND') {
    const failed = diagnosis.instances.filter((node) => !NOT_FAILED.has(node.status ?? ''));
    if (failed.length === 0) {
      return (
        <Typography variant="body2" color="textSecondary">
          Run Command reports no failed node.
        </Typography>
      );
    }
    return (
      <>
        {failed.map((node) => (
          <CommandNode
            key={node.instanceId ?? node.commandId}
            node={node}
            outputWithheld={outputWithheld}
          />
        ))}
      </>
    );
  }
  if (diagnosis.taskType === 'AUTOMATION') return <AutomationStep diagnosis={diagnosis} />;
  return null;
}
