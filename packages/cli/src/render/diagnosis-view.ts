/**
 * The `invocation` command's view of a diagnosis: the invocation, then what the service that ran
 * it says (per instance: status, exit code, the end of stderr; the failed Automation step; the
 * Lambda function or Step Functions execution), the console links and what could not be read.
 * Every server string goes through `toTerminalText` before it is printed.
 */
import type {
  AutomationExecutionOutcome,
  BoundedText,
  ConsoleLink,
  DiagnosisNote,
  InstanceCommandDiagnosis,
  InvocationDiagnosis,
  InvocationRecord,
} from '@ssm-invocations/core/model';
import { formatTimestamp } from '@ssm-invocations/core/model';
import { colourStatus, type Palette } from './palette';
import { formatRunTime } from './time-format';
import { inlineText as inline } from './server-text';
import { targetIds } from './target-label';
import { toTerminalText } from './terminal-text';

/** Most lines of a stderr tail printed; the diagnosis already bounds its bytes (4 KB). */
export const MAX_STDERR_LINES = 20;
/** Stdout matters less than stderr once a command failed: fewer of its last lines. */
export const MAX_STDOUT_LINES = 8;

type Lines = string[];

/**
 * The last `maxLines` lines of a bounded output, inert, each after a gutter, with a note when
 * lines or bytes were left out.
 */
function outputBlock(
  title: string,
  output: BoundedText,
  maxLines: number,
  palette: Palette,
  pad: string,
): Lines {
  const text = toTerminalText(output.text, { keepNewlines: true }).replace(/\n+$/, '');
  if (text.trim() === '') return [];
  const all = text.split('\n');
  const shown = all.slice(-maxLines);
  const cut = all.length - shown.length;
  const notes = [
    output.truncated ? 'truncated' : undefined,
    cut > 0 ? `last ${shown.length} of ${all.length} lines` : undefined,
  ].filter((note): note is string => note !== undefined);
  const heading = `${pad}${title}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}:`;
  return [heading, ...shown.map((line) => `${pad}  ${palette.dim('│')} ${line}`)];
}

function exitCodeOf(node: InstanceCommandDiagnosis): number | undefined {
  if (node.output?.responseCode !== undefined) return node.output.responseCode;
  const failed = node.plugins.find((plugin) => plugin.status !== 'Success');
  return failed?.responseCode ?? node.plugins[0]?.responseCode;
}

function instanceLines(node: InstanceCommandDiagnosis, palette: Palette): Lines {
  const exitCode = exitCodeOf(node);
  const lines: Lines = [
    `  ${palette.bold(inline(node.instanceId))} ${colourStatus(palette, node.status)}` +
      (node.statusDetails && node.statusDetails !== node.status
        ? ` (${inline(node.statusDetails)})`
        : '') +
      (exitCode === undefined ? '' : ` · exit code ${exitCode}`) +
      (node.instanceName ? ` · ${inline(node.instanceName)}` : ''),
  ];
  for (const plugin of node.plugins) {
    if (plugin.status === 'Success' && node.plugins.length > 1) continue;
    lines.push(
      `    plugin ${inline(plugin.name)} ${colourStatus(palette, plugin.status)}` +
        (plugin.responseCode === undefined ? '' : ` · exit code ${plugin.responseCode}`),
    );
  }
  if (node.output) {
    lines.push(
      ...outputBlock('stderr', node.output.standardError, MAX_STDERR_LINES, palette, '    '),
    );
    lines.push(
      ...outputBlock('stdout', node.output.standardOutput, MAX_STDOUT_LINES, palette, '    '),
    );
    const where = node.output.outputLocation ?? node.outputLocation;
    if (where?.cloudWatchLogGroupName) {
      lines.push(`    CloudWatch log group: ${inline(where.cloudWatchLogGroupName)}`);
    }
    if (where?.standardErrorUrl) lines.push(`    stderr in S3: ${inline(where.standardErrorUrl)}`);
  } else {
    // Nodes that were not fetched one by one still have their plugin output from the list.
    const failed = node.plugins.find((plugin) => plugin.status !== 'Success' && plugin.output);
    if (failed?.output)
      lines.push(...outputBlock('output', failed.output, MAX_STDERR_LINES, palette, '    '));
  }
  return lines;
}

