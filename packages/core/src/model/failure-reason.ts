/**
 * The one line that says why an invocation failed, for the CLI report and the n8n alert text:
 * the first meaningful line of a failed node's stderr or of the failed Automation step's message,
 * else the invocation's StatusDetails. The text is untrusted: control characters are removed and
 * the line is bounded. SDK-free.
 */
import type { InvocationDiagnosis, InstanceCommandDiagnosis } from './diagnosis';
import type { BoundedText } from './text-bounds';

const MAX_LINE_CHARS = 240;
// Run Command's plugin Output puts stderr after this marker.
const ERROR_MARKER = /^-+ERROR-+$/;
// ANSI escape sequences, then any other control character but tab.
// eslint-disable-next-line no-control-regex -- untrusted text is checked for control characters
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex -- untrusted text is checked for control characters
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Lines that are only decoration (`-----`, `====`, `***`).
const DECORATION = /^[\s\-=*_#~.]*$/;
// Command statuses that mean the node did not fail.
const NOT_FAILED = new Set(['Success', 'Pending', 'InProgress', 'Delayed']);

/** The first `units` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair. */
function headUnits(text: string, units: number): string {
  const last = text.charCodeAt(units - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? units - 1 : units);
}

function clean(line: string): string {
  const text = line.replace(ANSI, '').replace(CONTROL, '').replace(/\t/g, ' ').trim();
  return text.length > MAX_LINE_CHARS ? `${headUnits(text, MAX_LINE_CHARS - 1)}…` : text;
}

/** The first line with words in it; a truncated tail's first line is partial and skipped. */
function firstLine(text: string | undefined, skipFirst = false): string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    if (skipFirst && index === 0 && lines.length > 1) continue;
    const cleaned = clean(line);
    if (cleaned !== '' && !ERROR_MARKER.test(cleaned) && !DECORATION.test(cleaned)) return cleaned;
  }
  return undefined;
}

/**
 * Whether the start of `tail` was cut (its first line partial). Text from the parsers says so
 * with `startCut`; text without either flag (built elsewhere, or stored before they existed) is
 * taken to be cut at the start whenever it is `truncated`, as a tail usually is.
 */
function startWasCut(tail: BoundedText): boolean {
  if (tail.startCut !== undefined) return tail.startCut;
  return tail.serviceCut === true ? false : tail.truncated;
}

function fromTail(tail: BoundedText | undefined): string | undefined {
  return tail === undefined ? undefined : firstLine(tail.text, startWasCut(tail));
}

/**
 * The stderr part of a plugin's combined Output (stdout, the marker, stderr), when it has one.
 * Without the marker the Output is stdout alone — unless SSM's cap cut its end, which is where
 * the marker and stderr would have been: then it says nothing about why, and gives no part.
 */
function stderrOfOutput(output: BoundedText | undefined): BoundedText | undefined {
  if (output === undefined) return undefined;
  const lines = output.text.split(/\r\n|\r|\n/);
  const marker = lines.findIndex((line) => ERROR_MARKER.test(line.trim()));
  if (marker < 0) return output.serviceCut === true ? undefined : output;
  // The part right after the marker starts whole, however the Output's ends were cut.
  return { text: lines.slice(marker + 1).join('\n'), truncated: false };
}

function nodeReason(node: InstanceCommandDiagnosis): string | undefined {
  const stderr = fromTail(node.output?.standardError);
  if (stderr !== undefined) return stderr;
  for (const plugin of node.plugins) {
    if (plugin.status === 'Success') continue;
    const line = fromTail(stderrOfOutput(plugin.output));
    if (line !== undefined) return line;
  }
  return undefined;
}

function runCommandReason(instances: InstanceCommandDiagnosis[]): string | undefined {
  const failed = instances.filter((node) => !NOT_FAILED.has(node.status ?? ''));
  for (const node of failed) {
    const line = nodeReason(node);
    if (line !== undefined) return line;
  }
  return undefined;
}

/**
 * The first meaningful line of why an invocation failed: a failed node's stderr (or its plugin
 * output's error part), the failed Automation step's message or exception, the execution's
 * failure message — else the invocation's StatusDetails. A tail whose start was cut skips its
 * partial first line; a combined Output that SSM's cap cut before any stderr is not read (its
 * stdout does not say why). Control characters are stripped and the line is at most 240
 * characters. `undefined` when nothing says why.
 *
 * @example
 * ```ts
 * firstReasonLine(diagnosis); // 'E: Unable to locate package nginx-full'
 * ```
 */
export function firstReasonLine(diagnosis: InvocationDiagnosis): string | undefined {
  let reason: string | undefined;
  if (diagnosis.taskType === 'RUN_COMMAND') {
    reason = runCommandReason(diagnosis.instances);
  } else if (diagnosis.taskType === 'AUTOMATION') {
    const run = diagnosis.automation;
    const step = run?.failedStep;
    reason =
      firstLine(step?.failureMessage) ??
      firstLine(step?.failureDetails?.details['ExceptionMessage']?.join('\n')) ??
      firstLine(run?.failureMessage);
  }
  return reason ?? firstLine(diagnosis.invocation.StatusDetails);
}