function automationLines(run: AutomationExecutionOutcome, palette: Palette): Lines {
  const lines: Lines = [
    `${palette.bold(`Automation ${inline(run.automationExecutionId)}`)} ` +
      `${colourStatus(palette, run.status)} · ${inline(run.documentName)}` +
      ` · ${run.stepCount} step${run.stepCount === 1 ? '' : 's'}` +
      (run.stepExecutionsTruncated ? ' (more not listed)' : ''),
  ];
  const step = run.failedStep;
  if (step) {
    lines.push(
      `  failed step ${palette.bold(inline(step.stepName))} (${inline(step.action)}) ` +
        colourStatus(palette, step.stepStatus),
    );
    if (step.failureMessage) {
      lines.push(
        `    ${inline(step.failureMessage)}${step.failureMessageTruncated ? ' (truncated)' : ''}`,
      );
    }
    const details = step.failureDetails;
    if (details) {
      lines.push(`    stage ${inline(details.failureStage)} · type ${inline(details.failureType)}`);
      for (const [name, values] of Object.entries(details.details)) {
        lines.push(`    ${inline(name)}: ${inline(values.join(' '))}`);
      }
    }
  } else if (run.failureMessage) {
    lines.push(
      `  ${inline(run.failureMessage)}${run.failureMessageTruncated ? ' (truncated)' : ''}`,
    );
  }
  return lines;
}

function serviceLines(diagnosis: InvocationDiagnosis, palette: Palette): Lines {
  switch (diagnosis.taskType) {
    case 'RUN_COMMAND':
      return [
        palette.bold(
          `Run Command ${inline(diagnosis.commandId)} · ${diagnosis.instances.length} instance` +
            (diagnosis.instances.length === 1 ? '' : 's'),
        ),
        ...diagnosis.instances.flatMap((node) => instanceLines(node, palette)),
      ];
    case 'AUTOMATION':
      return diagnosis.automation ? automationLines(diagnosis.automation, palette) : [];
    case 'LAMBDA':
      return [
        `${palette.bold('Lambda')} ${inline(diagnosis.functionName)}` +
          (diagnosis.qualifier ? ` (${inline(diagnosis.qualifier)})` : ''),
      ];
    case 'STEP_FUNCTIONS':
      return [
        `${palette.bold('Step Functions')} ${inline(diagnosis.executionArn ?? diagnosis.stateMachineArn)}`,
      ];
    default:
      return [];
  }
}

function linkLines(links: ConsoleLink[], palette: Palette): Lines {
  if (links.length === 0) return [];
  return [
    palette.bold('Links'),
    ...links.map((link) => `  ${inline(link.label)}: ${inline(link.url)}`),
  ];
}

function noteLines(notes: DiagnosisNote[], palette: Palette): Lines {
  if (notes.length === 0) return [];
  return [
    palette.bold('Notes'),
    ...notes.map(
      (note) =>
        `  ${palette.yellow(inline(note.code))}` +
        (note.operation ? ` ${inline(note.operation)}` : '') +
        `: ${inline(note.message)}`,
    ),
  ];
}

/** The invocation's own fields, one per line; long values are left to the terminal to wrap. */
function invocationLines(invocation: InvocationRecord, palette: Palette): Lines {
  const targets = targetIds(invocation);
  const rows: Array<[string, string]> = [
    ['Window execution', inline(invocation.WindowExecutionId)],
    ['Task', `${inline(invocation.TaskExecutionId)} (${inline(invocation.TaskType)})`],
    ['Window target', inline(invocation.WindowTargetId)],
    ['Targets', targets.length === 0 ? '–' : targets.map((id) => inline(id)).join(', ')],
    ['Execution', inline(invocation.ExecutionId)],
    ['Started', `${formatTimestamp(invocation.StartTime)} · ${formatRunTime(invocation)}`],
    ['Details', inline(invocation.StatusDetails)],
    ['Owner', inline(invocation.OwnerInformation)],
    ['Parameters', inline(invocation.Parameters)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `${palette.bold(`Invocation ${inline(invocation.InvocationId)}`)} ${colourStatus(palette, invocation.Status)}`,
    ...rows.map(([name, value]) => `  ${palette.dim(name.padEnd(width))}  ${value}`),
  ];
}

/**
 * The `invocation` command's view: the invocation's fields (with its targets), then per service
 * the status per instance, exit code and end of stderr, or the failed Automation step; then the
 * console links and notes on what could not be read (e.g. a follow-up call refused).
 *
 * @example
 * ```ts
 * stdout.write(renderDiagnosis(await client.diagnoseInvocation(input), palette) + '\n');
 * ```
 */
export function renderDiagnosis(diagnosis: InvocationDiagnosis, palette: Palette): string {
  const sections: Lines[] = [
    invocationLines(diagnosis.invocation, palette),
    serviceLines(diagnosis, palette),
    linkLines(diagnosis.links, palette),
    noteLines(diagnosis.notes, palette),
  ];
  const shown = sections.filter((lines) => lines.length > 0);
  return shown.map((lines) => lines.join('\n')).join('\n\n');
}
